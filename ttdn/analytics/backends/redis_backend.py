"""The Redis backend: one Lua script per hit, a periodic flush to the daily tables.

Keys (all under one hash tag, so a Redis Cluster keeps them in one slot):

``v:<day>:<visitor>``   time (ms) of a visitor's last hit: 30 minutes before
                        this hit or missing = a new visit
``u:<day>``             set of the day's visitors (``SADD`` = 1: a new visitor)
``m:<day>:<visitor>:<page>``  time of the visitor's last counted view of the page
``online``              sorted set visitor → last hit (ms); online = the last 5
                        minutes (older members are removed by the prune task)
``pending``             hash of counts not yet in the database:
                        ``<day>:visits|visitors|views|hits`` and ``<day>:p:<page>``
``flushing``            the ``pending`` hash being written by a flush
``snap``, ``snappages``, ``snapver``  the database figures last read (widget, page
                        totals); the widget shows snapshot + pending + flushing

A flush renames ``pending`` to ``flushing`` (atomic: new hits go to a new
``pending``), writes it to the database in one transaction together with its batch
id (``FlushBatch``: a batch is never written twice), refreshes the snapshot and
deletes ``flushing`` in one step. A Redis restart loses ``pending`` — at most one
flush interval of counts — and the visit/view state (docs/analytics.md).
"""

import datetime as dt
import logging
import uuid

from django.db import IntegrityError, transaction

from ttdn.analytics.identity import epoch_ms, local_day, local_now

from ..models import FlushBatch, PageViewTotal
from . import Figures, Hit, Outcome, windows_ms
from .database import add_counts, read_site_figures, retrying

logger = logging.getLogger(__name__)

UNIQUES_TTL = 2 * 24 * 3600  # seconds: a day's visitor set outlives its day
# Visit and view keys live this much longer than their window (milliseconds).
SLACK_MS = 60_000
SNAP_FIELDS = ("day", "total", "year", "month", "today", "yesterday")

_READ = """
local function n(v) return tonumber(v) or 0 end
local f = {day .. ':visits', yday .. ':visits'}
if page ~= '' then
  table.insert(f, day .. ':p:' .. page)
  table.insert(f, yday .. ':p:' .. page)
end
local pend = redis.call('HMGET', KEYS[5], unpack(f))
local fl = redis.call('HMGET', KEYS[6], unpack(f))
local page_new = 0
if page ~= '' then page_new = n(pend[3]) + n(fl[3]) + n(pend[4]) + n(fl[4]) end
local snap = redis.call('HMGET', KEYS[7], 'day', 'total', 'year', 'month', 'today',
  'yesterday')
local sp = false
if page ~= '' then sp = redis.call('HGET', KEYS[8], page) end
return {visit, visitor, view, online,
  n(pend[1]) + n(fl[1]), n(pend[2]) + n(fl[2]), page_new,
  snap[1] or '', n(snap[2]), n(snap[3]), n(snap[4]), n(snap[5]), n(snap[6]),
  sp or '', redis.call('EXISTS', KEYS[6]), redis.call('GET', KEYS[9]) or '0'}
"""

