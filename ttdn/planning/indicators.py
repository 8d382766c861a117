"""Planning's indicators (found by the reports registry, docs/reports.md)."""

from ttdn.core.indicators import Dimension, Observation, indicator

from . import selectors
from .choices import MeetingKind, WorkStatus


@indicator(
    code="PLAN_TASKS",
    name_vi="Nhiệm vụ được giao theo tình trạng thực hiện",
    name_en="Assigned tasks by status",
    unit_vi="lượt nhiệm vụ",
    unit_en="task assignments",
    dimensions=(
        Dimension("status", "tình trạng", "status"),
        Dimension("unit", "đơn vị chủ trì", "lead unit"),
        Dimension("plan", "kế hoạch", "plan"),
    ),
    description_vi=(
        "Mỗi đơn vị chủ trì, mỗi kỳ của nhiệm vụ là một lượt. Tính các lượt đã "
        "giao đến cuối kỳ báo cáo (hoặc đến hôm nay nếu kỳ chưa kết thúc), trừ "
        "lượt đã được xác nhận hoàn thành trước kỳ; tình trạng xác định tại ngày "
        "đó theo 4 nhóm: hoàn thành đúng hạn, hoàn thành quá hạn, chưa hoàn thành "
        "nhưng còn hạn, chưa hoàn thành và quá hạn."
    ),
    description_en=(
        "One per lead unit and occurrence of a task: the work assigned by the end "
        "of the period (or today while it runs), less the work accepted as done "
        "before it began, in its status on that day."
    ),
)
def plan_tasks(period):
    items, _as_of = selectors.work_items_in_period(period.start, period.end)
    for item in items.order_by("due_date", "pk"):
        plan = item.task.plan
        yield Observation.of(
            item,
            status=WorkStatus(item.status).label,
            unit=item.assignment.organisation.name,
            plan=plan.document_number if plan and plan.number else (plan or "—"),
        )


@indicator(
    code="STEERING_MEETINGS",
    name_vi="Cuộc họp, hội nghị của Ban Chỉ đạo",
    name_en="Steering-committee meetings",
    unit_vi="cuộc",
    unit_en="meetings",
    dimensions=(Dimension("kind", "loại", "kind"),),
)
def steering_meetings(period):
    for meeting in selectors.meetings_between(period.start, period.end):
        yield Observation.of(meeting, kind=MeetingKind(meeting.kind).label)
