"""Routing, answering, approval and publication on the workflow engine; the
status lookup shows no personal data; who sees what in the back office."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from ttdn.core.models import TransitionLog
from ttdn.questions import services
from ttdn.questions.models import Question

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(body):
    return services.question_submit(
        name="Nguyễn Thị Lan",
        contact="lan@example.org",
        topic="consular",
        subject="Thủ tục xin thị thực sang Lào",
        question="Tôi muốn sang tỉnh Hủa Phăn thăm người thân, cần giấy tờ gì?",
    )


def _answer(question, user, text="Bạn cần hộ chiếu còn hạn ít nhất 6 tháng."):
    question.answer = text
    services.question_save(question, user=user)


def test_answered_approved_and_published(client, home, question, focal_point, officer):
    _answer(question, focal_point)
    services.question_transition(question, "submit", user=focal_point)
    assert question.status == "submitted"
    assert question.answered_by == focal_point
    # Not on the portal before approval.
    assert question.code not in client.get("/hoi-dap/").content.decode()
    services.question_transition(question, "publish", user=officer)
    html = client.get("/hoi-dap/").content.decode()
    assert "Bạn cần hộ chiếu còn hạn ít nhất 6 tháng." in html
    assert f'id="{question.code}"' in html
    assert "Nguyễn Thị Lan" not in html and "lan@example.org" not in html
    assert [e.action for e in TransitionLog.objects.order_by("pk")] == [
        "create",
        "submit",
        "publish",
    ]
    # Found by the words of the answer, without diacritics.
    response = client.get("/hoi-dap/", {"q": "ho chieu con han"})
    assert list(response.context["page_obj"]) == [question]


def test_a_focal_point_cannot_publish_nor_submit_an_empty_answer(question, focal_point):
    with pytest.raises(ValidationError) as caught:
        services.question_transition(question, "submit", user=focal_point)
    assert caught.value.message_dict["answer"] == [
        "Câu trả lời: hãy viết câu trả lời trước khi trình."
    ]
    _answer(question, focal_point)
    services.question_transition(question, "submit", user=focal_point)
    with pytest.raises(ValidationError):
        services.question_transition(question, "publish", user=focal_point)
    assert Question.objects.get(pk=question.pk).status == "submitted"


def test_return_needs_a_comment(question, focal_point, officer):
    _answer(question, focal_point)
    services.question_transition(question, "submit", user=focal_point)
    with pytest.raises(ValidationError):
        services.question_transition(question, "return", user=officer)
    services.question_transition(
        question, "return", user=officer, comment="Bổ sung lệ phí thị thực."
    )
    assert question.status == "assigned"


def test_routing_to_another_organisation(
    question, officer, focal_point, other_focal_point, other_body
):
    services.question_transition(
        question,
        "assign",
        user=officer,
        values={"organisation": other_body, "due_on": dt.date(2030, 1, 10)},
    )
    question.refresh_from_db()
    assert (question.organisation, question.status) == (other_body, "assigned")
    # The first body's focal point no longer sees it; the new one answers it.
    from ttdn.questions.selectors import questions_for

    assert not questions_for(focal_point).filter(pk=question.pk).exists()
    _answer(question, other_focal_point)
    assert Question.objects.get(pk=question.pk).answer.startswith("Bạn cần")


def test_an_edit_outside_the_scope_or_state_is_refused(
    question, focal_point, other_focal_point, officer
):
    question.answer = "Trả lời thử"
    with pytest.raises(PermissionDenied) as caught:
        services.question_save(question, user=other_focal_point)
    assert str(caught.value) == (
        "Câu hỏi này ở trạng thái Đã tiếp nhận: bạn không thể sửa lúc này."
    )
    _answer(question, focal_point)
    services.question_transition(question, "submit", user=focal_point)
    question.answer = "Sửa sau khi trình"
    with pytest.raises(PermissionDenied):
        services.question_save(question, user=focal_point)
    assert Question.objects.get(pk=question.pk).answer.startswith("Bạn cần")


def test_status_lookup_shows_no_personal_data(client, home, question):
    response = client.get("/hoi-dap/tra-cuu/", {"ma": question.code.lower()})
    html = response.content.decode()
    assert "Đã tiếp nhận" in html
    assert question.due_on.strftime("%d/%m/%Y") in html
    assert "Nguyễn Thị Lan" not in html and "lan@example.org" not in html
    assert "hộ chiếu" not in html
    response = client.get("/hoi-dap/tra-cuu/", {"ma": "HD-0000-0000"})
    assert "Không có câu hỏi nào có mã này" in response.content.decode()
    response = client.get("/hoi-dap/tra-cuu/", {"ma": ""})
    assert response.context["form"].errors["ma"] == [
        "Mã tra cứu: hãy nhập mã bạn đã nhận."
    ]


@pytest.mark.parametrize(
    "who, index, inspect",
    [
        ("anonymous", "login", "login"),
        ("focal_point", 200, 200),
        ("other_focal_point", 200, 404),
        ("officer", 200, 200),
    ],
)
def test_back_office_permissions(
    client, question, who, index, inspect, focal_point, other_focal_point, officer
):
    users = {
        "focal_point": focal_point,
        "other_focal_point": other_focal_point,
        "officer": officer,
    }
    if who in users:
        client.force_login(users[who])

    def status(url):
        response = client.get(url)
        if response.status_code == 302 and "login" in response["Location"]:
            return "login"
        return response.status_code

    assert status(reverse("questions_admin:index")) == index
    assert status(reverse("questions_admin:inspect", args=[question.pk])) == inspect


def test_publishing_from_the_back_office(client, home, question, focal_point, officer):
    _answer(question, focal_point)
    services.question_transition(question, "submit", user=focal_point)
    client.force_login(officer)
    url = reverse("questions_admin:transition", args=[question.pk, "publish"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"comment": ""})
    assert response.status_code == 302
    assert Question.objects.get(pk=question.pk).status == "published"


def test_overdue_filter(client, question, officer, body):
    Question.objects.filter(pk=question.pk).update(due_on=dt.date(2020, 1, 2))
    on_time = services.question_submit(
        name="Lò Văn Tú",
        contact="0912345678",
        subject="Lịch giao lưu",
        question="Năm nay có giao lưu văn hóa với Lào không?",
    )
    client.force_login(officer)
    response = client.get(reverse("questions_admin:index"), {"overdue": "true"})
    assert list(response.context["object_list"]) == [question]
    response = client.get(reverse("questions_admin:index"), {"overdue": "false"})
    assert list(response.context["object_list"]) == [on_time]
