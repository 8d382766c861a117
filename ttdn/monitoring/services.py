"""Writes of the monitoring app. Each function validates first and saves all or
nothing; a refused action raises ``ValidationError`` with Vietnamese messages keyed
by field and changes nothing.

* sources: :func:`save_source`, :func:`fetch_source`, :func:`fetch_due_sources`;
* items: :func:`review_item` (the inbox; labels train the classifier);
* classifier: :func:`train_classifier`;
* alerts: :func:`detect_spikes`, :func:`acknowledge_alert`;
* incidents: :func:`open_incident`, :func:`update_incident`, :func:`transition`,
  :func:`add_response`, :func:`save_deadline_rule`.
"""

import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core import audit, workflow
from ttdn.core.errors import Errors, model_errors
from ttdn.core.folding import folded
from ttdn.core.periods import overlap_errors
from ttdn.core.timefmt import VN_TZ

from . import addresses, classifier, dedupe, extraction, provinces, selectors
from .choices import (
    PORTAL_RESPONSE_KINDS,
    AlertSubject,
    AlertWindow,
    CountedFrom,
    FetchOutcome,
    IncidentState,
    Review,
    SourceChannel,
    SourceKind,
    SourceType,
    Topic,
)
from .fetching import Fetcher, FetchError
from .machines import INCIDENT_MACHINE
from .models import (
    Alert,
    DeadlineRule,
    FetchRun,
    Incident,
    Item,
    Response,
    Source,
    Story,
)
from .pipeline import Pipeline
from .provinces import NATIONAL_LABEL

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


# --- items (the inbox) ----------------------------------------------------------------
@transaction.atomic
def review_item(
    item: Item, *, user, review: str, topic_label: str | None = None
) -> Item:
    """Mark an item relevant or not relevant, optionally with its topic."""
    errors = Errors()
    if review not in (Review.RELEVANT, Review.NOT_RELEVANT):
        errors.add("review", _("Review: choose relevant or not relevant."))
    if topic_label and topic_label not in Topic.values:
        errors.add("topic_label", _("Topic: choose one of the listed topics."))
    errors.raise_if_any()
    item.review = review
    if topic_label is not None:
        item.topic_label = topic_label
    item.reviewed_by = user
    item.reviewed_at = timezone.now()
    item.save(update_fields=["review", "topic_label", "reviewed_by", "reviewed_at"])
    audit.log_edit(
        item, user=user, fields=["review", *(["topic_label"] if topic_label else [])]
    )
    if item.story_id:
        from .pipeline import refresh_story

        refresh_story(item.story)
    return item


@transaction.atomic
def correct_item(
    item: Item,
    *,
    user,
    subject_province_label: str | None = None,
    foreign_affairs_label: bool | None = None,
    clear: bool = False,
) -> Item:
    """Store a monitor's correction of the province an item is about (a code of
    the 34 provinces, or ``NATIONAL_LABEL``) and/or of its foreign-affairs
    judgement; ``clear`` removes both corrections. The next training uses them."""
    errors = Errors()
    if subject_province_label is not None and subject_province_label not in (
        {NATIONAL_LABEL} | set(provinces.provinces())
    ):
        errors.add(
            "subject_province_label",
            _("Province: choose one of the 34 provinces or “national”."),
        )
    if not clear and subject_province_label is None and foreign_affairs_label is None:
        errors.add(
            "subject_province_label",
            _("Correction: choose a province or a foreign-affairs judgement."),
        )
    errors.raise_if_any()
    fields = []
    if clear:
        item.subject_province_label, item.foreign_affairs_label = "", None
        fields = ["subject_province_label", "foreign_affairs_label"]
    if subject_province_label is not None:
        item.subject_province_label = subject_province_label
        fields.append("subject_province_label")
    if foreign_affairs_label is not None:
        item.foreign_affairs_label = foreign_affairs_label
        fields.append("foreign_affairs_label")
    item.reviewed_by = user
    item.reviewed_at = timezone.now()
    item.save(update_fields=[*dict.fromkeys(fields), "reviewed_by", "reviewed_at"])
    audit.log_edit(item, user=user, fields=list(dict.fromkeys(fields)))
    return item


# --- classifier -----------------------------------------------------------------------
def train_classifier(*, include_admin: bool = True) -> classifier.TopicClassifier:
    """Train on the shipped and real sets plus the monitors' labels and save."""
    trained = classifier.train(
        selectors.training_examples(include_admin=include_admin),
        province_rows=selectors.province_corrections() if include_admin else [],
    )
    classifier.save(trained)
    classifier.forget()
    return trained


def retrain_if_labels_changed() -> bool:
    """Retrain when the training data differs from the saved model's."""
    examples = selectors.training_examples()
    corrections = selectors.province_corrections()
    current = classifier.load()
    if (
        current is not None
        and current.meta.get("digest") == classifier.digest(examples)
        and current.meta.get("province_corrections") == len(corrections)
    ):
        return False
    classifier.save(classifier.train(examples, province_rows=corrections))
    classifier.forget()
    return True


