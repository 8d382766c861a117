"""Reads of the monitoring app: what a user may see (scoping), the inbox, the
overdue list, the gazetteer and story index built from the database, training
examples, and the incident metrics the reports engine registers as indicators
(docs/monitoring.md#metrics)."""

import datetime as dt
import statistics
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ttdn.accounts import roles
from ttdn.accounts.selectors import (
    has_role,
    sees_all_organisations,
)
from ttdn.core.scoping import scope_by_organisation
from ttdn.core.timefmt import VN_TZ
from ttdn.directory import selectors as directory
from ttdn.directory.choices import PROVINCE_LEVEL
from ttdn.directory.models import (
    AdministrativeUnit,
    ForeignPartner,
    Organisation,
    Person,
)

from . import classifier, dedupe
from .choices import OPEN_STATES, IncidentState, Review, Step
from .gazetteer import Gazetteer, bare_name, tokens
from .models import Alert, DeadlineRule, Incident, Item, Source, Story
from .provinces import NATIONAL_LABEL


def conf() -> dict:
    return settings.TTDN_MONITORING


# --- scoping -------------------------------------------------------------------------
def incidents_for(user) -> QuerySet[Incident]:
    """Incidents *user* may see: monitors, foreign-affairs officers, steering
    members and administrators see all; a focal point those assigned to their
    organisation (or to a body it took over); anyone else none."""
    queryset = Incident.objects.select_related("organisation", "item", "story")
    if not user.has_perm("monitoring.view_incident"):
        return queryset.none()
    if sees_all_organisations(user):
        return queryset
    return scope_by_organisation(queryset, user, field_name="organisation")


def items_for(user) -> QuerySet[Item]:
    if not user.has_perm("monitoring.view_item"):
        return Item.objects.none()
    return Item.objects.select_related("source", "story")


def stories_for(user) -> QuerySet[Story]:
    if not user.has_perm("monitoring.view_story"):
        return Story.objects.none()
    return Story.objects.all()


def can_manage(user) -> bool:
    return user.has_perm("monitoring.manage_incident")


# --- inbox, overdue ------------------------------------------------------------------
def inbox(
    *,
    only_relevant: bool = True,
    province: str | None = None,
    foreign_affairs: bool | None = None,
) -> QuerySet[Item]:
    """New items nobody has reviewed yet, newest first (relevant ones only by
    default); *province* (a code, or ``NATIONAL_LABEL``) and *foreign_affairs*
    filter on the judgement as corrected by monitors."""
    queryset = Item.objects.filter(review=Review.UNREVIEWED).select_related(
        "source", "story"
    )
    if only_relevant:
        queryset = queryset.filter(relevant=True)
    if province:
        code = "" if province == NATIONAL_LABEL else province
        queryset = queryset.filter(
            Q(subject_province_label=province)
            | Q(subject_province_label="", subject_province=code)
        )
    if foreign_affairs is not None:
        queryset = queryset.filter(
            Q(foreign_affairs_label=foreign_affairs)
            | Q(foreign_affairs_label__isnull=True, foreign_affairs=foreign_affairs)
        )
    return queryset.order_by("-fetched_at", "-pk")


def overdue_q(now: dt.datetime) -> Q:
    """Open incidents with a step not done by its deadline."""
    before_verified = [
        IncidentState.DETECTED,
        IncidentState.TRIAGED,
        IncidentState.VERIFYING,
    ]
    return (
        Q(state=IncidentState.DETECTED, triage_due__lt=now)
        | Q(state__in=before_verified, verify_due__lt=now)
        | Q(
            state__in=[*before_verified, IncidentState.RESPONDING],
            first_response_at__isnull=True,
            respond_due__lt=now,
        )
        | Q(
            state__in=[*before_verified, IncidentState.RESPONDING],
            report_due__lt=now,
        )
        | Q(state__in=OPEN_STATES, close_due__lt=now)
    )


def overdue_incidents(user, *, now: dt.datetime | None = None) -> QuerySet[Incident]:
    now = now or timezone.now()
    return (
        incidents_for(user)
        .filter(state__in=OPEN_STATES)
        .filter(overdue_q(now))
        .order_by("detected_at", "pk")
    )


def overdue_steps(incident: Incident, *, now: dt.datetime | None = None) -> list[str]:
    """Labels of the steps of *incident* past their deadline and not done."""
    now = now or timezone.now()
    if incident.state == IncidentState.CLOSED:
        return []
    late = []
    for row in incident.deadlines():
        if row["done"] is None and row["due"] < now:
            late.append(str(row["label"]))
    return late


def next_deadline(incident: Incident) -> dt.datetime | None:
    pending = [r["due"] for r in incident.deadlines() if r["done"] is None]
    return min(pending) if pending else None


# --- deadline rules ------------------------------------------------------------------
def rules_in_force(day: dt.date) -> dict[str, DeadlineRule]:
    """The rule of each step in force on *day*."""
    return {
        rule.step: rule
        for rule in DeadlineRule.objects.in_force_on(day).order_by("step", "valid_from")
    }


