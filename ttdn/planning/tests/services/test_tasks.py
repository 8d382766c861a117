"""Tasks: schedule, assignment to units and groups (after the 2025
reorganisation there are no district units), and what reports protect."""

import datetime as dt
from dataclasses import replace

from django.core.exceptions import ValidationError

import pytest

from ttdn.planning import services
from ttdn.planning.choices import AssignmentGroup, Recurrence
from ttdn.planning.models import Task, TaskAssignment, WorkItem
from ttdn.planning.tests.factories import issue, make_plan, make_task

pytestmark = pytest.mark.django_db


def _assigned(task):
    return sorted(
        (a.organisation.name, a.role, a.via_group)
        for a in task.assignments.select_related("organisation")
    )


def test_a_one_off_task_gives_each_lead_unit_one_work_item(world):
    plan = make_plan(world)
    task = make_task(
        world,
        plan,
        lead_organisations=[world.svh, world.sngv],
        support_organisations=[world.ubnd],
        due_date=dt.date(2026, 6, 30),
    )

    assert _assigned(task) == [
        ("Sở Ngoại vụ tỉnh Thử Nghiệm", "lead", ""),
        ("Sở Văn hóa, Thể thao và Du lịch tỉnh Thử Nghiệm", "lead", ""),
        ("Ủy ban nhân dân tỉnh Thử Nghiệm", "support", ""),
    ]
    items = WorkItem.objects.filter(task=task).order_by(
        "assignment__organisation__name"
    )
    assert [(i.assignment.organisation.short_code, i.due_date) for i in items] == [
        ("SNgV", dt.date(2026, 6, 30)),
        ("SVHTTDL", dt.date(2026, 6, 30)),
    ]


def test_all_commune_committees_after_2025_are_the_communes_not_the_district(world):
    plan = make_plan(world)
    task = make_task(
        world,
        plan,
        lead_organisations=[],
        lead_groups=[AssignmentGroup.COMMUNE_PCS],
        assigned_on=dt.date(2026, 2, 1),
    )

    assert _assigned(task) == [
        ("Ủy ban nhân dân phường Hòa Bình", "lead", "commune_pcs"),
        ("Ủy ban nhân dân xã Bình An", "lead", "commune_pcs"),
    ]
    assert not TaskAssignment.objects.filter(organisation=world.district_pc).exists()
    assert WorkItem.objects.filter(task=task).count() == 2


def test_all_departments_is_the_departments_valid_on_the_assignment_day(world):
    plan = make_plan(world)
    task = make_task(
        world,
        plan,
        lead_organisations=[world.sngv],
        support_groups=[AssignmentGroup.DEPARTMENTS],
    )

    # The lead keeps its role; the other department supports.
    assert _assigned(task) == [
        ("Sở Ngoại vụ tỉnh Thử Nghiệm", "lead", ""),
        ("Sở Văn hóa, Thể thao và Du lịch tỉnh Thử Nghiệm", "support", "departments"),
    ]


def test_district_committees_exist_only_before_july_2025(world):
    plan = make_plan(world, year=2025)
    before = make_task(
        world,
        plan,
        lead_organisations=[],
        lead_groups=[AssignmentGroup.DISTRICT_PCS],
        assigned_on=dt.date(2025, 3, 1),
        due_date=dt.date(2025, 6, 30),
    )
    assert _assigned(before) == [("Ủy ban nhân dân huyện Cũ", "lead", "district_pcs")]

    with pytest.raises(ValidationError) as caught:
        make_task(
            world,
            plan,
            title="Sau sắp xếp",
            lead_organisations=[],
            lead_groups=[AssignmentGroup.DISTRICT_PCS],
            assigned_on=dt.date(2025, 7, 1),
            due_date=dt.date(2025, 12, 31),
        )
    assert caught.value.message_dict["lead_groups"] == [
        "Tất cả Ủy ban nhân dân cấp huyện (đến năm 2025): không có cơ quan nào của "
        "nhóm này còn hiệu lực vào ngày 01/07/2025. Ủy ban nhân dân cấp huyện đã "
        "kết thúc hoạt động từ 30/06/2025; hãy giao cho Ủy ban nhân dân cấp xã."
    ]
    assert not Task.objects.filter(title="Sau sắp xếp").exists()


