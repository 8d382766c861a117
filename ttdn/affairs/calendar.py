"""Working days in Viet Nam: Monday to Friday except public holidays, the lunar
ones (Tết Nguyên Đán, the Hùng Kings' commemoration) and the compensatory days off
included (the ``holidays`` package, docs/adr/0003-holidays.md).

Deadline arithmetic (docs/affairs.md#deadlines):

* ``add_working_days(day, n)`` is the *n*-th working day after *day* (*day* itself
  not counted); a negative *n* counts backwards.
* ``add_calendar_days`` / ``add_months`` then, for a period counted *after* an
  event, :func:`next_working_day` moves a last day that falls on a weekend or a
  holiday to the next working day (Civil Code 2015, Art. 148(5)).
"""

import calendar as _calendar
import datetime as dt
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("VN", years=year))


def holiday_name(day: dt.date) -> str | None:
    """The Vietnamese name of the public holiday on *day*, or ``None``."""
    return holidays.country_holidays("VN", years=day.year).get(day)


def is_holiday(day: dt.date) -> bool:
    return day in _holidays_of(day.year)


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a public holiday (or compensatory day off)."""
    return day.weekday() < 5 and not is_holiday(day)


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The *count*-th working day after *day* (before it when *count* < 0).
    ``count == 0`` returns *day* itself."""
    step = 1 if count >= 0 else -1
    remaining = abs(count)
    current = day
    while remaining:
        current += dt.timedelta(days=step)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after *start* up to and including *end* (negative when *end*
    is before *start*)."""
    if end < start:
        return -working_days_between(end, start)
    count, current = 0, start
    while current < end:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count


def next_working_day(day: dt.date) -> dt.date:
    """*day* if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_calendar_days(day: dt.date, count: int) -> dt.date:
    return day + dt.timedelta(days=count)


def add_months(day: dt.date, count: int) -> dt.date:
    """Same day *count* months later (earlier when negative); the last day of the
    month when that month is shorter (31/08 + 6 months = 28/02 or 29/02)."""
    month_index = day.month - 1 + count
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = _calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))
