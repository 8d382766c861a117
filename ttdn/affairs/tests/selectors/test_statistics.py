"""Delegation statistics: what counts, periods (year, half-year, range, the
national 15/12–14/12 window), the "of which" part of a country, breakdowns, and the
2025 reorganisation (a 2020 record of Phú Yên counts for Đắk Lắk in a 2026
report)."""

import datetime as dt

import pytest

from ttdn.affairs import selectors
from ttdn.affairs.choices import DelegationStatus, Direction
from ttdn.affairs.selectors import Period
from ttdn.affairs.tests.factories import DelegationFactory
from ttdn.directory.choices import OrganisationKind
from ttdn.directory.tests.factories import (
    CountryFactory,
    OrganisationFactory,
    ProvinceFactory,
)

pytestmark = pytest.mark.django_db

END_2025 = dt.date(2025, 6, 30)


@pytest.fixture
def china(db):
    return CountryFactory(
        alpha_2="CN",
        alpha_3="CHN",
        numeric="156",
        name_vi="Trung Quốc",
        name_en="China",
    )


def held(day, persons, *, direction=Direction.INCOMING, countries=None, **fields):
    return DelegationFactory(
        direction=direction,
        status=fields.pop("status", DelegationStatus.CLOSED),
        start_date=day,
        end_date=day + dt.timedelta(days=1),
        declared_person_count=persons,
        person_count=persons,
        countries=countries,
        **fields,
    )


def test_counts_and_persons_by_direction_and_country(unit, laos, china):
    held(dt.date(2016, 2, 1), 12, countries=[laos], organisation=unit)
    held(dt.date(2016, 5, 1), 3, countries=[china], organisation=unit)
    held(dt.date(2016, 6, 1), 4, countries=[laos, china], organisation=unit)
    held(dt.date(2016, 7, 1), 7, direction=Direction.OUTGOING, countries=[laos])
    stats = selectors.delegation_stats(Period.for_year(2016), country=laos)
    assert stats == {
        "incoming": {
            "delegations": 3,
            "persons": 19,
            "of_which": {"LA": {"delegations": 2, "persons": 16}},
        },
        "outgoing": {
            "delegations": 1,
            "persons": 7,
            "of_which": {"LA": {"delegations": 1, "persons": 7}},
        },
    }
    assert (
        "of_which" not in selectors.delegation_stats(Period.for_year(2016))["incoming"]
    )


@pytest.mark.parametrize(
    "status",
    [
        DelegationStatus.DRAFT,
        DelegationStatus.SUBMITTED,
        DelegationStatus.APPROVED,
        DelegationStatus.REJECTED,
        DelegationStatus.CANCELLED,
    ],
)
def test_delegations_that_did_not_take_place_do_not_count(status, laos):
    held(dt.date(2016, 2, 1), 12, countries=[laos], status=status)
    figure = selectors.delegation_figure(Period.for_year(2016), direction="in")
    assert (figure.count, figure.total) == (0, 0)


@pytest.mark.parametrize(
    "status",
    [
        DelegationStatus.HOSTED,
        DelegationStatus.COMPLETED,
        DelegationStatus.RESULT_REPORTED,
        DelegationStatus.CLOSED,
    ],
)
def test_delegations_that_took_place_count(status, laos):
    record = held(dt.date(2016, 2, 1), 12, countries=[laos], status=status)
    figure = selectors.delegation_figure(Period.for_year(2016), direction="in")
    assert (figure.count, figure.total, figure.record_ids) == (1, 12, [record.pk])


def test_periods(laos):
    held(dt.date(2015, 12, 14), 1, countries=[laos])
    held(dt.date(2015, 12, 15), 2, countries=[laos])
    held(dt.date(2016, 6, 30), 4, countries=[laos])
    held(dt.date(2016, 7, 1), 8, countries=[laos])
    held(dt.date(2016, 12, 14), 16, countries=[laos])
    held(dt.date(2016, 12, 15), 32, countries=[laos])

    def persons(period):
        return selectors.delegation_figure(period, direction="in").total

    assert persons(Period.for_year(2016)) == 4 + 8 + 16 + 32
    assert persons(Period.for_half(2016, 1)) == 4
    assert persons(Period.for_half(2016, 2)) == 8 + 16 + 32
    assert persons(Period.reporting_window(2016)) == 2 + 4 + 8 + 16
    assert persons(Period.between(dt.date(2016, 6, 30), dt.date(2016, 7, 1))) == 12


