"""The indicator registry: discovery, registration rules, and figures whose
provenance is the records that produced them."""

import datetime as dt

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

import pytest

from ttdn.core.indicators import (
    Dimension,
    Indicator,
    IndicatorRegistry,
    Observation,
    Period,
    UnknownIndicator,
    registry,
)
from ttdn.planning import selectors as planning
from ttdn.planning.choices import WorkStatus
from ttdn.reports.tests.factories import make_tasks_in_every_status


def test_apps_contribute_their_indicators():
    codes = registry.codes()
    assert {
        "PLAN_TASKS",
        "STEERING_MEETINGS",
        "PORTAL_ARTICLES",
        "PORTAL_PAGE_VIEWS",
        "PORTAL_VISITS",
    } <= set(codes)
    assert registry.get("PLAN_TASKS").app_label == "planning"
    assert registry.get("PORTAL_ARTICLES").app_label == "portal"
    assert registry.get("PORTAL_PAGE_VIEWS").app_label == "analytics"


def test_a_code_is_registered_once():
    local = IndicatorRegistry()
    local._discovered = True
    item = Indicator("X", "x", "x", "cái", "items", observe=lambda period: [])
    local.register(item)
    local.register(item)  # the same indicator again (a module imported twice)
    with pytest.raises(ImproperlyConfigured):
        local.register(
            Indicator("X", "y", "y", "cái", "items", observe=lambda period: [])
        )
    with pytest.raises(UnknownIndicator):
        local.get("Y")


def test_results_group_observations_by_dimension():
    class Source:
        class _meta:
            label_lower = "tests.source"

        def __init__(self, pk):
            self.pk = pk

        def __str__(self):
            return f"Bản ghi {self.pk}"

    def observe(period):
        yield Observation.of(Source(1), value=3, country="Lào")
        yield Observation.of(Source(2), value=2, country="Trung Quốc")
        yield Observation.of(Source(3), value=4, country="Lào")

    indicator = Indicator(
        "T",
        "thử",
        "test",
        "đoàn",
        "delegations",
        observe=observe,
        dimensions=(Dimension("country", "quốc gia", "country"),),
    )
    result = indicator.compute(Period.year(2026))

    assert result.total == 9
    assert [
        (g.key, g.value, [s.pk for s in g.sources]) for g in result.by("country")
    ] == [
        (("Lào",), 7, [1, 3]),
        (("Trung Quốc",), 2, [2]),
    ]
    assert result.value_of(country="Lào") == 7
    assert result.as_dict()["observations"][0] == {
        "value": 3,
        "dimensions": {"country": "Lào"},
        "source": {"model": "tests.source", "pk": 1, "label": "Bản ghi 1"},
    }


@pytest.mark.django_db
def test_plan_tasks_counts_the_work_items_with_their_provenance(world):
    make_tasks_in_every_status(world)
    today = timezone.localdate()
    period = Period(dt.date(today.year, 1, 1), today)

    result = registry.get("PLAN_TASKS").compute(period)
    items, _as_of = planning.work_items_in_period(period.start, period.end)

    assert result.total == items.count() == 4
    assert sorted(s.pk for s in result.sources) == sorted(i.pk for i in items)
    assert {s.model for s in result.sources} == {"planning.workitem"}
    assert result.value_of(status=WorkStatus.OVERDUE.label) == 1
    assert result.value_of(unit="Sở Ngoại vụ tỉnh Thử Nghiệm") == 1
