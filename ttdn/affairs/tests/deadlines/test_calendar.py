"""Working days: weekends, Vietnamese public holidays (lunar ones included) and
compensatory days off."""

import datetime as dt

import pytest

from ttdn.affairs import calendar


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (dt.date(2026, 2, 13), True),  # Friday before Tết
        (dt.date(2026, 2, 14), False),  # Saturday
        (dt.date(2026, 2, 16), False),  # Giao thừa (Monday)
        (dt.date(2026, 2, 17), False),  # Tết Nguyên Đán
        (dt.date(2026, 2, 20), False),  # Mùng bốn Tết
        (dt.date(2026, 2, 23), True),  # first working day after Tết
        (dt.date(2026, 4, 27), False),  # Hùng Kings, compensatory day off
        (dt.date(2026, 4, 29), True),
        (dt.date(2026, 9, 2), False),  # National Day
        (dt.date(2016, 2, 8), False),  # Tết 2016
        (dt.date(2016, 4, 18), False),  # Hùng Kings 2016, compensatory
    ],
)
def test_is_working_day(day, working):
    assert calendar.is_working_day(day) is working


def test_ten_working_days_across_tet_2026():
    # Thursday 12/02/2026: Friday 13 is the 1st working day, Tết closes
    # 16–20/02, the 10th working day is Thursday 05/03/2026 (without the
    # holidays it would be 26/02).
    assert calendar.add_working_days(dt.date(2026, 2, 12), 10) == dt.date(2026, 3, 5)


def test_working_days_across_a_weekend():
    assert calendar.add_working_days(dt.date(2026, 3, 6), 1) == dt.date(2026, 3, 9)
    assert calendar.add_working_days(dt.date(2026, 3, 6), 5) == dt.date(2026, 3, 13)


def test_working_days_backwards_across_tet():
    # Ten working days before Wednesday 25/02/2026: 24, 23, then Tết and the
    # weekend are skipped: 13, 12, 11, 10, 9, 6, 5, 4.
    assert calendar.add_working_days(dt.date(2026, 2, 25), -10) == dt.date(2026, 2, 4)


def test_zero_working_days_is_the_day_itself():
    assert calendar.add_working_days(dt.date(2026, 2, 14), 0) == dt.date(2026, 2, 14)


def test_working_days_between():
    assert (
        calendar.working_days_between(dt.date(2026, 2, 12), dt.date(2026, 3, 5)) == 10
    )
    assert (
        calendar.working_days_between(dt.date(2026, 3, 5), dt.date(2026, 2, 12)) == -10
    )


def test_next_working_day_moves_past_tet():
    assert calendar.next_working_day(dt.date(2026, 2, 16)) == dt.date(2026, 2, 23)
    assert calendar.next_working_day(dt.date(2026, 2, 23)) == dt.date(2026, 2, 23)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 1, 15), -2, dt.date(2025, 11, 15)),
        (dt.date(2026, 12, 1), 1, dt.date(2027, 1, 1)),
    ],
)
def test_add_months(day, months, expected):
    assert calendar.add_months(day, months) == expected


def test_holiday_name_is_vietnamese():
    assert calendar.holiday_name(dt.date(2026, 2, 17)) == "Tết Nguyên Đán"
    assert calendar.holiday_name(dt.date(2026, 2, 24)) is None
