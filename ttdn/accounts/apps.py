from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles_after_last_app(sender, using="default", **kwargs):
    """Grant role permissions once every app's permissions exist.

    Django creates permissions in post_migrate, app by app; the roles can only be
    granted after the last app with models has had its turn.
    """
    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if sender is not with_models[-1]:
        return
    from .services import sync_roles

    sync_roles(using=using)


class AccountsConfig(AppConfig):
    name = "ttdn.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth import signals as auth_signals

        from ttdn.core import scoping

        from . import login, roles, selectors

        # The login audit (logins, failures, logouts): docs/security.md#audit.
        auth_signals.user_logged_in.connect(
            login.on_logged_in, dispatch_uid="ttdn.accounts.login_audit"
        )
        auth_signals.user_login_failed.connect(
            login.on_login_failed, dispatch_uid="ttdn.accounts.login_failed_audit"
        )
        auth_signals.user_logged_out.connect(
            login.on_logged_out, dispatch_uid="ttdn.accounts.logout_audit"
        )
        post_migrate.connect(
            _sync_roles_after_last_app, dispatch_uid="ttdn.accounts.sync_roles"
        )
        # The workflow engine (core) asks this app who holds which role and which
        # organisations' records a user may act on.
        scoping.install(
            scoping.Policy(
                user_roles=selectors.user_roles,
                visible_organisation_ids=selectors.visible_organisation_ids,
                role_names=roles.role_names,
            )
        )
