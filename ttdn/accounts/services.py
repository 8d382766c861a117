"""Role set-up: groups, their permissions and the article approval workflow."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from axes.utils import reset

from ttdn.core import audit

from . import roles


def _permission(natural_key: str) -> Permission | None:
    app_label, codename = natural_key.split(".", 1)
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


def _page_permission(permission_type: str) -> Permission:
    content_type = ContentType.objects.get_for_model(Page)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{permission_type}_page",
        defaults={"name": f"Can {permission_type} page"},
    )
    return permission


def role_group(key: str) -> Group:
    """The group of a role (created by accounts migration 0002)."""
    return Group.objects.get(name=roles.ROLES[key].group_name)


@transaction.atomic
def sync_roles(*, using: str = "default") -> None:
    """Make every role group hold at least the permissions roles.py gives it.

    Idempotent; never removes what an administrator granted by hand.
    """
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for role in roles.ROLES.values():
        group, _ = Group.objects.get_or_create(name=role.group_name)
        if role.all_permissions:
            group.permissions.add(*Permission.objects.all())
        else:
            wanted = [_permission(key) for key in role.permissions]
            group.permissions.add(*[p for p in wanted if p is not None])
        if root_page is not None:
            for permission_type in role.page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=_page_permission(permission_type),
                )
        if root_collection is not None:
            for key in role.collection_permissions:
                permission = _permission(key)
                if permission is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
    if root_page is not None:
        _ensure_approval_workflow(root_page)


def _ensure_approval_workflow(root_page: Page) -> None:
    approvers = Group.objects.filter(
        name__in=[
            r.group_name
            for r in roles.ROLES.values()
            if r.approves_articles or r.all_permissions
        ]
    )
    task, _ = GroupApprovalTask.objects.get_or_create(name=roles.APPROVAL_TASK_NAME)
    task.groups.add(*approvers)
    workflow, created = Workflow.objects.get_or_create(
        name=roles.APPROVAL_WORKFLOW_NAME
    )
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.update_or_create(
            page=root_page, defaults={"workflow": workflow}
        )


# --- login audit (ttdn/accounts/login.py) -------------------------------------------
def log_login(user):
    return audit.log(instance=user, action=audit.LOGIN, user=user)


def log_login_failed(user):
    """A wrong password for an existing account (no actor: nobody is signed in)."""
    return audit.log(instance=user, action=audit.LOGIN_FAILED, user=None)


def log_logout(user):
    return audit.log(instance=user, action=audit.LOGOUT, user=user)


UNLOCK = "ttdn.unlock_login"


@transaction.atomic
def unlock_login(*, username=None, ip_address=None, user) -> int:
    """Clear the failed logins of an account or a network address (so it can log
    in again at once); the unlock is an audit entry on the account, or on the
    administrator who unlocked an address. Returns the attempts cleared."""
    removed = reset(ip=ip_address, username=username)
    User = get_user_model()
    target = (
        User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
        if username
        else None
    )
    audit.log(
        instance=target or user,
        action=UNLOCK,
        user=audit.actor(user),
        data={
            "username": username or "",
            "address": ip_address or "",
            "cleared": removed,
        },
    )
    return removed
