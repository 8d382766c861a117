"""The public form: bad input named in Vietnamese, spam (honeypot, too fast,
forged or expired time stamp), the per-address limit without storing the
address; nothing is saved when refused."""

import time

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import CollectionViewRestriction

import pytest

from ttdn.affairs.calendar import add_working_days
from ttdn.questions import throttle
from ttdn.questions.forms import started_token
from ttdn.questions.models import Question

from .conftest import form_data

pytestmark = pytest.mark.django_db


def test_the_form_page(client, home, body):
    response = client.get("/hoi-dap/gui/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="started"' in html
    assert 'class="hp-field" aria-hidden="true"' in html


def test_a_question_is_received_routed_and_given_a_code(client, home, body):
    response = client.post("/hoi-dap/gui/", form_data())
    assert response.status_code == 200
    question = Question.objects.get()
    assert question.code.startswith("HD-") and len(question.code) == 12
    assert (question.status, question.organisation, question.topic) == (
        "received",
        body,
        "consular",
    )
    assert question.due_on == add_working_days(question.received_at.date(), 15)
    html = response.content.decode()
    assert question.code in html
    assert "Sở Ngoại vụ tỉnh Sơn La" in html


def test_empty_form_names_every_field(client, home, body):
    response = client.post(
        "/hoi-dap/gui/",
        form_data(name="", contact="", subject="", question=""),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["name"] == ["Họ và tên: hãy nhập họ tên của bạn."]
    assert errors["contact"] == ["Thư điện tử hoặc điện thoại: hãy nhập một trong hai."]
    assert errors["subject"] == ["Tiêu đề: hãy nói ngắn gọn câu hỏi về việc gì."]
    assert errors["question"] == ["Câu hỏi: hãy viết câu hỏi của bạn."]
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    "contact, message",
    [
        (
            "lan@",
            "Thư điện tử hoặc điện thoại: “lan@” không phải là địa chỉ thư điện tử "
            "hợp lệ.",
        ),
        (
            "0912",
            "Thư điện tử hoặc điện thoại: hãy nhập địa chỉ thư điện tử hoặc số điện "
            "thoại có ít nhất 9 chữ số.",
        ),
    ],
)
def test_bad_contact(client, home, body, contact, message):
    response = client.post("/hoi-dap/gui/", form_data(contact=contact))
    assert response.context["form"].errors["contact"] == [message]
    assert not Question.objects.exists()


def test_a_phone_number_is_accepted(client, home, body):
    client.post("/hoi-dap/gui/", form_data(contact="0212 385 2020"))
    assert Question.objects.get().contact == "0212 385 2020"


def test_attachment_kept_out_of_public_reach(client, home, body):
    upload = SimpleUploadedFile("giay-moi.pdf", b"%PDF-1.4 test", "application/pdf")
    client.post("/hoi-dap/gui/", {**form_data(), "attachment": upload})
    question = Question.objects.get()
    document = question.attachment
    assert document.collection.name == "Hỏi đáp (tệp đính kèm, hạn chế)"
    assert CollectionViewRestriction.objects.filter(
        collection=document.collection
    ).exists()
    response = client.get(document.url)
    assert response.status_code == 302  # to the login page


def test_a_bad_attachment_is_named(client, home, body):
    upload = SimpleUploadedFile("virus.exe", b"MZ", "application/octet-stream")
    response = client.post("/hoi-dap/gui/", {**form_data(), "attachment": upload})
    assert response.context["form"].errors["attachment"] == [
        "Tệp đính kèm: chỉ nhận tệp PDF, DOCX, JPG hoặc PNG."
    ]
    assert not Question.objects.exists()


SPAM_MESSAGE = "Không gửi được câu hỏi. Hãy kiểm tra lại và gửi lại."


@pytest.mark.parametrize(
    "overrides",
    [
        {"website": "http://spam.example"},
        {"started": "now"},  # sent at once
        {"started": "forged"},
        {"started": ""},
    ],
)
def test_spam_is_refused(client, home, body, overrides):
    if overrides.get("started") == "now":
        overrides = {"started": started_token(time.time())}
    response = client.post("/hoi-dap/gui/", form_data(**overrides))
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [SPAM_MESSAGE]
    assert not Question.objects.exists()


def test_an_expired_form_keeps_the_text_and_gets_a_new_stamp(client, home, body):
    response = client.post(
        "/hoi-dap/gui/", form_data(started=started_token(time.time() - 3 * 3600))
    )
    form = response.context["form"]
    assert form.non_field_errors() == [
        "Biểu mẫu đã mở quá lâu và hết hạn: nội dung của bạn vẫn còn bên dưới, hãy "
        "gửi lại."
    ]
    assert form.data["started"] != form_data()["started"]
    assert "Thủ tục xin thị thực sang Lào" in response.content.decode()
    assert not Question.objects.exists()


def test_rate_limit_per_address_without_storing_it(client, home, body, settings):
    settings.TTDN_QUESTIONS = {**settings.TTDN_QUESTIONS, "RATE_LIMIT": 2}
    for _ in range(2):
        assert client.post("/hoi-dap/gui/", form_data()).status_code == 200
    response = client.post("/hoi-dap/gui/", form_data())
    assert response.status_code == 429
    assert response.context["form"].non_field_errors() == [
        "Đã có quá nhiều câu hỏi gửi từ kết nối của bạn trong một giờ qua. Hãy thử "
        "lại sau."
    ]
    assert Question.objects.count() == 2
    # Another address is not limited.
    response = client.post("/hoi-dap/gui/", form_data(), REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    # The counter is kept under a keyed hash: the address is not in the key, and
    # the value is only a number.
    key = throttle._key("127.0.0.1", int(time.time() // 3600))
    assert cache.get(key) == 2
    assert "127.0.0.1" not in key and key.startswith("questions:rate:")
    assert key != throttle._key("10.1.2.3", int(time.time() // 3600))


def test_no_body_configured_is_explained(client, home):
    response = client.post("/hoi-dap/gui/", form_data())
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Chưa nhận được câu hỏi: cổng thông tin chưa chọn cơ quan ngoại vụ trong "
        "thiết lập danh mục."
    ]