# KEYS: 1 visit, 2 uniques, 3 mark, 4 online, 5 pending, 6 flushing, 7 snap,
#       8 snappages, 9 snapver
# ARGV: 1 now_ms, 2 visit timeout ms, 3 view window ms, 4 online window ms,
#       5 day, 6 yesterday, 7 visitor, 8 page ('' = none), 9 uniques ttl s
HIT_LUA = (
    """
local now = tonumber(ARGV[1])
local day, yday, page = ARGV[5], ARGV[6], ARGV[8]
local visit, visitor, view = 0, 0, 0
-- Times are compared, not left to key expiry (which only frees memory), so
-- the rules are those of the database backend to the millisecond.
local last = tonumber(redis.call('GET', KEYS[1]) or '')
if not last or now - last >= tonumber(ARGV[2]) then visit = 1 end
if not last or now > last then last = now end
redis.call('SET', KEYS[1], last, 'PX', tonumber(ARGV[2]) + SLACK_MS)
visitor = redis.call('SADD', KEYS[2], ARGV[7])
if visitor == 1 then redis.call('EXPIRE', KEYS[2], ARGV[9]) end
if page ~= '' then
  local counted = tonumber(redis.call('GET', KEYS[3]) or '')
  if not counted or now - counted >= tonumber(ARGV[3]) then
    view = 1
    redis.call('SET', KEYS[3], now, 'PX', tonumber(ARGV[3]) + SLACK_MS)
  end
end
redis.call('HINCRBY', KEYS[5], day .. ':hits', 1)
if visit == 1 then redis.call('HINCRBY', KEYS[5], day .. ':visits', 1) end
if visitor == 1 then redis.call('HINCRBY', KEYS[5], day .. ':visitors', 1) end
if view == 1 then
  redis.call('HINCRBY', KEYS[5], day .. ':views', 1)
  redis.call('HINCRBY', KEYS[5], day .. ':p:' .. page, 1)
end
redis.call('ZADD', KEYS[4], now, ARGV[7])
local online = redis.call('ZCOUNT', KEYS[4], now - tonumber(ARGV[4]), '+inf')
"""
    + _READ
).replace("SLACK_MS", str(SLACK_MS))

READ_LUA = (
    """
local now = tonumber(ARGV[1])
local day, yday, page = ARGV[5], ARGV[6], ARGV[8]
local visit, visitor, view = 0, 0, 0
local online = redis.call('ZCOUNT', KEYS[4], now - tonumber(ARGV[4]), '+inf')
"""
    + _READ
)

# KEYS: 1 pending, 2 flushing. ARGV: 1 new batch id. Returns the batch to write.
TAKE_LUA = """
if redis.call('EXISTS', KEYS[2]) == 1 then
  return redis.call('HGET', KEYS[2], '__batch')
end
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[2], '__batch', ARGV[1])
return ARGV[1]
"""

# KEYS: 1 flushing, 2 snap, 3 snappages, 4 snapver.
# ARGV: 1 batch, 2 number of snap values (2 per field), then snap field/value
# pairs, then snappages field/value pairs.
FINISH_LUA = """
if redis.call('HGET', KEYS[1], '__batch') == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
local n = tonumber(ARGV[2])
if n > 0 then
  redis.call('DEL', KEYS[2])
  redis.call('HSET', KEYS[2], unpack(ARGV, 3, 2 + n))
end
if #ARGV > 2 + n then
  redis.call('HSET', KEYS[3], unpack(ARGV, 3 + n, #ARGV))
end
redis.call('INCR', KEYS[4])
return 1
"""

