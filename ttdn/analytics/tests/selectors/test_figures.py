"""The figures the widget and the beacon show."""

import datetime as dt

import pytest

from ttdn.analytics import selectors, services
from ttdn.analytics.backends import get_backend
from ttdn.analytics.models import DailyStats
from ttdn.analytics.tests.conftest import reader
from ttdn.analytics.tests.factories import DailyStatsFactory
from ttdn.core.timefmt import VN_TZ

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 8, 15, 10, 0, tzinfo=VN_TZ)


def test_figures_add_the_starting_total_and_split_days_in_gmt7(article):
    services.set_starting_visits(visits=1000)
    DailyStatsFactory(day=dt.date(2025, 12, 31), visits=5)  # last year
    DailyStatsFactory(day=dt.date(2026, 7, 31), visits=7)  # last month
    DailyStatsFactory(day=dt.date(2026, 8, 14), visits=11)  # yesterday
    DailyStatsFactory(day=dt.date(2026, 8, 15), visits=13)  # today
    figures = selectors.site_figures(now=NOW)
    assert figures.widget() == {
        "total": 1000 + 5 + 7 + 11 + 13,
        "online": 0,
        "today": 13,
        "yesterday": 11,
        "month": 24,
        "year": 31,
    }
    assert figures.page_views is None
    assert selectors.site_figures(now=NOW, page_id=article.pk).page_views == 0


def test_online_counts_readers_of_the_last_five_minutes(article):
    for minutes, n in ((0, 1), (3, 2), (6, 3)):
        services.count_hit(
            ip="192.0.2.1",
            user_agent=reader(n),
            page_id=article.pk,
            now=NOW + dt.timedelta(minutes=minutes),
        )
    at = NOW + dt.timedelta(minutes=7)
    # Readers 2 (4 minutes ago) and 3 (1 minute ago); reader 1 left 7 minutes ago.
    assert selectors.site_figures(now=at).online == 2


def test_the_beacon_reuses_a_fresh_read_within_a_process(settings, article):
    """With BEACON_FIGURES_SECONDS, a process answers a beacon from its read of
    less than that long ago plus what it counted since."""
    settings.TTDN_ANALYTICS = {**settings.TTDN_ANALYTICS, "BEACON_FIGURES_SECONDS": 1}
    backend = get_backend()
    backend._recent.clear()

    def beacon(n, at):
        return services.count_hit(
            ip="192.0.2.1",
            user_agent=reader(n),
            page_id=article.pk,
            now=at,
            with_figures=True,
        ).figures

    first = beacon(1, NOW)
    assert (first.today, first.page_views) == (1, 1)
    # Other processes counted 49 visits meanwhile (here: the row set directly).
    DailyStats.objects.filter(day=dt.date(2026, 8, 15)).update(visits=50)
    second = beacon(2, NOW + dt.timedelta(milliseconds=500))
    assert (second.today, second.page_views) == (2, 2)  # own count added, no read
    third = beacon(3, NOW + dt.timedelta(milliseconds=1500))
    assert third.today == 52  # a fresh read: 50 + the 2nd and 3rd readers
    assert third.page_views == 3
