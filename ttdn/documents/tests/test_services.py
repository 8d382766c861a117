import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, ModelLogEntry

import pytest

from ttdn.documents import extraction, services
from ttdn.documents.choices import DocumentType, RelationKind
from ttdn.documents.models import DocumentFile, DocumentRelation, OfficialDocument

from .factories import OfficialDocumentFactory
from .files import make_docx, make_pdf

pytestmark = pytest.mark.django_db


def _upload(name, data, title="Tệp"):
    return services.upload_file(title=title, name=name, data=data)


def _create(ubnd, user, **kwargs):
    values = {
        "doc_type": DocumentType.PLAN,
        "number": "51/KH-UBND",
        "issuer": ubnd,
        "issued_on": dt.date(2017, 3, 27),
        "summary": "Hành động triển khai công tác đối ngoại tỉnh Sơn La",
        "user": user,
        "is_public": True,
    }
    values.update(kwargs)
    return services.document_create(**values)


def test_pdf_and_docx_text_is_read_and_searchable(ubnd, officer):
    pdf = _upload("kh51.pdf", make_pdf(["Tang cuong hop tac voi cac tinh Bac Lao"]))
    docx = _upload("phuluc.docx", make_docx(["Phụ lục: Ngoại giao kinh tế năm 2017"]))
    document = _create(ubnd, officer, files=[pdf, docx])

    texts = [row.text for row in document.files.order_by("sort_order")]
    assert texts == [
        "Tang cuong hop tac voi cac tinh Bac Lao",
        "Phụ lục: Ngoại giao kinh tế năm 2017",
    ]
    assert "tang cuong hop tac voi cac tinh bac lao" in document.search_text
    assert "phu luc: ngoai giao kinh te nam 2017" in document.search_text
    assert document.search_text.startswith(
        "51/kh-ubnd | 51 kh ubnd | ke hoach | hanh dong"
    )


def test_files_move_into_the_restricted_collection(ubnd, officer):
    pdf = _upload("kh51.pdf", make_pdf(["x"]))
    pdf.collection = Collection.get_first_root_node()
    pdf.save()
    _create(ubnd, officer, files=[pdf])

    pdf.refresh_from_db()
    collection = services.private_collection()
    assert pdf.collection_id == collection.pk
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == CollectionViewRestriction.LOGIN


def test_create_writes_an_audit_entry(ubnd, officer):
    document = _create(ubnd, officer)
    entry = ModelLogEntry.objects.get(object_id=str(document.pk))
    assert (entry.action, entry.user_id) == ("wagtail.create", officer.pk)


def test_same_number_of_the_same_body_in_the_same_year_is_refused(ubnd, officer):
    _create(ubnd, officer)
    with pytest.raises(ValidationError) as caught:
        _create(ubnd, officer, number="51/kh-ubnd", issued_on=dt.date(2017, 8, 1))
    assert caught.value.message_dict == {
        "number": [
            "Số, ký hiệu: 51/kh-ubnd của cơ quan ban hành này năm 2017 đã có "
            "trong thư viện."
        ]
    }
    assert OfficialDocument.objects.count() == 1
    # Another year is another document.
    _create(ubnd, officer, issued_on=dt.date(2018, 1, 5))
    assert OfficialDocument.objects.count() == 2


def test_bad_number_and_dates_are_named(ubnd, officer):
    with pytest.raises(ValidationError) as caught:
        _create(
            ubnd,
            officer,
            number="51 KH UBND",
            effective_from=dt.date(2017, 4, 1),
            expires_on=dt.date(2017, 3, 1),
        )
    errors = caught.value.message_dict
    assert errors["number"] == [
        "Số, ký hiệu: một số, dấu gạch chéo và ký hiệu không có dấu cách, ví dụ "
        "51/KH-UBND hoặc 08/2022/NĐ-CP."
    ]
    assert errors["__all__"] == [
        "Hết hiệu lực: ngày này không được trước ngày có hiệu lực."
    ]
    assert not OfficialDocument.objects.exists()
    assert not get_document_model().objects.exists()


