"""No state secrets on the internet-facing system (issue 11): a DOCX, PDF, XLSX
or text file with a secrecy stamp line is refused with a Vietnamese message and
the attempt logged; every upload declares it holds none."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.core import secrecy


def _docx(lines, *, header=None, table=None):
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        document.add_table(rows=1, cols=1).cell(0, 0).text = table
    if header:
        document.sections[0].header.paragraphs[0].text = header
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx(rows):
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _pdf(lines):
    """A one-page PDF whose text is *lines* (Helvetica, WinAnsi: the stamps'
    letters outside it are written with their Unicode names in a ToUnicode-free
    way, so the test uses the stamp as pypdf extracts it from a real file)."""
    from pypdf import PdfWriter
    from pypdf.generic import (
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
    )

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    body = (
        "BT /F1 14 Tf 72 780 Td 18 TL "
        + " ".join("(" + line + ") '" for line in lines)
        + " ET"
    )
    stream = DecodedStreamObject()
    stream.set_data(body.encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["UBND TỈNH SƠN LA", "MẬT", "BÁO CÁO"], "MẬT"),
        (["TỐI MẬT"], "TỐI MẬT"),
        (["- TUYỆT MẬT -"], "TUYỆT MẬT"),
        (["TUYỆT MẬT   Bản số: 02"], "TUYỆT MẬT"),
        (["Bảo vệ bí mật nhà nước là nghĩa vụ của mọi công dân."], None),
        (["Mật khẩu wifi phòng họp"], None),
        (["MẬT ĐỘ DÂN SỐ"], None),
        (["mật"], None),
    ],
)
def test_stamp_lines(lines, expected):
    assert secrecy.stamp_in_lines(lines) == expected


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("bao-cao.docx", _docx(["UBND TỈNH", "MẬT", "Nội dung"]), "MẬT"),
        ("bao-cao.docx", _docx(["Nội dung"], header="TỐI MẬT"), "TỐI MẬT"),
        ("bao-cao.docx", _docx(["Nội dung"], table="TUYỆT MẬT"), "TUYỆT MẬT"),
        ("bao-cao.docx", _docx(["Nội dung công khai"]), None),
        ("so-lieu.xlsx", _xlsx([["Bảng số liệu"], ["TỐI MẬT"]]), "TỐI MẬT"),
        ("so-lieu.xlsx", _xlsx([["Bảng số liệu"], [12, 34]]), None),
        ("ghi-chu.txt", "Ghi chú\nTUYỆT MẬT\n".encode(), "TUYỆT MẬT"),
        ("ghi-chu.txt", "Ghi chú\nMẬT\n".encode("utf-16"), "MẬT"),
        ("ghi-chu.txt", "Ghi chú công khai".encode(), None),
        ("hong.docx", b"not a zip", None),
    ],
)
def test_files(name, data, expected):
    assert secrecy.find_stamp(name, data) == expected


def test_pdf():
    from pypdf import PdfReader

    data = _pdf(["UBND TINH SON LA", "MAT", "BAO CAO"])
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "MAT" in text
    # Unicode stamps go through the same line check once extracted.
    assert secrecy.find_stamp("x.pdf", data) is None  # "MAT" without diacritics
    assert secrecy.stamp_in_lines(text.replace("MAT", "MẬT").splitlines()) == "MẬT"


def test_pdf_with_a_unicode_stamp(monkeypatch):
    from pypdf import PageObject

    monkeypatch.setattr(
        PageObject, "extract_text", lambda self, *a, **k: "UBND TỈNH\nMẬT\nBÁO CÁO"
    )
    assert secrecy.find_stamp("x.pdf", _pdf(["x"])) == "MẬT"


@pytest.fixture
def uploader(db):
    return UserFactory(username="cv", roles=[roles.FOREIGN_AFFAIRS_OFFICER])


def _upload(client, name, data, **extra):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Tài liệu",
            "collection": "1",
            "file": SimpleUploadedFile(name, data),
            **extra,
        },
    )


@pytest.mark.django_db
def test_stamped_upload_is_refused_and_logged(client, uploader):
    client.force_login(uploader)
    response = _upload(
        client, "bao-cao.docx", _docx(["MẬT", "Nội dung"]), no_state_secrets="on"
    )
    assert response.status_code == 200
    assert "dấu chỉ độ mật “MẬT”" in response.content.decode()
    assert get_document_model().objects.count() == 0
    entry = ModelLogEntry.objects.get(action="ttdn.refused_upload")
    assert (entry.user_id, entry.data["stamp"]) == (uploader.pk, "MẬT")


@pytest.mark.django_db
def test_upload_without_the_declaration_is_refused(client, uploader):
    client.force_login(uploader)
    response = _upload(client, "bao-cao.docx", _docx(["Nội dung công khai"]))
    assert response.status_code == 200
    assert "Không có bí mật nhà nước" in response.content.decode()
    assert get_document_model().objects.count() == 0


@pytest.mark.django_db
def test_declared_clean_upload_is_stored(client, uploader):
    client.force_login(uploader)
    response = _upload(
        client,
        "bao-cao.docx",
        _docx(["Nội dung công khai"]),
        no_state_secrets="on",
    )
    assert response.status_code == 302
    assert get_document_model().objects.get().title == "Tài liệu"
