"""Login protection and the login audit (docs/security.md#login).

django-axes counts failed logins per account and per address and locks either
after ``AXES_FAILURE_LIMIT`` failures; this module gives it the reader's address
(as the analytics do: REMOTE_ADDR or the trusted proxy's header) and the
Vietnamese lockout page. Every login, failed login and logout also becomes an
audit entry on the account (unknown user names are kept by axes' failure log).
"""

import hashlib
import logging
import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from wagtail.admin.views.account import PasswordResetView

from . import services

logger = logging.getLogger(__name__)


def client_ip(request) -> str:
    header = settings.TTDN_ANALYTICS.get("CLIENT_IP_HEADER") or ""
    value = request.META.get(header, "") if header else ""
    if value:
        return value.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "") or "0.0.0.0"


def lockout_response(request, original_response=None, credentials=None):
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    html = render_to_string(
        "accounts/locked_out.html",
        {
            "message": _(
                "Too many failed login attempts: this account or this network "
                "address is locked for %(minutes)s minutes. Try again later or "
                "ask an administrator to unlock it."
            )
            % {"minutes": minutes},
            "minutes": minutes,
        },
        request=request,
    )
    return HttpResponse(html, status=429)


def _user_named(username):
    if not username:
        return None
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


def on_logged_in(sender, request, user, **kwargs):
    services.log_login(user)


def on_login_failed(sender, credentials, request=None, **kwargs):
    user = _user_named((credentials or {}).get("username"))
    if user is not None:
        services.log_login_failed(user)


def on_logged_out(sender, request, user, **kwargs):
    if user is not None and user.pk is not None:
        # The stored user, not the request's wrapper (Wagtail logs by type).
        services.log_logout(get_user_model()._default_manager.get(pk=user.pk))


# --- password reset throttling ---------------------------------------------------
def _throttled(kind: str, value: str, *, limit: int, window: int) -> bool:
    """Count one request for *value* (hashed, never stored as is); True once
    more than *limit* arrived within *window* seconds."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}\n{kind}\n{value}".encode())
    key = f"accounts:reset:{kind}:{digest.hexdigest()[:32]}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset, at most RESET_LIMIT requests per address and
    per e-mail address per hour (docs/security.md#login)."""

    def post(self, request, *args, **kwargs):
        limit = settings.TTDN_PASSWORD_RESET_LIMIT
        email = (request.POST.get("email") or "").strip().lower()
        over_address = _throttled("ip", client_ip(request), limit=limit, window=3600)
        over_email = bool(email) and _throttled(
            "email", email, limit=limit, window=3600
        )
        if over_address or over_email:
            logger.warning(
                "Password reset throttled (%s)", "address" if over_address else "e-mail"
            )
            form = self.get_form()
            form.add_error(
                None,
                _(
                    "Too many password reset requests: try again in an hour or "
                    "ask an administrator."
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)
