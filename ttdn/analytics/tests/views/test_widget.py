"""The widget on every public page and the view count on every article: the
figures equal the stored aggregates, with the reader's thousands separator."""

import datetime as dt
import re

import pytest

from ttdn.analytics import identity, services
from ttdn.analytics.models import DailyStats, PageViewTotal
from ttdn.analytics.tests.factories import DailyStatsFactory

pytestmark = pytest.mark.django_db

NAMES = ("total", "online", "today", "yesterday", "month", "year")


def widget(html: str) -> dict[str, str]:
    return dict(re.findall(r'<dd data-stat="(\w+)">([^<]*)</dd>', html))


def page_views(html: str) -> str:
    return re.search(r"<span data-page-views>([^<]*)</span>", html).group(1)


@pytest.fixture
def history():
    """Aggregates over two years, as counting leaves them."""
    today = identity.local_day()
    rows = {
        today: 12_345,
        today - dt.timedelta(days=1): 2_000,
        today.replace(day=1) - dt.timedelta(days=1): 30_000,  # last month
        today.replace(month=1, day=1) - dt.timedelta(days=1): 1_000_000,  # last year
    }
    if today.day == 1:  # yesterday is in last month: merge the two rows
        rows[today - dt.timedelta(days=1)] += 30_000
    for day, visits in rows.items():
        DailyStatsFactory(day=day, visits=visits)
    services.set_starting_visits(visits=41_466_892)
    return today


def expected_figures(today):
    rows = dict(DailyStats.objects.values_list("day", "visits"))
    yesterday = today - dt.timedelta(days=1)
    return {
        "total": 41_466_892 + sum(rows.values()),
        "online": 0,
        "today": rows.get(today, 0),
        "yesterday": rows.get(yesterday, 0),
        "month": sum(v for d, v in rows.items() if d >= today.replace(day=1)),
        "year": sum(v for d, v in rows.items() if d >= today.replace(month=1, day=1)),
    }


def vi(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def test_widget_on_the_home_page_equals_the_aggregates_in_vietnamese(client, history):
    html = client.get("/").content.decode()
    expected = expected_figures(history)
    assert widget(html) == {name: vi(expected[name]) for name in NAMES}
    assert "Thống kê truy cập" in html and "Tổng lượt truy cập" in html
    assert "Đang truy cập" in html and "Hôm qua" in html and "Năm nay" in html


def test_widget_in_english_uses_commas(client, en_home, history):
    html = client.get("/en/").content.decode()
    expected = expected_figures(history)
    assert widget(html) == {name: f"{expected[name]:,}" for name in NAMES}
    assert "Visit statistics" in html and "Online now" in html


def test_article_shows_its_views_and_the_beacon_with_a_noscript_pixel(client, article):
    services.set_starting_views(page=article, views=41_466_892)
    PageViewTotal.objects.filter(page_id=article.pk).update(views=8)
    html = client.get("/ttdn/day-manh/").content.decode()
    assert "Số lượt xem" in html
    assert page_views(html) == "41.466.900"
    beacon = re.search(r'data-beacon="([^"]+)"', html).group(1)
    assert beacon.startswith("/analytics/hit/?p=")
    assert f'<noscript><img class="visit-stats__pixel" src="{beacon}"' in html
    assert "analytics/beacon.js" in html


def test_every_public_page_has_the_widget(client, section, article):
    for url in ("/", "/ttdn/", "/ttdn/day-manh/", "/tim-kiem/?q=doi+ngoai"):
        html = client.get(url).content.decode()
        assert 'id="visit-stats"' in html, url
    not_found = client.get("/khong-co-trang-nay/")
    assert not_found.status_code == 404
    assert 'id="visit-stats"' in not_found.content.decode()


def test_rendering_counts_nothing(client, article):
    """Counting is the beacon's job: cached pages must be counted the same way."""
    client.get("/ttdn/day-manh/")
    client.get("/ttdn/day-manh/")
    assert not DailyStats.objects.exists()
