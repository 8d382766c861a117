"""Progress reports: submitted by the assigned unit, accepted or returned by an
officer; acceptance of a completion report makes the work done."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from ttdn.planning import services
from ttdn.planning.choices import ReportStatus, WorkStatus
from ttdn.planning.models import ProgressReport, WorkItem
from ttdn.planning.tests.factories import issue, make_plan, make_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(world):
    plan = make_plan(world)
    task = make_task(world, plan, due_date=timezone.localdate())
    issue(plan)
    return WorkItem.objects.get(task=task)


def test_the_unit_reports_with_figures(world, item):
    report = services.progress_report_submit(
        work_item=item,
        user=world.focal,
        summary="Đã phát hành 2.000 cuốn sách ảnh.",
        figures=[("Sách ảnh", 2000, "cuốn")],
    )

    assert report.status == ReportStatus.SUBMITTED
    assert report.submitted_by == world.focal
    assert (report.period_start, report.period_end) == (
        dt.date(2026, 1, 15),
        timezone.localdate(),
    )
    assert [(f.label, f.value, f.unit) for f in report.figures.all()] == [
        ("Sách ảnh", 2000, "cuốn")
    ]


def test_another_unit_cannot_report(world, item):
    with pytest.raises(ValidationError) as caught:
        services.progress_report_submit(
            work_item=item, user=world.other_focal, summary="Không phải việc của tôi."
        )
    assert caught.value.message_dict["work_item"] == [
        "Nhiệm vụ và kỳ: anh/chị chỉ báo cáo được nhiệm vụ của cơ quan, đơn vị mình."
    ]
    assert ProgressReport.objects.count() == 0


def test_a_steering_member_reads_but_does_not_report(world, item):
    with pytest.raises(ValidationError):
        services.progress_report_submit(
            work_item=item, user=world.steering, summary="x"
        )
    assert ProgressReport.objects.count() == 0


def test_accepting_a_completion_report_on_the_due_date_makes_it_done_on_time(
    world, item
):
    report = services.progress_report_submit(
        work_item=item, user=world.focal, summary="Hoàn thành.", is_final=True
    )
    services.progress_report_accept(report, user=world.officer, comment="Tốt.")

    item.refresh_from_db()
    report.refresh_from_db()
    today = timezone.localdate()
    assert (item.completed_on, item.accepted_on) == (today, today)
    assert item.status_on(today) == WorkStatus.DONE_ON_TIME
    assert (report.status, report.reviewed_by, report.review_comment) == (
        ReportStatus.ACCEPTED,
        world.officer,
        "Tốt.",
    )


def test_work_reported_one_day_after_its_due_date_is_done_late(world):
    plan = make_plan(world)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    task = make_task(
        world, plan, due_date=yesterday, assigned_on=yesterday - dt.timedelta(days=30)
    )
    issue(plan)
    item = WorkItem.objects.get(task=task)
    assert item.status_on(timezone.localdate()) == WorkStatus.OVERDUE

    report = services.progress_report_submit(
        work_item=item, user=world.focal, summary="Xong.", is_final=True
    )
    services.progress_report_accept(report, user=world.officer)

    item.refresh_from_db()
    assert item.status_on(timezone.localdate()) == WorkStatus.DONE_LATE


def test_an_interim_report_does_not_complete_the_work(world, item):
    report = services.progress_report_submit(
        work_item=item, user=world.focal, summary="Đang thực hiện."
    )
    services.progress_report_accept(report, user=world.officer)
    item.refresh_from_db()
    assert (item.completed_on, item.accepted_on) == (None, None)


def test_returning_needs_a_reason_and_the_unit_resubmits(world, item):
    report = services.progress_report_submit(
        work_item=item, user=world.focal, summary="Xong.", is_final=True
    )
    with pytest.raises(ValidationError) as caught:
        services.progress_report_return(report, user=world.officer, comment="  ")
    assert caught.value.message_dict["comment"] == [
        "Ý kiến: hãy nêu lý do “Trả lại để hoàn thiện”."
    ]
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED

    services.progress_report_return(
        report, user=world.officer, comment="Thiếu số liệu."
    )
    report.refresh_from_db()
    assert (report.status, report.review_comment) == (
        ReportStatus.RETURNED,
        "Thiếu số liệu.",
    )

    report.summary = "Xong, kèm số liệu."
    services.progress_report_save(report, user=world.focal)
    report.refresh_from_db()
    assert (report.status, report.reviewed_by) == (ReportStatus.SUBMITTED, None)


def test_only_officers_review(world, item):
    report = services.progress_report_submit(
        work_item=item, user=world.focal, summary="Xong.", is_final=True
    )
    with pytest.raises(ValidationError):
        services.progress_report_accept(report, user=world.focal)
    report.refresh_from_db()
    item.refresh_from_db()
    assert (report.status, item.accepted_on) == (ReportStatus.SUBMITTED, None)


def test_accepted_work_takes_no_more_reports_and_its_report_is_fixed(world, item):
    report = services.progress_report_submit(
        work_item=item, user=world.focal, summary="Xong.", is_final=True
    )
    services.progress_report_accept(report, user=world.officer)

    report.summary = "Sửa lại"
    with pytest.raises(ValidationError):
        services.progress_report_save(report, user=world.focal)
    with pytest.raises(ValidationError) as caught:
        services.progress_report_submit(
            work_item=item, user=world.focal, summary="Thêm"
        )
    assert list(caught.value.message_dict) == ["work_item"]
    assert ProgressReport.objects.count() == 1
    report.refresh_from_db()
    assert report.summary == "Xong."


def test_a_draft_plan_takes_no_reports(world):
    plan = make_plan(world)
    task = make_task(world, plan)
    item = WorkItem.objects.get(task=task)
    with pytest.raises(ValidationError):
        services.progress_report_submit(work_item=item, user=world.focal, summary="x")
    assert ProgressReport.objects.count() == 0
