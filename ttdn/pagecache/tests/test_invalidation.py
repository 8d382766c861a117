"""Nothing stale after publishing: the page, its section and the home page."""

import pytest

from ttdn.portal.tests.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

PAGES = ("/ttdn/tin-bai/", "/ttdn/", "/", "/feed/", "/ttdn/feed/", "/sitemap.xml")
SHOW_TITLES = PAGES[:-1]  # the sitemap lists addresses, not titles


def warm(client):
    for url in PAGES:
        client.get(url)
        assert client.get(url)["X-Cache"] == "HIT", url


def test_publishing_an_edit_shows_at_once_everywhere(client, article):
    warm(client)
    article.title = "Tin bài đã sửa"
    article.save_revision().publish()
    for url in PAGES:
        assert client.get(url)["X-Cache"] == "MISS", url
    for url in SHOW_TITLES:
        html = client.get(url).content.decode()
        assert "Tin bài đã sửa" in html and "Tin bài gốc" not in html, url


def test_a_draft_changes_nothing_public(client, article):
    warm(client)
    article.title = "Bản nháp"
    article.save_revision()
    for url in PAGES:
        assert client.get(url)["X-Cache"] == "HIT", url


def test_unpublishing_removes_the_page_and_its_listings(client, article):
    warm(client)
    article.unpublish()
    assert client.get("/ttdn/tin-bai/").status_code == 404
    for url in ("/ttdn/", "/", "/feed/"):
        assert "Tin bài gốc" not in client.get(url).content.decode(), url


def test_moving_a_page_updates_both_sections(client, home, article):
    other = SectionPageFactory(parent=home, title="Hoạt động", slug="hoat-dong")
    warm(client)
    client.get("/hoat-dong/")
    article.move(other, pos="last-child")
    old = client.get("/ttdn/tin-bai/")  # Wagtail leaves a redirect behind
    assert (old.status_code, old["Location"]) == (301, "/hoat-dong/tin-bai/")
    assert "Tin bài gốc" not in client.get("/ttdn/").content.decode()
    moved = client.get("/hoat-dong/tin-bai/")
    assert moved.status_code == 200 and moved["X-Cache"] == "MISS"
    assert "Tin bài gốc" in client.get("/hoat-dong/").content.decode()


def test_deleting_a_page_updates_its_listings(client, article):
    warm(client)
    article.delete()
    assert client.get("/ttdn/tin-bai/").status_code == 404
    for url in ("/ttdn/", "/", "/feed/", "/sitemap.xml"):
        assert "Tin bài gốc" not in client.get(url).content.decode(), url


def test_publishing_a_new_article_shows_in_the_listings(client, section, article):
    warm(client)
    ArticlePageFactory(parent=section, title="Tin mới đăng", slug="tin-moi")
    for url in ("/ttdn/", "/", "/feed/"):
        assert "Tin mới đăng" in client.get(url).content.decode(), url


def test_editing_the_footer_shows_at_once(client, home, article):
    from wagtail.models import Locale

    from ttdn.portal.models import FooterText

    footer = FooterText.objects.create(
        locale=Locale.get_default(), organisation="Sở Ngoại vụ"
    )
    warm(client)
    footer.organisation = "Văn phòng UBND tỉnh"
    footer.save()
    assert "Văn phòng UBND tỉnh" in client.get("/ttdn/tin-bai/").content.decode()


def test_publishing_through_the_admin_invalidates(client, superuser, article):
    """The editor's path: the page editor's publish button."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    warm(client)
    client.force_login(superuser)
    data = nested_form_data(
        {
            "title": "Sửa trong trang quản trị",
            "slug": "tin-bai",
            "lead": "Tóm tắt",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
            "published_at": "",
            "published_time_known": "on",
            "author": "",
            "poster": "",
            "source": "",
            "source_url": "",
            "tags": "",
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    for url in SHOW_TITLES:
        assert "Sửa trong trang quản trị" in client.get(url).content.decode(), url
