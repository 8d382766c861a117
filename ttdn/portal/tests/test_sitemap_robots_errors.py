import xml.etree.ElementTree as ET

from django.test import Client

import pytest

from ttdn.portal.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def test_sitemap_is_valid_xml_with_language_alternates(client, home, en_home):
    from wagtail.models import Locale

    section = SectionPageFactory(parent=home, slug="ttdn")
    section.copy_for_translation(
        Locale.objects.get(language_code="en")
    ).save_revision().publish()
    index = ET.fromstring(client.get("/sitemap.xml").content)
    assert [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)] == [
        "http://testserver/sitemap-pages.xml"
    ]
    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {
        url.find("sm:loc", NS).text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("sm:url", NS)
    }
    assert set(urls) == {
        "http://testserver/",
        "http://testserver/en/",
        "http://testserver/ttdn/",
        "http://testserver/en/ttdn/",
    }
    assert urls["http://testserver/ttdn/"] == {
        "en": "http://testserver/en/ttdn/",
        "vi": "http://testserver/ttdn/",
    }
    assert urls["http://testserver/en/"]["vi"] == "http://testserver/"


def test_sitemap_index_splits_pages(client, home, monkeypatch):
    from ttdn.portal.sitemaps import PortalSitemap

    assert PortalSitemap.limit == 10_000
    monkeypatch.setattr(PortalSitemap, "limit", 2)
    for n in range(3):
        SectionPageFactory(parent=home, slug=f"s{n}")
    index = ET.fromstring(client.get("/sitemap.xml").content)
    assert [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)] == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
    ]
    # Four pages (home and three sections), two per sitemap page.
    page2 = ET.fromstring(client.get("/sitemap-pages.xml?p=2").content)
    locs = [u.find("sm:loc", NS).text for u in page2.findall("sm:url", NS)]
    assert [loc.rsplit("/", 2)[1] for loc in locs] == ["s1", "s2"]
    assert client.get("/sitemap-pages.xml?p=3").status_code == 404


def test_robots_txt_points_to_sitemap_and_keeps_admin_out(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_server_error_page_is_bilingual_and_needs_no_database(db, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Đã xảy ra lỗi" in html
    assert "Something went wrong" in html


def test_500_handler_renders_the_page(settings, home):
    from django.urls import path

    def boom(request):
        raise RuntimeError("boom")

    import ttdn.urls

    settings.ROOT_URLCONF = type(
        "urls", (), {"urlpatterns": [path("boom/", boom), *ttdn.urls.urlpatterns]}
    )
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Đã xảy ra lỗi" in response.content.decode()
