"""Remembered routes give the same answer as Wagtail's tree walk."""

import pytest

from ttdn.portal.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def uncached(settings):
    """Full-page cache off: every request is routed."""
    settings.TTDN_PAGE_CACHE = {**settings.TTDN_PAGE_CACHE, "TTL": 0}


def test_remembered_route_serves_the_same_page_and_sub_routes(
    client, uncached, article, django_assert_num_queries
):
    first = client.get("/ttdn/tin-bai/")
    second = client.get("/ttdn/tin-bai/")
    assert first.content == second.content
    assert client.get("/ttdn/tin-bai/print/").status_code == 200
    assert client.get("/ttdn/tin-bai/print/").status_code == 200
    assert client.get("/ttdn/tin-bai/save/")["Content-Disposition"].startswith(
        "attachment"
    )
    assert client.get("/ttdn/feed/")["Content-Type"].startswith("application/rss+xml")


def test_missing_pages_stay_missing(client, uncached, article):
    for _ in range(2):
        assert client.get("/ttdn/khong-co/").status_code == 404
        assert client.get("/ttdn/tin-bai/khong-co/").status_code == 404


def test_a_remembered_route_follows_slug_changes_and_unpublishing(
    client, uncached, section, article
):
    client.get("/ttdn/tin-bai/")
    article.slug = "tin-bai-moi"
    article.save_revision().publish()
    assert client.get("/ttdn/tin-bai/").status_code in (301, 404)
    assert client.get("/ttdn/tin-bai-moi/").status_code == 200
    other = ArticlePageFactory(parent=section, slug="tin-khac")
    client.get("/ttdn/tin-khac/")
    other.unpublish()
    assert client.get("/ttdn/tin-khac/").status_code == 404
