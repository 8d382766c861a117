"""Security hooks of the kernel: checked document downloads (``files.py``) and
the audit actions the product adds to Wagtail's (docs/security.md)."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import audit, files
from .admin.site_history import AuditTrailView


@hooks.register("register_log_actions")
def register_security_actions(actions):
    actions.register_action(audit.DOWNLOAD, _("Download"), _("Downloaded"))
    actions.register_action(audit.EXPORT, _("Export"), _("Exported"))
    actions.register_action(audit.LOGIN, _("Login"), _("Logged in"))
    actions.register_action(audit.LOGIN_FAILED, _("Failed login"), _("Login failed"))
    actions.register_action(audit.LOGOUT, _("Logout"), _("Logged out"))
    actions.register_action(
        audit.REFUSED_UPLOAD, _("Refused upload"), _("Upload refused")
    )


@hooks.register("before_serve_document")
def check_document_access(document, request):
    """Only public documents for anonymous readers; others by permission and
    organisation, each download of a non-public one logged."""
    if files.is_public_document(document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not files.may_download(request.user, document):
        raise PermissionDenied
    audit.log_download(document, user=request.user)
    return None


@hooks.register("register_admin_urls")
def register_audit_trail_urls():
    return [
        path("audit/", AuditTrailView.as_view(), name="core_audit_trail"),
        path(
            "audit/results/",
            AuditTrailView.as_view(results_only=True),
            name="core_audit_trail_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_audit_trail_menu_item():
    return MenuItem(
        _("Audit trail"), reverse("core_audit_trail"), icon_name="history", order=900
    )
