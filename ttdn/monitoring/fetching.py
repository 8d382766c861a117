"""Careful HTTP GET for the monitoring fetcher.

Every request: http(s) only; a connect/read timeout and a total time limit; a size
limit (the body is streamed and dropped past it); redirects followed by hand up to a
limit, each hop checked again; a minimum interval between two requests to the same
host (shared through the cache, so several workers respect it); conditional GET
(``If-None-Match`` / ``If-Modified-Since``). Failures raise :class:`FetchError` with
a message in the active language naming the address and the problem.
"""

import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

import requests

from . import addresses, decoding


class FetchError(Exception):
    """A fetch that failed; ``str(error)`` is the message shown to monitors."""


@dataclass
class FetchResult:
    url: str  # after redirects
    status: int
    content: bytes = b""
    headers: dict = field(default_factory=dict)
    not_modified: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def etag(self) -> str:
        return self.headers.get("etag", "")

    @property
    def last_modified(self) -> str:
        return self.headers.get("last-modified", "")

    def text(self) -> str:
        return decoding.decode(self.content, self.content_type)[0]


def config() -> dict:
    return settings.TTDN_MONITORING


def check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise FetchError(
            _("%(url)s: only http:// and https:// addresses can be fetched.")
            % {"url": url}
        )


class HostRateLimiter:
    """At most one request per *interval* seconds to each host, across processes
    sharing the cache."""

    def __init__(self, interval: float, *, clock=time.time, sleep=time.sleep):
        self.interval = interval
        self.clock = clock
        self.sleep = sleep

    def wait(self, host: str) -> float:
        """Block until *host* may be requested; returns the seconds waited."""
        if self.interval <= 0:
            return 0.0
        key = f"monitoring:host:{host.lower()}"
        waited = 0.0
        while True:
            now = self.clock()
            next_allowed = cache.get(key) or 0.0
            if now >= next_allowed:
                cache.set(key, now + self.interval, timeout=int(self.interval) + 2)
                return waited
            pause = next_allowed - now
            self.sleep(pause)
            waited += pause


class Fetcher:
    def __init__(
        self,
        *,
        timeout: float | None = None,
        total_timeout: float | None = None,
        max_bytes: int | None = None,
        max_redirects: int | None = None,
        host_interval: float | None = None,
        user_agent: str | None = None,
        session: requests.Session | None = None,
    ):
        conf = config()
        self.timeout = conf["TIMEOUT"] if timeout is None else timeout
        self.total_timeout = (
            conf["TOTAL_TIMEOUT"] if total_timeout is None else total_timeout
        )
        self.max_bytes = conf["MAX_BYTES"] if max_bytes is None else max_bytes
        self.max_redirects = (
            conf["MAX_REDIRECTS"] if max_redirects is None else max_redirects
        )
        self.limiter = HostRateLimiter(
            conf["HOST_INTERVAL"] if host_interval is None else host_interval
        )
        self.user_agent = user_agent or conf["USER_AGENT"]
        if session is None:
            session = requests.Session()
            # Connections to local, private or reserved addresses are refused
            # (addresses.py), whatever a host name resolves to.
            session.mount("http://", addresses.CheckedAdapter())
            session.mount("https://", addresses.CheckedAdapter())
        self.session = session
        # Never read proxies or .netrc from the environment.
        self.session.trust_env = False

    def get(self, url: str, *, etag: str = "", last_modified: str = "") -> FetchResult:
        started = time.monotonic()
        headers = {
            "User-Agent": self.user_agent,
            "Accept": "application/rss+xml, application/atom+xml, application/xml;"
            "q=0.9, text/html;q=0.9, */*;q=0.5",
            "Accept-Language": "vi, en;q=0.8, *;q=0.5",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        seen: set[str] = set()
        for _hop in range(self.max_redirects + 1):
            check_scheme(current)
            if current in seen:
                raise FetchError(
                    _(
                        "%(url)s: redirect loop (the address redirects back to "
                        "%(loop)s)."
                    )
                    % {"url": url, "loop": current}
                )
            seen.add(current)
            try:
                addresses.check_url(current)
            except addresses.ForbiddenAddress as error:
                raise FetchError(str(error)) from error
            self.limiter.wait(urlsplit(current).hostname or "")
            response = self._request(current, headers, started)
            if response.is_redirect or response.status_code in (
                301,
                302,
                303,
                307,
                308,
            ):
                location = response.headers.get("location")
                response.close()
                if not location:
                    raise FetchError(
                        _("%(url)s: redirect without a Location header.")
                        % {"url": current}
                    )
                current = urljoin(current, location)
                continue
            return self._finish(current, response, started)
        raise FetchError(
            _("%(url)s: too many redirects (more than %(limit)s).")
            % {"url": url, "limit": self.max_redirects}
        )

    def _remaining(self, started: float, url: str) -> float:
        remaining = self.total_timeout - (time.monotonic() - started)
        if remaining <= 0:
            raise FetchError(self._timeout_message(url))
        return remaining

    def _timeout_message(self, url: str) -> str:
        return _("%(url)s: no complete answer within %(seconds)s seconds.") % {
            "url": url,
            "seconds": f"{min(self.timeout, self.total_timeout):g}",
        }

    def _request(self, url: str, headers: dict, started: float):
        timeout = min(self.timeout, self._remaining(started, url))
        try:
            return self.session.get(
                url,
                headers=headers,
                timeout=(timeout, timeout),
                allow_redirects=False,
                stream=True,
            )
        except addresses.ForbiddenAddress as error:
            raise FetchError(str(error)) from error
        except requests.Timeout as error:
            raise FetchError(self._timeout_message(url)) from error
        except requests.RequestException as error:
            reason = error.__class__.__name__
            raise FetchError(
                _("%(url)s: connection failed (%(reason)s).")
                % {"url": url, "reason": reason}
            ) from error

    def _finish(self, url: str, response, started: float) -> FetchResult:
        headers = {k.lower(): v for k, v in response.headers.items()}
        try:
            if response.status_code == 304:
                return FetchResult(url, 304, headers=headers, not_modified=True)
            if response.status_code >= 400:
                raise FetchError(
                    _("%(url)s: the server answered HTTP %(status)s.")
                    % {"url": url, "status": response.status_code}
                )
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(self._too_large(url))
            body = bytearray()
            try:
                for chunk in response.iter_content(64 * 1024):
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(self._too_large(url))
                    self._remaining(started, url)
            except requests.RequestException as error:
                if isinstance(
                    error, requests.ConnectionError | requests.Timeout
                ) and "timed out" in str(error):
                    raise FetchError(self._timeout_message(url)) from error
                raise FetchError(
                    _("%(url)s: connection failed (%(reason)s).")
                    % {"url": url, "reason": error.__class__.__name__}
                ) from error
            return FetchResult(url, response.status_code, bytes(body), headers)
        finally:
            response.close()

    def _too_large(self, url: str) -> str:
        return _("%(url)s: larger than the limit of %(size)s.") % {
            "url": url,
            "size": _format_size(self.max_bytes),
        }


def _format_size(size: int) -> str:
    mb = 1024 * 1024
    if size % mb == 0:
        return f"{size // mb} MB"
    if size >= mb:
        return f"{size / mb:.1f} MB"
    return f"{round(size / 1024)} KB"
