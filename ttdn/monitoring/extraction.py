"""From fetched bytes to article candidates: feed entries (feedparser), links of a
listing page (a CSS selector), and the main text of an article page (trafilatura).
Pure functions, no database."""

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from django.utils import timezone
from django.utils.translation import gettext as _

import feedparser
import lxml.html
import trafilatura
from cssselect import SelectorError
from lxml.cssselect import CSSSelector

from ttdn.core.text import nfc, squash_spaces
from ttdn.core.timefmt import VN_TZ

from .fetching import FetchError

# Query parameters that only track the reader: dropped from canonical addresses.
TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|zarsrc|zrsrc|gidzl|_ga|mc_[a-z]+|"
    r"ref|ref_src|igshid|spm)$",
    re.IGNORECASE,
)


def canonical_url(url: str) -> str:
    """``HTTPS://Example.org:443/a?utm_source=x&b=2#top`` → ``https://example.org/a?b=2``:
    lower-case scheme and host, no default port, no fragment, no tracking
    parameters, the other parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not (
        (scheme == "http" and port == 80) or (scheme == "https" and port == 443)
    ):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING_PARAMS.match(k)
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


@dataclass
class Candidate:
    """An article to look at: its address and what the feed already says."""

    url: str
    title: str = ""
    summary: str = ""
    published_at: dt.datetime | None = None


@dataclass
class Article:
    url: str
    title: str
    text: str
    published_at: dt.datetime | None


# --- feeds ------------------------------------------------------------------------
def _entry_time(entry) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC)
    return None


def _entry_text(entry) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return _html_to_text(content["value"])
    return _html_to_text(entry.get("summary", ""))


def _html_to_text(value: str) -> str:
    if not value or "<" not in value:
        return squash_spaces(value or "")
    try:
        return squash_spaces(lxml.html.fromstring(value).text_content())
    except (lxml.etree.ParserError, ValueError):
        return squash_spaces(re.sub(r"<[^>]+>", " ", value))


def parse_feed(content: bytes, *, base_url: str, content_type: str = "") -> list:
    """Entries of an RSS or Atom document, newest first. A document that is not a
    feed, or broken XML with no entry readable, raises :class:`FetchError`."""
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(content, response_headers=headers)
    candidates = []
    for entry in parsed.get("entries") or []:
        link = entry.get("link") or ""
        if not link:
            continue
        link = urljoin(base_url, link)
        if urlsplit(link).scheme not in ("http", "https"):
            continue
        candidates.append(
            Candidate(
                url=link,
                title=nfc(squash_spaces(entry.get("title", ""))),
                summary=nfc(_entry_text(entry)),
                published_at=_entry_time(entry),
            )
        )
    # A broken document that still yields articles is used (feedparser is
    # lenient); one that yields none is an error.
    if parsed.get("bozo") and not candidates:
        raise FetchError(
            _("%(url)s: not a readable RSS or Atom feed (%(reason)s).")
            % {"url": base_url, "reason": _short_reason(parsed.get("bozo_exception"))}
        )
    if not candidates and not parsed.get("version"):
        raise FetchError(_("%(url)s: not an RSS or Atom feed.") % {"url": base_url})
    candidates.sort(
        key=lambda c: c.published_at or dt.datetime.min.replace(tzinfo=dt.UTC),
        reverse=True,
    )
    return candidates


def _short_reason(reason) -> str:
    text = str(reason or "").strip() or _("unknown error")
    return text[:200]


# --- listing pages --------------------------------------------------------------------
def compile_selector(selector: str) -> CSSSelector:
    try:
        return CSSSelector(selector)
    except SelectorError as error:
        raise ValueError(str(error)) from error


def listing_links(html: str, *, base_url: str, selector: str) -> list[Candidate]:
    """Article links of a listing page chosen by a CSS selector (an element that
    is not a link contributes the links inside it), in page order, without
    duplicates."""
    try:
        document = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as error:
        raise FetchError(
            _("%(url)s: the page cannot be read as HTML.") % {"url": base_url}
        ) from error
    seen, links = set(), []
    for element in compile_selector(selector)(document):
        anchors = [element] if element.tag == "a" else element.iter("a")
        for anchor in anchors:
            href = (anchor.get("href") or "").strip()
            if not href:
                continue
            url = urljoin(base_url, href)
            if urlsplit(url).scheme not in ("http", "https"):
                continue
            key = canonical_url(url)
            if key in seen:
                continue
            seen.add(key)
            # The page's own title is better than the link text ("Xem thêm").
            links.append(Candidate(url=url))
    if not links:
        raise FetchError(
            _("%(url)s: the CSS selector “%(selector)s” matched no article link.")
            % {"url": base_url, "selector": selector}
        )
    return links


# --- article pages --------------------------------------------------------------------
def _parse_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d"):
        try:
            parsed = dt.datetime.strptime(value, fmt)  # noqa: DTZ007 (zone added below)
        except ValueError:
            continue
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=VN_TZ)
        return parsed
    return None


def plausible_time(value: dt.datetime | None, *, now=None) -> dt.datetime | None:
    """*value* unless it lies in the future (more than a day ahead: a wrong date
    picked from a script) or before 1990."""
    if value is None:
        return None
    now = now or timezone.now()
    if value > now + dt.timedelta(days=1) or value.year < 1990:
        return None
    return value


def extract_article(
    html: str, *, url: str, hint: Candidate | None = None, now=None
) -> Article | None:
    """Title, main text, publication time and canonical address of an article
    page; ``None`` when no main text is found. The feed's time is preferred to
    the page's (dates found in pages are often wrong), a future date is dropped."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        fast=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={
            "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            "original_date": True,
        },
    )
    text = nfc((getattr(document, "text", None) or "").strip()) if document else ""
    title = (
        nfc(squash_spaces(getattr(document, "title", None) or "")) if document else ""
    )
    if hint and hint.title:
        title = hint.title
    if not text and hint and hint.summary:
        text = hint.summary
    if not text:
        return None
    lines = text.splitlines()
    if lines and title and squash_spaces(lines[0]) == title:
        text = "\n".join(lines[1:]).strip() or text
    canonical = getattr(document, "url", None) if document else None
    if not canonical or urlsplit(canonical).scheme not in ("http", "https"):
        canonical = url
    published = hint.published_at if hint and hint.published_at else None
    if published is None and document is not None:
        published = _parse_date(getattr(document, "date", None))
    return Article(
        url=canonical_url(canonical),
        title=(title or text[:120])[:500],
        text=text,
        published_at=plausible_time(published, now=now),
    )


def article_from_feed(candidate: Candidate, *, now=None) -> Article | None:
    """An article from the feed alone (when its page cannot be fetched)."""
    if not candidate.summary:
        return None
    return Article(
        url=canonical_url(candidate.url),
        title=(candidate.title or candidate.summary[:120])[:500],
        text=candidate.summary,
        published_at=plausible_time(candidate.published_at, now=now),
    )
