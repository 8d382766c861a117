"""The database backend: every hit is one short transaction of upserts.

``INSERT … ON CONFLICT … DO UPDATE SET n = n + excluded.n`` is one atomic
statement on SQLite (≥ 3.24) and PostgreSQL alike, so concurrent writers never
lose an increment: SQLite serialises writers (WAL, ``BEGIN IMMEDIATE``, 20 s busy
timeout, see ttdn/settings/base.py) and PostgreSQL locks the row. A writer that
still meets "database is locked" (or a PostgreSQL deadlock) retries.
"""

import dataclasses
import datetime as dt
import fcntl
import functools
import hashlib
import logging
import os
import random
import tempfile
import threading
import time
from contextlib import contextmanager

from django.db import IntegrityError, OperationalError, connection, transaction

from ..models import (
    AnalyticsSettings,
    DailyStats,
    PageViewDaily,
    PageViewMark,
    PageViewTotal,
    VisitorDay,
)
from . import Figures, Hit, Outcome, config, windows_ms

logger = logging.getLogger(__name__)

RETRIES = 6
ONLINE_CACHE_ABOVE = 200  # readers online before a process reuses its count
DAILY_COUNTS = ("visits", "visitors", "views", "hits")
RETRYABLE = ("locked", "busy", "deadlock", "could not serialize")


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _table(model) -> str:
    return _q(model._meta.db_table)


def _col(model, field_name: str) -> str:
    return _q(model._meta.get_field(field_name).column)


def _day(value: dt.date):
    return connection.ops.adapt_datefield_value(value)


class _NativeCursor:
    """The driver's cursor, given ``%s`` statements (translated once each)."""

    def __init__(self, cursor, sqlite: bool):
        self.cursor = cursor
        self.sqlite = sqlite

    def execute(self, sql: str, params):
        if self.sqlite:
            sql = _native(sql)
        return self.cursor.execute(sql, params)

    def fetchone(self):
        return self.cursor.fetchone()


@contextmanager
def raw_cursor():
    """The driver's own cursor, inside Django's connection and transaction.

    Counting runs on every page load; Django's cursor wrapper (placeholder
    rewriting, error wrapping, execute wrappers) costs as much as the statements.
    Errors still come back as Django's (``wrap_database_errors``). When queries
    are being logged or counted (debugging, tests), Django's cursor is used."""
    if connection.queries_logged:
        with connection.cursor() as cursor:
            yield cursor
        return
    connection.ensure_connection()
    with connection.wrap_database_errors:
        cursor = connection.connection.cursor()
        try:
            yield _NativeCursor(cursor, connection.vendor == "sqlite")
        finally:
            cursor.close()


@functools.cache
def _native(sql: str) -> str:
    """SQLite's driver wants ``?`` placeholders."""
    return sql.replace("%s", "?")


@functools.cache
def _upsert_sql(vendor: str, model, unique: tuple, increments: tuple) -> str:
    table = _table(model)
    sets = ", ".join(
        f"{_col(model, name)} = {table}.{_col(model, name)} + "
        f"excluded.{_col(model, name)}"
        for name in increments
    )
    columns = [*unique, *increments]
    return (
        f"INSERT INTO {table} ({', '.join(_col(model, c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(_col(model, c) for c in unique)}) "
        f"DO UPDATE SET {sets}"
    )


def upsert_increment(model, unique: dict, increments: dict) -> None:
    """Add ``increments`` to the row identified by ``unique`` (created if missing)."""
    values = [
        _day(v) if isinstance(v, dt.date) else v
        for v in [*unique.values(), *increments.values()]
    ]
    sql = _upsert_sql(connection.vendor, model, tuple(unique), tuple(increments))
    with raw_cursor() as cursor:
        cursor.execute(sql, values)


@functools.cache
def _visitor_sql(vendor: str) -> str:
    t = _table(VisitorDay)
    return (
        f"INSERT INTO {t} (day, visitor, first_seen, last_seen, hits, visit_hit) "
        "VALUES (%s, %s, %s, %s, 1, 1) "
        "ON CONFLICT (day, visitor) DO UPDATE SET "
        f"visit_hit = CASE WHEN excluded.last_seen - {t}.last_seen >= %s "
        f"THEN {t}.hits + 1 ELSE {t}.visit_hit END, "
        f"last_seen = CASE WHEN excluded.last_seen > {t}.last_seen "
        f"THEN excluded.last_seen ELSE {t}.last_seen END, "
        f"hits = {t}.hits + 1 "
        "RETURNING hits, visit_hit"
    )


