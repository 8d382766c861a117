"""The content generation: part of every page-cache key. Publishing, unpublishing,
moving or deleting a page (and editing the footer or site settings) bumps it, so
every cached page — the page, its section, the home page, feeds, sitemap — is
missed at once and rendered afresh. Old entries expire with their TTL.

Where it lives decides who sees a bump:

* a shared cache (Redis, when REDIS_URL is set): every process on every machine;
* otherwise a small file (settings.TTDN_PAGE_CACHE["GENERATION_FILE"]): every
  process on this machine — the web workers, the task worker that publishes
  scheduled pages, management commands. Each process keeps its pages in its own
  local-memory cache but reads the generation from the file (one stat() per
  request; the file is re-read only when it changed).
"""

import logging
import os
import tempfile
import threading
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches

CACHE_KEY = "pagecache:generation"
logger = logging.getLogger(__name__)


def _config() -> dict:
    return settings.TTDN_PAGE_CACHE


def cache():
    return caches[_config().get("ALIAS", "default")]


def _shared() -> bool:
    """True when the page cache is shared between processes (not local memory)."""
    backend = settings.CACHES[_config().get("ALIAS", "default")]["BACKEND"]
    return not backend.endswith(("LocMemCache", "DummyCache"))


class _FileGeneration:
    def __init__(self):
        self._lock = threading.Lock()
        self._stamp = None
        self._value = ""

    @staticmethod
    def path() -> Path:
        return Path(_config()["GENERATION_FILE"])

    def current(self) -> str:
        path = self.path()
        try:
            stat = path.stat()
        except FileNotFoundError:
            return self.bump()
        stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if stamp != self._stamp:
            with self._lock:
                try:
                    self._value = path.read_text().strip()
                    self._stamp = stamp
                except FileNotFoundError:
                    return self.bump()
        return self._value

    def bump(self) -> str:
        value = uuid.uuid4().hex
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write a new file and rename it over the old one: readers see either
        # the old or the new value, never half of it (and a new inode).
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".pagecache-")
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(value)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        with self._lock:
            self._stamp = None
        return value


_file = _FileGeneration()


def current() -> str:
    if _shared():
        value = cache().get(CACHE_KEY)
        if value is None:
            value = uuid.uuid4().hex
            # add(): when two processes race, both end up with the same value.
            if not cache().add(CACHE_KEY, value, timeout=None):
                value = cache().get(CACHE_KEY) or value
        return value
    return _file.current()


# With a shared cache, each process also keeps the pages it served last for a few
# seconds: a hit then asks Redis for the generation only (a few bytes) instead of
# the page, and the page is used only if it was stored under that generation, so
# a publish is seen at once. What the generation does not cover (the visit figures
# in the HTML) can be LOCAL_SECONDS older than the TTL says.
LOCAL_SECONDS = 5
LOCAL_ENTRIES = 200
_local: dict[str, tuple[float, tuple]] = {}
_local_lock = threading.Lock()


def _local_get(key: str):
    found = _local.get(key)
    if found is None or found[0] < time.monotonic():
        return None
    return found[1]


def _local_put(key: str, entry) -> None:
    with _local_lock:
        if len(_local) >= LOCAL_ENTRIES:
            _local.clear()
        _local[key] = (time.monotonic() + LOCAL_SECONDS, entry)


def forget_local() -> None:
    with _local_lock:
        _local.clear()


def current_with(key: str):
    """(current generation, cached value of key) — one round trip to Redis."""
    if _shared():
        local = _local_get(key)
        if local is not None:
            value = cache().get(CACHE_KEY)
            if value is not None and local[0] == value:
                return value, local
        values = cache().get_many([CACHE_KEY, key])
        value = values.get(CACHE_KEY)
        if value is None:
            return current(), None
        entry = values.get(key)
        if entry is not None:
            _local_put(key, entry)
        return value, entry
    return _file.current(), cache().get(key)


def bump() -> str:
    """Invalidate every cached page."""
    if _shared():
        value = uuid.uuid4().hex
        cache().set(CACHE_KEY, value, timeout=None)
        return value
    return _file.bump()


_MISSING = object()


def cached(name: str, build, *, timeout: int = 300):
    """``build()``, kept in the page cache under the current generation: for data
    every page shows (menu, footer, home pages), so a page rendered after a
    publish never shows stale site chrome."""
    key = f"pagecache:{current()}:obj:{name}"
    store = cache()
    value = safe_get(store, key)
    if value is _MISSING:
        value = build()
        store.set(key, value, timeout)
    return value


def safe_get(store, key: str, default=_MISSING):
    """A cached object, or ``default`` when missing or when it cannot be read any
    more (pickled by an older version of the code)."""
    try:
        return store.get(key, default)
    except Exception:  # an object of older code: treat as missing
        logger.warning("Unreadable page-cache entry %s dropped", key)
        store.delete(key)
        return default
