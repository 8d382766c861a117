"""Diacritic-free search through the configured backend, on SQLite and PostgreSQL."""

from django.db import connection

from wagtail.search.backends import get_search_backend

import pytest

from ttdn.portal.models import ArticlePage
from ttdn.portal.tests.factories import (
    ArticlePageFactory,
    SectionPageFactory,
    paragraphs,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(home):
    section = SectionPageFactory(parent=home, title="Thông tin đối ngoại")
    return {
        "doi_ngoai": ArticlePageFactory(
            parent=section,
            title="Đẩy mạnh công tác thông tin đối ngoại",
            lead="Tỉnh Sơn La tiếp đón 154 đoàn khách.",
        ),
        "dau_tu": ArticlePageFactory(
            parent=section,
            title="Thu hút đầu tư vào khu du lịch Mộc Châu",
            lead="Xúc tiến đầu tư nước ngoài.",
        ),
        "dak_lak": ArticlePageFactory(
            parent=section,
            title="Phú Yên sáp nhập vào tỉnh Đắk Lắk",
            lead="Sắp xếp đơn vị hành chính năm 2025.",
            body=paragraphs("Trưởng đoàn làm việc tại Buôn Ma Thuột."),
        ),
    }


def search(query, **kwargs):
    return list(ArticlePage.objects.live().search(query, operator="and", **kwargs))


def test_backend_matches_database_vendor():
    backend = get_search_backend()
    expected = {
        "postgresql": "VietnamesePostgresSearchBackend",
        "sqlite": "FoldingSQLiteSearchBackend",
    }[connection.vendor]
    assert type(backend).__name__ == expected
    if connection.vendor == "postgresql":
        assert backend.config == backend.autocomplete_config == "vietnamese_unaccent"


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("doi ngoai", "doi_ngoai"),
        ("Thông tin đối ngoại", "doi_ngoai"),
        ("THONG TIN DOI NGOAI", "doi_ngoai"),
        ("dau tu", "dau_tu"),
        ("Dak Lak", "dak_lak"),
        ("dak lak", "dak_lak"),
        ("truong doan", "dak_lak"),
    ],
)
def test_query_without_diacritics_finds_accented_text(articles, query, key):
    assert search(query) == [articles[key]]


def test_nfd_query_finds_nfc_text(articles):
    import unicodedata

    assert search(unicodedata.normalize("NFD", "đối ngoại")) == [articles["doi_ngoai"]]


def test_and_operator_needs_every_word(articles):
    assert search("doi ngoai moc chau") == []


def test_autocomplete_without_diacritics(articles):
    results = list(ArticlePage.objects.live().autocomplete("doi ng"))
    assert results == [articles["doi_ngoai"]]
