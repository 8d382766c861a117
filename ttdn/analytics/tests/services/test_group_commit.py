"""Group commit of the database backend on SQLite (backends/database.py): every
waiting thread gets its own outcome, a failed batch fails only its own hits, and a
batch counts exactly what the same hits counted one transaction each would."""

import datetime as dt
import threading
import time

import pytest

from ttdn.analytics.backends import Hit, Outcome
from ttdn.analytics.backends.database import DatabaseBackend, GroupCommit
from ttdn.analytics.models import DailyStats, PageViewDaily, PageViewTotal

THREADS = 8
PER_THREAD = 50


def test_every_thread_gets_its_own_outcome_and_hits_are_batched():
    group = GroupCommit()
    sizes: list[int] = []

    def write(batch):
        sizes.append(len(batch))
        time.sleep(0.002)  # a transaction's worth of time for others to queue
        return [value * 2 for value in batch]

    results: dict[tuple[int, int], int] = {}

    def worker(thread: int):
        for n in range(PER_THREAD):
            results[(thread, n)] = group.run(thread * 1000 + n, write)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results == {
        (t, n): 2 * (t * 1000 + n) for t in range(THREADS) for n in range(PER_THREAD)
    }
    assert sum(sizes) == THREADS * PER_THREAD
    assert max(sizes) > 1


def test_a_failed_batch_fails_its_own_hits_only():
    group = GroupCommit()
    first_is_writing = threading.Event()
    release = threading.Event()

    def write(batch):
        if "first" in batch:
            first_is_writing.set()
            release.wait(5)
        if "bad" in batch:
            raise ValueError("boom")
        return [f"ok:{value}" for value in batch]

    outcomes: dict[str, object] = {}

    def run(value):
        try:
            outcomes[value] = group.run(value, write)
        except ValueError as error:
            outcomes[value] = error

    first = threading.Thread(target=run, args=("first",))
    first.start()
    assert first_is_writing.wait(5)
    waiting = [threading.Thread(target=run, args=(v,)) for v in ("bad", "other")]
    for thread in waiting:
        thread.start()
    deadline = time.monotonic() + 5
    while len(group._queue) < 2 and time.monotonic() < deadline:
        time.sleep(0.001)
    release.set()
    for thread in [first, *waiting]:
        thread.join(5)

    assert outcomes["first"] == "ok:first"
    # "bad" and "other" queued behind "first" and were written together.
    assert isinstance(outcomes["bad"], ValueError)
    assert isinstance(outcomes["other"], ValueError)
    assert group.run("after", write) == "ok:after"


@pytest.mark.django_db
def test_a_batch_counts_what_one_transaction_per_hit_counts(article):
    day = dt.date(2026, 3, 10)
    t0 = 1_773_108_000_000  # 2026-03-10 09:00 GMT+7, in ms
    hits = [
        Hit(day, t0, "reader-1", article.pk),
        Hit(day, t0 + 60_000, "reader-1", article.pk),  # reload: nothing new
        Hit(day, t0 + 120_000, "reader-2", article.pk),
        Hit(day, t0 + 180_000, "reader-2"),  # another page of the same visit
        Hit(day, t0 + 45 * 60_000, "reader-1", article.pk),  # a new visit, view
    ]

    outcomes = DatabaseBackend()._record_batch(hits)

    assert outcomes == [
        Outcome(visit=True, visitor=True, view=True),
        Outcome(visit=False, visitor=False, view=False),
        Outcome(visit=True, visitor=True, view=True),
        Outcome(visit=False, visitor=False, view=False),
        Outcome(visit=True, visitor=False, view=True),
    ]
    row = DailyStats.objects.get(day=day)
    assert (row.visits, row.visitors, row.views, row.hits) == (3, 2, 3, 5)
    assert PageViewDaily.objects.get(day=day, page_id=article.pk).views == 3
    assert PageViewTotal.objects.get(page_id=article.pk).views == 3


@pytest.mark.django_db
def test_in_a_batch_a_hit_of_a_deleted_page_counts_the_visit_only(article):
    day = dt.date(2026, 3, 10)
    t0 = 1_773_108_000_000
    missing = article.pk + 10_000
    hits = [
        Hit(day, t0, "reader-1", article.pk),
        Hit(day, t0 + 1_000, "reader-2", missing),
    ]

    outcomes = DatabaseBackend()._record_batch(hits)

    assert outcomes == [
        Outcome(visit=True, visitor=True, view=True),
        Outcome(visit=True, visitor=True, view=False),
    ]
    row = DailyStats.objects.get(day=day)
    assert (row.visits, row.visitors, row.views, row.hits) == (2, 2, 1, 2)
    assert not PageViewTotal.objects.filter(page_id=missing).exists()