# --- sources --------------------------------------------------------------------------
def due_sources(now: dt.datetime) -> QuerySet[Source]:
    return (
        Source.objects.filter(enabled=True)
        .filter(Q(next_fetch_at__isnull=True) | Q(next_fetch_at__lte=now))
        .order_by("next_fetch_at", "pk")
    )


# --- gazetteer and story index --------------------------------------------------------
def build_gazetteer(*, on: dt.date | None = None) -> Gazetteer:
    """The gazetteer of the serving province (DirectorySettings) from the
    directory: names of the province and of the units that roll up to it, of its
    communes and wards (current and historic), organisations, officials, foreign
    partners and guests. Empty (nothing is relevant) when no province is set."""

    day = on or timezone.localdate()
    province = directory.serving_province()
    if province is None:
        return Gazetteer([], province=None)
    # Every unit (current or historic) that belongs to or rolls up to the province.
    units = AdministrativeUnit.objects.select_related("parent")
    own_units, former, elsewhere = [], [], set()
    for unit in units:
        mine = unit.pk == province.pk or unit.parent_id == province.pk
        if not mine and unit.valid_to is not None and unit.valid_to < day:
            mine = directory.rollup_unit(unit, on=day).pk == province.pk
        if mine:
            if unit.pk == province.pk:
                continue
            if unit.kind in PROVINCE_LEVEL:
                former.append(unit)
            else:
                own_units.append(unit)
        else:
            elsewhere.add(" ".join(tokens(bare_name(unit.name))))
    own_unit_ids = [u.pk for u in own_units] + [province.pk] + [u.pk for u in former]
    organisations = Organisation.objects.filter(
        Q(administrative_unit_id__in=own_unit_ids)
    ).values_list("name", flat=True)
    people = Person.objects.filter(
        organisation__administrative_unit_id__in=own_unit_ids
    ).values_list("full_name", flat=True)
    guests = Person.objects.filter(foreign_partner__isnull=False).values_list(
        "full_name", flat=True
    )
    partners = []
    for name, original in ForeignPartner.objects.values_list("name", "original_name"):
        partners.append(name)
        bare = bare_name(name)
        if bare != name:
            partners.append(bare)
        if original:
            partners.append(original)
    province_names = [province.name, province.name_en]
    return Gazetteer.build(
        province=province.name,
        province_names=[n for n in province_names if n],
        former_names=[u.name for u in former],
        units=[u.name for u in own_units],
        organisations=list(organisations),
        people=list(people),
        partners=partners,
        guests=list(guests),
        elsewhere=frozenset(elsewhere),
    )


def load_story_index(*, now: dt.datetime | None = None) -> dedupe.StoryIndex:
    """An LSH index of the items fetched in the last ``STORY_WINDOW_DAYS``."""
    config = conf()
    now = now or timezone.now()
    index = dedupe.StoryIndex(
        threshold=config["NEAR_DUPLICATE_THRESHOLD"],
        num_perm=config["MINHASH_PERMUTATIONS"],
    )
    since = now - dt.timedelta(days=config["STORY_WINDOW_DAYS"])
    rows = Item.objects.filter(fetched_at__gte=since, story__isnull=False).values_list(
        "pk", "minhash", "story_id"
    )
    for pk, data, story_id in rows.iterator(chunk_size=500):
        try:
            minhash = dedupe.from_bytes(data, num_perm=index.num_perm)
        except ValueError:  # stored with another MINHASH_PERMUTATIONS
            continue
        index.add(pk, minhash, story_id)
    return index


# --- training data --------------------------------------------------------------------
def admin_examples() -> list[classifier.Example]:
    """Items whose topic or foreign-affairs judgement a monitor labelled in the
    inbox (the topic falls back to the classifier's when only the judgement was
    corrected)."""
    rows = (
        Item.objects.filter(~Q(topic_label="") | Q(foreign_affairs_label__isnull=False))
        .order_by("pk")
        .values_list(
            "pk",
            "title",
            "text",
            "topic_label",
            "topic",
            "review",
            "foreign_affairs_label",
        )
    )
    return [
        classifier.Example(
            id=str(pk),
            text=classifier.topic_text(title, text),
            topic=topic_label or topic,
            relevant={Review.RELEVANT: True, Review.NOT_RELEVANT: False}.get(review),
            origin="admin",
            foreign_affairs=fa_label,
        )
        for pk, title, text, topic_label, topic, review, fa_label in rows
        if topic_label or topic
    ]


def province_corrections() -> list[dict]:
    """Items whose province a monitor corrected: rows for ``provinces.tune``."""
    rows = (
        Item.objects.exclude(subject_province_label="")
        .select_related("source")
        .order_by("pk")
    )
    return [
        {
            "title": item.title,
            "text": item.text,
            "home": item.source.home_province,
            "province_code": item.effective_province,
        }
        for item in rows
    ]