@functools.cache
def _mark_sql(vendor: str) -> str:
    """Inserts nothing (and returns no row) when the page no longer exists."""
    t = _table(PageViewMark)
    pages = _q("wagtailcore_page")
    return (
        f"INSERT INTO {t} (day, visitor, page_id, counted_at, hits, counted_hit) "
        "SELECT %s, %s, %s, %s, 1, 1 "
        f"WHERE EXISTS (SELECT 1 FROM {pages} WHERE id = %s) "
        "ON CONFLICT (day, visitor, page_id) DO UPDATE SET "
        f"counted_hit = CASE WHEN excluded.counted_at - {t}.counted_at >= %s "
        f"THEN {t}.hits + 1 ELSE {t}.counted_hit END, "
        f"counted_at = CASE WHEN excluded.counted_at - {t}.counted_at >= %s "
        f"THEN excluded.counted_at ELSE {t}.counted_at END, "
        f"hits = {t}.hits + 1 "
        "RETURNING hits, counted_hit"
    )


@functools.cache
def site_figures_sql(vendor: str, *, with_online: bool, with_page: bool) -> str:
    """One statement for the whole widget (and a page's views)."""
    daily = _table(DailyStats)
    parts = [
        "d.v_total",
        "d.v_year",
        "d.v_month",
        "d.v_today",
        "d.v_yesterday",
        f"(SELECT COALESCE(MAX(starting_visits), 0) FROM {_table(AnalyticsSettings)})",
    ]
    if with_online:
        visitors = _table(VisitorDay)
        parts.append(f"(SELECT COUNT(*) FROM {visitors} WHERE last_seen >= %s)")
    if with_page:
        parts.append(
            f"(SELECT views + starting_views FROM {_table(PageViewTotal)} "
            "WHERE page_id = %s)"
        )
    return (
        f"SELECT {', '.join(parts)} FROM ("
        "SELECT COALESCE(SUM(visits), 0) AS v_total, "
        "COALESCE(SUM(CASE WHEN day >= %s THEN visits ELSE 0 END), 0) AS v_year, "
        "COALESCE(SUM(CASE WHEN day >= %s THEN visits ELSE 0 END), 0) AS v_month, "
        "COALESCE(SUM(CASE WHEN day = %s THEN visits ELSE 0 END), 0) AS v_today, "
        "COALESCE(SUM(CASE WHEN day = %s THEN visits ELSE 0 END), 0) AS v_yesterday "
        f"FROM {daily}) d"
    )


def read_site_figures(
    *, today: dt.date, online_since_ms: int | None = None, page_id: int | None = None
) -> Figures:
    """The widget's figures from the daily tables (+ starting total)."""
    yesterday = today - dt.timedelta(days=1)
    # Placeholders in statement order: the sub-selects, then the day bounds.
    params = []
    if online_since_ms is not None:
        params.append(online_since_ms)
    if page_id is not None:
        params.append(page_id)
    params += [
        _day(today.replace(month=1, day=1)),
        _day(today.replace(day=1)),
        _day(today),
        _day(yesterday),
    ]
    sql = site_figures_sql(
        connection.vendor,
        with_online=online_since_ms is not None,
        with_page=page_id is not None,
    )
    with raw_cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    total, year, month, day_visits, yesterday_visits, start = (int(v) for v in row[:6])
    rest = list(row[6:])
    online = int(rest.pop(0)) if online_since_ms is not None else 0
    page_views = None
    if page_id is not None:
        value = rest.pop(0)
        page_views = int(value) if value is not None else 0
    return Figures(
        total=start + total,
        online=online,
        today=day_visits,
        yesterday=yesterday_visits,
        month=month,
        year=year,
        page_views=page_views,
    )


def page_total(page_id: int) -> int:
    row = (
        PageViewTotal.objects.filter(page_id=page_id)
        .values_list("views", "starting_views")
        .first()
    )
    return sum(row) if row else 0


def add_counts(
    *, days: dict[dt.date, dict[str, int]], pages: dict[tuple[dt.date, int], int]
):
    """Write counts to the daily tables (the Redis flush uses it too)."""
    for day, counts in sorted(days.items()):
        counts = {name: counts.get(name, 0) for name in DAILY_COUNTS}
        if any(counts.values()):
            upsert_increment(DailyStats, {"day": day}, counts)
    for (day, page_id), views in sorted(pages.items()):
        if views:
            upsert_increment(
                PageViewDaily, {"day": day, "page_id": page_id}, {"views": views}
            )
    per_page: dict[int, int] = {}
    for (_day_value, page_id), views in pages.items():
        per_page[page_id] = per_page.get(page_id, 0) + views
    for page_id, views in sorted(per_page.items()):
        if views:
            upsert_increment(PageViewTotal, {"page_id": page_id}, {"views": views})