def test_an_ended_organisation_cannot_be_assigned(world):
    plan = make_plan(world)
    with pytest.raises(ValidationError) as caught:
        make_task(world, plan, lead_organisations=[world.district_pc])
    assert caught.value.message_dict["lead_organisations"] == [
        "Đơn vị chủ trì: “Ủy ban nhân dân huyện Cũ” không còn hiệu lực vào ngày giao "
        "(15/01/2026)."
    ]
    assert Task.objects.count() == 0


def test_a_task_needs_a_deadline_or_a_recurrence_and_a_lead(world):
    plan = make_plan(world)
    with pytest.raises(ValidationError) as caught:
        make_task(world, plan, due_date=None, lead_organisations=[])
    assert caught.value.message_dict == {
        "due_date": ["Hạn hoàn thành: nhập thời hạn, hoặc chọn cách nhiệm vụ lặp lại."],
        "lead_organisations": [
            "Đơn vị chủ trì: chọn ít nhất một đơn vị chủ trì hoặc một nhóm đơn vị."
        ],
    }


def test_a_quarterly_task_has_a_work_item_per_quarter_and_unit(world):
    plan = make_plan(world)
    task = make_task(
        world,
        plan,
        due_date=None,
        recurrence=Recurrence.QUARTERLY,
        starts_on=dt.date(2026, 1, 1),
        due_days_after_period=10,
        lead_organisations=[world.svh, world.sngv],
    )

    assert [(o.sequence, o.due_date) for o in task.occurrences.all()] == [
        (1, dt.date(2026, 4, 10)),
        (2, dt.date(2026, 7, 10)),
        (3, dt.date(2026, 10, 10)),
        (4, dt.date(2027, 1, 10)),
    ]
    assert task.ends_on == dt.date(2026, 12, 31)  # the plan's last day
    assert WorkItem.objects.filter(task=task).count() == 8


def test_changing_the_schedule_moves_the_due_dates_of_unreported_work(world):
    plan = make_plan(world)
    task = make_task(world, plan, due_date=dt.date(2026, 6, 30))

    data = replace(services.task_input_from(task), due_date=dt.date(2026, 7, 15))
    services.task_save(data, task=task, user=world.officer)

    assert list(
        WorkItem.objects.filter(task=task).values_list("due_date", flat=True)
    ) == [dt.date(2026, 7, 15)]


def test_a_unit_that_reported_stays_on_the_task(world):
    plan = make_plan(world)
    task = make_task(world, plan, due_date=dt.date(2030, 6, 30))
    issue(plan)
    item = WorkItem.objects.get(task=task)
    services.progress_report_submit(
        work_item=item, user=world.focal, summary="Đã xây dựng đề cương."
    )

    data = replace(services.task_input_from(task), lead_organisations=[world.sngv])
    with pytest.raises(ValidationError) as caught:
        services.task_save(data, task=task, user=world.officer)

    assert caught.value.message_dict["lead_organisations"] == [
        "Đơn vị chủ trì: “Sở Văn hóa, Thể thao và Du lịch tỉnh Thử Nghiệm” đã gửi báo "
        "cáo về nhiệm vụ này; đơn vị vẫn là đơn vị chủ trì."
    ]
    assert _assigned(task) == [
        ("Sở Văn hóa, Thể thao và Du lịch tỉnh Thử Nghiệm", "lead", "")
    ]
    with pytest.raises(ValidationError):
        services.task_delete(task, user=world.officer)
    assert Task.objects.filter(pk=task.pk).exists()


def test_a_closed_plan_takes_no_new_task(world):
    plan = make_plan(world)
    make_task(world, plan)
    issue(plan)
    services.plan_close(plan, user=world.officer)
    with pytest.raises(ValidationError) as caught:
        make_task(world, plan, title="Muộn")
    assert list(caught.value.message_dict) == ["plan"]
    assert plan.tasks.count() == 1
