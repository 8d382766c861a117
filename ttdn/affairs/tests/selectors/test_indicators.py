"""The indicator selectors the reports app wires in: each figure comes with the
records behind it."""

import datetime as dt
from decimal import Decimal

import pytest

from ttdn.affairs import selectors
from ttdn.affairs.models import Journalist
from ttdn.affairs.selectors import Period
from ttdn.affairs.tests.factories import (
    AgreementFactory,
    AidFactory,
    ConferenceFactory,
    NGOFactory,
    PressVisitFactory,
)

pytestmark = pytest.mark.django_db
YEAR = Period.for_year(2026)


def test_conferences_held(unit):
    held = ConferenceFactory(organisation=unit, status="held", foreign_participants=12)
    pm = ConferenceFactory(
        organisation=unit,
        status="closed",
        foreign_participants=30,
        approval_authority="prime_minister",
    )
    ConferenceFactory(organisation=unit, status="approved")
    ConferenceFactory(
        organisation=unit,
        status="closed",
        start_date=dt.date(2025, 6, 1),
        end_date=dt.date(2025, 6, 2),
    )
    figure = selectors.conference_figure(YEAR)
    assert (figure.count, figure.total, figure.extra) == (2, 42, {"prime_minister": 1})
    assert sorted(figure.record_ids) == sorted([held.pk, pm.pk])


def test_agreements_signed_and_in_force(unit):
    signed = AgreementFactory(
        organisation=unit,
        status="in_force",
        signing_date=dt.date(2026, 4, 1),
        effective_from=dt.date(2026, 4, 1),
        expires_on=dt.date(2031, 3, 31),
    )
    AgreementFactory(organisation=unit, status="consulting")
    old = AgreementFactory(
        organisation=unit,
        status="in_force",
        signing_date=dt.date(2019, 4, 1),
        effective_from=dt.date(2019, 4, 1),
    )
    AgreementFactory(
        organisation=unit,
        status="in_force",
        signing_date=dt.date(2018, 4, 1),
        effective_from=dt.date(2018, 4, 1),
        expires_on=dt.date(2026, 3, 1),
    )
    assert selectors.agreement_figure(YEAR).record_ids == [signed.pk]
    in_force = selectors.agreements_in_force(dt.date(2026, 6, 1))
    assert sorted(in_force.record_ids) == sorted([signed.pk, old.pk])


def test_aid_approved_with_amounts_by_currency(unit):
    AidFactory(
        organisation=unit,
        status="implementing",
        decision_date=dt.date(2026, 2, 1),
        currency="USD",
        grant_value=100_000,
        counterpart_value=10_000,
    )
    AidFactory(
        organisation=unit,
        status="approved",
        decision_date=dt.date(2026, 8, 1),
        currency="USD",
        grant_value=50_000,
    )
    AidFactory(
        organisation=unit,
        status="approved",
        decision_date=dt.date(2026, 8, 1),
        currency="EUR",
        grant_value=20_000,
    )
    AidFactory(organisation=unit, status="appraising", grant_value=999)
    figure = selectors.aid_figure(YEAR)
    assert figure.count == 3
    assert figure.extra["amounts"] == {
        "EUR": {"grant": Decimal("20000.00"), "counterpart": Decimal("0.00")},
        "USD": {"grant": Decimal("150000.00"), "counterpart": Decimal("10000.00")},
    }


def test_press_groups_and_journalists(unit):
    visit = PressVisitFactory(organisation=unit, status="reported")
    Journalist.objects.create(visit=visit, full_name="Phóng viên A", role="reporter")
    Journalist.objects.create(visit=visit, full_name="Phóng viên B", role="camera")
    PressVisitFactory(organisation=unit, status="permitted")
    figure = selectors.press_visit_figure(YEAR)
    assert (figure.count, figure.total, figure.record_ids) == (1, 2, [visit.pk])


def test_ngos_active_on_a_day(unit):
    active = NGOFactory(organisation=unit, status="active")
    NGOFactory(organisation=unit, status="suspended")
    NGOFactory(
        organisation=unit,
        status="active",
        issued_on=dt.date(2021, 1, 1),
        expires_on=dt.date(2023, 12, 31),
    )
    assert selectors.ngos_active(dt.date(2026, 6, 1)).record_ids == [active.pk]