# --- alerts ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Window:
    name: str
    recent: dt.timedelta
    baseline: dt.timedelta
    periods: int  # the baseline counted as this many recent windows
    minimum: int
    factor: float


def _windows() -> list[Window]:
    config = settings.TTDN_MONITORING
    return [
        Window(
            AlertWindow.HOUR,
            dt.timedelta(hours=1),
            dt.timedelta(hours=12),
            12,
            config["SPIKE_HOUR_MIN"],
            config["SPIKE_HOUR_FACTOR"],
        ),
        Window(
            AlertWindow.DAY,
            dt.timedelta(days=1),
            dt.timedelta(days=14),
            14,
            config["SPIKE_DAY_MIN"],
            config["SPIKE_DAY_FACTOR"],
        ),
    ]


def _bucket(window: Window, now: dt.datetime) -> str:
    local = now.astimezone(VN_TZ)
    if window.name == AlertWindow.HOUR:
        return f"{local:%Y-%m-%dT%H}"
    return f"{local:%Y-%m-%d}"


def _counts(queryset, field_name: str, low, high) -> dict:
    return dict(
        queryset.filter(fetched_at__gte=low, fetched_at__lt=high)
        .values_list(field_name)
        .annotate(n=Count("pk"))
        .values_list(field_name, "n")
    )


def detect_spikes(
    *, now: dt.datetime | None = None, notify: bool = True
) -> list[Alert]:
    """Raise an alert for each story or topic whose items of the last hour (day)
    number at least the minimum and more than FACTOR × the hourly (daily) mean of
    the previous 12 hours (14 days). One alert per subject, window and hour (day).
    Topics count relevant items only. New alerts are e-mailed to the monitors."""
    now = now or timezone.now()
    raised = []
    relevant = Item.objects.filter(relevant=True)
    for window in _windows():
        recent_start = now - window.recent
        baseline_start = recent_start - window.baseline
        subjects = [
            (
                AlertSubject.STORY,
                "story_id",
                Item.objects.filter(story__isnull=False, story__relevant=True),
            ),
            (AlertSubject.TOPIC, "topic", relevant.exclude(topic="")),
        ]
        for subject, field_name, queryset in subjects:
            recent = _counts(queryset, field_name, recent_start, now)
            before = _counts(queryset, field_name, baseline_start, recent_start)
            for key, count in recent.items():
                baseline = before.get(key, 0) / window.periods
                if count < window.minimum or count <= window.factor * baseline:
                    continue
                alert_key = f"{subject}:{key}:{window.name}:{_bucket(window, now)}"
                alert, created = Alert.objects.get_or_create(
                    key=alert_key,
                    defaults={
                        "subject": subject,
                        "window": window.name,
                        "story_id": key if subject == AlertSubject.STORY else None,
                        "topic": key if subject == AlertSubject.TOPIC else "",
                        "window_end": now,
                        "count": count,
                        "baseline": round(baseline, 2),
                    },
                )
                if created:
                    raised.append(alert)
    if raised and notify:
        notify_monitors(raised)
    return raised


def notify_monitors(alerts: list[Alert]) -> int:
    """E-mail the alerts to every monitor; returns the number of messages sent."""
    recipients = selectors.monitor_recipients()
    if not recipients:
        return 0
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    lines = [alert.headline for alert in alerts]
    body = "\n".join(f"- {line}" for line in lines)
    body += "\n\n" + _("See the alerts in the administration: %(url)s") % {
        "url": f"{base}/admin/monitoring/alerts/"
    }
    subject = _("[TTĐN] %(count)s monitoring alert(s)") % {"count": len(alerts)}
    try:
        return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:  # the alerts stay in the admin; detection must go on
        logger.exception("Monitoring alert e-mail could not be sent")
        return 0


@transaction.atomic
def acknowledge_alert(alert: Alert, *, user) -> Alert:
    if alert.acknowledged_at is None:
        alert.acknowledged_at = timezone.now()
        alert.acknowledged_by = user
        alert.save(update_fields=["acknowledged_at", "acknowledged_by"])
        audit.log_edit(alert, user=user, fields=["acknowledged_at"])
    return alert


# --- deadline rules -------------------------------------------------------------------
def deadline_rule_errors(rule: DeadlineRule) -> Errors:
    errors = model_errors(rule)
    if not errors:
        errors.extend(overlap_errors(rule, DeadlineRule.objects.filter(step=rule.step)))
    return errors


