"""The HTTP fetcher against a local fixture server: normal answers, slow servers,
huge bodies, redirect loops, conditional GET, schemes, the per-host rate limit."""

import time

import pytest

from ttdn.monitoring.fetching import Fetcher, FetchError, HostRateLimiter

from .http_fixtures import FixtureServer, conditional, huge, rss, slow


@pytest.fixture
def server():
    with FixtureServer() as running:
        yield running


def fetcher(**kwargs):
    options = {
        "timeout": 1,
        "total_timeout": 3,
        "max_bytes": 200_000,
        "max_redirects": 3,
        "host_interval": 0,
    }
    options.update(kwargs)
    return Fetcher(**options)


def test_normal_feed(server):
    body = rss(server.base, [("Tin một", "/a.html")])
    server.route("/rss.xml", body, content_type="application/rss+xml; charset=utf-8")
    result = fetcher().get(server.url("/rss.xml"))
    assert result.status == 200
    assert result.content == body.encode()
    assert result.url == server.url("/rss.xml")
    assert server.hits[0][1]["User-Agent"].startswith("TTDN-monitor/")


def test_slow_server_times_out(server):
    server.route("/slow.xml", slow(2.5))
    started = time.monotonic()
    with pytest.raises(FetchError) as error:
        fetcher(timeout=0.5).get(server.url("/slow.xml"))
    assert time.monotonic() - started < 2
    assert str(error.value) == (
        f"{server.url('/slow.xml')}: không nhận được trả lời đầy đủ trong 0.5 giây."
    )


def test_declared_size_over_limit(server):
    server.route("/big.html", b"x" * 300_000, content_type="text/html")
    with pytest.raises(FetchError) as error:
        fetcher(max_bytes=100_000).get(server.url("/big.html"))
    assert "vượt quá giới hạn 98 KB" in str(error.value)


def test_streamed_size_over_limit(server):
    server.route("/huge.html", huge(5_000_000))
    with pytest.raises(FetchError) as error:
        fetcher(max_bytes=1024 * 1024).get(server.url("/huge.html"))
    assert str(error.value) == (f"{server.url('/huge.html')}: vượt quá giới hạn 1 MB.")


def test_redirect_followed(server):
    server.route("/old", status=301, headers={"Location": "/new"})
    server.route("/new", "<html>ok</html>", content_type="text/html")
    result = fetcher().get(server.url("/old"))
    assert result.url == server.url("/new")
    assert result.content == b"<html>ok</html>"


def test_redirect_loop(server):
    server.route("/a", status=302, headers={"Location": "/b"})
    server.route("/b", status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError) as error:
        fetcher(max_redirects=5).get(server.url("/a"))
    assert "vòng chuyển hướng" in str(error.value)
    assert [hit[0] for hit in server.hits] == ["/a", "/b"]


def test_too_many_redirects(server):
    for n in range(6):
        server.route(f"/r{n}", status=302, headers={"Location": f"/r{n + 1}"})
    with pytest.raises(FetchError) as error:
        fetcher(max_redirects=3).get(server.url("/r0"))
    assert "quá nhiều lần chuyển hướng (hơn 3)" in str(error.value)
    assert len(server.hits) == 4


def test_redirect_to_another_scheme_refused(server):
    server.route("/ftp", status=302, headers={"Location": "ftp://example.org/x"})
    with pytest.raises(FetchError) as error:
        fetcher().get(server.url("/ftp"))
    assert str(error.value) == (
        "ftp://example.org/x: chỉ lấy được địa chỉ http:// và https://."
    )


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/", "gopher://x"]
)
def test_only_http(url):
    with pytest.raises(FetchError):
        fetcher().get(url)


def test_conditional_get_304(server):
    body = rss(server.base, [("Tin một", "/a.html")]).encode()
    server.route("/feed", conditional('"v1"', body))
    first = fetcher().get(server.url("/feed"))
    assert first.status == 200
    assert first.etag == '"v1"'
    assert first.last_modified == "Tue, 24 Nov 2026 01:00:00 GMT"
    second = fetcher().get(
        server.url("/feed"), etag=first.etag, last_modified=first.last_modified
    )
    assert second.not_modified is True
    assert second.status == 304
    assert second.content == b""
    assert server.hits[1][1]["If-None-Match"] == '"v1"'
    assert server.hits[1][1]["If-Modified-Since"] == "Tue, 24 Nov 2026 01:00:00 GMT"


def test_http_error_status(server):
    server.route("/gone", b"", status=410)
    with pytest.raises(FetchError) as error:
        fetcher().get(server.url("/gone"))
    assert str(error.value) == f"{server.url('/gone')}: máy chủ trả lời HTTP 410."


def test_connection_refused():
    with pytest.raises(FetchError) as error:
        fetcher().get("http://127.0.0.1:9/")
    assert "không kết nối được" in str(error.value)


def test_host_rate_limit_waits_between_requests():
    clock = {"now": 1000.0}
    waits = []

    def sleep(seconds):
        waits.append(round(seconds, 3))
        clock["now"] += seconds

    limiter = HostRateLimiter(2.0, clock=lambda: clock["now"], sleep=sleep)
    assert limiter.wait("bao.example.org") == 0
    clock["now"] += 0.5
    assert limiter.wait("bao.example.org") == pytest.approx(1.5)
    assert limiter.wait("khac.example.org") == 0
    assert waits == [1.5]


def test_rate_limit_applies_to_real_requests(server):
    server.route("/x", "<p>x</p>", content_type="text/html")
    client = fetcher(host_interval=0.3)
    started = time.monotonic()
    client.get(server.url("/x"))
    client.get(server.url("/x"))
    assert time.monotonic() - started >= 0.3
