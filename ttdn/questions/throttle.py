"""The per-address limit of the questions form, without storing the address:
the cache holds a counter under a keyed hash (HMAC with the secret key) of the
address and the current window, which expires with the window."""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache


def _key(address: str, window: int) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(),
        f"questions|{address}|{window}".encode(),
        hashlib.sha256,
    ).hexdigest()[:32]
    return f"questions:rate:{digest}"


def _window(now: float, length: int) -> int:
    return int(now // length)


def limited(address: str, *, now: float | None = None) -> bool:
    """Whether *address* already sent the allowed number of questions in the
    current window."""
    config = settings.TTDN_QUESTIONS
    window = _window(now if now is not None else time.time(), config["RATE_WINDOW"])
    return cache.get(_key(address, window), 0) >= config["RATE_LIMIT"]


def count(address: str, *, now: float | None = None) -> None:
    config = settings.TTDN_QUESTIONS
    length = config["RATE_WINDOW"]
    window = _window(now if now is not None else time.time(), length)
    key = _key(address, window)
    if cache.add(key, 1, timeout=length):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired in between
        cache.add(key, 1, timeout=length)
