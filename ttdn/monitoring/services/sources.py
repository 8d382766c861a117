"""Sources: their validation, saving, deletion and fetching."""

import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core import audit
from ttdn.core.errors import Errors, model_errors

from .. import addresses, dedupe, extraction, selectors
from ..choices import (
    FetchOutcome,
    SourceType,
)
from ..fetching import Fetcher, FetchError
from ..models import (
    FetchRun,
    Item,
    Source,
)
from ..pipeline import Pipeline

logger = logging.getLogger(__name__)


# --- sources --------------------------------------------------------------------------
def source_errors(source: Source) -> Errors:
    errors = Errors()
    scheme = urlsplit(source.url or "").scheme.lower()
    if source.url and scheme not in ("http", "https"):
        errors.add(
            "url", _("Address: only http:// and https:// addresses are allowed.")
        )
    elif source.url and not addresses.literal_host_is_public(source.url):
        errors.add(
            "url",
            _(
                "Address: a local, private or reserved network address cannot be "
                "monitored; only public addresses are fetched."
            ),
        )
    if source.source_type == SourceType.LISTING:
        if not source.link_selector.strip():
            errors.add(
                "link_selector",
                _("CSS selector of article links: required for a listing page."),
            )
        else:
            try:
                extraction.compile_selector(source.link_selector)
            except ValueError as error:
                errors.add(
                    "link_selector",
                    _(
                        "CSS selector of article links: not a valid selector "
                        "(%(error)s)."
                    )
                    % {"error": error},
                )
    elif source.link_selector.strip():
        errors.add(
            "link_selector",
            _(
                "CSS selector of article links: only listing pages use it; leave it "
                "empty."
            ),
        )
    return errors


@transaction.atomic
def save_source(source: Source, *, user) -> Source:
    """Create or change a source (the audit names who and which fields)."""
    errors = source_errors(source)
    errors.extend(model_errors(source))
    errors.raise_if_any()
    stored = Source.objects.filter(pk=source.pk).first() if source.pk else None
    before = audit.snapshot(stored) if stored else None
    if source.pk:
        previous = Source.objects.filter(pk=source.pk).values("url", "enabled").first()
        if previous and previous["url"] != source.url:
            # Another address: its validators and back-off do not apply.
            source.etag = source.last_modified = ""
            source.consecutive_failures = 0
            source.next_fetch_at = None
        if previous and not previous["enabled"] and source.enabled:
            source.next_fetch_at = None
    source.save()
    audit.log_saved(source, user=user, created=stored is None, before=before)
    return source


@transaction.atomic
def delete_source(source: Source, *, user) -> None:
    """Delete a source entered by mistake; one that has brought items is kept
    (switch it off instead: its items stay traceable to it)."""
    if source.items.exists():
        raise ValidationError(
            {
                "__all__": _(
                    "This source has collected items: it is kept; switch it off "
                    "instead."
                )
            }
        )
    audit.log_delete(source, user=user)
    source.delete()


@dataclass
class FetchReport:
    source: Source
    run: FetchRun
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _backoff(source: Source, now: dt.datetime) -> dt.datetime:
    cap = settings.TTDN_MONITORING["MAX_BACKOFF_MINUTES"]
    minutes = min(
        source.interval_minutes * 2 ** min(source.consecutive_failures, 16), cap
    )
    return now + dt.timedelta(minutes=max(minutes, source.interval_minutes))


def _candidates(source: Source, result) -> list[extraction.Candidate]:
    if source.source_type == SourceType.FEED:
        return extraction.parse_feed(
            result.content, base_url=result.url, content_type=result.content_type
        )
    if source.source_type == SourceType.LISTING:
        return extraction.listing_links(
            result.text(), base_url=result.url, selector=source.link_selector
        )
    return []


