"""An external proxy/CDN (wagtail.contrib.frontend_cache) is told to drop the
page and every listing that shows it. A PURGE-recording server on 127.0.0.1
stands in for nginx/Varnish."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ttdn.portal.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def proxy(settings):
    purged: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            purged.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield purged
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_its_section_home_feeds_and_sitemap(
    proxy, section, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(parent=section, title="Tin mới", slug="tin-moi")
    paths = {path for _host, path in proxy}
    assert {
        "/ttdn/tin-moi/",
        "/ttdn/tin-moi/print/",
        "/ttdn/tin-moi/save/",
        "/ttdn/",
        "/ttdn/feed/",
        "/",
        "/feed/",
        "/sitemap.xml",
    } <= paths
    assert {host for host, _path in proxy} == {"localhost"}


def test_a_long_section_purges_every_pagination_page(
    proxy, settings, section, django_capture_on_commit_callbacks
):
    settings.TTDN_ARTICLES_PER_PAGE = 2
    for n in range(4):
        ArticlePageFactory(parent=section, slug=f"bai-{n}")
    proxy.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(parent=section, slug="bai-moi")
    paths = {path for _host, path in proxy}
    assert {"/ttdn/?page=2", "/ttdn/?page=3"} <= paths


def test_deleting_purges_the_urls_the_page_had(
    proxy, article, django_capture_on_commit_callbacks
):
    proxy.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    paths = {path for _host, path in proxy}
    assert {"/ttdn/tin-bai/", "/ttdn/", "/", "/sitemap.xml"} <= paths


def test_nothing_is_sent_without_a_configured_proxy(
    settings, section, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    from ttdn.pagecache import purge

    assert not purge.enabled()
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(parent=section, slug="khong-proxy")
