"""Editor drafts and submits; approver approves and publishes; editor cannot publish."""

from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.portal.models import ArticlePage
from ttdn.portal.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Thông tin đối ngoại", slug="ttdn")


@pytest.fixture
def editor():
    return UserFactory(username="bientap", roles=[roles.EDITOR])


@pytest.fixture
def approver():
    return UserFactory(username="duyet", roles=[roles.APPROVER])


def article_form(action, title="Đoàn công tác tỉnh Sơn La thăm Luang Prabang"):
    data = nested_form_data(
        {
            "title": title,
            "slug": "doan-cong-tac",
            "lead": "Đoàn công tác của tỉnh làm việc tại Lào.",
            "body": streamfield(
                [("paragraph", rich_text("<p>Hai bên trao đổi hợp tác.</p>"))]
            ),
            "author": "Phóng viên",
            "published_time_known": "on",
            "tags": "Lào",
            "comments": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


def add_url(section):
    return reverse("wagtailadmin_pages:add", args=("portal", "articlepage", section.pk))


def test_editor_sees_no_publish_permission(section, editor):
    assert not section.permissions_for_user(editor).can_publish_subpage()
    page_perms = section.permissions_for_user(editor)
    assert page_perms.can_add_subpage()


def test_editor_publish_attempt_creates_nothing_live(client, section, editor):
    client.force_login(editor)
    response = client.post(add_url(section), article_form("action-publish"))
    assert response.status_code in (200, 302, 403)
    assert not ArticlePage.objects.live().exists()


def test_editor_submits_approver_approves_and_publishes(
    client, section, editor, approver
):
    client.force_login(editor)
    response = client.post(add_url(section), article_form("action-submit"))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ArticlePage.objects.get(slug="doan-cong-tac")
    assert not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == roles.APPROVAL_WORKFLOW_NAME
    task_state = state.current_task_state

    # the editor cannot approve their own submission
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "approve", task_state.pk),
    )
    response = client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live
    assert response.status_code in (302, 403)

    client.force_login(approver)
    response = client.post(url, {"comment": "Đồng ý đăng."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert client.get(page.url).status_code == 200


def test_approver_can_publish_directly(client, section, approver):
    client.force_login(approver)
    response = client.post(add_url(section), article_form("action-publish"))
    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="doan-cong-tac").live


def test_anonymous_and_roleless_users_cannot_reach_the_admin(client, section):
    response = client.get(add_url(section))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    client.force_login(UserFactory(username="khong-vai-tro"))
    response = client.get(add_url(section))
    assert response.status_code in (302, 403)
    assert not ArticlePage.objects.exists()
