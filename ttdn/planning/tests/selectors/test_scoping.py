"""Who sees what: focal points their own organisation's tasks and reports;
officers and steering-committee members everything."""

import datetime as dt

import pytest

from ttdn.planning import selectors, services
from ttdn.planning.models import WorkItem
from ttdn.planning.tests.factories import issue, make_plan, make_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(world):
    plan = make_plan(world)
    own = make_task(world, plan, title="Của Sở Văn hóa", lead_organisations=[world.svh])
    supported = make_task(
        world,
        plan,
        title="Sở Văn hóa phối hợp",
        lead_organisations=[world.sngv],
        support_organisations=[world.svh],
    )
    other = make_task(world, plan, title="Của xã", lead_organisations=[world.commune_a])
    draft = make_plan(world, title="Dự thảo")
    make_task(world, draft, title="Trong dự thảo", lead_organisations=[world.svh])
    issue(plan)
    return own, supported, other


def titles(queryset):
    return sorted(t.title for t in queryset)


def test_a_focal_point_sees_the_issued_tasks_of_their_organisation(world, tasks):
    assert titles(selectors.tasks_for(world.focal)) == [
        "Của Sở Văn hóa",
        "Sở Văn hóa phối hợp",
    ]
    assert [p.title for p in selectors.plans_for(world.focal)] == [
        "Kế hoạch thông tin đối ngoại năm 2026"
    ]
    assert titles(selectors.tasks_for(world.other_focal)) == ["Của xã"]


def test_officers_and_steering_members_see_everything(world, tasks):
    everything = ["Của Sở Văn hóa", "Của xã", "Sở Văn hóa phối hợp", "Trong dự thảo"]
    assert titles(selectors.tasks_for(world.officer)) == everything
    assert titles(selectors.tasks_for(world.steering)) == everything
    assert selectors.plans_for(world.steering).count() == 2


def test_users_without_a_role_or_organisation_see_nothing(world, tasks):
    assert selectors.tasks_for(world.no_role).count() == 0
    world.focal.organisation = None
    world.focal.save()
    assert selectors.tasks_for(world.focal).count() == 0


def test_a_focal_point_reports_only_on_work_their_organisation_leads(world, tasks):
    own, supported, other = tasks
    reportable = selectors.reportable_work_items(world.focal)
    assert [i.task.title for i in reportable] == ["Của Sở Văn hóa"]
    assert selectors.reportable_work_items(world.steering).count() == 0
    assert selectors.reportable_work_items(world.officer).count() == 3


def test_a_focal_point_sees_only_their_organisations_reports(world, tasks):
    own, _supported, other = tasks
    services.progress_report_submit(
        work_item=WorkItem.objects.get(task=own), user=world.focal, summary="A"
    )
    services.progress_report_submit(
        work_item=WorkItem.objects.get(task=other), user=world.other_focal, summary="B"
    )
    assert [r.summary for r in selectors.progress_reports_for(world.focal)] == ["A"]
    assert sorted(
        r.summary for r in selectors.progress_reports_for(world.steering)
    ) == ["A", "B"]


def test_work_of_an_ended_body_stays_visible_to_its_successor(world):
    # A 2025 task of the district committee, split between the two communes:
    # rollup takes it to the provincial People's Committee, not to a commune.
    plan = make_plan(world, year=2025)
    make_task(
        world,
        plan,
        title="Của huyện",
        lead_organisations=[world.district_pc],
        assigned_on=dt.date(2025, 3, 1),
        due_date=dt.date(2025, 6, 30),
    )
    issue(plan, issued_on=dt.date(2025, 2, 20))
    assert titles(selectors.tasks_for(world.other_focal)) == []
