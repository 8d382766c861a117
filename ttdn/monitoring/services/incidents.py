"""Incidents and their deadline rules: opening, editing, transitions, responses."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core import audit, workflow
from ttdn.core.errors import Errors, model_errors
from ttdn.core.folding import folded
from ttdn.core.periods import overlap_errors
from ttdn.core.timefmt import VN_TZ

from .. import selectors
from ..choices import (
    PORTAL_RESPONSE_KINDS,
    CountedFrom,
    IncidentState,
    Review,
    SourceChannel,
    SourceKind,
)
from ..machines import INCIDENT_MACHINE
from ..models import (
    DeadlineRule,
    Incident,
    Item,
    Response,
    Source,
    Story,
)


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
