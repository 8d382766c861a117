"""What one view and one visit are (docs/analytics.md), on both backends: the
database one writes at once; the Redis one after a flush, into the same tables."""

import datetime as dt

import pytest

from ttdn.analytics import selectors, services
from ttdn.analytics.models import (
    DailyStats,
    PageViewDaily,
    PageViewMark,
    PageViewTotal,
    VisitorDay,
)
from ttdn.analytics.tests.conftest import reader
from ttdn.core.timefmt import VN_TZ

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 10, 9, 0, tzinfo=VN_TZ)
IP = "198.51.100.7"


@pytest.fixture(params=["database", "redis"])
def backend(request):
    if request.param == "redis":
        return request.getfixturevalue("redis_backend")
    from ttdn.analytics.backends import get_backend

    return get_backend()


def hit(page=None, *, at=T0, minutes=0, ua=None, ip=IP):
    return services.count_hit(
        ip=ip,
        user_agent=reader() if ua is None else ua,
        page_id=page.pk if page is not None else None,
        now=at + dt.timedelta(minutes=minutes),
    )


def stored(backend):
    """The daily tables, after a flush (the database backend has nothing to flush)."""
    services.flush_counters()
    return {
        row.day: (row.visits, row.visitors, row.views, row.hits)
        for row in DailyStats.objects.all()
    }


def test_first_hit_is_a_visit_a_visitor_and_a_view(backend, article):
    result = hit(article)
    assert (result.outcome.visit, result.outcome.visitor, result.outcome.view) == (
        True,
        True,
        True,
    )
    assert stored(backend) == {dt.date(2026, 3, 10): (1, 1, 1, 1)}
    assert list(PageViewDaily.objects.values_list("day", "page_id", "views")) == [
        (dt.date(2026, 3, 10), article.pk, 1)
    ]
    total = PageViewTotal.objects.get(page_id=article.pk)
    assert (total.views, total.starting_views, total.total) == (1, 0, 1)


def test_reloading_within_30_minutes_counts_one_view_and_one_visit(backend, article):
    for minutes in (0, 1, 10, 29):
        hit(article, minutes=minutes)
    assert stored(backend) == {dt.date(2026, 3, 10): (1, 1, 1, 4)}
    assert PageViewTotal.objects.get(page_id=article.pk).views == 1


def test_a_view_counts_again_30_minutes_after_the_counted_one(backend, article):
    # Reloads every 20 minutes: the visit never lapses; views at 0 and 40 count.
    outcomes = [hit(article, minutes=m).outcome for m in (0, 20, 40, 59, 70)]
    assert [o.view for o in outcomes] == [True, False, True, False, True]
    assert [o.visit for o in outcomes] == [True, False, False, False, False]
    assert stored(backend) == {dt.date(2026, 3, 10): (1, 1, 3, 5)}


def test_thirty_minutes_without_a_hit_start_a_new_visit(backend, article):
    outcomes = [hit(article, minutes=m).outcome for m in (0, 29, 59, 60)]
    # 0→29: same visit; 29→59: 30 minutes idle, new visit; 59→60 same visit.
    assert [o.visit for o in outcomes] == [True, False, True, False]
    assert [o.visitor for o in outcomes] == [True, False, False, False]
    assert stored(backend) == {dt.date(2026, 3, 10): (2, 1, 2, 4)}


def test_other_pages_and_other_readers(backend, section, article):
    other = type(article).objects.exclude(pk=article.pk).first()
    from ttdn.portal.tests.factories import ArticlePageFactory

    other = ArticlePageFactory(parent=section, title="Tin khác", slug="tin-khac")
    hit(article)
    hit(other, minutes=1)  # same reader, another article: a view, same visit
    hit(None, minutes=2)  # same reader, a page that is not a Wagtail page
    hit(article, minutes=3, ua=reader(2))  # another browser: another reader
    hit(article, minutes=4, ip="198.51.100.8")  # another address: another reader
    assert stored(backend) == {dt.date(2026, 3, 10): (3, 3, 4, 5)}
    totals = dict(PageViewTotal.objects.values_list("page_id", "views"))
    assert totals == {article.pk: 3, other.pk: 1}


@pytest.mark.parametrize(
    ("late", "early", "month_after", "year_after"),
    [
        # 23:59 and 00:01 in GMT+7 (16:59 and 17:01 UTC) are different days…
        (dt.datetime(2026, 3, 10, 23, 59), dt.datetime(2026, 3, 11, 0, 1), 2, 2),
        # …different months…
        (dt.datetime(2026, 3, 31, 23, 59), dt.datetime(2026, 4, 1, 0, 1), 1, 2),
        # …and different years.
        (dt.datetime(2026, 12, 31, 23, 59), dt.datetime(2027, 1, 1, 0, 1), 1, 1),
    ],
)
def test_days_months_and_years_end_at_midnight_gmt7(
    backend, article, late, early, month_after, year_after
):
    late, early = late.replace(tzinfo=VN_TZ), early.replace(tzinfo=VN_TZ)
    assert hit(article, at=late).outcome.visit
    # Two minutes later but a new day: a new salt, so a new visitor and visit.
    second = hit(article, at=early).outcome
    assert (second.visit, second.visitor, second.view) == (True, True, True)
    assert stored(backend) == {
        late.date(): (1, 1, 1, 1),
        early.date(): (1, 1, 1, 1),
    }
    figures = selectors.site_figures(now=early + dt.timedelta(minutes=1))
    assert (figures.today, figures.yesterday) == (1, 1)
    assert (figures.month, figures.year, figures.total) == (
        month_after,
        year_after,
        2,
    )


def test_the_day_is_taken_in_gmt7_not_utc(backend, article):
    # 2026-03-10 18:30 UTC is 2026-03-11 01:30 in GMT+7.
    hit(article, at=dt.datetime(2026, 3, 10, 18, 30, tzinfo=dt.UTC))
    assert list(stored(backend)) == [dt.date(2026, 3, 11)]


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/140.0",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "",
        "   ",
    ],
)
def test_bots_and_tools_are_not_counted(backend, article, user_agent):
    assert hit(article, ua=user_agent) is None
    assert stored(backend) == {}
    assert not PageViewTotal.objects.exists()
    assert not VisitorDay.objects.exists() and not PageViewMark.objects.exists()


@pytest.mark.parametrize(
    "user_agent",
    [
        # Cốc Cốc's browser (not its crawler), Zalo's in-app browser, a CUBOT phone.
        "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 coc_coc_browser/130.0 "
        "Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile "
        "Safari/537.36 Zalo android/12100 ZaloTheme/light",
        "Mozilla/5.0 (Linux; Android 9; CUBOT X19) AppleWebKit/537.36 Chrome/96.0 "
        "Mobile Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
        "Version/17.5 Mobile/15E148 Safari/604.1",
    ],
)
def test_real_browsers_are_counted(backend, article, user_agent):
    assert hit(article, ua=user_agent).outcome.view
    assert stored(backend) == {dt.date(2026, 3, 10): (1, 1, 1, 1)}
