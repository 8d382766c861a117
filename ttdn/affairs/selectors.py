"""Reads of the foreign-affairs register.

Scoping: :func:`records_for` is the only way views list or fetch records — a
focal point sees their own organisation's records (and those of bodies that
rolled up to it), foreign-affairs officers, administrators and steering-committee
members see all, everyone else nothing.

Deadlines: :func:`open_due_dates`, :func:`overdue`, :func:`due_soon`.

Statistics and indicators (docs/affairs.md#statistics, #indicators): every
function takes a :class:`Period` and returns a :class:`Figure` whose ``records``
is the queryset behind the number (provenance for reports):

>>> period = Period.for_year(2016)
>>> delegation_figure(period, direction="in")                 # 154 / 932
>>> delegation_figure(period, direction="in", country=laos)   # 54 / 618
>>> delegation_stats(period, country=laos)                    # the CLI's JSON
>>> delegation_breakdown(period, direction="out", by="country")
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core.scoping import scope_by_organisation
from ttdn.directory.models import Organisation
from ttdn.directory.selectors import province_of, rollup_organisation

from . import deadlines
from .choices import (
    AgreementStatus,
    AidStatus,
    ConferenceStatus,
    DelegationStatus,
    Direction,
    NGOStatus,
    PressVisitStatus,
)
from .models import (
    AidPackage,
    Delegation,
    ForeignNGO,
    ForeignPressVisit,
    InternationalAgreement,
    InternationalConference,
)

RECORD_MODELS = (
    Delegation,
    InternationalConference,
    InternationalAgreement,
    AidPackage,
    ForeignNGO,
    ForeignPressVisit,
)
VIEWSET_NAMES = {
    Delegation: "affairs_delegations",
    InternationalConference: "affairs_conferences",
    InternationalAgreement: "affairs_agreements",
    AidPackage: "affairs_aid",
    ForeignNGO: "affairs_ngos",
    ForeignPressVisit: "affairs_press",
}

# Delegations that took place: what the statistics count.
REALISED_DELEGATION_STATES = frozenset(
    {
        DelegationStatus.IN_PROGRESS,
        DelegationStatus.HOSTED,
        DelegationStatus.COMPLETED,
        DelegationStatus.RESULT_REPORTED,
        DelegationStatus.CLOSED,
    }
)
HELD_CONFERENCE_STATES = frozenset(
    {ConferenceStatus.HELD, ConferenceStatus.RESULT_REPORTED, ConferenceStatus.CLOSED}
)
SIGNED_AGREEMENT_STATES = frozenset(
    {
        AgreementStatus.SIGNED,
        AgreementStatus.REPORTED,
        AgreementStatus.IN_FORCE,
        AgreementStatus.SUSPENDED,
        AgreementStatus.TERMINATED,
        AgreementStatus.WITHDRAWN,
        AgreementStatus.EXPIRED,
    }
)
APPROVED_AID_STATES = frozenset(
    {
        AidStatus.APPROVED,
        AidStatus.DONOR_NOTIFIED,
        AidStatus.IMPLEMENTING,
        AidStatus.COMPLETED,
        AidStatus.FINAL_REPORTED,
    }
)
GUIDED_PRESS_STATES = frozenset({PressVisitStatus.GUIDED, PressVisitStatus.REPORTED})


def inspect_url_name(model) -> str:
    return f"{VIEWSET_NAMES[model]}:inspect"


# --- scoping --------------------------------------------------------------------------
def records_for(user, model) -> QuerySet:
    """The records of *model* *user* may see (see the module docstring)."""
    perm = f"{model._meta.app_label}.view_{model._meta.model_name}"
    if user is None or not user.is_active or not user.has_perm(perm):
        return model.objects.none()
    return scope_by_organisation(
        model.objects.select_related("organisation"), user, field_name="organisation"
    )


# --- deadlines ------------------------------------------------------------------------
def open_due_dates(
    *, today: dt.date | None = None, user=None, models=RECORD_MODELS
) -> list:
    """Every pending or overdue deadline (with a due date) of the records *user*
    sees (every record when *user* is ``None``), soonest first."""
    today = today or timezone.localdate()
    book = deadlines.RuleBook()
    items = []
    for model in models:
        states = deadlines.pending_states(model)
        if not states:
            continue
        queryset = (
            model.objects.select_related("organisation")
            if user is None
            else records_for(user, model)
        )
        for record in queryset.filter(status__in=states):
            for item in deadlines.due_dates(record, today=today, book=book):
                if item.is_open and item.due is not None:
                    items.append(item)
    items.sort(key=lambda i: (i.due, type(i.record).__name__, i.record.pk))
    return items


def overdue(user=None, *, today=None) -> list:
    return [
        i
        for i in open_due_dates(today=today, user=user)
        if i.status == deadlines.OVERDUE
    ]


def due_soon(user=None, *, days: int = 7, today=None) -> list:
    return [
        i
        for i in open_due_dates(today=today, user=user)
        if i.status == deadlines.PENDING and i.days_left <= days
    ]


def overdue_ids(model, user=None, *, today=None) -> set:
    return {
        i.record.pk
        for i in open_due_dates(today=today, user=user, models=(model,))
        if i.status == deadlines.OVERDUE
    }


# --- periods --------------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    """A reporting period (both ends inclusive)."""

    start: dt.date
    end: dt.date
    kind: str = "range"  # year | half | window | range
    year: int | None = None
    half: int | None = None

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError(
                _("The period ends (%(end)s) before it starts (%(start)s).")
                % {"end": f"{self.end:%d/%m/%Y}", "start": f"{self.start:%d/%m/%Y}"}
            )

    @classmethod
    def for_year(cls, year: int) -> "Period":
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", year)

    @classmethod
    def for_half(cls, year: int, half: int) -> "Period":
        if half == 1:
            return cls(dt.date(year, 1, 1), dt.date(year, 6, 30), "half", year, 1)
        if half == 2:
            return cls(dt.date(year, 7, 1), dt.date(year, 12, 31), "half", year, 2)
        raise ValueError("half is 1 or 2")

    @classmethod
    def reporting_window(cls, year: int) -> "Period":
        """The national reporting window: 15/12 of the previous year to 14/12."""
        return cls(dt.date(year - 1, 12, 15), dt.date(year, 12, 14), "window", year)

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> "Period":
        """A custom range; recognised as a year, half-year or reporting window
        when it is one."""
        for candidate in (
            cls.for_year(start.year),
            cls.for_half(start.year, 1),
            cls.for_half(start.year, 2),
            cls.reporting_window(end.year),
        ):
            if (candidate.start, candidate.end) == (start, end):
                return candidate
        return cls(start, end)

    def __str__(self):
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"


# --- figures --------------------------------------------------------------------------
@dataclass
class Figure:
    """A number for a report and the records behind it."""

    count: int
    total: int | Decimal = 0  # persons, participants, journalists…
    records: QuerySet | None = None
    extra: dict = field(default_factory=dict)

    @property
    def record_ids(self) -> list:
        return list(self.records.values_list("pk", flat=True)) if self.records else []


def _base(model, user):
    if user is None:
        return model.objects.all()
    return records_for(user, model)


def _rolled_up(queryset, *, on: dt.date, organisation=None, province=None):
    """Limit *queryset* to records whose organisation rolls up (on *on*) to
    *organisation*, or whose organisation's province rolls up to *province*."""
    if organisation is None and province is None:
        return queryset

    keep = []
    ids = set(queryset.values_list("organisation_id", flat=True))
    for body in Organisation.objects.filter(pk__in=ids).select_related(
        "administrative_unit"
    ):
        if (
            organisation is not None
            and rollup_organisation(body, on=on).pk != organisation.pk
        ):
            continue
        if province is not None:
            unit = body.administrative_unit
            found = province_of(unit, on=on) if unit is not None else None
            if found is None or found.pk != province.pk:
                continue
        keep.append(body.pk)
    return queryset.filter(organisation_id__in=keep)


