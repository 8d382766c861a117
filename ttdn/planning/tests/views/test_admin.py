"""The admin forms save through the services: a plan with its content areas, a
task assigned to a group, a progress report of a focal point and its review, a
plan issued through its action page."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from ttdn.planning.choices import PlanStatus, ReportStatus
from ttdn.planning.models import Plan, ProgressReport, Task, WorkItem
from ttdn.planning.tests.factories import issue, make_plan, make_task

pytestmark = pytest.mark.django_db


def inline(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
        data[f"{prefix}-{index}-DELETE"] = ""
        data[f"{prefix}-{index}-id"] = ""
    return data


def test_an_officer_creates_a_plan_with_content_areas(client, world):
    client.force_login(world.officer)
    response = client.post(
        reverse("planning_plans:add"),
        {
            "title": "Kế hoạch thông tin đối ngoại năm 2027",
            "term": "annual",
            "start_year": "2027",
            "end_year": "2027",
            "code": "KH-UBND",
            "issuer": world.ubnd.pk,
            "purpose": "Quảng bá hình ảnh tỉnh.",
            **inline("content_areas", [{"title": "Tập huấn", "description": ""}]),
        },
    )
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert (plan.status, plan.created_by) == (PlanStatus.DRAFT, world.officer)
    assert [a.title for a in plan.content_areas.all()] == ["Tập huấn"]


def test_a_refused_plan_shows_the_message_on_its_field(client, world):
    client.force_login(world.officer)
    response = client.post(
        reverse("planning_plans:add"),
        {
            "title": "Kế hoạch",
            "term": "annual",
            "start_year": "2027",
            "end_year": "2028",
            "code": "KH-UBND",
            "issuer": world.ubnd.pk,
            "purpose": "x",
            **inline("content_areas", []),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end_year"] == [
        "Năm cuối: kế hoạch hằng năm chỉ có một năm; nhập lại năm đầu."
    ]
    assert Plan.objects.count() == 0


def test_an_officer_assigns_a_task_to_all_commune_committees(client, world):
    plan = make_plan(world)
    client.force_login(world.officer)
    response = client.post(
        reverse("planning_tasks:add"),
        {
            "plan": plan.pk,
            "code": "4.1",
            "title": "Tuyên truyền biên giới",
            "recurrence": "",
            "due_date": "30/09/2026",
            "assigned_on": "01/03/2026",
            "due_days_after_period": "0",
            "lead_groups": ["commune_pcs"],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    task = Task.objects.get()
    assert task.due_date == dt.date(2026, 9, 30)
    assert sorted(a.organisation.name for a in task.assignments.all()) == [
        "Ủy ban nhân dân phường Hòa Bình",
        "Ủy ban nhân dân xã Bình An",
    ]


def test_a_focal_point_reports_and_an_officer_accepts(client, world):
    plan = make_plan(world)
    task = make_task(world, plan, due_date=timezone.localdate())
    issue(plan)
    item = WorkItem.objects.get(task=task)

    client.force_login(world.focal)
    response = client.post(
        reverse("planning_reports:add"),
        {
            "work_item": item.pk,
            "period_start": "",
            "period_end": "",
            "summary": "Đã phát hành ấn phẩm.",
            "is_final": "on",
            **inline(
                "figures", [{"label": "Ấn phẩm", "value": "2000", "unit": "cuốn"}]
            ),
            **inline("attachments", []),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    report = ProgressReport.objects.get()
    assert (report.submitted_by, report.figures.get().value) == (world.focal, 2000)

    client.force_login(world.officer)
    response = client.post(
        reverse("planning_reports:review", args=[report.pk]),
        {"decision": "accept", "comment": "Đạt yêu cầu."},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    item.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    assert item.accepted_on == timezone.localdate()


def test_returning_without_a_comment_is_refused(client, world):
    plan = make_plan(world)
    task = make_task(world, plan, due_date=timezone.localdate())
    issue(plan)
    from ttdn.planning import services

    report = services.progress_report_submit(
        work_item=WorkItem.objects.get(task=task), user=world.focal, summary="x"
    )
    client.force_login(world.officer)
    response = client.post(
        reverse("planning_reports:review", args=[report.pk]), {"decision": "return"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["comment"] == [
        "Ý kiến: nêu lý do trả lại báo cáo."
    ]
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_a_plan_is_issued_from_its_action_page(client, world):
    plan = make_plan(world)
    make_task(world, plan)
    client.force_login(world.officer)
    response = client.post(
        reverse("planning_plans:transition", args=[plan.pk, "issue"]),
        {"number": "51", "issued_on": "27/03/2026", "note": ""},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.document_number) == (PlanStatus.ISSUED, "51/KH-UBND")
    page = client.get(
        reverse("planning_plans:inspect", args=[plan.pk])
    ).content.decode()
    assert "51/KH-UBND" in page
    assert "Biên soạn ấn phẩm giới thiệu tỉnh" in page