_writer_lock = threading.Lock()
_lock_files: dict[tuple[int, str], int] = {}


@contextmanager
def sqlite_writer():
    """On SQLite, counting transactions queue here — threads of this process on
    a mutex, processes on a lock file next to the database — instead of
    sleeping in SQLite's busy handler (1 ms … 100 ms naps that make throughput
    collapse under load). PostgreSQL needs nothing: it locks rows. The lock file
    lives in the temporary directory, named after the database's path."""
    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor != "sqlite" or not name or name == ":memory:":
        yield
        return
    with _writer_lock:
        key = (os.getpid(), name)
        fd = _lock_files.get(key)
        if fd is None:
            digest = hashlib.sha256(os.path.abspath(name).encode()).hexdigest()[:16]
            path = os.path.join(tempfile.gettempdir(), f"ttdn-analytics-{digest}.lock")
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            _lock_files[key] = fd
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)


def retrying(func):
    """Run func() (which opens its own transaction) again when the database is
    briefly unavailable for writing."""
    for attempt in range(RETRIES):
        try:
            return func()
        except OperationalError as error:
            message = str(error).lower()
            if attempt == RETRIES - 1 or not any(s in message for s in RETRYABLE):
                raise
            logger.warning("Analytics write retried (%s)", error.__class__.__name__)
            time.sleep(0.01 * (2**attempt) * (1 + random.random()))
    return None


def _plus(figures: Figures, outcome: Outcome, hit: Hit) -> Figures:
    """Figures read a moment ago plus what this hit counted."""
    visit = int(outcome.visit)
    return dataclasses.replace(
        figures,
        total=figures.total + visit,
        today=figures.today + visit,
        month=figures.month + visit,
        year=figures.year + visit,
        online=figures.online + int(outcome.visitor),
        page_views=(
            None
            if figures.page_views is None
            else figures.page_views + int(outcome.view)
        ),
    )


class GroupCommit:
    """Group commit for SQLite, where one writer at a time holds the database.

    A thread that finds no writer at work becomes the writer: it takes every hit
    queued so far (its own included), counts them in one transaction, in arrival
    order, and wakes their threads with their outcomes. Threads that arrived in
    the meantime wait; the first of them to wake writes the next batch. A batch
    counts exactly what the same hits counted one transaction each would (the
    statements run in the same order), but pays for one lock, one BEGIN and one
    COMMIT, and adds the daily aggregates once. Nobody waits longer than the
    batch before theirs."""

    def __init__(self):
        self._condition = threading.Condition()
        self._queue: list[list] = []  # [hit, done, outcome, error]
        self._writing = False

    def run(self, hit: Hit, write_batch) -> Outcome:
        entry = [hit, False, None, None]
        with self._condition:
            self._queue.append(entry)
            while self._writing and not entry[1]:
                self._condition.wait()
            if not entry[1]:
                self._writing = True
                batch, self._queue = self._queue, []
        if not entry[1]:
            try:
                outcomes = write_batch([queued[0] for queued in batch])
                for queued, outcome in zip(batch, outcomes, strict=True):
                    queued[2] = outcome
            except BaseException as error:  # every waiter hears of it
                for queued in batch:
                    queued[3] = error
            finally:
                with self._condition:
                    for queued in batch:
                        queued[1] = True
                    self._writing = False
                    self._condition.notify_all()
        if entry[3] is not None:
            raise entry[3]
        return entry[2]


def _group_commit_applies() -> bool:
    name = str(connection.settings_dict.get("NAME") or "")
    return (
        connection.vendor == "sqlite"
        and bool(name)
        and name != ":memory:"
        and not connection.in_atomic_block
    )


