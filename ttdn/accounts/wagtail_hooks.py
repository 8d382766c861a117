"""Back-office pages of the accounts app: locked logins (lockouts.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import lockouts, services, twofactor
from .twofactor_views import SetupView, VerifyView


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "accounts/lockouts/",
            lockouts.LockoutView.as_view(),
            name="accounts_lockouts",
        ),
        path("2fa/setup/", SetupView.as_view(), name="accounts_2fa_setup"),
        path("2fa/verify/", VerifyView.as_view(), name="accounts_2fa_verify"),
    ]


class LockoutMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(lockouts.PERMISSION)


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return LockoutMenuItem(
        _("Locked logins"), reverse("accounts_lockouts"), icon_name="lock", order=610
    )


@hooks.register("register_log_actions")
def register_actions(actions):
    actions.register_action(services.UNLOCK, _("Unlock login"), _("Login unlocked"))
    actions.register_action(
        twofactor.ENROL, _("Two-factor enrolment"), _("Two-factor login set up")
    )
    actions.register_action(
        twofactor.VERIFY_FAILED,
        _("Wrong two-factor code"),
        _("Two-factor code refused"),
    )
    actions.register_action(
        twofactor.RESET, _("Two-factor reset"), _("Two-factor login reset")
    )
