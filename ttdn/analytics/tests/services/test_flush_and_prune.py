import datetime as dt

import pytest

from ttdn.analytics import identity, selectors, services
from ttdn.analytics.models import (
    DailySalt,
    DailyStats,
    FlushBatch,
    PageViewMark,
    PageViewTotal,
    VisitorDay,
)
from ttdn.analytics.tests.conftest import reader
from ttdn.core.timefmt import VN_TZ

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 5, 20, 10, 0, tzinfo=VN_TZ)


def hits(article, readers, *, at=NOW):
    for n in range(readers):
        services.count_hit(
            ip="192.0.2.10", user_agent=reader(n), page_id=article.pk, now=at
        )


def test_database_backend_has_nothing_to_flush(article):
    hits(article, 3)
    assert services.flush_counters() == 0
    assert DailyStats.objects.get().visits == 3


def test_redis_counts_reach_the_tables_at_the_flush(redis_backend, article):
    hits(article, 5)
    assert not DailyStats.objects.exists()
    before = selectors.site_figures(page_id=article.pk, now=NOW)
    # visits 5 + visitors 5 + views 5 + hits 5, and 5 views of the article
    assert services.flush_counters() == 25
    row = DailyStats.objects.get()
    assert (row.day, row.visits, row.visitors, row.views, row.hits) == (
        dt.date(2026, 5, 20),
        5,
        5,
        5,
        5,
    )
    assert PageViewTotal.objects.get(page_id=article.pk).views == 5
    # The widget shows the same figures before and after the flush.
    after = selectors.site_figures(page_id=article.pk, now=NOW)
    assert before == after
    assert (after.today, after.page_views) == (5, 5)
    assert services.flush_counters() == 0
    assert DailyStats.objects.get().visits == 5


def test_a_batch_is_written_once_even_if_the_flush_died_half_way(
    redis_backend, article
):
    hits(article, 2)
    backend = redis_backend
    # A flush that wrote the database and died before clearing Redis:
    batch = backend._take(
        keys=[backend.key("pending"), backend.key("flushing")], args=["batch-1"]
    ).decode()
    days, pages = backend._parse(backend.client.hgetall(backend.key("flushing")))
    backend._write(batch, days, pages)
    assert DailyStats.objects.get().visits == 2
    # Hits keep arriving meanwhile; the next flush finishes the old batch first.
    services.count_hit(
        ip="192.0.2.99", user_agent=reader(99), page_id=article.pk, now=NOW
    )
    assert services.flush_counters() == 0  # the old batch: already written
    assert not backend.client.exists(backend.key("flushing"))
    assert services.flush_counters() == 5  # then the new reader's 4 counts + view
    assert DailyStats.objects.get().visits == 3
    assert FlushBatch.objects.count() == 2


def test_views_of_a_page_deleted_before_the_flush_are_dropped(redis_backend, article):
    hits(article, 2)
    page_id = article.pk
    article.delete()
    services.flush_counters()
    assert DailyStats.objects.get().views == 2  # site figures keep them
    assert not PageViewTotal.objects.filter(page_id=page_id).exists()


def test_starting_visits_show_at_once_with_redis(redis_backend, article):
    hits(article, 1)
    assert selectors.site_figures(now=NOW).total == 1
    services.set_starting_visits(visits=41_466_892)
    assert selectors.site_figures(now=NOW).total == 41_466_893
    services.flush_counters()
    assert selectors.site_figures(now=NOW).total == 41_466_893


def test_prune_deletes_past_days_state_and_salts(article):
    yesterday_late = dt.datetime(2026, 5, 19, 23, 58, tzinfo=VN_TZ)
    services.count_hit(
        ip="192.0.2.1", user_agent=reader(1), page_id=article.pk, now=NOW
    )
    services.count_hit(
        ip="192.0.2.2",
        user_agent=reader(2),
        page_id=article.pk,
        now=yesterday_late - dt.timedelta(hours=5),
    )
    services.count_hit(
        ip="192.0.2.3", user_agent=reader(3), page_id=article.pk, now=yesterday_late
    )
    assert VisitorDay.objects.count() == 3
    assert DailySalt.objects.count() == 2
    # Just after midnight: yesterday's reader active 3 minutes ago still counts
    # as online, so its row stays; the one from 5 hours earlier goes.
    removed = services.prune_visitor_state(
        now=dt.datetime(2026, 5, 20, 0, 1, tzinfo=VN_TZ)
    )
    assert removed == 1 + 2 + 1  # one visitor row, two view marks, one salt
    assert set(VisitorDay.objects.values_list("day", flat=True)) == {
        dt.date(2026, 5, 19),
        dt.date(2026, 5, 20),
    }
    assert list(PageViewMark.objects.values_list("day", flat=True)) == [
        dt.date(2026, 5, 20)
    ]
    assert list(DailySalt.objects.values_list("day", flat=True)) == [
        dt.date(2026, 5, 20)
    ]
    # The aggregates are never pruned.
    assert sum(DailyStats.objects.values_list("visits", flat=True)) == 3
    # An hour later the rest of yesterday's state goes too.
    services.prune_visitor_state(now=dt.datetime(2026, 5, 20, 1, 0, tzinfo=VN_TZ))
    assert list(VisitorDay.objects.values_list("day", flat=True)) == [
        dt.date(2026, 5, 20)
    ]


def test_salt_changes_every_day_and_is_the_same_within_a_day():
    first = identity.daily_salt(dt.date(2026, 5, 20))
    identity.forget_salts()  # another process: reads the stored salt
    assert identity.daily_salt(dt.date(2026, 5, 20)) == first
    assert identity.daily_salt(dt.date(2026, 5, 21)) != first
    assert len(first) == 64