def delegations_in(
    period: Period,
    *,
    direction: str | None = None,
    country=None,
    organisation=None,
    province=None,
    user=None,
    rollup_on: dt.date | None = None,
) -> QuerySet:
    """Delegations that took place (travelling/hosted or later, not cancelled or
    rejected) and started within *period*; optionally of one direction, with
    *country* among their countries, and of units that roll up (on *rollup_on*,
    default the period's end) to *organisation* or to *province*."""
    queryset = _base(Delegation, user).filter(
        status__in=REALISED_DELEGATION_STATES,
        start_date__gte=period.start,
        start_date__lte=period.end,
    )
    if direction:
        queryset = queryset.filter(direction=direction)
    if country is not None:
        queryset = queryset.filter(country_links__country=country).distinct()
    return _rolled_up(
        queryset,
        on=rollup_on or period.end,
        organisation=organisation,
        province=province,
    )


def delegation_figure(period: Period, *, direction: str, **filters) -> Figure:
    """Number of delegations and of person-visits (``lượt người``)."""
    records = delegations_in(period, direction=direction, **filters)
    pks = list(records.values_list("pk", flat=True))
    persons = (
        Delegation.objects.filter(pk__in=pks).aggregate(total=Sum("person_count"))[
            "total"
        ]
        or 0
    )
    return Figure(
        count=len(pks), total=persons, records=Delegation.objects.filter(pk__in=pks)
    )


def delegation_stats(
    period: Period, *, country=None, user=None, rollup_on=None, **filters
) -> dict:
    """``{"incoming": {"delegations": 154, "persons": 932, "of_which": {"LA":
    {...}}}, "outgoing": {...}}`` — ``of_which`` only with *country*."""
    result = {}
    for key, direction in (
        ("incoming", Direction.INCOMING),
        ("outgoing", Direction.OUTGOING),
    ):
        figure = delegation_figure(
            period, direction=direction, user=user, rollup_on=rollup_on, **filters
        )
        entry = {"delegations": figure.count, "persons": int(figure.total)}
        if country is not None:
            part = delegation_figure(
                period,
                direction=direction,
                country=country,
                user=user,
                rollup_on=rollup_on,
                **filters,
            )
            entry["of_which"] = {
                country.alpha_2: {"delegations": part.count, "persons": int(part.total)}
            }
        result[key] = entry
    return result


