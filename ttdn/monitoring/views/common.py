"""What the monitoring admin views share: time display, permission checks, the
read-only policy of what the pipeline writes, single pages in the menu."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect

from wagtail.permission_policies import ModelPermissionPolicy

from ttdn.core.admin_pages import AdminPageViewSet
from ttdn.core.timefmt import to_local


def local(value) -> str:
    return f"{to_local(value):%d/%m/%Y %H:%M}" if value else ""


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Records the pipeline writes: nobody adds, edits or deletes them in the
    admin (items are reviewed in the inbox)."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _back(request, fallback: str):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/admin/"):
        return redirect(target)
    return redirect(fallback)


def _error_text(error: ValidationError) -> str:
    return " ".join(
        str(m) for messages_ in error.message_dict.values() for m in messages_
    )


class PermissionPageViewSet(AdminPageViewSet):
    """A single page, in the menu for users with ``permission``."""

    permission = ""

    def shown_to(self, user) -> bool:
        return user.has_perm(self.permission)
