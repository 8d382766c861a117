"""Reports test data: a plan with work in each of the four status groups around
today, through the planning services."""

import datetime as dt

from django.utils import timezone

from ttdn.planning import services as planning
from ttdn.planning.models import WorkItem
from ttdn.planning.tests.factories import make_plan, make_task


def make_tasks_in_every_status(world):
    """Four work items on today: done on time (SNgV), done late (SVHTTDL),
    within the deadline (commune A), overdue (commune B)."""
    today = timezone.localdate()
    plan = make_plan(world, year=today.year)
    assigned = today - dt.timedelta(days=40)
    past = today - dt.timedelta(days=10)
    on_time = make_task(
        world,
        plan,
        title="Cung cấp thông tin cho báo chí",
        code="1.1",
        due_date=past,
        assigned_on=assigned,
        lead_organisations=[world.sngv, world.svh],
    )
    make_task(
        world,
        plan,
        title="Tuyên truyền biên giới",
        code="2.1",
        due_date=today + dt.timedelta(days=20),
        assigned_on=assigned,
        lead_organisations=[world.commune_a],
    )
    make_task(
        world,
        plan,
        title="Tập huấn nghiệp vụ",
        code="3.1",
        due_date=past,
        assigned_on=assigned,
        lead_organisations=[world.commune_b],
    )
    planning.plan_issue(plan, number=18, issued_on=assigned, user=world.officer)
    planning.plan_start_execution(plan, user=world.officer)
    for organisation, submitted in (
        (world.sngv, past - dt.timedelta(days=1)),
        (world.svh, past + dt.timedelta(days=2)),
    ):
        item = WorkItem.objects.get(task=on_time, assignment__organisation=organisation)
        report = planning.progress_report_submit(
            work_item=item,
            user=world.officer,
            summary="Hoàn thành.",
            is_final=True,
            submitted_at=dt.datetime.combine(
                submitted, dt.time(9), tzinfo=timezone.get_current_timezone()
            ),
        )
        planning.progress_report_accept(report, user=world.officer, on=submitted)
    return plan