def training_examples(*, include_admin: bool = True) -> list[classifier.Example]:
    examples = classifier.shipped_examples() + classifier.real_examples("tune")
    if include_admin:
        examples += admin_examples()
    return examples


# --- alerts ---------------------------------------------------------------------------
def open_alerts() -> QuerySet[Alert]:
    return Alert.objects.filter(acknowledged_at__isnull=True).select_related("story")


def monitor_recipients() -> list[str]:
    """E-mail addresses of the active users holding the monitor role."""
    group = roles.ROLES[roles.MONITOR].group_name
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=group)
        .exclude(email="")
    )
    return sorted({u.email for u in users if has_role(u, roles.MONITOR)})


# --- metrics (registered as indicators by the reports engine) -------------------------
METRICS = {
    "time_to_triage": "triaged_at",
    "time_to_first_response": "first_response_at",
    "time_to_close": "closed_at",
}


@dataclass(frozen=True)
class MetricRow:
    metric: str
    group: str  # "" (all), an organisation's name, or a month "2026-11"
    group_key: object
    count: int
    median_hours: float | None
    p90_hours: float | None


def percentile(values: list[float], fraction: float) -> float | None:
    """Linear interpolation between closest ranks (``statistics.quantiles``
    inclusive method); the value itself for one value; ``None`` for none."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _period_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=VN_TZ),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=VN_TZ),
    )


def _organisation_ids_rolling_up_to(organisation, *, on: dt.date) -> set[int]:

    ids = {organisation.pk}
    candidates = Organisation.objects.filter(
        monitoring_incidents__isnull=False, valid_to__lt=on
    ).distinct()
    for candidate in candidates:
        if directory.rollup_organisation(candidate, on=on).pk == organisation.pk:
            ids.add(candidate.pk)
    return ids


def incident_durations(
    metric: str,
    *,
    start: dt.date,
    end: dt.date,
    organisation=None,
) -> list[tuple[Incident, float]]:
    """``(incident, hours)`` from detection to the metric's step, for the
    incidents detected from *start* to *end* (GMT+7 days, inclusive) that reached
    the step; *organisation* includes the bodies that roll up to it at *end*."""
    field = METRICS[metric]
    low, high = _period_bounds(start, end)
    queryset = Incident.objects.filter(
        detected_at__gte=low, detected_at__lt=high, **{f"{field}__isnull": False}
    ).select_related("organisation")
    if organisation is not None:
        queryset = queryset.filter(
            organisation_id__in=_organisation_ids_rolling_up_to(organisation, on=end)
        )
    return [
        (
            incident,
            (getattr(incident, field) - incident.detected_at).total_seconds() / 3600,
        )
        for incident in queryset.order_by("detected_at", "pk")
    ]


def incident_time_metrics(
    *,
    start: dt.date,
    end: dt.date,
    organisation=None,
    group_by: str | None = None,
    metrics: tuple[str, ...] = tuple(METRICS),
) -> list[MetricRow]:
    """Median and 90th percentile of the hours from detection to triage, to the
    first response and to closing, for incidents detected in the period.

    *group_by*: ``None`` (one row per metric), ``"organisation"`` (the assigned
    organisation rolled up to *end*) or ``"month"`` (month of detection, GMT+7).
    """

    rows = []
    for metric in metrics:
        groups: dict = {}
        for incident, hours in incident_durations(
            metric, start=start, end=end, organisation=organisation
        ):
            if group_by == "organisation":
                body = incident.organisation
                if body is not None:
                    body = directory.rollup_organisation(body, on=end)
                key = body.pk if body else None
                label = body.name if body else ""
            elif group_by == "month":
                local = incident.detected_at.astimezone(VN_TZ)
                key = label = f"{local:%Y-%m}"
            else:
                key, label = None, ""
            groups.setdefault((key, label), []).append(hours)
        for (key, label), values in sorted(
            groups.items(), key=lambda kv: (str(kv[0][1]), str(kv[0][0]))
        ):
            rows.append(
                MetricRow(
                    metric=metric,
                    group=label,
                    group_key=key,
                    count=len(values),
                    median_hours=round(statistics.median(values), 2),
                    p90_hours=round(percentile(values, 0.9), 2),
                )
            )
    return rows


def incident_counts(*, start: dt.date, end: dt.date) -> dict[str, int]:
    """Incidents detected in the period by state (an indicator of c.8)."""
    low, high = _period_bounds(start, end)
    counts = dict(
        Incident.objects.filter(detected_at__gte=low, detected_at__lt=high)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    return {state.value: counts.get(state.value, 0) for state in IncidentState}


STEP_STATES = {
    Step.TRIAGE: IncidentState.TRIAGED,
    Step.VERIFY: IncidentState.RESPONDING,
    Step.REPORT: IncidentState.REPORTED,
    Step.CLOSE: IncidentState.CLOSED,
}
