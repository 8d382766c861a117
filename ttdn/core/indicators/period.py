"""Reporting periods: a first and a last day, both included."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ttdn.core.timefmt import format_short

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


def parse_day(text: str, *, field_label: str) -> dt.date:
    """``2026-06-30`` or ``30/06/2026``; a ``ValidationError`` naming the field
    otherwise."""
    value = (text or "").strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()  # noqa: DTZ007 - a date
        except ValueError:
            continue
    raise ValidationError(
        _("%(field)s: “%(value)s” is not a date; write it as 2026-06-30 or 30/06/2026.")
        % {"field": field_label, "value": value}
    )


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def __post_init__(self):
        if self.end < self.start:
            raise ValidationError(
                _("Period: the last day (%(end)s) is before the first day (%(start)s).")
                % {"end": format_short(self.end), "start": format_short(self.start)}
            )

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def half(cls, year: int, half: int) -> "Period":
        if half == 1:
            return cls(dt.date(year, 1, 1), dt.date(year, 6, 30))
        return cls(dt.date(year, 7, 1), dt.date(year, 12, 31))

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def is_year(self) -> bool:
        return self.start == dt.date(self.start.year, 1, 1) and self.end == dt.date(
            self.start.year, 12, 31
        )

    @property
    def is_first_half(self) -> bool:
        return self.start == dt.date(self.start.year, 1, 1) and self.end == dt.date(
            self.start.year, 6, 30
        )

    @property
    def label(self) -> str:
        """``năm 2026``, ``6 tháng đầu năm 2026``, ``từ 01/03/2026 đến
        31/05/2026`` (in the active language)."""
        if self.is_year:
            return _("the year %(year)s") % {"year": self.start.year}
        if self.is_first_half:
            return _("the first half of %(year)s") % {"year": self.start.year}
        if self.start == dt.date(self.start.year, 7, 1) and self.end == dt.date(
            self.start.year, 12, 31
        ):
            return _("the second half of %(year)s") % {"year": self.start.year}
        return _("from %(start)s to %(end)s") % {
            "start": format_short(self.start),
            "end": format_short(self.end),
        }

    @property
    def slug(self) -> str:
        return f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"

    def __str__(self):
        return f"{format_short(self.start)} – {format_short(self.end)}"
