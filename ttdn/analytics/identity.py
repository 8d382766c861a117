"""Who is counting as whom: cookie-free visitor identity, bots, the GMT+7 day.

A visitor is ``HMAC-SHA256(salt of the day, IP address + "\\n" + User-Agent)``,
cut to 32 hex digits. The salt is random, kept in the database for its day only
(``DailySalt``) and deleted afterwards, so nobody — not even an administrator with
the database and the secret key — can tell from stored hashes who visited.
The IP address itself is never stored or logged.
"""

import datetime as dt
import hashlib
import hmac
import re
import secrets
import threading

from django.conf import settings
from django.db import IntegrityError, transaction

from ttdn.core.timefmt import VN_TZ

# Crawlers, link previews, monitors and HTTP libraries, matched in the lower-cased
# User-Agent. Real browsers, including Cốc Cốc ("coc_coc_browser") and in-app
# browsers such as Zalo's, and CUBOT phones do not match; Cốc Cốc's crawler
# ("coccocbot") does.
BOT_WORDS = (
    "bot/", "bot-", "crawl", "spider", "slurp", "archiver", "facebookexternalhit",
    "facebookcatalog", "embedly", "quora link preview", "whatsapp", "skypeuripreview",
    "vkshare", "w3c_validator", "headless", "phantomjs", "selenium", "puppeteer",
    "playwright", "lighthouse", "pagespeed", "pingdom", "uptimerobot", "statuscake",
    "site24x7", "monitoring", "python-requests", "python-urllib", "python-httpx",
    "aiohttp", "curl/", "wget/", "httpclient", "http_client", "go-http-client",
    "okhttp", "java/", "libwww", "lwp-", "scrapy", "node-fetch", "axios/", "undici",
    "apachebench", "jmeter", "locust", "semrush", "ahrefs", "mj12", "dotbot",
    "petalbot", "bytespider", "gptbot", "ccbot", "claudebot", "perplexity", "yandex",
    "baiduspider", "sogou", "exabot", "ia_archiver", "zgrab", "masscan", "nmap",
    "nuclei", "sqlmap", "nikto",
)  # fmt: skip
# "…bot" at the end of a word (Googlebot, bingbot, coccocbot), but not "CUBOT".
BOT_WORD_END = re.compile(r"(?<!cu)bot\b")


def is_bot(user_agent: str) -> bool:
    """True for crawlers and tools; an empty User-Agent is not a browser either."""
    agent = (user_agent or "").strip().lower()
    if not agent:
        return True
    if "bot" in agent and BOT_WORD_END.search(agent):
        return True
    return any(word in agent for word in BOT_WORDS)


def is_prefetch(request) -> bool:
    """Speculative loads (prefetch, prerender) are not views."""
    meta = request.META
    purpose = (meta.get("HTTP_SEC_PURPOSE") or meta.get("HTTP_PURPOSE") or "").lower()
    return "prefetch" in purpose and "prerender" not in purpose


def client_ip(request) -> str:
    """The reader's address: REMOTE_ADDR, or the header a trusted proxy sets
    (settings.TTDN_ANALYTICS["CLIENT_IP_HEADER"], e.g. HTTP_X_REAL_IP)."""
    header = settings.TTDN_ANALYTICS.get("CLIENT_IP_HEADER") or ""
    value = request.META.get(header, "") if header else ""
    if value:
        # X-Forwarded-For: "client, proxy1, proxy2" — the first is the client.
        return value.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


# --- days in GMT+7 ----------------------------------------------------------------
def local_now(now: dt.datetime | None = None) -> dt.datetime:
    from django.utils import timezone

    return (now or timezone.now()).astimezone(VN_TZ)


def local_day(now: dt.datetime | None = None) -> dt.date:
    """The calendar day in GMT+7 of an instant (default: now)."""
    return local_now(now).date()


def epoch_ms(now: dt.datetime) -> int:
    return int(now.timestamp() * 1000)


# --- the daily salt ---------------------------------------------------------------
_salts: dict[dt.date, str] = {}
_salt_lock = threading.Lock()


def daily_salt(day: dt.date) -> str:
    """The salt of a day: created on the first hit of the day, the same in every
    process (it lives in the database), cached in memory for the day."""
    salt = _salts.get(day)
    if salt is not None:
        return salt
    from .models import DailySalt

    with _salt_lock:
        row = DailySalt.objects.filter(day=day).first()
        if row is None:
            try:
                with transaction.atomic():
                    row = DailySalt.objects.create(day=day, value=secrets.token_hex(32))
            except IntegrityError:  # another process created it first
                row = DailySalt.objects.get(day=day)
        # Keep only today's (and, just after midnight, yesterday's) salt.
        for old in [d for d in _salts if d < day - dt.timedelta(days=1)]:
            del _salts[old]
        _salts[day] = row.value
        return row.value


def forget_salts() -> None:
    """Drop the in-memory salts (after the database ones were deleted)."""
    _salts.clear()


def visitor_id(*, ip: str, user_agent: str, salt: str) -> str:
    message = f"{ip}\n{user_agent}".encode()
    return hmac.new(salt.encode(), message, hashlib.sha256).hexdigest()[:32]


def address_page_key(*, ip: str, page_id: int, salt: str) -> str:
    """The key of one network address reading one page: a keyed hash under the
    day's salt (the address itself is never stored, and the key cannot be
    linked to it once the salt is deleted)."""
    message = f"{ip}\npage:{page_id}".encode()
    return hmac.new(salt.encode(), message, hashlib.sha256).hexdigest()[:32]
