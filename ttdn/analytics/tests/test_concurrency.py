"""Exactness under load: 8 threads × 500 beacon hits against a live server count
exactly 4,000 — on SQLite (the SQLite pass), on PostgreSQL (the PostgreSQL pass)
and with the Redis backend after a flush."""

import threading
import urllib.request

from django.db import connection

import pytest

from ttdn.analytics import selectors, services
from ttdn.analytics.models import DailyStats, PageViewDaily, PageViewTotal
from ttdn.analytics.tests.conftest import reader
from ttdn.analytics.tokens import page_token
from ttdn.portal.selectors import default_home
from ttdn.portal.tests.factories import ArticlePageFactory, SectionPageFactory

THREADS = 8
HITS = 500


def _hammer(url: str) -> list[str]:
    errors: list[str] = []

    def worker(thread: int):
        for n in range(HITS):
            request = urllib.request.Request(
                url,
                data=b"",
                method="POST",
                # Each hit a different reader: every hit is a new visitor,
                # a new visit and a new view.
                headers={"User-Agent": reader(f"{thread}-{n}")},
            )
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    if response.status != 200:
                        errors.append(f"HTTP {response.status}")
            except Exception as error:
                errors.append(repr(error))

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("backend_name", ["database", "redis"])
def test_8_threads_of_500_hits_count_exactly_4000(
    live_server, request, backend_name, settings
):
    # Every simulated reader comes from 127.0.0.1: the per-address view cap
    # (tests/services/test_address_cap.py) is off for this counting test.
    settings.TTDN_ANALYTICS = {**settings.TTDN_ANALYTICS, "VIEWS_PER_ADDRESS": 0}
    if backend_name == "redis":
        request.getfixturevalue("redis_backend")
    section = SectionPageFactory(parent=default_home(), slug="tai")
    article = ArticlePageFactory(parent=section, slug="bai")
    url = f"{live_server.url}/analytics/hit/?p={page_token(article.pk)}&l=vi"

    errors = _hammer(url)

    assert errors == [], errors[:5]
    services.flush_counters()
    expected = THREADS * HITS
    totals = [
        sum(DailyStats.objects.values_list(name, flat=True))
        for name in ("visits", "visitors", "views", "hits")
    ]
    assert totals == [expected] * 4, (connection.vendor, backend_name)
    assert sum(PageViewDaily.objects.values_list("views", flat=True)) == expected
    assert PageViewTotal.objects.get(page_id=article.pk).views == expected
    figures = selectors.site_figures(page_id=article.pk)
    assert (figures.total, figures.page_views) == (expected, expected)