# Fill a snapshot read by a request, unless a flush ran or is running meanwhile.
# KEYS: 1 flushing, 2 hash to fill, 3 snapver. ARGV: 1 version seen, then pairs.
FILL_LUA = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if (redis.call('GET', KEYS[3]) or '0') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[2], unpack(ARGV, 2, #ARGV))
return 1
"""

# Drop the snapshot (after an administrator changed a starting figure).
INVALIDATE_LUA = """
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('INCR', KEYS[3])
return 1
"""


def _day_key(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _int(value) -> int:
    return int(value) if value not in (None, b"", "") else 0


class RedisBackend:
    name = "redis"

    def __init__(self, *, url: str, prefix: str):
        import redis

        self.client = redis.Redis.from_url(url)
        # One hash tag for every key: {prefix}
        tag = prefix if "{" in prefix else "{" + prefix + "}"
        self.prefix = tag + ":"
        self._hit = self.client.register_script(HIT_LUA)
        self._read = self.client.register_script(READ_LUA)
        self._take = self.client.register_script(TAKE_LUA)
        self._finish = self.client.register_script(FINISH_LUA)
        self._fill = self.client.register_script(FILL_LUA)
        self._invalidate = self.client.register_script(INVALIDATE_LUA)

    def key(self, name: str) -> str:
        return self.prefix + name

    # --- counting -------------------------------------------------------------------
    def _keys(self, hit: Hit) -> list[str]:
        day = _day_key(hit.day)
        page = "" if hit.page_id is None else str(hit.page_id)
        return [
            self.key(f"v:{day}:{hit.visitor}"),
            self.key(f"u:{day}"),
            self.key(f"m:{day}:{hit.visitor}:{page}"),
            self.key("online"),
            self.key("pending"),
            self.key("flushing"),
            self.key("snap"),
            self.key("snappages"),
            self.key("snapver"),
        ]

    def _args(self, hit: Hit) -> list:
        visit_timeout, view_window, online_window = windows_ms()
        return [
            hit.now_ms,
            visit_timeout,
            view_window,
            online_window,
            _day_key(hit.day),
            _day_key(hit.yesterday),
            hit.visitor,
            "" if hit.page_id is None else str(hit.page_id),
            UNIQUES_TTL,
        ]

    def record(self, hit: Hit) -> Outcome:
        return self.record_and_read(hit)[0]

    def record_and_read(self, hit: Hit) -> tuple[Outcome, Figures]:
        reply = self._hit(keys=self._keys(hit), args=self._args(hit))
        return self._outcome(reply), self._figures(hit, reply)

    def figures(
        self, *, today: dt.date, now_ms: int, page_id: int | None = None
    ) -> Figures:
        hit = Hit(day=today, now_ms=now_ms, visitor="-", page_id=page_id)
        reply = self._read(keys=self._keys(hit), args=self._args(hit))
        return self._figures(hit, reply)

    def page_views(self, page_id: int) -> int:

        now = local_now()
        return self.figures(
            today=local_day(now), now_ms=epoch_ms(now), page_id=page_id
        ).page_views

    @staticmethod
    def _outcome(reply) -> Outcome:
        return Outcome(visit=reply[0] == 1, visitor=reply[1] == 1, view=reply[2] == 1)

    def _figures(self, hit: Hit, reply) -> Figures:
        """The reply: outcome (3), online, new visits today and yesterday, the
        page's new views, the snapshot (day + 5 figures), the page's snapshot,
        whether a flush is running, the snapshot version."""
        (
            _v,
            _u,
            _w,
            online,
            today_new,
            yesterday_new,
            page_new,
            snap_day,
            *snap,
        ) = reply[:13]
        snap_page, flushing, version = reply[13:16]
        if snap_day.decode() != _day_key(hit.day):
            base = self._fill_site_snapshot(hit.day, flushing, version)
        else:
            base = dict(zip(SNAP_FIELDS[1:], snap, strict=True))
        same_month = hit.yesterday.month == hit.day.month
        same_year = hit.yesterday.year == hit.day.year
        page_views = None
        if hit.page_id is not None:
            if snap_page == b"":
                page_base = self._fill_page_snapshot(hit.page_id, flushing, version)
            else:
                page_base = int(snap_page)
            page_views = page_base + page_new
        return Figures(
            total=base["total"] + today_new + yesterday_new,
            online=int(online),
            today=base["today"] + today_new,
            yesterday=base["yesterday"] + yesterday_new,
            month=base["month"] + today_new + (yesterday_new if same_month else 0),
            year=base["year"] + today_new + (yesterday_new if same_year else 0),
            page_views=page_views,
        )

    # --- snapshots of the database figures ------------------------------------------
    def _db_snapshot(self, today: dt.date) -> dict[str, int]:
        figures = read_site_figures(today=today)
        return {
            "total": figures.total,
            "year": figures.year,
            "month": figures.month,
            "today": figures.today,
            "yesterday": figures.yesterday,
        }

    def _fill_site_snapshot(self, today, flushing, version) -> dict[str, int]:
        base = self._db_snapshot(today)
        if not flushing:
            pairs = ["day", _day_key(today)]
            for name, value in base.items():
                pairs += [name, value]
            self._fill(
                keys=[self.key("flushing"), self.key("snap"), self.key("snapver")],
                args=[version, *pairs],
            )
        return base

    def _fill_page_snapshot(self, page_id: int, flushing, version) -> int:
        from .database import page_total

        total = page_total(page_id)
        if not flushing:
            self._fill(
                keys=[self.key("flushing"), self.key("snappages"), self.key("snapver")],
                args=[version, str(page_id), total],
            )
        return total

    def invalidate(self) -> None:
        """Forget the snapshot: the next read takes the figures from the database."""
        self._invalidate(
            keys=[self.key("snap"), self.key("snappages"), self.key("snapver")]
        )

    # --- flushing ---------------------------------------------------------------------
    def flush(self, *, today: dt.date | None = None) -> int:
        """Write the pending counts to the database. Returns how many counts."""

        today = today or local_day()
        self._trim_online()
        lock = self.key("flush-lock")
        token = uuid.uuid4().hex
        if not self.client.set(lock, token, nx=True, px=120_000):
            logger.info("Analytics flush already running; skipped")
            return 0
        try:
            batch = self._take(
                keys=[self.key("pending"), self.key("flushing")],
                args=[uuid.uuid4().hex],
            )
            if not batch:
                return 0
            batch = batch.decode()
            raw = self.client.hgetall(self.key("flushing"))
            days, pages = self._parse(raw)
            written = retrying(lambda: self._write(batch, days, pages))
            snapshot = self._db_snapshot(today)
            snap_args = ["day", _day_key(today)]
            for name, value in snapshot.items():
                snap_args += [name, value]
            page_args = []
            page_ids = sorted({page_id for _day, page_id in pages})
            totals = dict.fromkeys(page_ids, 0)
            for row in PageViewTotal.objects.filter(page_id__in=page_ids).values(
                "page_id", "views", "starting_views"
            ):
                totals[row["page_id"]] = row["views"] + row["starting_views"]
            for page_id, total in totals.items():
                page_args += [str(page_id), total]
            self._finish(
                keys=[
                    self.key("flushing"),
                    self.key("snap"),
                    self.key("snappages"),
                    self.key("snapver"),
                ],
                args=[batch, len(snap_args), *snap_args, *page_args],
            )
            return written
        finally:
            if (self.client.get(lock) or b"").decode() == token:
                self.client.delete(lock)

    def _trim_online(self) -> None:
        """Drop readers whose last hit is older than the online window, counted
        from the latest hit (hits only add to the set)."""
        _visit, _view, online_window = windows_ms()
        latest = self.client.zrange(self.key("online"), -1, -1, withscores=True)
        if latest:
            limit = int(latest[0][1]) - online_window
            self.client.zremrangebyscore(self.key("online"), "-inf", f"({limit}")

    @staticmethod
    def _parse(raw: dict) -> tuple[dict, dict]:
        days: dict[dt.date, dict[str, int]] = {}
        pages: dict[tuple[dt.date, int], int] = {}
        for field, value in raw.items():
            field = field.decode()
            if field.startswith("__"):
                continue
            parts = field.split(":")
            day = dt.datetime.strptime(parts[0], "%Y%m%d").date()  # noqa: DTZ007
            if len(parts) == 3 and parts[1] == "p":
                pages[(day, int(parts[2]))] = int(value)
            elif len(parts) == 2:
                days.setdefault(day, {})[parts[1]] = int(value)
        return days, pages

    @staticmethod
    def _write(batch: str, days: dict, pages: dict) -> int:
        from wagtail.models import Page

        with transaction.atomic():
            try:
                with transaction.atomic():
                    FlushBatch.objects.create(batch=batch)
            except IntegrityError:
                logger.info("Analytics batch %s was already written", batch)
                return 0
            existing = set(
                Page.objects.filter(
                    pk__in={page_id for _day, page_id in pages}
                ).values_list("pk", flat=True)
            )
            kept = {key: n for key, n in pages.items() if key[1] in existing}
            add_counts(days=days, pages=kept)
        return sum(sum(c.values()) for c in days.values()) + sum(kept.values())

    def prune(self, *, today: dt.date, now_ms: int) -> int:
        """Readers no longer online leave the online set (hits only add to it);
        the rest of the Redis state expires by itself. Flush batch ids go after
        30 days."""
        from django.utils import timezone

        self._trim_online()

        deleted, _ = FlushBatch.objects.filter(
            flushed_at__lt=timezone.now() - dt.timedelta(days=30)
        ).delete()
        return deleted
