"""Fetching sources end to end against a local server on 127.0.0.1: feeds, listing
pages, single pages, broken XML, 304, Windows-1258, failing sources, back-off and
deduplication of republished stories."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from ttdn.monitoring import services
from ttdn.monitoring.choices import FetchOutcome, SourceKind, SourceType
from ttdn.monitoring.models import FetchRun, Item, Source, Story

from ..factories import SourceFactory
from ..http_fixtures import (
    FixtureServer,
    article,
    conditional,
    cp1258_page,
    rss,
    slow,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def server():
    with FixtureServer() as running:
        yield running


def feed_source(server, path="/rss.xml", **kwargs):
    return SourceFactory(url=server.url(path), **kwargs)


def test_feed_items_stored_with_understanding(server, province):
    server.route(
        "/rss.xml",
        rss(
            server.base,
            [
                ("Sơn La tiếp đoàn Hủa Phăn", "/tin/1.html"),
                ("Tin hai", "/tin/2.html?utm_source=rss"),
            ],
        ),
        content_type="application/rss+xml",
    )
    server.route(
        "/tin/1.html",
        article("Sơn La tiếp đoàn Hủa Phăn"),
        content_type="text/html; charset=utf-8",
    )
    server.route(
        "/tin/2.html?utm_source=rss",
        article(
            "Tin hai",
            body="Tỉnh Điện Biên tổ chức lễ hội hoa ban với nhiều hoạt động văn hóa.",
        ),
        content_type="text/html",
    )
    source = feed_source(server)
    report = services.fetch_source(source)
    assert report.run.outcome == FetchOutcome.OK
    assert report.run.items_new == 2
    first = Item.objects.get(title="Sơn La tiếp đoàn Hủa Phăn")
    assert first.url == server.url("/tin/1.html")
    assert first.language == "vi"
    assert first.relevant is True
    assert first.province == province
    assert first.matched_terms == ["Sơn La", "Tỉnh Sơn La"]
    assert first.topic == "foreign_affairs"
    assert first.published_at == dt.datetime(2026, 11, 24, 1, 0, tzinfo=dt.UTC)
    assert first.story.item_count == 1
    second = Item.objects.get(title="Tin hai")
    assert second.url == server.url("/tin/2.html")  # tracking parameter dropped
    source.refresh_from_db()
    assert source.consecutive_failures == 0
    assert source.last_success_at == report.run.started_at
    assert source.next_fetch_at == report.run.started_at + dt.timedelta(minutes=30)


def test_second_fetch_stores_nothing_twice(server, province):
    server.route(
        "/rss.xml",
        rss(server.base, [("Tin một", "/1.html")]),
        content_type="application/rss+xml",
    )
    server.route("/1.html", article("Tin một"), content_type="text/html")
    source = feed_source(server)
    services.fetch_source(source)
    hits_before = len(server.hits)
    report = services.fetch_source(source)
    assert report.run.items_new == 0
    assert report.run.items_duplicate == 1
    assert Item.objects.count() == 1
    # The article page is not fetched again: its address is known.
    assert [h[0] for h in server.hits[hits_before:]] == ["/rss.xml"]


def test_not_modified_uses_validators(server, province):
    body = rss(server.base, [("Tin một", "/1.html")]).encode()
    server.route("/feed", conditional('"abc"', body))
    server.route("/1.html", article("Tin một"), content_type="text/html")
    source = feed_source(server, "/feed")
    services.fetch_source(source)
    source.refresh_from_db()
    assert source.etag == '"abc"'
    assert source.last_modified == "Tue, 24 Nov 2026 01:00:00 GMT"
    report = services.fetch_source(source)
    assert report.run.outcome == FetchOutcome.NOT_MODIFIED
    assert report.run.http_status == 304
    assert FetchRun.objects.filter(source=source).count() == 2


def test_broken_xml_recorded_and_backed_off(server, province):
    server.route(
        "/broken.xml",
        b"<rss><channel><item><title>x</titl",
        content_type="application/rss+xml",
    )
    source = feed_source(server, "/broken.xml", interval_minutes=10)
    now = timezone.now()
    services.fetch_source(source, now=now)
    source.refresh_from_db()
    assert source.consecutive_failures == 1
    assert source.last_error.startswith(
        f"{server.url('/broken.xml')}: không đọc được dữ liệu RSS/Atom"
    )
    assert source.last_error_at == now
    assert source.next_fetch_at == now + dt.timedelta(minutes=20)
    services.fetch_source(source, now=now)
    source.refresh_from_db()
    assert source.consecutive_failures == 2
    assert source.next_fetch_at == now + dt.timedelta(minutes=40)
    assert source.health_display == "đang lỗi (2 lần liên tiếp)"


def test_back_off_is_capped(server, settings, province):
    settings.TTDN_MONITORING = {**settings.TTDN_MONITORING, "MAX_BACKOFF_MINUTES": 60}
    source = feed_source(server, "/missing.xml", interval_minutes=30)
    source.consecutive_failures = 9
    source.save()
    now = timezone.now()
    services.fetch_source(source, now=now)
    source.refresh_from_db()
    assert (
        source.last_error == f"{server.url('/missing.xml')}: máy chủ trả lời HTTP 404."
    )
    assert source.next_fetch_at == now + dt.timedelta(minutes=60)


def test_failing_source_never_stops_the_others(server, province):
    server.route("/slow.xml", slow(3))
    server.route(
        "/good.xml",
        rss(server.base, [("Tin tốt", "/ok.html")]),
        content_type="application/rss+xml",
    )
    server.route("/ok.html", article("Tin tốt"), content_type="text/html")
    slow_source = feed_source(server, "/slow.xml", name="A chậm")
    bad = SourceFactory(name="B sai", url="http://127.0.0.1:9/rss.xml")
    good = feed_source(server, "/good.xml", name="C tốt")
    reports = services.fetch_due_sources()
    outcomes = {r.source.name: r.run.outcome for r in reports}
    assert outcomes == {"A chậm": "error", "B sai": "error", "C tốt": "ok"}
    slow_source.refresh_from_db()
    bad.refresh_from_db()
    good.refresh_from_db()
    assert "không nhận được trả lời đầy đủ trong 2 giây" in slow_source.last_error
    assert "không kết nối được" in bad.last_error
    assert good.items.count() == 1
    # Nothing is due any more.
    assert services.fetch_due_sources() == []


def test_disabled_sources_are_not_fetched(server, province):
    feed_source(server, enabled=False)
    assert services.fetch_due_sources() == []


def test_listing_page(server, province):
    server.route(
        "/tin-tuc/",
        '<html><body><div class="news-list"><h3><a href="/a.html">A</a></h3>'
        '<h3><a href="/b.html">B</a></h3></div><a href="/lien-he">Liên hệ</a></body></html>',
        content_type="text/html; charset=utf-8",
    )
    server.route("/a.html", article("Sơn La hỗ trợ tỉnh bạn"), content_type="text/html")
    server.route(
        "/b.html",
        article(
            "Bài B", body="Người dân xã Vân Hồ thu hoạch mận hậu, giá bán ổn định."
        ),
        content_type="text/html",
    )
    source = SourceFactory(
        url=server.url("/tin-tuc/"),
        source_type=SourceType.LISTING,
        link_selector=".news-list h3 a",
        kind=SourceKind.OFFICIAL,
    )
    report = services.fetch_source(source)
    assert report.run.items_new == 2
    assert sorted(Item.objects.values_list("title", flat=True)) == [
        "Bài B",
        "Sơn La hỗ trợ tỉnh bạn",
    ]
    assert "/lien-he" not in [h[0] for h in server.hits]


def test_single_page_in_windows_1258(server, province):
    body = "Tỉnh Sơn La đề nghị gỡ bỏ thông tin sai sự thật về việc thu hồi đất ở xã Vân Hồ."
    server.route(
        "/bai.html",
        cp1258_page("Thông tin sai sự thật về Sơn La", body),
        content_type="text/html; charset=windows-1258",
    )
    source = SourceFactory(url=server.url("/bai.html"), source_type=SourceType.PAGE)
    report = services.fetch_source(source)
    assert report.run.items_new == 1
    item = Item.objects.get()
    assert item.title == "Thông tin sai sự thật về Sơn La"
    assert item.text.startswith(body)
    assert item.relevant is True


def test_page_with_mislabelled_charset(server, province):
    server.route(
        "/bai.html",
        article("Tin đúng mã UTF-8 về Sơn La").encode("utf-8"),
        content_type="text/html; charset=iso-8859-1",
    )
    source = SourceFactory(url=server.url("/bai.html"), source_type=SourceType.PAGE)
    services.fetch_source(source)
    assert Item.objects.get().title == "Tin đúng mã UTF-8 về Sơn La"


def test_huge_page_refused(server, province, settings):
    settings.TTDN_MONITORING = {**settings.TTDN_MONITORING, "MAX_BYTES": 10_000}
    server.route(
        "/huge.html", b"<p>" + b"a" * 50_000 + b"</p>", content_type="text/html"
    )
    source = SourceFactory(url=server.url("/huge.html"), source_type=SourceType.PAGE)
    report = services.fetch_source(source)
    assert report.run.outcome == FetchOutcome.ERROR
    assert report.run.message == f"{server.url('/huge.html')}: vượt quá giới hạn 10 KB."
    assert Item.objects.count() == 0


def test_redirect_loop_recorded(server, province):
    server.route("/a", status=302, headers={"Location": "/b"})
    server.route("/b", status=302, headers={"Location": "/a"})
    source = feed_source(server, "/a")
    services.fetch_source(source)
    source.refresh_from_db()
    assert "vòng chuyển hướng" in source.last_error


def test_article_page_failure_falls_back_to_feed_text(server, province):
    server.route(
        "/rss.xml",
        rss(server.base, [("Sơn La: tin chỉ có trong RSS", "/mat.html")]),
        content_type="application/rss+xml",
    )
    source = feed_source(server)
    report = services.fetch_source(source)
    assert report.run.outcome == FetchOutcome.OK
    assert report.run.items_new == 1
    assert "HTTP 404" in report.run.message
    assert Item.objects.get().text == "Sơn La: tin chỉ có trong RSS"


REPUBLISHED = [
    ("Sơn La bác bỏ tin đồn vỡ đập thủy điện", ""),
    ("Thông tin vỡ đập thủy điện Sơn La là sai sự thật", "(Báo Thử) – "),
    ("Bác tin đồn về đập thủy điện Sơn La", ""),
]
DAM = (
    "Sở Công Thương tỉnh Sơn La khẳng định thông tin đập thủy điện Sơn La bị nứt, có "
    "nguy cơ vỡ đang lan truyền trên mạng xã hội là hoàn toàn sai sự thật. Theo kết quả "
    "quan trắc định kỳ, các thông số về chuyển vị, thấm và ứng suất của thân đập đều nằm "
    "trong giới hạn cho phép. Sở đề nghị người dân bình tĩnh, không chia sẻ các thông tin "
    "chưa được kiểm chứng."
)


def test_republished_story_grouped_and_exact_copy_stored_once(server, province):
    for number, (title, prefix) in enumerate(REPUBLISHED, 1):
        server.route(
            f"/s{number}/rss.xml",
            rss(server.base, [(title, f"/s{number}/bai.html")]),
            content_type="application/rss+xml",
        )
        server.route(
            f"/s{number}/bai.html",
            article(title, body=prefix + DAM),
            content_type="text/html",
        )
    # A fourth outlet copies the first article word for word at another address.
    server.route(
        "/s4/rss.xml",
        rss(server.base, [(REPUBLISHED[0][0], "/s4/copy.html")]),
        content_type="application/rss+xml",
    )
    server.route(
        "/s4/copy.html", article(REPUBLISHED[0][0], body=DAM), content_type="text/html"
    )
    other = "Tỉnh Sơn La tổ chức lễ hội hoa ban với nhiều hoạt động văn hóa, thể thao và du lịch."
    server.route(
        "/s5/rss.xml",
        rss(server.base, [("Lễ hội hoa ban", "/s5/bai.html")]),
        content_type="application/rss+xml",
    )
    server.route(
        "/s5/bai.html", article("Lễ hội hoa ban", body=other), content_type="text/html"
    )
    for number in range(1, 6):
        SourceFactory(url=server.url(f"/s{number}/rss.xml"))
    reports = services.fetch_due_sources()
    assert [r.run.items_new for r in reports] == [1, 1, 1, 0, 1]
    assert reports[3].run.items_duplicate == 1
    assert Item.objects.count() == 4
    assert Story.objects.count() == 2
    dam = Story.objects.get(title=REPUBLISHED[0][0])
    assert dam.item_count == 3
    assert dam.source_count == 3
    assert dam.relevant is True
    assert Story.objects.get(title="Lễ hội hoa ban").item_count == 1


def test_invalid_source_refused():
    source = Source(
        name="X", url="ftp://example.org/feed", source_type=SourceType.LISTING
    )
    with pytest.raises(ValidationError) as error:
        services.save_source(source, user=None)
    errors = error.value.message_dict
    assert "Địa chỉ: chỉ chấp nhận địa chỉ http:// và https://." in errors["url"]
    assert errors["link_selector"] == [
        "Bộ chọn CSS của liên kết bài viết: bắt buộc đối với trang danh sách tin."
    ]
    assert Source.objects.count() == 0


def test_invalid_selector_refused():
    source = Source(
        name="X",
        url="https://example.org/",
        source_type=SourceType.LISTING,
        link_selector="h3 >> a[",
    )
    with pytest.raises(ValidationError) as error:
        services.save_source(source, user=None)
    assert list(error.value.message_dict) == ["link_selector"]
    assert error.value.message_dict["link_selector"][0].startswith(
        "Bộ chọn CSS của liên kết bài viết: bộ chọn không hợp lệ"
    )


def test_changing_address_resets_health(db):
    source = SourceFactory(
        etag='"x"', consecutive_failures=3, next_fetch_at=timezone.now()
    )
    source.url = "https://khac.example.org/rss.xml"
    services.save_source(source, user=None)
    source.refresh_from_db()
    assert (source.etag, source.consecutive_failures, source.next_fetch_at) == (
        "",
        0,
        None,
    )