def test_a_focal_point_files_only_their_own_bodys_documents(ubnd, unit, focal_point):
    with pytest.raises(PermissionDenied):
        _create(ubnd, focal_point)
    assert not OfficialDocument.objects.exists()
    own = _create(unit, focal_point, number="12/BC-SYT", doc_type=DocumentType.REPORT)
    assert own.created_by == focal_point
    own.issuer = ubnd
    with pytest.raises(PermissionDenied):
        services.document_save(own, user=focal_point)
    assert OfficialDocument.objects.get(pk=own.pk).issuer == unit


def test_relations_are_checked(ubnd, officer):
    old = _create(ubnd, officer, number="20/KH-UBND", issued_on=dt.date(2016, 2, 1))
    new = _create(ubnd, officer)
    new.relations = [
        DocumentRelation(kind=RelationKind.REPLACES, target=old),
        DocumentRelation(kind=RelationKind.REPLACES, target=old),
        DocumentRelation(kind=RelationKind.REFERS, target=new),
    ]
    with pytest.raises(ValidationError) as caught:
        services.document_save(new, user=officer)
    assert caught.value.message_dict["relations"] == [
        "Văn bản liên quan: quan hệ này đã được nêu hai lần.",
        "Văn bản liên quan: văn bản không thể liên quan đến chính nó.",
    ]
    assert not DocumentRelation.objects.exists()


def test_delete_is_refused_while_another_document_refers_to_it(ubnd, officer):
    old = _create(ubnd, officer, number="20/KH-UBND", issued_on=dt.date(2016, 2, 1))
    new = _create(ubnd, officer)
    new.relations = [DocumentRelation(kind=RelationKind.REPLACES, target=old)]
    services.document_save(new, user=officer)
    with pytest.raises(ValidationError) as caught:
        services.document_delete(old, user=officer)
    assert caught.value.messages == [
        "Không thể xoá văn bản này: 51/KH-UBND dẫn chiếu đến nó. Hãy bỏ các quan "
        "hệ đó trước."
    ]
    assert OfficialDocument.objects.filter(pk=old.pk).exists()
    new_pk = new.pk
    services.document_delete(new, user=officer)
    assert not OfficialDocument.objects.filter(pk=new_pk).exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(new_pk), action="wagtail.delete"
    ).exists()


def test_text_is_read_again_only_when_the_file_changes(ubnd, officer):
    pdf = _upload("kh51.pdf", make_pdf(["Ban dau"]))
    document = _create(ubnd, officer, files=[pdf])
    row = document.files.get()
    DocumentFile.objects.filter(pk=row.pk).update(text="đã đọc")
    document = OfficialDocument.objects.get(pk=document.pk)
    services.document_save(document, user=officer)
    assert document.files.get().text == "đã đọc"  # same file: not read again
    DocumentFile.objects.filter(pk=row.pk).update(text_hash="old")
    document = OfficialDocument.objects.get(pk=document.pk)
    services.document_save(document, user=officer)
    assert document.files.get().text == "Ban dau"


def test_a_damaged_file_gives_no_text():
    assert extraction.extract_text(b"%PDF-1.4 broken", "pdf") == ""
    assert extraction.extract_text(b"PK\x03\x04 broken", "docx") == ""
    assert extraction.extract_text(b"anything", "xlsx") == ""
    assert (
        extraction.extract_text("Kế hoạch  số\n51".encode(), "txt") == "Kế hoạch số 51"
    )


def test_factory_documents_are_listed_newest_first(ubnd):
    older = OfficialDocumentFactory(issuer=ubnd, issued_on=dt.date(2016, 1, 1))
    newer = OfficialDocumentFactory(issuer=ubnd, issued_on=dt.date(2018, 1, 1))
    assert list(OfficialDocument.objects.all()) == [newer, older]
