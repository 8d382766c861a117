"""The four-way status computed in the database equals the pure rule, on any day;
what a reporting period accounts for; status by unit."""

import datetime as dt

from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ttdn.planning import selectors
from ttdn.planning.choices import Recurrence, WorkStatus
from ttdn.planning.models import WorkItem
from ttdn.planning.schedule import classify
from ttdn.planning.tests.factories import issue, make_plan, make_task

pytestmark = pytest.mark.django_db

BASE = dt.date(2026, 6, 30)
offsets = st.integers(min_value=-5, max_value=5)


@pytest.fixture
def item(world):
    plan = make_plan(world)
    task = make_task(world, plan, due_date=BASE, assigned_on=dt.date(2026, 1, 10))
    issue(plan)
    return WorkItem.objects.get(task=task)


# The work item is only updated between examples, never created again.
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    as_of=offsets,
    completed=st.one_of(st.none(), offsets),
    accepted_after=st.integers(min_value=0, max_value=3),
)
def test_database_status_equals_the_rule(item, as_of, completed, accepted_after):
    completed_on = (
        BASE + dt.timedelta(days=completed) if completed is not None else None
    )
    accepted_on = (
        completed_on + dt.timedelta(days=accepted_after) if completed_on else None
    )
    WorkItem.objects.filter(pk=item.pk).update(
        completed_on=completed_on, accepted_on=accepted_on
    )
    day = BASE + dt.timedelta(days=as_of)

    [found] = selectors.work_items_on(day, queryset=WorkItem.objects.filter(pk=item.pk))

    assert found.status == classify(
        due_date=BASE, as_of=day, completed_on=completed_on, accepted_on=accepted_on
    )


def test_boundaries_in_the_database(item):
    qs = WorkItem.objects.filter(pk=item.pk)
    # Due today, not done: within the deadline; the next day: overdue.
    assert selectors.work_items_on(BASE, queryset=qs).get().status == (
        WorkStatus.WITHIN_DEADLINE
    )
    assert selectors.work_items_on(
        BASE + dt.timedelta(days=1), queryset=qs
    ).get().status == (WorkStatus.OVERDUE)
    # Done one day late.
    qs.update(
        completed_on=BASE + dt.timedelta(days=1),
        accepted_on=BASE + dt.timedelta(days=1),
    )
    assert selectors.work_items_on(
        BASE + dt.timedelta(days=2), queryset=qs
    ).get().status == (WorkStatus.DONE_LATE)


def test_recurring_work_has_a_status_per_occurrence(world):
    plan = make_plan(world)
    task = make_task(
        world,
        plan,
        due_date=None,
        recurrence=Recurrence.QUARTERLY,
        starts_on=dt.date(2026, 1, 1),
        assigned_on=dt.date(2026, 1, 1),
        due_days_after_period=10,
    )
    issue(plan)
    q1, q2 = WorkItem.objects.filter(task=task).order_by("due_date")[:2]
    WorkItem.objects.filter(pk=q1.pk).update(
        completed_on=dt.date(2026, 4, 9), accepted_on=dt.date(2026, 4, 12)
    )

    on = {
        item.occurrence.sequence: item.status
        for item in selectors.work_items_on(
            dt.date(2026, 7, 11), queryset=WorkItem.objects.filter(task=task)
        )
    }

    # Q1 done on time, Q2 (due 10/07) overdue, Q3 begun on 01/07 and within
    # its deadline; Q4 has not begun and does not count yet.
    assert on == {
        1: WorkStatus.DONE_ON_TIME,
        2: WorkStatus.OVERDUE,
        3: WorkStatus.WITHIN_DEADLINE,
    }


def test_a_period_counts_open_work_carried_over_but_not_work_done_before(world):
    plan = make_plan(world, year=2025)
    done_before = make_task(
        world,
        plan,
        title="Xong từ năm trước",
        due_date=dt.date(2025, 11, 30),
        assigned_on=dt.date(2025, 8, 1),
    )
    carried = make_task(
        world,
        plan,
        title="Còn tồn",
        due_date=dt.date(2025, 12, 15),
        assigned_on=dt.date(2025, 8, 1),
    )
    issue(plan, issued_on=dt.date(2025, 7, 30))
    WorkItem.objects.filter(task=done_before).update(
        completed_on=dt.date(2025, 11, 20), accepted_on=dt.date(2025, 11, 25)
    )

    items, as_of = selectors.work_items_in_period(
        dt.date(2026, 1, 1), dt.date(2026, 6, 30)
    )

    assert as_of == min(dt.date(2026, 6, 30), timezone.localdate())
    assert [(i.task.title, i.status) for i in items] == [
        ("Còn tồn", WorkStatus.OVERDUE)
    ]
    assert WorkItem.objects.filter(task=carried).count() == 1


def test_tasks_of_a_draft_plan_do_not_count(world):
    plan = make_plan(world)
    make_task(world, plan)
    assert selectors.work_items_on(dt.date(2026, 3, 1)).count() == 0


def test_status_by_unit(world):
    plan = make_plan(world)
    make_task(world, plan, lead_organisations=[world.svh, world.sngv], due_date=BASE)
    make_task(
        world,
        plan,
        title="Khác",
        lead_organisations=[world.svh],
        due_date=dt.date(2026, 2, 1),
    )
    issue(plan)

    rows = selectors.status_by_unit(selectors.work_items_on(dt.date(2026, 3, 1)))

    assert [(r.organisation.short_code, dict(r.counts), r.total) for r in rows] == [
        (
            "SNgV",
            {"done_on_time": 0, "done_late": 0, "within_deadline": 1, "overdue": 0},
            1,
        ),
        (
            "SVHTTDL",
            {"done_on_time": 0, "done_late": 0, "within_deadline": 1, "overdue": 1},
            2,
        ),
    ]
