"""The pure date rules: occurrences of recurring tasks and the four-way status at
its boundaries."""

import datetime as dt

import pytest

from ttdn.planning.choices import Recurrence, WorkStatus
from ttdn.planning.schedule import MAX_OCCURRENCES, classify, occurrences

D = dt.date


# --- classify -------------------------------------------------------------------
def test_due_today_and_not_done_is_within_the_deadline():
    assert classify(due_date=D(2026, 6, 30), as_of=D(2026, 6, 30)) == (
        WorkStatus.WITHIN_DEADLINE
    )


def test_not_done_the_day_after_the_due_date_is_overdue():
    assert classify(due_date=D(2026, 6, 30), as_of=D(2026, 7, 1)) == WorkStatus.OVERDUE


def test_done_on_the_due_date_is_done_on_time():
    status = classify(
        due_date=D(2026, 6, 30),
        as_of=D(2026, 7, 5),
        completed_on=D(2026, 6, 30),
        accepted_on=D(2026, 7, 2),
    )
    assert status == WorkStatus.DONE_ON_TIME


def test_done_one_day_late_is_done_late():
    status = classify(
        due_date=D(2026, 6, 30),
        as_of=D(2026, 7, 5),
        completed_on=D(2026, 7, 1),
        accepted_on=D(2026, 7, 1),
    )
    assert status == WorkStatus.DONE_LATE


def test_work_reported_but_not_yet_accepted_is_not_done():
    # Submitted on the due date, accepted two days later: on the day after the
    # due date it is still overdue; once accepted it counts as done on time.
    kwargs = {
        "due_date": D(2026, 6, 30),
        "completed_on": D(2026, 6, 30),
        "accepted_on": D(2026, 7, 2),
    }
    assert classify(as_of=D(2026, 7, 1), **kwargs) == WorkStatus.OVERDUE
    assert classify(as_of=D(2026, 7, 2), **kwargs) == WorkStatus.DONE_ON_TIME
    assert classify(as_of=D(2026, 6, 29), **kwargs) == WorkStatus.WITHIN_DEADLINE


# --- occurrences ----------------------------------------------------------------
def test_one_off_task_has_one_occurrence():
    [only] = occurrences(
        recurrence=Recurrence.NONE, starts_on=D(2026, 1, 15), due_date=D(2026, 6, 30)
    )
    assert (only.sequence, only.period_start, only.period_end, only.due_date) == (
        1,
        D(2026, 1, 15),
        D(2026, 6, 30),
        D(2026, 6, 30),
    )
    assert only.label == "hạn 30/06/2026"


def test_monthly_occurrences_are_clipped_to_the_task_and_due_after_each_month():
    found = occurrences(
        recurrence=Recurrence.MONTHLY,
        starts_on=D(2026, 1, 15),
        ends_on=D(2026, 4, 10),
        due_days_after_period=5,
    )
    assert [(o.period_start, o.period_end, o.due_date, o.label) for o in found] == [
        (D(2026, 1, 15), D(2026, 1, 31), D(2026, 2, 5), "Tháng 1/2026"),
        (D(2026, 2, 1), D(2026, 2, 28), D(2026, 3, 5), "Tháng 2/2026"),
        (D(2026, 3, 1), D(2026, 3, 31), D(2026, 4, 5), "Tháng 3/2026"),
        (D(2026, 4, 1), D(2026, 4, 10), D(2026, 4, 15), "Tháng 4/2026"),
    ]


def test_quarterly_occurrences_follow_calendar_quarters():
    found = occurrences(
        recurrence=Recurrence.QUARTERLY,
        starts_on=D(2026, 2, 1),
        ends_on=D(2026, 12, 31),
    )
    assert [(o.period_start, o.due_date, o.label) for o in found] == [
        (D(2026, 2, 1), D(2026, 3, 31), "Quý I/2026"),
        (D(2026, 4, 1), D(2026, 6, 30), "Quý II/2026"),
        (D(2026, 7, 1), D(2026, 9, 30), "Quý III/2026"),
        (D(2026, 10, 1), D(2026, 12, 31), "Quý IV/2026"),
    ]


def test_half_yearly_occurrences_across_years():
    found = occurrences(
        recurrence=Recurrence.HALF_YEARLY,
        starts_on=D(2025, 7, 1),
        ends_on=D(2026, 12, 31),
        due_days_after_period=15,
    )
    assert [(o.due_date, o.label) for o in found] == [
        (D(2026, 1, 15), "6 tháng cuối năm 2025"),
        (D(2026, 7, 15), "6 tháng đầu năm 2026"),
        (D(2027, 1, 15), "6 tháng cuối năm 2026"),
    ]


def test_recurring_task_needs_an_end():
    assert occurrences(recurrence=Recurrence.MONTHLY, starts_on=D(2026, 1, 1)) == []


@pytest.mark.parametrize("years", [11])
def test_occurrences_stop_just_after_the_maximum(years):
    found = occurrences(
        recurrence=Recurrence.MONTHLY,
        starts_on=D(2020, 1, 1),
        ends_on=D(2020 + years, 12, 31),
    )
    assert len(found) == MAX_OCCURRENCES + 1
