"""Writes for the public portal: site set-up and article import."""

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from ttdn.core.text import fold
from ttdn.core.timefmt import VN_TZ

from . import selectors
from .importers import (
    ArticleParseError,
    ParsedArticle,
    parse_html,
    parse_text,
    read_input,
)
from .models import ArticlePage, HomePage, SectionPage

# A first paragraph at most this long becomes the article's lead (sapo).
LEAD_MAX_WORDS = 120


# --- site ---------------------------------------------------------------------
@transaction.atomic
def setup_site(*, base_url: str | None = None) -> HomePage:
    """Locales for every content language, the home page translated into each,
    and the default site's address. Idempotent."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    home = selectors.default_home()
    for locale in Locale.objects.exclude(pk=home.locale_id):
        if locale.language_code not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
            continue
        if not home.has_translation(locale):
            translation = home.copy_for_translation(locale)
            translation.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    base_url = base_url or settings.WAGTAILADMIN_BASE_URL
    if base_url and (site.hostname, site.port) == ("localhost", 80):
        from urllib.parse import urlsplit

        parts = urlsplit(base_url)
        site.hostname = parts.hostname or "localhost"
        site.port = parts.port or (443 if parts.scheme == "https" else 80)
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
    return home


def unique_child_slug(parent: Page, title: str) -> str:
    """An ASCII slug from a Vietnamese title, unique among the parent's children."""
    base = slugify(fold(title))[:200].strip("-") or "bai-viet"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


# --- article import -----------------------------------------------------------
def article_fingerprint(parsed: ParsedArticle) -> str:
    key = f"{fold(parsed.title)}|{parsed.published_iso() or ''}"
    return hashlib.sha256(key.encode()).hexdigest()


def _published_fields(published) -> dict:
    if isinstance(published, dt.datetime):
        return {"published_at": published, "published_time_known": True}
    if isinstance(published, dt.date):
        midnight = dt.datetime.combine(published, dt.time(0, 0), tzinfo=VN_TZ)
        return {"published_at": midnight, "published_time_known": False}
    return {"published_at": None, "published_time_known": True}


def _body_and_lead(parsed: ParsedArticle) -> tuple[str, list]:
    blocks = list(parsed.blocks) or [("paragraph", p) for p in parsed.paragraphs]
    lead = ""
    paragraphs = [b for b in blocks if b[0] == "paragraph"]
    if (
        len(paragraphs) > 1
        and blocks[0][0] == "paragraph"
        and len(blocks[0][1].split()) <= LEAD_MAX_WORDS
    ):
        lead = blocks[0][1]
        blocks = blocks[1:]
    body = []
    for kind, text in blocks:
        if kind == "caption":
            body.append(("caption", text))
        else:
            body.append(("paragraph", RichText(f"<p>{escape(text)}</p>")))
    return lead, body


@dataclass
class ImportOutcome:
    path: str
    parsed: ParsedArticle | None = None
    page: ArticlePage | None = None
    created: bool = False
    error: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error


@transaction.atomic
def import_article(
    *,
    parsed: ParsedArticle,
    section: SectionPage,
    source: str = "",
    publish: bool = True,
    user=None,
    tags: tuple[str, ...] = (),
    featured: bool = False,
) -> tuple[ArticlePage, bool]:
    """Create the article unless the same one (headline + date) exists already.

    Returns the page and whether it was created.
    """
    fingerprint = article_fingerprint(parsed)
    existing = ArticlePage.objects.filter(
        import_fingerprint=fingerprint, locale=section.locale
    ).first()
    if existing is not None:
        return existing, False
    lead, body = _body_and_lead(parsed)
    page = ArticlePage(
        title=parsed.title[:255],
        slug=unique_child_slug(section, parsed.title),
        lead=lead,
        body=body,
        author=parsed.author[:255],
        poster=parsed.poster[:255],
        source=(parsed.source or source)[:255],
        import_fingerprint=fingerprint,
        featured=featured,
        owner=user,
        live=False,
        **_published_fields(parsed.published),
    )
    section.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        page.refresh_from_db()
    return page, True


def parse_file(path: str | Path, *, fmt: str, max_bytes: int) -> ParsedArticle:
    text = read_input(path, max_bytes=max_bytes)
    parser = parse_html if fmt == "html" else parse_text
    return parser(text, path=str(path))


def import_files(
    paths: list[str],
    *,
    section: SectionPage,
    fmt: str = "text",
    dry_run: bool = False,
    source: str = "",
    publish: bool = True,
    user=None,
    max_bytes: int | None = None,
    date_from_lead: bool = False,
) -> list[ImportOutcome]:
    """Parse and import each file on its own: one bad file never stops the rest,
    and a file either becomes one whole article or changes nothing."""
    max_bytes = max_bytes or settings.TTDN_IMPORT_MAX_BYTES
    outcomes = []
    for path in paths:
        outcome = ImportOutcome(path=str(path))
        try:
            outcome.parsed = parse_file(path, fmt=fmt, max_bytes=max_bytes)
            if date_from_lead:
                outcome.parsed.with_lead_date()
            outcome.warnings = list(outcome.parsed.warnings)
            if not dry_run:
                outcome.page, outcome.created = import_article(
                    parsed=outcome.parsed,
                    section=section,
                    source=source,
                    publish=publish,
                    user=user,
                )
        except ArticleParseError as error:
            outcome.error = error.reason
        except Exception as error:  # reported per file; the others still import
            outcome.error = _("could not be imported: %(error)s") % {"error": error}
        outcomes.append(outcome)
    return outcomes
