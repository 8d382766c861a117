"""An uncached article page renders in at most 15 database queries."""

import pytest

from ttdn.pagecache import generation
from ttdn.portal.tests.factories import ArticlePageFactory, make_image, paragraphs

pytestmark = pytest.mark.django_db


@pytest.fixture
def rich_article(section):
    """An article as editors write them: listing image, body image, tags,
    several related articles (some with images)."""
    for n in range(6):
        ArticlePageFactory(
            parent=section,
            slug=f"lien-quan-{n}",
            listing_image=make_image(title=f"Ảnh {n}") if n % 2 else None,
            tags=["Sơn La"],
        )
    image = make_image(title="Ảnh trong bài", description="Hội nghị")
    return ArticlePageFactory(
        parent=section,
        slug="bai-day-du",
        listing_image=make_image(title="Ảnh đại diện", description="Toàn cảnh"),
        body=[
            *paragraphs("Đoạn một.", "Đoạn hai."),
            ("image", {"image": image, "caption": "Các đại biểu."}),
            *paragraphs("Đoạn ba."),
        ],
        tags=["Sơn La", "Lào"],
    )


def test_uncached_article_page_renders_in_at_most_15_queries(
    client, settings, home, en_home, rich_article, django_assert_max_num_queries
):
    """The first render of an article after content changed: no full-page cache,
    no remembered route or fragment of the article. The site-wide parts (menu,
    footer, language homes) were read by an earlier page of the site."""
    settings.TTDN_PAGE_CACHE = {**settings.TTDN_PAGE_CACHE, "TTL": 0}
    client.get("/ttdn/bai-day-du/")  # renditions are created on the first render
    generation.bump()  # what a publish does: every cached piece is stale
    client.get("/")
    with django_assert_max_num_queries(15):
        response = client.get("/ttdn/bai-day-du/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="visit-stats"' in html and "data-page-views" in html
    assert 'class="headline-list"' in html  # related news, from the database
    assert "Hội nghị" in html  # the body image's alt text
    # Once rendered, the next miss reuses the article's route and fragments.
    with django_assert_max_num_queries(5):
        assert client.get("/ttdn/bai-day-du/").content == response.content


def test_section_and_home_listings_prefetch_renditions(
    client, settings, home, rich_article, django_assert_max_num_queries
):
    settings.TTDN_PAGE_CACHE = {**settings.TTDN_PAGE_CACHE, "TTL": 0}
    client.get("/ttdn/")
    # Six articles with and without images: renditions come in one query, so
    # the count does not grow with the number of images.
    with django_assert_max_num_queries(16):
        assert client.get("/ttdn/").status_code == 200