@transaction.atomic
def save_deadline_rule(rule: DeadlineRule, *, user) -> DeadlineRule:
    """Save a rule unless another rule of the same step is in force on one of its
    days. Incidents already opened keep the deadlines they were given."""
    deadline_rule_errors(rule).raise_if_any()
    stored = DeadlineRule.objects.filter(pk=rule.pk).first() if rule.pk else None
    before = audit.snapshot(stored) if stored else None
    rule.save()
    audit.log_saved(rule, user=user, created=stored is None, before=before)
    return rule


# --- incidents ------------------------------------------------------------------------
# Each target state is reached by one action of the machine.
ACTION_TO = {t.target: t.action for t in INCIDENT_MACHINE.transitions}


def allowed_transitions(incident: Incident, user) -> list[str]:
    """Target states *user* may move *incident* to (its conditions aside)."""
    return [o.transition.target for o in INCIDENT_MACHINE.options(incident, user)]


def _deadlines(detected_at: dt.datetime, published_at: dt.datetime | None) -> dict:
    rules = selectors.rules_in_force(detected_at.astimezone(VN_TZ).date())
    due = {}
    for step, (due_field, _done) in Incident.DUE_FIELDS.items():
        rule = rules.get(step)
        if rule is None:
            due[due_field] = None
            continue
        start = detected_at
        if rule.counted_from == CountedFrom.PUBLICATION and published_at:
            start = min(published_at, detected_at)
        due[due_field] = start + dt.timedelta(days=rule.days)
    return due


def _channel_for(source: Source | None) -> tuple[str, bool]:
    if source is None:
        return SourceChannel.OTHER, False
    mapping = {
        SourceKind.FOREIGN_PRESS: SourceChannel.FOREIGN_PRESS,
        SourceKind.DOMESTIC_PRESS: SourceChannel.DOMESTIC_PRESS,
        SourceKind.OFFICIAL: SourceChannel.AGENCY_NOTICE,
    }
    return mapping.get(source.kind, SourceChannel.OTHER), (
        source.kind == SourceKind.FOREIGN_PRESS
    )


@transaction.atomic
def open_incident(
    *,
    user,
    item: Item | None = None,
    story: Story | None = None,
    title: str = "",
    summary: str = "",
    url: str = "",
    organisation=None,
    source_channel: str | None = None,
    severity: str | None = None,
    topic: str | None = None,
    detected_at: dt.datetime | None = None,
    published_at: dt.datetime | None = None,
    note: str = "",
) -> Incident:
    """Open an incident (state DETECTED) from an item, a story, or by hand (a
    notice from a ministry). Its deadlines come from the rules in force on the
    day of detection. Opening from an item marks the item relevant."""
    if item is None and story is not None:
        item = story.items.order_by("fetched_at", "pk").first()
    if story is None and item is not None:
        story = item.story
    now = timezone.now()
    detected_at = detected_at or now
    channel, foreign = _channel_for(item.source if item else None)
    incident = Incident(
        title=(
            title or (item.title if item else "") or (story.title if story else "")
        ).strip(),
        summary=summary or (item.excerpt if item else ""),
        item=item,
        story=story,
        url=url or (item.url if item else ""),
        language=item.language if item else "",
        source_channel=source_channel or channel,
        is_foreign_source=foreign,
        topic=topic if topic is not None else (item.effective_topic if item else ""),
        organisation=organisation,
        detected_at=detected_at,
        published_at=published_at or (item.published_at if item else None),
        created_by=user,
    )
    if severity:
        incident.severity = severity
    errors = Errors()
    if not incident.title:
        errors.add("title", _("Title: required (what the information says)."))
    if incident.detected_at > now + dt.timedelta(minutes=5):
        errors.add("detected_at", _("Detected at: cannot be in the future."))
    errors.extend(
        model_errors(incident, exclude=["item", "story", "organisation", "created_by"])
    )
    errors.raise_if_any()
    for name, value in _deadlines(incident.detected_at, incident.published_at).items():
        setattr(incident, name, value)
    incident.search_text = folded(incident.title, incident.url)
    incident.save()
    workflow.record_creation(incident, user=user, action="open", comment=note, at=now)
    audit.log_create(incident, user=user)
    if item is not None and item.review != Review.RELEVANT:
        item.review = Review.RELEVANT
        item.reviewed_by, item.reviewed_at = user, now
        item.save(update_fields=["review", "reviewed_by", "reviewed_at"])
    return incident


EDITABLE_FIELDS = (
    "title",
    "summary",
    "url",
    "language",
    "source_channel",
    "is_foreign_source",
    "topic",
    "severity",
    "published_at",
    "falsity",
    "verification_notes",
    "false_content",
    "developments",
    "impact",
    "true_facts",
    "reported_to",
)