class DatabaseBackend:
    name = "database"

    def record(self, hit: Hit) -> Outcome:
        if _group_commit_applies():
            return self._group_commit.run(hit, self._record_batch)
        return self._record_one(hit)

    def _record_one(self, hit: Hit) -> Outcome:
        with sqlite_writer():
            try:
                return retrying(lambda: self._record_many([hit])[0])
            except IntegrityError:
                if hit.page_id is None:
                    raise
                # The page was deleted after it was rendered: count the visit.
                visit_only = Hit(hit.day, hit.now_ms, hit.visitor)
                return retrying(lambda: self._record_many([visit_only])[0])

    def _record_batch(self, hits: list[Hit]) -> list[Outcome]:
        if len(hits) > 1:
            try:
                with sqlite_writer():
                    return retrying(lambda: self._record_many(hits))
            except IntegrityError:
                pass  # rolled back: count them one by one (a page was deleted)
        return [self._record_one(hit) for hit in hits]

    def _record_many(self, hits: list[Hit]) -> list[Outcome]:
        """Count hits in one transaction, in order."""
        visit_timeout, view_window, _online = windows_ms()
        outcomes = []
        days: dict[dt.date, dict[str, int]] = {}
        pages: dict[tuple[dt.date, int], int] = {}
        with transaction.atomic():
            with raw_cursor() as cursor:
                for hit in hits:
                    day = _day(hit.day)
                    cursor.execute(
                        _visitor_sql(connection.vendor),
                        [day, hit.visitor, hit.now_ms, hit.now_ms, visit_timeout],
                    )
                    hits_so_far, visit_hit = cursor.fetchone()
                    view = False
                    if hit.page_id is not None:
                        cursor.execute(
                            _mark_sql(connection.vendor),
                            [
                                day,
                                hit.visitor,
                                hit.page_id,
                                hit.now_ms,
                                hit.page_id,
                                view_window,
                                view_window,
                            ],
                        )
                        row = cursor.fetchone()
                        view = row is not None and row[0] == row[1]
                    outcome = Outcome(
                        visit=hits_so_far == visit_hit,
                        visitor=hits_so_far == 1,
                        view=view,
                    )
                    outcomes.append(outcome)
                    counts = days.setdefault(hit.day, dict.fromkeys(DAILY_COUNTS, 0))
                    counts["hits"] += 1
                    counts["visits"] += int(outcome.visit)
                    counts["visitors"] += int(outcome.visitor)
                    counts["views"] += int(outcome.view)
                    if view:
                        key = (hit.day, hit.page_id)
                        pages[key] = pages.get(key, 0) + 1
            add_counts(days=days, pages=pages)
        return outcomes

    def __init__(self):
        self._group_commit = GroupCommit()
        self._online: tuple[int, int] | None = None  # (read at ms, count)
        # (day, page) → (read at ms, figures): the beacon's recent answers.
        self._recent: dict[tuple, tuple[int, Figures]] = {}

    def figures(
        self, *, today: dt.date, now_ms: int, page_id: int | None = None
    ) -> Figures:
        """One statement. "Online now" counts every visitor row of the last five
        minutes; when they are many (ONLINE_CACHE_ABOVE, 200) a process reuses its
        count for settings.TTDN_ANALYTICS["ONLINE_CACHE_SECONDS"] (2 s by
        default) — a few seconds do not show in hundreds. Below that the count is
        exact on every read (a reader always sees themselves online)."""
        _visit, _view, online_window = windows_ms()
        reuse_ms = int(config().get("ONLINE_CACHE_SECONDS", 0) * 1000)
        cached = self._online
        if (
            reuse_ms
            and cached
            and cached[1] >= ONLINE_CACHE_ABOVE
            and 0 <= now_ms - cached[0] < reuse_ms
        ):
            figures = read_site_figures(today=today, page_id=page_id)
            return dataclasses.replace(figures, online=cached[1])
        figures = read_site_figures(
            today=today, online_since_ms=now_ms - online_window, page_id=page_id
        )
        if reuse_ms:
            self._online = (now_ms, figures.online)
        return figures

    def record_and_read(self, hit: Hit) -> tuple[Outcome, Figures]:
        """Count, then answer the figures. A process that read the figures for
        this page less than BEACON_FIGURES_SECONDS (1 s) ago answers those plus
        what it counted since: on a busy site the beacon then costs one write
        transaction, and other processes' hits show a second later."""
        outcome = self.record(hit)
        reuse_ms = int(config().get("BEACON_FIGURES_SECONDS", 0) * 1000)
        key = (hit.day, hit.page_id)
        recent = self._recent.get(key)
        if reuse_ms and recent and 0 <= hit.now_ms - recent[0] < reuse_ms:
            figures = _plus(recent[1], outcome, hit)
        else:
            figures = self.figures(
                today=hit.day, now_ms=hit.now_ms, page_id=hit.page_id
            )
            recent = (hit.now_ms, figures)
            if len(self._recent) > 5000:
                self._recent.clear()
        if reuse_ms:
            self._recent[key] = (recent[0], figures)
        return outcome, figures

    def page_views(self, page_id: int) -> int:
        return page_total(page_id)

    def flush(self) -> int:
        """Nothing waits outside the database."""
        return 0

    def invalidate(self) -> None:
        """Figures are read from the tables each time; nothing to drop."""

    def prune(self, *, today: dt.date, now_ms: int) -> int:
        _visit, _view, online_window = windows_ms()
        deleted, _ = VisitorDay.objects.filter(
            day__lt=today, last_seen__lt=now_ms - online_window
        ).delete()
        marks, _ = PageViewMark.objects.filter(day__lt=today).delete()
        return deleted + marks
