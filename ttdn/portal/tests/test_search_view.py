from django.test import override_settings

import pytest

from ttdn.portal.tests.factories import (
    ArticlePageFactory,
    SectionPageFactory,
    paragraphs,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Thông tin đối ngoại", slug="ttdn")


def test_search_without_diacritics_highlights_matches(client, section):
    ArticlePageFactory(
        parent=section,
        title="Đẩy mạnh công tác thông tin đối ngoại",
        lead="Tỉnh Sơn La đón 154 đoàn khách.",
        body=paragraphs("Công tác đối ngoại được triển khai đồng bộ."),
    )
    ArticlePageFactory(parent=section, title="Thu hút đầu tư")
    response = client.get("/tim-kiem/", {"q": "doi ngoai"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 tin bài phù hợp với “doi ngoai”." in html
    assert "thông tin <mark>đối</mark> <mark>ngoại</mark></a>" in html
    assert "Công tác <mark>đối</mark> <mark>ngoại</mark> được" in html
    assert "Thu hút đầu tư" not in html


@override_settings(TTDN_SEARCH_RESULTS_PER_PAGE=2)
def test_search_results_are_paginated(client, section):
    for n in range(5):
        ArticlePageFactory(parent=section, title=f"Đầu tư nước ngoài {n}")
    html = client.get("/tim-kiem/", {"q": "dau tu"}).content.decode()
    assert "5 tin bài phù hợp" in html
    assert html.count('class="search-result"') == 2
    assert 'href="?q=dau%20tu&amp;page=2"' in html
    page3 = client.get("/tim-kiem/", {"q": "dau tu", "page": 3}).content.decode()
    assert page3.count('class="search-result"') == 1


def test_empty_query_explains_how_to_search(client, section):
    html = client.get("/tim-kiem/").content.decode()
    assert "“doi ngoai” tìm được “đối ngoại”" in html
    assert 'class="search-result"' not in html


def test_punctuation_only_query_asks_for_a_word(client, section):
    html = client.get("/tim-kiem/", {"q": " ?!. "}).content.decode()
    assert "Hãy nhập ít nhất một từ hoặc một số để tìm." in html


def test_no_results_state(client, section):
    ArticlePageFactory(parent=section, title="Đối ngoại")
    html = client.get("/tim-kiem/", {"q": "khong co gi"}).content.decode()
    assert "Không có tin bài nào phù hợp với “khong co gi”." in html


def test_search_only_finds_live_articles_of_the_active_language(
    client, section, en_home
):
    ArticlePageFactory(parent=section, title="Đối ngoại nháp", publish=False)
    html = client.get("/en/search/", {"q": "doi ngoai"}).content.decode()
    assert "No articles match" in html
    html = client.get("/tim-kiem/", {"q": "doi ngoai"}).content.decode()
    assert "Không có tin bài nào phù hợp" in html


def test_search_is_get_only(client):
    assert client.post("/tim-kiem/", {"q": "x"}).status_code == 405
