"""Due dates from the deadline rules (``DeadlineRule``, data editable by
administrators) and the dates on each record.

Each record type declares its steps (:class:`StepSpec`, in ``machines.py``): in
which states the step is pending, in which it is done, and who is responsible.
A step's due date is the rule in force on the anchor day (the start date, the
submission…) applied to that day: *N* calendar days, working days (Vietnamese
public holidays and weekends excluded, ``calendar.py``) or months, before or after
it. A deadline counted *after* an event that ends on a day off moves to the next
working day (Civil Code 2015, Art. 148(5)); a lead time counted *before* an event
does not move.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from . import calendar
from .choices import BEFORE_ANCHORS, DeadlineStep, DeadlineUnit

PENDING = "pending"
OVERDUE = "overdue"
DONE = "done"
NOT_YET = "not_yet"  # the step has not begun (or does not apply in this state)

OWNER = "owner"
FOREIGN_AFFAIRS_BODY = "foreign_affairs_body"


@dataclass(frozen=True)
class StepSpec:
    """A step with a deadline: pending in the ``pending`` states, done in the
    ``done`` states or when ``done_if(record)`` is true; ``responsible`` is who
    is reminded (the owning organisation or the foreign-affairs body)."""

    step: str
    pending: frozenset[str]
    done: frozenset[str]
    responsible: str = OWNER
    done_if: Callable[[object], bool] | None = None

    def __init__(self, step, *, pending, done, responsible=OWNER, done_if=None):
        object.__setattr__(self, "step", str(step))
        object.__setattr__(self, "pending", frozenset(str(s) for s in pending))
        object.__setattr__(self, "done", frozenset(str(s) for s in done))
        object.__setattr__(self, "responsible", responsible)
        object.__setattr__(self, "done_if", done_if)

    def is_done(self, record) -> bool:
        return record.status in self.done or bool(self.done_if and self.done_if(record))


_STEPS: dict[type, list[StepSpec]] = {}


def register_steps(model: type, steps: list[StepSpec]) -> None:
    _STEPS[model] = list(steps)


def steps_of(model: type) -> list[StepSpec]:
    return list(_STEPS.get(model, ()))


def pending_states(model: type) -> frozenset[str]:
    """States in which some step of *model* may be due."""
    return frozenset(s for spec in steps_of(model) for s in spec.pending)


def apply_rule(rule, anchor: dt.date) -> dt.date:
    """The due date *rule* gives for an event on *anchor*."""
    before = rule.anchor in BEFORE_ANCHORS
    amount = -rule.amount if before else rule.amount
    if rule.unit == DeadlineUnit.WORKING_DAYS:
        return calendar.add_working_days(anchor, amount)
    if rule.unit == DeadlineUnit.MONTHS:
        due = calendar.add_months(anchor, amount)
    else:
        due = calendar.add_calendar_days(anchor, amount)
    return due if before else calendar.next_working_day(due)


class RuleBook:
    """Every deadline rule, loaded once; :meth:`rule_for` picks the one in force."""

    def __init__(self, rules=None):
        from .models import DeadlineRule

        self.rules = list(DeadlineRule.objects.all() if rules is None else rules)

    def rule_for(self, kind: str, step: str, *, variants=(), on: dt.date):
        candidates = [
            r
            for r in self.rules
            if r.kind == kind and r.step == step and r.is_in_force_on(on)
        ]
        for variant in [*variants, ""]:
            for rule in candidates:
                if rule.variant == variant:
                    return rule
        return None


@dataclass(frozen=True)
class DueDate:
    record: object
    spec: StepSpec
    rule: object  # DeadlineRule or None
    anchor: dt.date | None
    due: dt.date | None
    status: str
    today: dt.date

    @property
    def step(self) -> str:
        return self.spec.step

    @property
    def label(self) -> str:
        return str(DeadlineStep(self.spec.step).label)

    @property
    def days_left(self) -> int | None:
        return (self.due - self.today).days if self.due else None

    @property
    def is_open(self) -> bool:
        return self.status in (PENDING, OVERDUE)

    @property
    def status_display(self) -> str:
        if self.status == OVERDUE:
            return _("overdue by %(days)s days") % {"days": -self.days_left}
        if self.status == PENDING:
            if self.days_left == 0:
                return _("due today")
            return _("%(days)s days left") % {"days": self.days_left}
        if self.status == DONE:
            return _("done")
        return _("not started")


def due_dates(record, *, today: dt.date | None = None, book: RuleBook | None = None):
    """Every step of *record* with its rule and due date (steps without a rule in
    force are left out)."""
    today = today or timezone.localdate()
    book = book or RuleBook()
    state = record.status
    results = []
    kind, variants = record.deadline_kind(), record.deadline_variants()
    for spec in steps_of(type(record)):
        rule, anchor, due = _rule_and_due(
            book, record, kind, spec.step, variants, today
        )
        if rule is None:
            continue
        if spec.is_done(record):
            status = DONE
        elif state in spec.pending and due is not None:
            status = OVERDUE if today > due else PENDING
        else:
            status = NOT_YET
        results.append(
            DueDate(
                record=record,
                spec=spec,
                rule=rule,
                anchor=anchor,
                due=due,
                status=status,
                today=today,
            )
        )
    return results


def _rule_and_due(book: RuleBook, record, kind: str, step: str, variants, today):
    """The rule in force on the anchor day, the anchor day and the due date.
    Rules of one step normally share their anchor; when a newer rule counts from
    another event, each anchor is tried, the rule in force today first."""
    wanted = {*variants, ""}
    candidates = [
        r
        for r in book.rules
        if r.kind == kind and r.step == step and r.variant in wanted
    ]
    if not candidates:
        return None, None, None
    today_rule = book.rule_for(kind, step, variants=variants, on=today)
    first = [today_rule.anchor] if today_rule else []
    anchors = list(dict.fromkeys(first + [r.anchor for r in candidates]))
    for anchor_kind in anchors:
        anchor = record.anchor_date(anchor_kind)
        if anchor is None:
            continue
        rule = book.rule_for(kind, step, variants=variants, on=anchor)
        if rule is not None and rule.anchor == anchor_kind:
            return rule, anchor, apply_rule(rule, anchor)
    return today_rule or candidates[0], None, None


def due_for(record, step: str, *, today=None, book=None) -> DueDate | None:
    for item in due_dates(record, today=today, book=book):
        if item.step == str(step):
            return item
    return None
