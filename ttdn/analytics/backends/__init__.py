"""Counter backends: where hits are counted before they reach the daily tables.

``database`` (default) writes every hit to the database at once; ``redis`` counts
in Redis and a periodic task (``flush_counters``) writes the counts to the same
tables. settings.TTDN_ANALYTICS["BACKEND"] chooses; docs/analytics.md compares.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Hit:
    """One counted page load: who (hashed), when, which page (None: not a page)."""

    day: dt.date
    now_ms: int
    visitor: str
    page_id: int | None = None

    @property
    def yesterday(self) -> dt.date:
        return self.day - dt.timedelta(days=1)


@dataclass(frozen=True)
class Outcome:
    """What a hit counted as."""

    visit: bool = False
    visitor: bool = False
    view: bool = False


@dataclass(frozen=True)
class Figures:
    """The statistics widget, and a page's view count when asked for."""

    total: int = 0
    online: int = 0
    today: int = 0
    yesterday: int = 0
    month: int = 0
    year: int = 0
    page_views: int | None = None
    extra: dict = field(default_factory=dict, compare=False)

    WIDGET = ("total", "online", "today", "yesterday", "month", "year")

    def widget(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.WIDGET}


def config() -> dict:
    return settings.TTDN_ANALYTICS


def windows_ms() -> tuple[int, int, int]:
    """(visit timeout, view window, online window) in milliseconds."""
    cfg = config()
    return (
        int(cfg["VISIT_TIMEOUT"]) * 1000,
        int(cfg["VIEW_WINDOW"]) * 1000,
        int(cfg["ONLINE_WINDOW"]) * 1000,
    )


_backends: dict[tuple, object] = {}


def get_backend():
    """The configured backend (one instance per configuration and process)."""
    cfg = config()
    name = cfg.get("BACKEND", "database")
    key = (name, cfg.get("REDIS_URL"), cfg.get("KEY_PREFIX"))
    backend = _backends.get(key)
    if backend is None:
        if name == "database":
            from .database import DatabaseBackend

            backend = DatabaseBackend()
        elif name == "redis":
            from .redis_backend import RedisBackend

            if not cfg.get("REDIS_URL"):
                raise ImproperlyConfigured(
                    "TTDN_ANALYTICS_BACKEND=redis needs REDIS_URL "
                    "(or TTDN_ANALYTICS_REDIS_URL)."
                )
            backend = RedisBackend(url=cfg["REDIS_URL"], prefix=cfg["KEY_PREFIX"])
        else:
            raise ImproperlyConfigured(
                f"Unknown analytics backend {name!r}: use 'database' or 'redis'."
            )
        _backends[key] = backend
    return backend
