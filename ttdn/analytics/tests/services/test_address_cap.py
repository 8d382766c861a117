"""One client cannot inflate a view count by changing its User-Agent (issue 11,
defect 7): views are capped per network address per article per window, and
the address is not stored."""

import datetime as dt

from django.core.cache import cache

import pytest

from ttdn.analytics import services
from ttdn.analytics.models import PageViewTotal
from ttdn.analytics.tests.conftest import reader
from ttdn.core.timefmt import VN_TZ

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 10, 9, 0, tzinfo=VN_TZ)
IP = "198.51.100.7"


def _hit(article, *, n, ip=IP, minutes=0):
    return services.count_hit(
        ip=ip,
        user_agent=reader(n),
        page_id=article.pk,
        now=T0 + dt.timedelta(minutes=minutes),
    )


def _views(article):
    services.flush_counters()
    row = PageViewTotal.objects.filter(page_id=article.pk).first()
    return row.views if row else 0


def test_fifty_user_agents_from_one_address_count_the_cap(article, settings):
    for n in range(50):
        _hit(article, n=n)
    assert _views(article) == settings.TTDN_ANALYTICS["VIEWS_PER_ADDRESS"] == 5


def test_other_addresses_still_count(article):
    for n in range(10):
        _hit(article, n=n)
    for n in range(3):
        _hit(article, n=100 + n, ip=f"203.0.113.{n + 1}")
    assert _views(article) == 5 + 3


def test_the_cap_is_per_article(article, section):
    from ttdn.portal.tests.factories import ArticlePageFactory

    other = ArticlePageFactory(parent=section)
    for n in range(8):
        _hit(article, n=n)
        _hit(other, n=n)
    assert (_views(article), _views(other)) == (5, 5)


def test_the_address_is_not_in_the_cache_key(article):
    from django.core.cache.backends.locmem import LocMemCache

    if not isinstance(cache, LocMemCache):
        pytest.skip("reads the local-memory cache's keys")
    _hit(article, n=1)
    keys = [str(k) for k in cache._cache]
    assert keys, "the local-memory cache holds the cap counter"
    assert not any(IP in key for key in keys)


def test_zero_turns_the_cap_off(article, settings):
    settings.TTDN_ANALYTICS = {**settings.TTDN_ANALYTICS, "VIEWS_PER_ADDRESS": 0}
    for n in range(12):
        _hit(article, n=n)
    assert _views(article) == 12
