"""The document library on the portal: public documents only, search over the
files' text, downloads through the checked view, nothing non-public served to
anonymous users."""

import datetime as dt

import pytest

from ttdn.documents import services
from ttdn.documents.choices import DocumentType
from ttdn.documents.models import DocumentRelation

from .files import make_docx, make_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(home, ubnd, officer):
    pdf = services.upload_file(
        title="Kế hoạch 51/KH-UBND (bản ký)",
        name="kh-51-ubnd.pdf",
        data=make_pdf(["Tang cuong hop tac voi cac tinh Bac Lao"]),
    )
    return services.document_create(
        doc_type=DocumentType.PLAN,
        number="51/KH-UBND",
        issuer=ubnd,
        issued_on=dt.date(2017, 3, 27),
        summary="Hành động triển khai công tác đối ngoại tỉnh Sơn La giai đoạn 2017 – 2018",
        signer="KT. Chủ tịch – Phó Chủ tịch",
        files=[pdf],
        is_public=True,
        user=officer,
    )


@pytest.fixture
def secret(home, ubnd, officer):
    docx = services.upload_file(
        title="Công văn nội bộ",
        name="cv-noi-bo.docx",
        data=make_docx(["Nội dung nội bộ về đoàn công tác Bắc Lào"]),
    )
    return services.document_create(
        doc_type=DocumentType.LETTER,
        number="77/CV-UBND",
        issuer=ubnd,
        issued_on=dt.date(2017, 5, 2),
        summary="Về việc chuẩn bị đón đoàn",
        files=[docx],
        is_public=False,
        user=officer,
    )


def test_listing_shows_public_documents_only(client, plan, secret):
    response = client.get("/van-ban/")
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [plan]
    html = response.content.decode()
    assert "51/KH-UBND" in html
    assert "77/CV-UBND" not in html


def test_search_finds_words_of_the_file_without_diacritics(client, plan, secret):
    response = client.get("/van-ban/", {"q": "hop tac cac tinh bac lao"})
    assert list(response.context["page_obj"]) == [plan]
    # The non-public letter's file says "Bắc Lào" too: never found.
    response = client.get("/van-ban/", {"q": "noi bo"})
    assert list(response.context["page_obj"]) == []
    assert "Không có văn bản nào phù hợp" in response.content.decode()


def test_filters(client, plan, ubnd):
    assert list(
        client.get("/van-ban/", {"type": "KH", "year": "2017"}).context["page_obj"]
    ) == [plan]
    assert list(client.get("/van-ban/", {"type": "QĐ"}).context["page_obj"]) == []
    assert list(client.get("/van-ban/", {"issuer": ubnd.pk}).context["page_obj"]) == [
        plan
    ]


def test_a_bad_filter_value_is_named_and_ignored(client, plan):
    response = client.get("/van-ban/", {"year": "1890"})
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [plan]
    assert (
        "Năm ban hành: Hãy chọn một lựa chọn hợp lệ. 1890 không phải là một trong "
        "các lựa chọn khả thi."
    ) in response.content.decode()
    assert 'aria-describedby="id_year_error"' in response.content.decode()
    assert 'id="id_year_error"' in response.content.decode()


def test_detail_lists_files_and_related_public_documents(client, plan, secret, officer):
    plan.relations = [DocumentRelation(kind="refers", target=secret)]
    services.document_save(plan, user=officer)
    response = client.get(f"/van-ban/{plan.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    row = plan.files.get()
    assert f'href="/van-ban/{plan.pk}/tep/{row.pk}/"' in html
    assert "Tải về Kế hoạch 51/KH-UBND (bản ký) (PDF)" in html
    assert "77/CV-UBND" not in html  # related but not public


def test_download_of_a_public_file(client, plan):
    row = plan.files.get()
    response = client.get(f"/van-ban/{plan.pk}/tep/{row.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="kh-51-ubnd.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")


def test_non_public_document_and_file_are_never_served(client, secret, officer):
    row = secret.files.get()
    assert client.get(f"/van-ban/{secret.pk}/").status_code == 404
    assert client.get(f"/van-ban/{secret.pk}/tep/{row.pk}/").status_code == 404
    # Wagtail's own document URL: the file is in the restricted collection.
    response = client.get(row.file.url)
    assert response.status_code == 302
    # The checked file view (ttdn/core/files.py) sends the anonymous to log in.
    assert response["Location"].startswith("/admin/login/?next=/documents/")
    # Not on the portal either for a logged-in officer.
    client.force_login(officer)
    assert client.get(f"/van-ban/{secret.pk}/").status_code == 404
    assert client.get(row.file.url).status_code == 200


def test_a_file_of_another_document_is_not_served_under_this_one(client, plan, secret):
    row = secret.files.get()
    assert client.get(f"/van-ban/{plan.pk}/tep/{row.pk}/").status_code == 404


def test_english_listing(client, en_home, plan):
    response = client.get("/en/official-documents/")
    assert response.status_code == 200
    assert "Official documents" in response.content.decode()
    assert list(response.context["page_obj"]) == [plan]


def test_empty_library(client, home):
    response = client.get("/van-ban/")
    assert "Chưa có văn bản nào được công bố." in response.content.decode()


def test_menu_links_to_the_library(client, home):
    html = client.get("/").content.decode()
    assert '<a href="/van-ban/">Văn bản</a>' in html


@pytest.mark.parametrize(
    "effective, expires, shown",
    [
        (None, None, "Còn hiệu lực"),
        (dt.date(2017, 3, 27), dt.date(2018, 12, 31), "Hết hiệu lực"),
        (dt.date(2099, 1, 1), None, "Chưa có hiệu lực"),
    ],
)
def test_validity_on_the_detail_page(client, plan, officer, effective, expires, shown):
    plan.effective_from, plan.expires_on = effective, expires
    services.document_save(plan, user=officer)
    html = client.get(f"/van-ban/{plan.pk}/").content.decode()
    assert f"<dt>Tình trạng hiệu lực</dt><dd>{shown}</dd>" in html
