"""The library in the back office: who may list, file, edit and delete; filing
through the admin form saves through the service (text read, audit entry)."""

import datetime as dt

from django.urls import reverse

from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from ttdn.accounts.tests.factories import UserFactory
from ttdn.documents import services
from ttdn.documents.models import OfficialDocument

from .factories import OfficialDocumentFactory
from .files import make_docx

pytestmark = pytest.mark.django_db


def document_form(issuer, files=(), **overrides):
    data = {
        "doc_type": "KH",
        "number": "51/KH-UBND",
        "issuer": issuer.pk,
        "signer": "KT. Chủ tịch – Phó Chủ tịch",
        "issued_on": "27/03/2017",
        "effective_from": "",
        "expires_on": "",
        "summary": "Hành động triển khai công tác đối ngoại tỉnh Sơn La",
        "field": "foreign_affairs",
        "is_public": "on",
        "files": inline_formset([{"file": f.pk, "label": "", "id": ""} for f in files]),
        "relations": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_officer_files_a_document_with_its_file(client, officer, ubnd):
    docx = services.upload_file(
        title="KH 51", name="kh51.docx", data=make_docx(["Ngoại giao kinh tế"])
    )
    client.force_login(officer)
    response = client.post(
        reverse("official_documents:add"), document_form(ubnd, files=[docx])
    )
    assert response.status_code == 302
    document = OfficialDocument.objects.get()
    assert (document.number, document.issued_on, document.created_by) == (
        "51/KH-UBND",
        dt.date(2017, 3, 27),
        officer,
    )
    assert document.files.get().text == "Ngoại giao kinh tế"
    assert (
        ModelLogEntry.objects.get(
            object_id=str(document.pk), content_type__model="officialdocument"
        ).action
        == "wagtail.create"
    )


def test_refusals_show_on_the_form_and_save_nothing(client, officer, ubnd):
    OfficialDocumentFactory(number="51/KH-UBND", issuer=ubnd)
    client.force_login(officer)
    response = client.post(reverse("official_documents:add"), document_form(ubnd))
    assert response.status_code == 200
    assert response.context["form"].errors["number"] == [
        "Số, ký hiệu: 51/KH-UBND của cơ quan ban hành này năm 2017 đã có trong "
        "thư viện."
    ]
    response = client.post(
        reverse("official_documents:add"),
        document_form(
            ubnd,
            number="52/KH-UBND",
            effective_from="01/05/2017",
            expires_on="01/04/2017",
        ),
    )
    assert response.context["form"].errors["__all__"] == [
        "Hết hiệu lực: ngày này không được trước ngày có hiệu lực."
    ]
    assert OfficialDocument.objects.count() == 1


def test_search_in_the_admin_listing_reads_the_files(client, officer, ubnd):
    docx = services.upload_file(
        title="KH", name="kh.docx", data=make_docx(["Hợp tác với tỉnh Hủa Phăn"])
    )
    found = services.document_create(
        doc_type="KH",
        number="5/KH-UBND",
        issuer=ubnd,
        issued_on=dt.date(2020, 1, 2),
        summary="Kế hoạch A",
        files=[docx],
        user=officer,
    )
    services.document_create(
        doc_type="KH",
        number="6/KH-UBND",
        issuer=ubnd,
        issued_on=dt.date(2020, 1, 2),
        summary="Kế hoạch B",
        user=officer,
    )
    client.force_login(officer)
    response = client.get(reverse("official_documents:index"), {"q": "hua phan"})
    assert list(response.context["object_list"]) == [found]


@pytest.mark.parametrize(
    "who, index, edit_own, edit_other_private, delete",
    [
        ("anonymous", "login", "login", "login", "login"),
        ("no_role", "login", "login", "login", "login"),
        ("focal_point", 200, 200, 404, "denied"),
        ("editor", 200, 200, 200, "denied"),
        ("officer", 200, 200, 200, 200),
    ],
)
def test_permission_matrix(
    client,
    who,
    index,
    edit_own,
    edit_other_private,
    delete,
    ubnd,
    unit,
    officer,
    focal_point,
    editor,
):
    own = OfficialDocumentFactory(issuer=unit, is_public=False)
    other = OfficialDocumentFactory(issuer=ubnd, is_public=False)
    users = {
        "officer": officer,
        "focal_point": focal_point,
        "editor": editor,
        "no_role": UserFactory(username="khach"),
    }
    if who in users:
        client.force_login(users[who])

    def status(url):
        response = client.get(url)
        if response.status_code == 302 and "login" in response["Location"]:
            return "login"
        if response.status_code == 302 and response["Location"] == "/admin/":
            return "denied"
        return response.status_code

    assert status(reverse("official_documents:index")) == index
    assert status(reverse("official_documents:edit", args=[own.pk])) == edit_own
    assert (
        status(reverse("official_documents:edit", args=[other.pk]))
        == edit_other_private
    )
    assert status(reverse("official_documents:delete", args=[own.pk])) == delete


def test_focal_point_cannot_move_a_document_to_another_body(
    client, focal_point, unit, ubnd
):
    own = OfficialDocumentFactory(issuer=unit, number="3/BC-SYT")
    client.force_login(focal_point)
    response = client.post(
        reverse("official_documents:edit", args=[own.pk]),
        document_form(ubnd, number="3/BC-SYT"),
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Cơ quan ban hành: bạn chỉ được lưu và sửa văn bản của đơn vị mình."
    ]
    own.refresh_from_db()
    assert own.issuer == unit
