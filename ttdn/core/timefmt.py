"""Dates and times as Vietnamese readers expect them, always in GMT+7."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

WEEKDAYS = [
    pgettext_lazy("weekday", "Monday"),
    pgettext_lazy("weekday", "Tuesday"),
    pgettext_lazy("weekday", "Wednesday"),
    pgettext_lazy("weekday", "Thursday"),
    pgettext_lazy("weekday", "Friday"),
    pgettext_lazy("weekday", "Saturday"),
    pgettext_lazy("weekday", "Sunday"),
]


def local_range(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Aware datetimes from the first moment of *start* to the first moment
    after *end*, in GMT+7."""
    zone = timezone.get_default_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=zone),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
    )


def to_local(value: dt.datetime) -> dt.datetime:
    """An aware datetime in GMT+7 (naive input is taken to be GMT+7 already)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=VN_TZ)
    return value.astimezone(VN_TZ)


def format_publication(value: dt.datetime | dt.date | None, with_time=True) -> str:
    """``Thứ Ba, 24/01/2017 07:00 (GMT+7)`` in the active language.

    A date without a known time prints without the time and zone.
    """
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        local = to_local(value)
        day = local.date()
    else:
        local, day, with_time = None, value, False
    text = f"{WEEKDAYS[day.weekday()]}, {day:%d/%m/%Y}"
    if with_time and local is not None:
        text += f" {local:%H:%M} " + _("(GMT+7)")
    return text


def format_short(value: dt.datetime | dt.date | None) -> str:
    """``24/01/2017`` — for listings."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = to_local(value).date()
    return f"{value:%d/%m/%Y}"
