"""Indicators the reports app registers for the register of foreign-affairs
activities and for monitoring: figures equal to those apps' selectors, with the
records behind them; the foreign-affairs report uses the register's narrative."""

import datetime as dt
import io

import pytest
from docx import Document

from ttdn.affairs import selectors as affairs
from ttdn.affairs.choices import DelegationStatus, Direction
from ttdn.affairs.tests.factories import DelegationFactory
from ttdn.core.indicators import Period, registry
from ttdn.directory.tests.factories import CountryFactory
from ttdn.reports import services
from ttdn.reports.choices import ReportKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegations(world):
    laos = CountryFactory()
    china = CountryFactory(
        alpha_2="CN",
        alpha_3="CHN",
        numeric="156",
        name_vi="Trung Quốc",
        name_en="China",
    )
    made = [
        DelegationFactory(
            direction=Direction.INCOMING,
            status=DelegationStatus.COMPLETED,
            organisation=world.sngv,
            start_date=dt.date(2016, 3, 2),
            end_date=dt.date(2016, 3, 4),
            declared_person_count=persons,
            countries=countries,
        )
        for persons, countries in (
            (6, [laos]),
            (4, [laos]),
            (9, [china]),
            (3, [laos, china]),
        )
    ]
    DelegationFactory(  # cancelled: not counted
        direction=Direction.INCOMING,
        status=DelegationStatus.CANCELLED,
        organisation=world.sngv,
        start_date=dt.date(2016, 5, 2),
        end_date=dt.date(2016, 5, 3),
        countries=[laos],
    )
    DelegationFactory(
        direction=Direction.OUTGOING,
        status=DelegationStatus.COMPLETED,
        organisation=world.svh,
        start_date=dt.date(2016, 8, 1),
        end_date=dt.date(2016, 8, 5),
        declared_person_count=5,
        countries=[laos],
    )
    return made


def test_delegation_indicators_equal_the_registers_selectors(delegations):
    period = Period.year(2016)
    span = affairs.Period.for_year(2016)
    count = registry.get("DELEG_IN_COUNT").compute(period)
    persons = registry.get("DELEG_IN_PERSONS").compute(period)
    figure = affairs.delegation_figure(span, direction=Direction.INCOMING)

    assert (count.total, persons.total) == (figure.count, figure.total) == (4, 22)
    assert sorted(s.pk for s in count.sources) == sorted(figure.record_ids)
    assert [(g.key[0], g.value) for g in count.by("country")] == [
        ("Lào", 2),
        ("Lào, Trung Quốc", 1),
        ("Trung Quốc", 1),
    ]
    assert persons.value_of(country="Lào") == 10
    assert registry.get("DELEG_OUT_PERSONS").compute(period).total == 5


def test_the_foreign_affairs_report_has_the_registers_figures_and_narrative(
    world, delegations
):
    report = services.report_create(
        kind=ReportKind.FOREIGN_AFFAIRS,
        period=Period.year(2016),
        issuing_organisation=world.sngv,
    )
    document = Document(io.BytesIO(services.render_document(report)))
    texts = [p.text for p in document.paragraphs]
    paragraph = next(t for t in texts if t.startswith("Trong năm 2016"))
    assert "4 đoàn khách, 22 lượt người" in paragraph
    # "Of which from Laos": the delegations with Laos among their countries.
    assert "3 đoàn, 13 lượt người đến từ nước CHDCND Lào" in paragraph
    assert "1 đoàn với 5 lượt cán bộ" in paragraph
    incoming = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert incoming[1:] == [
        ["1", "Lào", "3", "13"],
        ["2", "Trung Quốc", "2", "12"],
        ["", "Tổng cộng", "5", "25"],
    ]


def test_monitoring_incidents_are_counted(world):
    from ttdn.core.timefmt import VN_TZ
    from ttdn.monitoring.tests.factories import IncidentFactory

    inside = [
        IncidentFactory(detected_at=dt.datetime(2025, 1, 1, 0, 5, tzinfo=VN_TZ)),
        IncidentFactory(detected_at=dt.datetime(2025, 12, 31, 23, 55, tzinfo=VN_TZ)),
    ]
    IncidentFactory(detected_at=dt.datetime(2024, 12, 31, 23, 55, tzinfo=VN_TZ))

    result = registry.get("INCIDENTS_DETECTED").compute(Period.year(2025))

    assert result.indicator.app_label == "monitoring"
    assert result.total == 2
    assert sorted(s.pk for s in result.sources) == sorted(i.pk for i in inside)
