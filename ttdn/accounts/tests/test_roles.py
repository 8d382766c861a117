from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Page, WorkflowPage

import pytest

from ttdn.accounts import roles
from ttdn.accounts.services import role_group, sync_roles

pytestmark = pytest.mark.django_db


def page_permissions(key):
    return set(
        GroupPagePermission.objects.filter(
            group=role_group(key), page=Page.get_first_root_node()
        ).values_list("permission__codename", flat=True)
    )


def test_every_role_is_a_group_created_by_migrations():
    names = set(Group.objects.values_list("name", flat=True))
    assert {r.group_name for r in roles.ROLES.values()} <= names
    assert "Editors" not in names and "Moderators" not in names


def test_editor_can_edit_but_not_publish_pages():
    assert page_permissions(roles.EDITOR) == {"add_page", "change_page", "lock_page"}


def test_approver_can_publish():
    assert "publish_page" in page_permissions(roles.APPROVER)


def test_every_role_may_enter_the_admin():
    access = Permission.objects.get(codename="access_admin")
    for key in roles.ROLES:
        assert access in role_group(key).permissions.all(), key


def test_root_page_uses_the_approval_workflow():
    workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    assert workflow.name == roles.APPROVAL_WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {
        "Lãnh đạo duyệt tin",
        "Quản trị hệ thống",
    }


def test_sync_roles_is_idempotent_and_keeps_manual_grants():
    editor = role_group(roles.EDITOR)
    extra = Permission.objects.get(codename="add_redirect")
    editor.permissions.add(extra)
    assert not Permission.objects.exclude(
        group=role_group(roles.ADMINISTRATOR)
    ).exists(), "administrators hold every permission after migrate"
    before = (
        Permission.objects.filter(group__isnull=False).count(),
        GroupPagePermission.objects.count(),
    )
    sync_roles()
    sync_roles()
    after = (
        Permission.objects.filter(group__isnull=False).count(),
        GroupPagePermission.objects.count(),
    )
    assert before == after
    assert extra in editor.permissions.all()