def test_periods_are_recognised():
    assert Period.between(dt.date(2016, 1, 1), dt.date(2016, 12, 31)).kind == "year"
    assert Period.between(dt.date(2016, 7, 1), dt.date(2016, 12, 31)).half == 2
    window = Period.between(dt.date(2015, 12, 15), dt.date(2016, 12, 14))
    assert (window.kind, window.year) == ("window", 2016)
    assert Period.between(dt.date(2016, 3, 1), dt.date(2016, 3, 31)).kind == "range"
    with pytest.raises(ValueError):
        Period(dt.date(2016, 3, 31), dt.date(2016, 3, 1))


def test_breakdown_by_country_and_unit(unit, other_unit, laos, china):
    held(dt.date(2016, 2, 1), 12, countries=[laos], organisation=unit)
    held(dt.date(2016, 3, 1), 5, countries=[laos], organisation=other_unit)
    held(dt.date(2016, 4, 1), 4, countries=[laos, china], organisation=unit)
    by_country = selectors.delegation_breakdown(
        Period.for_year(2016), direction="in", by="country"
    )
    assert [(r.label, r.delegations, r.persons) for r in by_country] == [
        ("Lào", 3, 21),
        ("Trung Quốc", 1, 4),
    ]
    by_unit = selectors.delegation_breakdown(
        Period.for_year(2016), direction="in", by="unit"
    )
    assert [(r.key, r.delegations, r.persons) for r in by_unit] == [
        (unit, 2, 16),
        (other_unit, 1, 5),
    ]


@pytest.fixture
def reorganisation(db):
    """Phú Yên (province and People's Committee) ended on 30/06/2025 and merged
    into Đắk Lắk."""
    dak_lak = ProvinceFactory(code="66", name="Tỉnh Đắk Lắk")
    phu_yen = ProvinceFactory(
        code="54", name="Tỉnh Phú Yên", valid_to=END_2025, successors=[dak_lak]
    )
    dak_lak_pc = OrganisationFactory(
        name="Ủy ban nhân dân tỉnh Đắk Lắk",
        kind=OrganisationKind.PEOPLES_COMMITTEE,
        administrative_unit=dak_lak,
    )
    phu_yen_pc = OrganisationFactory(
        name="Ủy ban nhân dân tỉnh Phú Yên",
        kind=OrganisationKind.PEOPLES_COMMITTEE,
        administrative_unit=phu_yen,
        valid_to=END_2025,
        successors=[dak_lak_pc],
    )
    return phu_yen, dak_lak, phu_yen_pc, dak_lak_pc


def test_a_2020_record_of_phu_yen_rolls_up_to_dak_lak_in_a_2026_report(
    reorganisation,
):
    phu_yen, dak_lak, phu_yen_pc, dak_lak_pc = reorganisation
    korea = CountryFactory(
        alpha_2="KR", alpha_3="KOR", numeric="410", name_vi="Hàn Quốc", name_en="Korea"
    )
    record = held(dt.date(2020, 9, 14), 8, countries=[korea], organisation=phu_yen_pc)
    year_2020 = Period.for_year(2020)

    # In a report for 2020 the record counts for Phú Yên…
    in_2020 = selectors.delegation_breakdown(year_2020, direction="in", by="unit")
    assert [(r.key, r.persons) for r in in_2020] == [(phu_yen_pc, 8)]
    by_province = selectors.delegation_breakdown(
        year_2020, direction="in", by="province"
    )
    assert [r.key for r in by_province] == [phu_yen]
    assert selectors.delegation_figure(
        year_2020, direction="in", province=phu_yen
    ).record_ids == [record.pk]
    assert (
        selectors.delegation_figure(year_2020, direction="in", province=dak_lak).count
        == 0
    )

    # …and in a report made for 2026 it counts for Đắk Lắk.
    as_of_2026 = dt.date(2026, 12, 31)
    in_2026 = selectors.delegation_breakdown(
        year_2020, direction="in", by="unit", rollup_on=as_of_2026
    )
    assert [(r.key, r.persons) for r in in_2026] == [(dak_lak_pc, 8)]
    by_province = selectors.delegation_breakdown(
        year_2020, direction="in", by="province", rollup_on=as_of_2026
    )
    assert [r.key for r in by_province] == [dak_lak]
    since_2020 = Period.between(dt.date(2020, 1, 1), as_of_2026)
    assert selectors.delegation_figure(
        since_2020, direction="in", province=dak_lak
    ).record_ids == [record.pk]
    assert selectors.delegation_figure(
        since_2020, direction="in", organisation=dak_lak_pc
    ).record_ids == [record.pk]
    assert (
        selectors.delegation_figure(since_2020, direction="in", province=phu_yen).count
        == 0
    )
    # The record itself keeps its original unit.
    record.refresh_from_db()
    assert record.organisation == phu_yen_pc