@dataclass
class BreakdownRow:
    key: object  # the country, organisation or province (or None)
    label: str
    delegations: int
    persons: int
    record_ids: list


def delegation_breakdown(
    period: Period,
    *,
    direction: str,
    by: str,
    user=None,
    rollup_on: dt.date | None = None,
) -> list[BreakdownRow]:
    """Delegations and person-visits of *period* by ``country`` (a delegation
    to several countries counts for each), ``unit`` (the host or sending unit
    rolled up on *rollup_on*, default the period's end) or ``province`` (its
    province, rolled up the same way). Largest first."""

    day = rollup_on or period.end
    records = (
        delegations_in(period, direction=direction, user=user)
        .select_related("organisation__administrative_unit")
        .prefetch_related("country_links__country")
    )
    groups: dict = defaultdict(list)
    keys: dict = {}
    rolled: dict = {}
    for record in records:
        if by == "country":
            targets = [link.country for link in record.country_links.all()] or [None]
        elif by in ("unit", "province"):
            if record.organisation_id not in rolled:
                body = rollup_organisation(record.organisation, on=day)
                unit = record.organisation.administrative_unit
                rolled[record.organisation_id] = (
                    body,
                    province_of(unit, on=day) if unit is not None else None,
                )
            body, province = rolled[record.organisation_id]
            targets = [body if by == "unit" else province]
        else:
            raise ValueError(f"Unknown breakdown {by!r}")
        for target in targets:
            key = target.pk if target is not None else None
            keys[key] = target
            groups[key].append(record)
    rows = [
        BreakdownRow(
            key=keys[key],
            label=str(keys[key]) if keys[key] is not None else _("(not recorded)"),
            delegations=len(items),
            persons=sum(r.person_count for r in items),
            record_ids=[r.pk for r in items],
        )
        for key, items in groups.items()
    ]
    rows.sort(key=lambda row: (-row.delegations, -row.persons, row.label))
    return rows


# --- other indicators ---------------------------------------------------------
def conference_figure(period: Period, *, user=None) -> Figure:
    """International conferences held (started within *period*); ``total`` is
    the number of foreign participants; ``extra["prime_minister"]`` how many the
    Prime Minister approved."""
    records = _base(InternationalConference, user).filter(
        status__in=HELD_CONFERENCE_STATES,
        start_date__gte=period.start,
        start_date__lte=period.end,
    )
    participants = records.aggregate(total=Sum("foreign_participants"))["total"] or 0
    return Figure(
        count=records.count(),
        total=participants,
        records=records,
        extra={
            "prime_minister": records.filter(
                approval_authority="prime_minister"
            ).count()
        },
    )


def agreement_figure(period: Period, *, user=None) -> Figure:
    """International agreements signed within *period*."""
    records = _base(InternationalAgreement, user).filter(
        status__in=SIGNED_AGREEMENT_STATES,
        signing_date__gte=period.start,
        signing_date__lte=period.end,
    )
    return Figure(count=records.count(), records=records)


def agreements_in_force(on: dt.date, *, user=None) -> Figure:
    """International agreements in force on *on*."""
    records = (
        _base(InternationalAgreement, user)
        .filter(
            status=AgreementStatus.IN_FORCE,
            effective_from__lte=on,
        )
        .exclude(expires_on__lt=on)
    )
    return Figure(count=records.count(), records=records)


def aid_figure(period: Period, *, user=None) -> Figure:
    """Aid packages approved within *period* (decision date). ``extra`` gives, per
    currency, the grant and counterpart values approved."""
    records = _base(AidPackage, user).filter(
        status__in=APPROVED_AID_STATES,
        decision_date__gte=period.start,
        decision_date__lte=period.end,
    )
    amounts = {
        row["currency"]: {
            "grant": row["grant"] or Decimal(0),
            "counterpart": row["counterpart"] or Decimal(0),
        }
        for row in records.values("currency")
        .order_by("currency")
        .annotate(grant=Sum("grant_value"), counterpart=Sum("counterpart_value"))
    }
    return Figure(count=records.count(), records=records, extra={"amounts": amounts})


def press_visit_figure(period: Period, *, user=None) -> Figure:
    """Foreign press groups guided (started within *period*); ``total`` is the
    number of journalists."""
    records = _base(ForeignPressVisit, user).filter(
        status__in=GUIDED_PRESS_STATES,
        start_date__gte=period.start,
        start_date__lte=period.end,
    )
    journalists = sum(
        len(v.journalists.all()) for v in records.prefetch_related("journalists")
    )
    return Figure(count=records.count(), total=journalists, records=records)


def ngos_active(on: dt.date, *, user=None) -> Figure:
    """Foreign NGOs whose registration is operating on *on*."""
    records = (
        _base(ForeignNGO, user)
        .filter(status=NGOStatus.ACTIVE, issued_on__lte=on)
        .exclude(expires_on__lt=on)
    )
    return Figure(count=records.count(), records=records)
