"""Plans: creation and the explicit status actions with their history."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from ttdn.core import workflow
from ttdn.planning import services
from ttdn.planning.choices import PlanStatus, PlanTerm
from ttdn.planning.models import Plan
from ttdn.planning.tests.factories import history, issue, make_plan, make_task

pytestmark = pytest.mark.django_db


def test_a_new_plan_is_a_draft_with_its_content_areas_and_history(world):
    plan = make_plan(
        world, areas=("Cung cấp thông tin", "Tập huấn"), user=world.officer
    )

    assert plan.status == PlanStatus.DRAFT
    assert plan.document_number == "…/KH-UBND"
    assert list(plan.content_areas.values_list("title", flat=True)) == [
        "Cung cấp thông tin",
        "Tập huấn",
    ]
    assert history(plan) == [("", "draft", "")]
    assert workflow.history(plan).get().user == world.officer


def test_an_annual_plan_covers_one_year(world):
    with pytest.raises(ValidationError) as caught:
        services.plan_create(
            title="Kế hoạch",
            term=PlanTerm.ANNUAL,
            start_year=2026,
            end_year=2027,
            code="KH-UBND",
            issuer=world.ubnd,
            purpose="Mục đích",
            user=world.officer,
        )
    assert caught.value.message_dict["end_year"] == [
        "Năm cuối: kế hoạch hằng năm chỉ có một năm; nhập lại năm đầu."
    ]
    assert Plan.objects.count() == 0


def test_a_plan_goes_through_consultation_and_is_issued_under_its_number(world):
    plan = make_plan(world)
    make_task(world, plan)

    services.plan_submit_for_consultation(plan, user=world.officer, note="Gửi các sở")
    services.plan_issue(
        plan, number=51, issued_on=dt.date(2026, 3, 27), user=world.officer
    )
    services.plan_start_execution(plan, user=world.officer)
    services.plan_close(plan, user=world.officer, note="Hết năm")

    plan.refresh_from_db()
    assert plan.status == PlanStatus.CLOSED
    assert plan.document_number == "51/KH-UBND"
    assert plan.issued_on == dt.date(2026, 3, 27)
    assert history(plan) == [
        ("", "draft", ""),
        ("draft", "consulting", "Gửi các sở"),
        ("consulting", "issued", ""),
        ("issued", "in_execution", ""),
        ("in_execution", "closed", "Hết năm"),
    ]


def test_a_plan_cannot_jump_from_draft_to_execution(world):
    plan = make_plan(world)

    with pytest.raises(ValidationError) as caught:
        services.plan_start_execution(plan, user=world.officer)

    assert caught.value.messages == [
        "Không thể “Bắt đầu thực hiện” khi hồ sơ đang ở trạng thái “dự thảo”; thao "
        "tác này áp dụng cho: đã ban hành."
    ]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    assert len(history(plan)) == 1


def test_a_plan_without_tasks_is_not_issued(world):
    plan = make_plan(world)

    with pytest.raises(ValidationError) as caught:
        issue(plan)

    assert caught.value.message_dict["__all__"] == [
        "Kế hoạch chưa có nhiệm vụ nào: hãy thêm nhiệm vụ trước."
    ]
    plan.refresh_from_db()
    assert (plan.status, plan.number) == (PlanStatus.DRAFT, None)


def test_a_number_is_used_once_per_year_and_code(world):
    first = make_plan(world, title="Kế hoạch A")
    make_task(world, first)
    issue(first, number=51)
    second = make_plan(world, title="Kế hoạch B")
    make_task(world, second)

    with pytest.raises(ValidationError) as caught:
        issue(second, number=51)

    assert caught.value.message_dict["number"] == [
        "Số văn bản: 51/KH-UBND đã được dùng trong năm 2026 cho “Kế hoạch A”."
    ]
    second.refresh_from_db()
    assert (second.status, second.number) == (PlanStatus.DRAFT, None)
    # Another year may use it again.
    issue(second, number=51, issued_on=dt.date(2025, 12, 30))
    second.refresh_from_db()
    assert second.document_number == "51/KH-UBND"


def test_an_issued_plan_keeps_its_text(world):
    plan = make_plan(world)
    make_task(world, plan)
    issue(plan)
    plan.title = "Tiêu đề khác"

    with pytest.raises(ValidationError) as caught:
        services.plan_save(plan, user=world.officer)

    assert caught.value.messages == [
        "Kế hoạch này đang ở trạng thái “đã ban hành”: không thể sửa nội dung nữa "
        "(chỉ có thể đính kèm văn bản đã ký)."
    ]
    plan.refresh_from_db()
    assert plan.title == "Kế hoạch thông tin đối ngoại năm 2026"


def test_only_drafts_are_deleted(world):
    draft = make_plan(world, title="Dự thảo")
    make_task(world, draft)
    issued = make_plan(world, title="Đã ban hành")
    make_task(world, issued)
    issue(issued)

    services.plan_delete(draft, user=world.officer)
    with pytest.raises(ValidationError):
        services.plan_delete(issued, user=world.officer)

    assert list(Plan.objects.values_list("title", flat=True)) == ["Đã ban hành"]
