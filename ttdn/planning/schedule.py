"""Pure date rules of task tracking: the occurrences of a recurring task and the
four-way status of a unit's work for one due date (docs/planning.md#status).

No database access here; services and selectors build on these functions and the
tests pin their boundaries.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .choices import RECURRENCE_MONTHS, Recurrence, WorkStatus

# A task recurs at most this many times (ten years of monthly reports).
MAX_OCCURRENCES = 120
ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Occurrence:
    """One period of a task and the day its result is due."""

    sequence: int
    period_start: dt.date
    period_end: dt.date
    due_date: dt.date
    label: str


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def period_label(recurrence: str, start: dt.date) -> str:
    """``Tháng 3/2026``, ``Quý I/2026``, ``6 tháng đầu năm 2026``…"""
    if recurrence == Recurrence.MONTHLY:
        return _("Month %(month)s/%(year)s") % {
            "month": start.month,
            "year": start.year,
        }
    if recurrence == Recurrence.QUARTERLY:
        quarter = ROMAN[(start.month - 1) // 3]
        return _("Quarter %(quarter)s/%(year)s") % {
            "quarter": quarter,
            "year": start.year,
        }
    if start.month <= 6:
        return _("first half of %(year)s") % {"year": start.year}
    return _("second half of %(year)s") % {"year": start.year}


def occurrence_label(recurrence: str, period_start: dt.date, due_date: dt.date) -> str:
    if not recurrence:
        return _("due %(day)s") % {"day": f"{due_date:%d/%m/%Y}"}
    return period_label(recurrence, period_start)


def occurrences(
    *,
    recurrence: str,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    due_date: dt.date | None = None,
    due_days_after_period: int = 0,
) -> list[Occurrence]:
    """The occurrences of a task.

    One-off (``recurrence`` empty): a single occurrence from *starts_on* to
    *due_date*. Recurring: one per calendar month, quarter (January–March…) or
    half-year (January–June, July–December) overlapping *starts_on*…*ends_on*,
    clipped to that range; each is due *due_days_after_period* days after its
    last day (0: on its last day).
    """
    if not recurrence:
        if due_date is None:
            return []
        return [
            Occurrence(
                sequence=1,
                period_start=min(starts_on, due_date),
                period_end=due_date,
                due_date=due_date,
                label=_("due %(day)s") % {"day": f"{due_date:%d/%m/%Y}"},
            )
        ]
    if ends_on is None or ends_on < starts_on:
        return []
    months = RECURRENCE_MONTHS[Recurrence(recurrence)]
    # The calendar period containing starts_on.
    year = starts_on.year
    month = ((starts_on.month - 1) // months) * months + 1
    result: list[Occurrence] = []
    while len(result) < MAX_OCCURRENCES + 1:
        start = dt.date(year, month, 1)
        if start > ends_on:
            break
        end_year, end_month = _add_months(year, month, months - 1)
        end = _month_end(end_year, end_month)
        period_start, period_end = max(start, starts_on), min(end, ends_on)
        result.append(
            Occurrence(
                sequence=len(result) + 1,
                period_start=period_start,
                period_end=period_end,
                due_date=period_end + dt.timedelta(days=due_days_after_period),
                label=period_label(recurrence, start),
            )
        )
        year, month = _add_months(year, month, months)
    return result


def classify(
    *,
    due_date: dt.date,
    as_of: dt.date,
    completed_on: dt.date | None = None,
    accepted_on: dt.date | None = None,
) -> WorkStatus:
    """The status on *as_of* of one unit's work due on *due_date*.

    The work is *done* on *as_of* when the officer had accepted its final report
    by that day (``accepted_on <= as_of``); it was done *on time* when that report
    was submitted on or before the due date (``completed_on <= due_date``: the
    unit is not penalised for the time the review took) and *late* otherwise.
    Work not done is *within the deadline* up to and including the due date and
    *overdue* from the next day: a task due today and not done is within the
    deadline; a report submitted one day after the due date makes it done late.
    """
    if completed_on is not None and accepted_on is not None and accepted_on <= as_of:
        if completed_on <= due_date:
            return WorkStatus.DONE_ON_TIME
        return WorkStatus.DONE_LATE
    if as_of <= due_date:
        return WorkStatus.WITHIN_DEADLINE
    return WorkStatus.OVERDUE
