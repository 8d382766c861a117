"""An article links library entries with the document block: number, summary,
link and downloads; an entry that is no longer public is left out."""

import datetime as dt

from django.urls import reverse

import pytest

from ttdn.directory.tests.factories import OrganisationFactory
from ttdn.documents import services as document_services
from ttdn.documents.tests.files import make_docx
from ttdn.portal.tests.factories import (
    ArticlePageFactory,
    SectionPageFactory,
    paragraphs,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(superuser):
    upload = document_services.upload_file(
        title="Kế hoạch 51", name="kh51.docx", data=make_docx(["Nội dung"])
    )
    return document_services.document_create(
        doc_type="KH",
        number="51/KH-UBND",
        issuer=OrganisationFactory(name="Ủy ban nhân dân tỉnh Thử"),
        issued_on=dt.date(2017, 3, 27),
        summary="Hành động triển khai công tác đối ngoại",
        files=[upload],
        is_public=True,
        user=superuser,
    )


def _article(home, entry):
    section = SectionPageFactory(parent=home)
    return ArticlePageFactory(
        parent=section,
        body=[
            *paragraphs("Ngày 27/3/2017, UBND tỉnh ban hành kế hoạch."),
            ("document", {"document": entry, "note": "Toàn văn kế hoạch"}),
        ],
    )


def test_the_block_shows_the_entry_and_its_downloads(client, home, entry):
    article = _article(home, entry)
    html = client.get(article.url).content.decode()
    row = entry.files.get()
    assert f'<a href="/van-ban/{entry.pk}/">Kế hoạch 51/KH-UBND</a>' in html
    assert "Toàn văn kế hoạch" in html
    assert f'href="/van-ban/{entry.pk}/tep/{row.pk}/"' in html
    # The article's plain text (search snippets, the saved copy) still works.
    assert "Ngày 27/3/2017" in article.plain_text


def test_an_entry_no_longer_public_is_left_out(client, home, entry, superuser):
    article = _article(home, entry)
    entry.is_public = False
    document_services.document_save(entry, user=superuser)
    html = client.get(article.url).content.decode()
    assert "51/KH-UBND" not in html


def test_the_chooser_offers_public_entries_only(client, superuser, entry):
    hidden = document_services.document_create(
        doc_type="CV",
        number="9/CV-UBND",
        issuer=entry.issuer,
        issued_on=dt.date(2017, 4, 1),
        summary="Nội bộ",
        user=superuser,
    )
    client.force_login(superuser)
    response = client.get(reverse("official_document_chooser:choose"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "51/KH-UBND" in html
    assert hidden.number not in html
