import datetime as dt

import pytest

from ttdn.core.timefmt import VN_TZ
from ttdn.monitoring.extraction import (
    Candidate,
    canonical_url,
    extract_article,
    listing_links,
    parse_feed,
    plausible_time,
)
from ttdn.monitoring.fetching import FetchError

from .http_fixtures import article, rss


def test_canonical_url_drops_tracking_and_fragment():
    assert (
        canonical_url(
            "HTTPS://Bao.Example.org:443/tin/a?utm_source=fb&b=2&a=1&fbclid=x#top"
        )
        == "https://bao.example.org/tin/a?a=1&b=2"
    )
    assert canonical_url("http://example.org:8080") == "http://example.org:8080/"


def test_parse_feed_newest_first():
    body = rss(
        "https://bao.example.org", [("Tin một", "/1.html"), ("Tin hai", "/2.html")]
    )
    entries = parse_feed(body.encode(), base_url="https://bao.example.org/rss.xml")
    assert [e.url for e in entries] == [
        "https://bao.example.org/1.html",
        "https://bao.example.org/2.html",
    ]
    assert entries[0].title == "Tin một"
    assert entries[0].published_at == dt.datetime(2026, 11, 24, 1, 0, tzinfo=dt.UTC)


def test_parse_broken_feed():
    with pytest.raises(FetchError) as error:
        parse_feed(
            b"<rss><channel><item><title>x</titl", base_url="https://x.example.org/"
        )
    assert "không đọc được dữ liệu RSS/Atom" in str(error.value)


def test_parse_html_is_not_a_feed():
    with pytest.raises(FetchError):
        parse_feed(
            b"<html><body><p>Trang chu</p></body></html>",
            base_url="https://x.example.org/",
        )


def test_listing_links_by_selector():
    html = """<html><body><nav><a href="/">Trang chủ</a></nav>
    <div class="news-list"><h3><a href="/tin/1.html">Tin 1</a></h3>
    <h3><a href="tin/2.html?utm_source=x">Tin 2</a></h3>
    <h3><a href="/tin/1.html#binh-luan">Tin 1 lần nữa</a></h3>
    <h3><a href="javascript:void(0)">Không</a></h3></div></body></html>"""
    links = listing_links(
        html, base_url="https://cong.example.org/tin-tuc/", selector=".news-list h3 a"
    )
    assert [link.url for link in links] == [
        "https://cong.example.org/tin/1.html",
        "https://cong.example.org/tin-tuc/tin/2.html?utm_source=x",
    ]


def test_listing_selector_matching_nothing():
    with pytest.raises(FetchError) as error:
        listing_links(
            "<html><body><p>x</p></body></html>",
            base_url="https://a.example.org/",
            selector=".tin a",
        )
    assert "“.tin a”" in str(error.value)


def test_extract_article_text_title_date():
    html = article("Sơn La tiếp đoàn tỉnh Hủa Phăn").replace(
        "</title>",
        '</title><meta property="article:published_time" content="2026-11-20T08:30:00+07:00">'
        '<link rel="canonical" href="https://bao.example.org/tin/son-la?utm_medium=rss">',
    )
    result = extract_article(html, url="https://bao.example.org/tin/123")
    assert result.title == "Sơn La tiếp đoàn tỉnh Hủa Phăn"
    assert result.url == "https://bao.example.org/tin/son-la"
    assert result.text.startswith("Sáng nay, tại trụ sở UBND tỉnh Sơn La")
    assert "Bản quyền" not in result.text
    assert "Trang chủ" not in result.text
    assert result.published_at == dt.datetime(2026, 11, 20, 8, 30, tzinfo=VN_TZ)


def test_feed_time_preferred_and_future_dropped():
    hint = Candidate(
        url="https://x.example.org/a",
        title="Tiêu đề từ RSS",
        published_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )
    result = extract_article(
        article("Tiêu đề trang"), url="https://x.example.org/a", hint=hint
    )
    assert result.title == "Tiêu đề từ RSS"
    assert result.published_at == dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    now = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
    assert plausible_time(dt.datetime(2027, 1, 1, tzinfo=dt.UTC), now=now) is None
    assert plausible_time(dt.datetime(1975, 1, 1, tzinfo=dt.UTC), now=now) is None


def test_page_without_text():
    assert (
        extract_article("<html><body></body></html>", url="https://x.example.org/")
        is None
    )