def fetch_source(
    source: Source,
    *,
    fetcher: Fetcher | None = None,
    pipeline: Pipeline | None = None,
    now: dt.datetime | None = None,
) -> FetchReport:
    """Fetch one source, store its new items and record its health. Never raises
    for a fetch problem: the error is recorded on the source and in the run."""
    fetcher = fetcher or Fetcher()
    started = now or timezone.now()
    clock = time.monotonic()
    run = FetchRun(source=source, started_at=started, outcome=FetchOutcome.OK)
    report = FetchReport(source=source, run=run)
    limit = settings.TTDN_MONITORING["MAX_ARTICLES_PER_RUN"]
    try:
        result = fetcher.get(
            source.url, etag=source.etag, last_modified=source.last_modified
        )
        run.http_status = result.status
        if result.not_modified:
            run.outcome = FetchOutcome.NOT_MODIFIED
        else:
            pipeline = pipeline or Pipeline(now=started)
            if source.source_type == SourceType.PAGE:
                article = extraction.extract_article(
                    result.text(), url=result.url, now=started
                )
                if article is None:
                    raise FetchError(
                        _("%(url)s: no article text found on the page.")
                        % {"url": result.url}
                    )
                _store(report, pipeline, source, article, started)
            else:
                for candidate in _candidates(source, result)[:limit]:
                    _fetch_candidate(
                        report, fetcher, pipeline, source, candidate, started
                    )
            source.etag = result.etag[:255]
            source.last_modified = result.last_modified[:64]
    except FetchError as error:
        run.outcome = FetchOutcome.ERROR
        run.message = str(error)
    except Exception as error:  # never let one source stop the others
        logger.exception("Monitoring fetch of source %s failed", source.pk)
        run.outcome = FetchOutcome.ERROR
        run.message = _("%(url)s: unexpected error (%(error)s).") % {
            "url": source.url,
            "error": error.__class__.__name__,
        }
    run.duration_ms = int((time.monotonic() - clock) * 1000)
    if report.warnings and not run.message:
        run.message = "\n".join(report.warnings[:10])
    _record_health(source, run, started)
    return report


def _fetch_candidate(report, fetcher, pipeline, source, candidate, now) -> None:
    key = dedupe.url_hash(extraction.canonical_url(candidate.url))
    if Item.objects.filter(url_hash=key).exists():
        report.run.items_duplicate += 1
        return
    try:
        page = fetcher.get(candidate.url)
        article = extraction.extract_article(
            page.text(), url=page.url, hint=candidate, now=now
        )
    except FetchError as error:
        report.warnings.append(str(error))
        article = extraction.article_from_feed(candidate, now=now)
    if article is None:
        report.warnings.append(
            _("%(url)s: no article text found.") % {"url": candidate.url}
        )
        return
    _store(report, pipeline, source, article, now)


def _store(report, pipeline, source, article, now) -> None:
    outcome = pipeline.ingest(source, article, fetched_at=now)
    if outcome.created:
        report.run.items_new += 1
        report.items.append(outcome.item)
    else:
        report.run.items_duplicate += 1


@transaction.atomic
def _record_health(source: Source, run: FetchRun, now: dt.datetime) -> None:
    source.last_fetch_at = now
    if run.outcome == FetchOutcome.ERROR:
        source.consecutive_failures += 1
        source.last_error_at = now
        source.last_error = run.message
        source.next_fetch_at = _backoff(source, now)
    else:
        source.consecutive_failures = 0
        source.last_success_at = now
        source.next_fetch_at = now + dt.timedelta(minutes=source.interval_minutes)
    Source.objects.filter(pk=source.pk).update(
        last_fetch_at=source.last_fetch_at,
        consecutive_failures=source.consecutive_failures,
        last_error_at=source.last_error_at,
        last_error=source.last_error,
        last_success_at=source.last_success_at,
        next_fetch_at=source.next_fetch_at,
        etag=source.etag,
        last_modified=source.last_modified,
    )
    run.save()
    keep = settings.TTDN_MONITORING["FETCH_RUNS_KEPT_DAYS"]
    FetchRun.objects.filter(
        source=source, started_at__lt=now - dt.timedelta(days=keep)
    ).delete()


def fetch_due_sources(
    *, now: dt.datetime | None = None, fetcher: Fetcher | None = None
) -> list[FetchReport]:
    """Fetch every enabled source whose time has come; one failing source never
    stops the others."""
    now = now or timezone.now()
    sources = list(selectors.due_sources(now))
    if not sources:
        return []
    fetcher = fetcher or Fetcher()
    pipeline = Pipeline(now=now)
    return [
        fetch_source(source, fetcher=fetcher, pipeline=pipeline, now=now)
        for source in sources
    ]
