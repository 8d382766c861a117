"""Locked logins in the back office: which accounts and network addresses are
locked after failed logins (django-axes), and unlocking them
(docs/security.md#login). Administrators only (``axes.delete_accessattempt``)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Sum
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from axes.models import AccessAttempt

from . import services

PERMISSION = "axes.delete_accessattempt"


def recent_attempts():
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(attempt_time__gte=since)


def locked_rows(field: str) -> list[dict]:
    """Accounts (``username``) or addresses (``ip_address``) with recent
    failures, most failures first; ``locked`` when at the limit."""
    limit = settings.AXES_FAILURE_LIMIT
    attempts = recent_attempts().exclude(**{f"{field}__isnull": True})
    if field == "username":
        attempts = attempts.exclude(username="")
    rows = (
        attempts.values(field)
        .annotate(
            failures=Sum("failures_since_start"),
            last=Max("attempt_time"),
            attempts=Count("pk"),
        )
        .order_by("-failures", field)
    )
    return [
        {"key": row[field], "failures": row["failures"], "last": row["last"],
         "locked": row["failures"] >= limit}
        for row in rows
    ]  # fmt: skip


class LockoutView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/lockouts.html"
    page_title = gettext_lazy("Locked logins")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["accounts"] = locked_rows("username")
        context["addresses"] = locked_rows("ip_address")
        context["limit"] = settings.AXES_FAILURE_LIMIT
        context["minutes"] = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        return context

    def post(self, request):
        username = request.POST.get("username", "").strip()
        address = request.POST.get("ip_address", "").strip()
        if not username and not address:
            messages.error(request, _("Choose an account or an address to unlock."))
            return redirect("accounts_lockouts")
        removed = services.unlock_login(
            username=username or None, ip_address=address or None, user=request.user
        )
        messages.success(
            request,
            _("Unlocked %(what)s (%(count)s failed attempt(s) cleared).")
            % {"what": username or address, "count": removed},
        )
        return redirect("accounts_lockouts")