@transaction.atomic
def update_incident(incident: Incident, *, user, **changes) -> Incident:
    """Edit an incident's details and dossier (not its state, deadlines or
    assignment: those change through :func:`transition`)."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    errors = Errors()
    if incident.state == IncidentState.CLOSED:
        errors.add("__all__", _("The incident is closed: it can no longer be changed."))
        errors.raise_if_any()
    before = audit.snapshot(incident)
    for name, value in changes.items():
        setattr(incident, name, value)
    if not (incident.title or "").strip():
        errors.add("title", _("Title: required (what the information says)."))
    errors.extend(
        model_errors(incident, exclude=["item", "story", "organisation", "created_by"])
    )
    errors.raise_if_any()
    incident.search_text = folded(incident.title, incident.url)
    incident.save()
    audit.log_edit(
        incident,
        user=user,
        fields=audit.changed_fields(before, incident, ignore=["search_text"]),
    )
    return incident


def transition(
    incident: Incident,
    to_state: str,
    *,
    user,
    note: str = "",
    at: dt.datetime | None = None,
    **values,
) -> Incident:
    """Move *incident* to *to_state* (the machine's action leading there),
    recording who, when and why. *values* (organisation, severity, falsity,
    verification_notes, reported_to) are set by the action when it takes them
    and are given (not ``None``).

    Conditions (each refusal names the field): triage assigns an organisation;
    responding needs a verification result of fake or untrue information; reporting
    needs the recipients and, unless the information was verified as true, a
    response; closing early (before it is reported) needs a note explaining why.
    """
    action = ACTION_TO.get(to_state, to_state)
    taken = INCIDENT_MACHINE.get(action)
    fields = taken.fields if taken is not None else ()
    given = {
        name: value
        for name, value in values.items()
        if name in fields and value is not None and value != ""
    }
    if "reported_to" in given:
        given["reported_to"] = given["reported_to"].strip()
    workflow.perform_transition(
        incident, action, user=user, comment=note, at=at, values=given
    )
    return incident


@transaction.atomic
def add_response(
    incident: Incident,
    *,
    user,
    kind: str,
    summary: str,
    sent_at: dt.datetime | None = None,
    article=None,
    recipient: str = "",
    url: str = "",
    outcome: str = "",
) -> Response:
    """Record a response. A clarification or press release names its portal
    article; information to the press names the press agency; a removal request
    names the platform or site and the address to remove. The first response dates
    the incident's first response."""
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if (
        user is None
        or not user.has_perm("monitoring.add_response")
        or not selectors.incidents_for(user).filter(pk=incident.pk).exists()
    ):
        raise PermissionDenied(
            _("Only the organisation handling the incident records its responses.")
        )
    response = Response(
        incident=incident,
        kind=kind,
        summary=(summary or "").strip(),
        sent_at=sent_at or timezone.now(),
        article=article,
        recipient=(recipient or "").strip(),
        url=(url or "").strip(),
        outcome=(outcome or "").strip(),
        created_by=user,
    )
    errors = Errors()
    if incident.state not in (IncidentState.VERIFYING, IncidentState.RESPONDING):
        errors.add(
            "__all__",
            _(
                "Responses are recorded while the incident is being verified or "
                "answered."
            ),
        )
    if kind in PORTAL_RESPONSE_KINDS and article is None:
        errors.add(
            "article",
            _(
                "Portal article: choose the clarification or press release "
                "published on the portal."
            ),
        )
    if kind not in PORTAL_RESPONSE_KINDS and article is not None:
        errors.add(
            "article", _("Portal article: only for a clarification or press release.")
        )
    if kind == "press_information" and not response.recipient:
        errors.add("recipient", _("Recipient: name the press agency informed."))
    if kind == "removal_request":
        if not response.recipient:
            errors.add("recipient", _("Recipient: name the platform or website asked."))
        if not response.url:
            errors.add("url", _("Address: give the address of the content to remove."))
    if response.sent_at > timezone.now() + dt.timedelta(minutes=5):
        errors.add("sent_at", _("Date: cannot be in the future."))
    errors.extend(model_errors(response, exclude=["incident", "article", "created_by"]))
    errors.raise_if_any()
    response.save()
    audit.log_create(response, user=user)
    if (
        incident.first_response_at is None
        or response.sent_at < incident.first_response_at
    ):
        incident.first_response_at = response.sent_at
        incident.save(update_fields=["first_response_at", "updated_at"])
    return response


@transaction.atomic
def delete_incident(incident: Incident, *, user) -> None:
    """Delete an incident opened by mistake (administrators); its history and
    responses go with it, the audit entry stays."""
    if not user.has_perm("monitoring.delete_incident"):
        raise PermissionDenied(_("Only administrators delete incidents."))
    audit.log_delete(incident, user=user)
    incident.delete()


def article_status(article) -> str:
    """``published`` (live), ``in moderation`` or ``draft`` for a portal article."""
    if article is None:
        return ""
    if article.live:
        return "published"
    if article.workflow_in_progress:
        return "in_moderation"
    return "draft"
