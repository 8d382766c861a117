"""Full-page cache for anonymous readers.

An anonymous ``GET`` of a public page is answered from the cache (``default``:
Redis when REDIS_URL is set, local memory otherwise) when an earlier response for
the same host, path and allowed query is there under the current content
generation (see generation.py). Never cached: the admin and previews (under
/admin/), documents, the beacon, anything with a session cookie (logged-in
editors), other methods than GET, responses that set cookies, vary on Cookie,
say private/no-store/no-cache, or are not ``200 OK``; query strings other than
``?page=N`` (search results, tracking parameters) pass through.

Responses for a logged-in user — and everything under /admin/ — get
``Cache-Control: private, no-store``. Cacheable responses tell shared caches
(nginx, a CDN) they may keep them for the TTL: ``s-maxage`` and nginx's
``X-Accel-Expires``; browsers revalidate (``max-age=0``).
"""

import hashlib
import re
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from . import generation

PRIVATE = "private, no-store"
_comma = re.compile(r"\s*,\s*")
HOP_HEADERS = {"x-cache", "connection", "keep-alive", "transfer-encoding"}


def _config() -> dict:
    return settings.TTDN_PAGE_CACHE


def _private_path(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in _config()["PRIVATE_PREFIXES"])


def _has_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def cacheable_request(request) -> bool:
    config = _config()
    if config["TTL"] <= 0 or request.method != "GET":
        return False
    path = request.path_info
    if _private_path(path) or any(
        path.startswith(prefix) for prefix in config["SKIP_PREFIXES"]
    ):
        return False
    if _has_session(request) or "HTTP_AUTHORIZATION" in request.META:
        return False
    params = {name for name, _value in parse_qsl(request.META.get("QUERY_STRING", ""))}
    return params <= set(config["QUERY_PARAMETERS"])


def cache_key(request) -> str:
    """The entry of this host, path and query; the entry records the generation
    it was rendered under (one lookup reads both)."""
    query = sorted(parse_qsl(request.META.get("QUERY_STRING", "")))
    raw = f"{request.get_host()}|{request.path}|{query}"
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()[:40]


def storable(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = {
        part.split("=")[0].strip().lower()
        for part in _comma.split(response.get("Cache-Control", ""))
        if part
    }
    if control & {"private", "no-store", "no-cache"}:
        return False
    vary = {part.strip().lower() for part in _comma.split(response.get("Vary", ""))}
    return "cookie" not in vary and "*" not in vary


def _logged_in(request) -> bool:
    if not _has_session(request):
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def remember_site(request) -> None:
    """Give Wagtail the request's Site from the cache.

    ``Site.find_for_request`` keeps its answer on ``request._wagtail_site``;
    filling it from a cache (until a site or page changes: the generation)
    saves its query on every page that is rendered."""
    if hasattr(request, "_wagtail_site"):
        return
    from wagtail.models import Site

    host = request.get_host()

    def find():
        site = Site.find_for_request(request)
        if site is not None and site.root_page_id:
            # The home page as its own type: Wagtail's routing asks for
            # ``root_page.specific`` on every request.
            site.root_page = site.root_page.specific
        return site

    site = generation.cached(f"site:{host}:{request.get_port()}", find)
    request._wagtail_site = site


class PageCacheMiddleware:
    """Place right after WhiteNoise (before sessions) in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            if not cacheable_request(request):
                if not _private_path(request.path_info):
                    remember_site(request)
                return self._finish_uncached(request, self.get_response(request))
            key = cache_key(request)
        except DisallowedHost:
            return self.get_response(request)
        current, entry = generation.current_with(key)
        if entry is not None and entry[0] == current:
            _generation, status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "HIT"
            return response
        remember_site(request)  # a miss: the page is rendered
        response = self.get_response(request)
        if not storable(response):
            return self._finish_uncached(request, response)
        self._mark_public(response)
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in HOP_HEADERS
        ]
        # Stored under the generation read before rendering: if content changed
        # meanwhile, the entry is already stale and the next reader renders again.
        generation.cache().set(
            key,
            (current, response.status_code, headers, response.content),
            _config()["TTL"],
        )
        response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _mark_public(response) -> None:
        ttl = _config()["TTL"]
        patch_cache_control(response, public=True, max_age=0, s_maxage=ttl)
        response["X-Accel-Expires"] = str(ttl)

    @staticmethod
    def _finish_uncached(request, response):
        if _private_path(request.path_info) or _logged_in(request):
            response["Cache-Control"] = PRIVATE
            for name in ("Expires", "X-Accel-Expires"):
                if name in response:
                    del response[name]
        elif response.cookies and "Cache-Control" not in response:
            response["Cache-Control"] = "private"
        return response
