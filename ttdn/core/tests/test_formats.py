"""Dates typed or picked in the admin are read day-first in every language."""

import datetime as dt

from django import forms
from django.utils import translation

import pytest


class DatesForm(forms.Form):
    day = forms.DateField()
    moment = forms.DateTimeField()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_day_first_input(language):
    with translation.override(language):
        form = DatesForm({"day": "01/07/2025", "moment": "05/03/2026 08:30"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == dt.date(2025, 7, 1)
    moment = form.cleaned_data["moment"]
    assert (moment.year, moment.month, moment.day, moment.hour) == (2026, 3, 5, 8)


def test_month_first_dates_are_refused_when_impossible():
    with translation.override("vi"):
        form = DatesForm({"day": "07/31/2025", "moment": "2026-03-05 08:30"})
        assert not form.is_valid()
    assert list(form.errors) == ["day"]


def test_display_formats_are_day_first():
    from django.utils.formats import date_format

    with translation.override("vi"):
        assert date_format(dt.date(2025, 7, 1), "SHORT_DATE_FORMAT") == "01/07/2025"
    with translation.override("en"):
        assert date_format(dt.date(2025, 7, 1), "SHORT_DATE_FORMAT") == "01/07/2025"
