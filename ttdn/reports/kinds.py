"""Report templates (docs/reports.md#report-templates): what each kind of report
collects from the records of a period, the narrative it suggests, and how its
document (and spreadsheet) is laid out.

``collect(period)`` returns plain JSON data — the figures and the records they
came from. A draft is rendered from fresh data; an issued report keeps the data
it was issued with (``Report.figures``), so its document and spreadsheet can be
reproduced. Document text is Vietnamese: these are Vietnamese administrative
documents whatever language the interface uses.
"""

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ttdn.core.indicators import Period, registry
from ttdn.core.text import format_cell
from ttdn.planning import selectors as planning
from ttdn.planning.choices import LIVE_PLAN_STATUSES, MeetingKind, WorkStatus
from ttdn.planning.models import Plan

from .choices import ReportKind
from .documents.decree30 import Decree30Document
from .xlsx import task_status_workbook

STATUS_LABELS_VI = {
    WorkStatus.DONE_ON_TIME: "Hoàn thành đúng hạn",
    WorkStatus.DONE_LATE: "Hoàn thành quá hạn",
    WorkStatus.WITHIN_DEADLINE: "Chưa hoàn thành, còn hạn",
    WorkStatus.OVERDUE: "Chưa hoàn thành, quá hạn",
}
STATUS_KEYS = [str(s) for s in planning.STATUS_ORDER]
# How documents name the target groups of a task.
GROUP_NAMES_VI = {
    "departments": "các sở, ban, ngành",
    "commune_pcs": "Ủy ban nhân dân các xã, phường, đặc khu",
    "district_pcs": "Ủy ban nhân dân các huyện, thành phố",
}


class TemplateUnavailable(Exception):
    """The kind needs data from a part of the product that is not installed."""


def _day(value) -> str:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value:%d/%m/%Y}" if value else ""


def number_vi(value) -> str:
    return format_cell(value)


def percent(part: int, whole: int) -> str:
    if not whole:
        return "0%"
    value = round(100 * part / whole, 1)
    text = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text}%"


# --- data collection ------------------------------------------------------------
def _plans_for(period: Period) -> list[dict]:
    plans = Plan.objects.filter(
        status__in=LIVE_PLAN_STATUSES,
        start_year__lte=period.end.year,
        end_year__gte=period.start.year,
    ).order_by("issued_on", "pk")
    return [
        {
            "id": plan.pk,
            "number": plan.document_number,
            "title": plan.title,
            "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
            "issuer": plan.issuer.name,
        }
        for plan in plans.select_related("issuer")
    ]


def collect_tasks(period: Period) -> dict:
    items, as_of = planning.work_items_in_period(period.start, period.end)
    items = list(items.order_by("due_date", "task__code", "pk"))
    counts = planning.status_counts(items)
    by_unit = [
        {
            "unit": row.organisation.name,
            "unit_id": row.organisation.pk,
            "counts": {str(k): v for k, v in row.counts.items()},
            "total": row.total,
        }
        for row in planning.status_by_unit(items)
    ]
    details = [
        {
            "work_item": item.pk,
            "plan": item.task.plan.document_number
            if item.task.plan and item.task.plan.number
            else "",
            "code": item.task.code,
            "task": item.task.title,
            "task_id": item.task_id,
            "unit": item.assignment.organisation.name,
            "period": item.occurrence.label,
            "due": item.due_date.isoformat(),
            "status": str(item.status),
            "completed_on": item.completed_on.isoformat()
            if item.completed_on and item.accepted_on and item.accepted_on <= as_of
            else None,
        }
        for item in items
    ]
    return {
        "as_of": as_of.isoformat(),
        "counts": {str(k): v for k, v in counts.items()},
        "total": sum(counts.values()),
        "by_unit": by_unit,
        "items": details,
    }


def collect_ahead(period: Period) -> list[dict]:
    """Open work due in the following period of the same length (the next half
    year after a half-year review, the next year after an annual one)."""
    length = period.end - period.start
    start = period.end + dt.timedelta(days=1)
    end = start + length
    seen, result = set(), []
    items = (
        planning.work_items_on(max(end, planning.today()))
        .filter(due_date__gte=start, due_date__lte=end, accepted_on__isnull=True)
        .order_by("due_date", "task__code", "pk")
    )
    for item in items:
        if item.task_id in seen:
            continue
        seen.add(item.task_id)
        leads = item.task.assignments.filter(role="lead").select_related("organisation")
        groups = sorted({a.via_group for a in leads if a.via_group})
        units = [GROUP_NAMES_VI[g] for g in groups] + sorted(
            {a.organisation.name for a in leads if not a.via_group}
        )
        result.append(
            {"task": item.task.title, "due": item.due_date.isoformat(), "units": units}
        )
    return result


def collect_meetings(period: Period) -> list[dict]:
    return [
        {
            "id": meeting.pk,
            "date": meeting.held_on.isoformat(),
            "kind": str(MeetingKind(meeting.kind).label),
            "title": meeting.title,
            "conclusions": meeting.conclusions.count(),
            "tasks": sum(c.tasks.count() for c in meeting.conclusions.all()),
        }
        for meeting in planning.meetings_between(period.start, period.end)
    ]


def collect_indicators(period: Period, codes) -> dict:
    result = {}
    for code in codes:
        if code in registry:
            result[code] = registry.get(code).compute(period).as_dict()
    return result


def indicator_total(data: dict, code: str):
    found = data.get("indicators", {}).get(code)
    return None if found is None else found["total"]


def indicator_breakdown(data: dict, code: str, dimension: str) -> list[tuple[str, int]]:
    found = data.get("indicators", {}).get(code)
    if found is None:
        return []
    sums: dict[str, int] = {}
    for observation in found["observations"]:
        key = observation["dimensions"].get(dimension, "")
        sums[key] = sums.get(key, 0) + observation["value"]
    return sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))


# --- templates ------------------------------------------------------------------
@dataclass
class Narrative:
    intro: str = ""
    results: str = ""
    limitations: str = ""
    tasks_ahead: str = ""


class ReportTemplate:
    kind: str = ""
    doc_type = "Báo cáo"
    type_code = "BC"
    spreadsheet = False
    portal_codes = ("PORTAL_ARTICLES", "PORTAL_PAGE_VIEWS")
    affairs_codes: tuple = ()

    @property
    def label(self):
        return ReportKind(self.kind).label

    def check_available(self) -> None:
        """Raise :class:`TemplateUnavailable` when data this kind needs is missing."""

    def default_period(self, today: dt.date) -> Period:
        return Period.year(today.year)

    def default_subject(self, period: Period) -> str:
        raise NotImplementedError

    def collect(self, period: Period) -> dict:
        """The data of *period* (labels in Vietnamese: they go into documents)."""
        with translation.override("vi"):
            return self.gather(period)

    def gather(self, period: Period) -> dict:
        return {
            "kind": self.kind,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "generated_on": planning.today().isoformat(),
            "plans": _plans_for(period),
            "tasks": collect_tasks(period),
            "ahead": collect_ahead(period),
            "meetings": collect_meetings(period),
            "indicators": collect_indicators(
                period,
                (
                    "PLAN_TASKS",
                    "STEERING_MEETINGS",
                    *self.portal_codes,
                    *self.affairs_codes,
                ),
            ),
        }

    # --- narrative suggestions ---------------------------------------------------
    def suggest(self, data: dict, *, issuer_name: str) -> Narrative:
        period = period_of(data)
        return Narrative(
            intro=self.suggest_intro(data, period, issuer_name),
            results=self.suggest_results(data, period),
            limitations=self.suggest_limitations(data),
            tasks_ahead=self.suggest_tasks_ahead(data),
        )

    def suggest_intro(self, data, period, issuer_name) -> str:
        plans = data.get("plans", [])
        subject = issuer_name[:1].upper() + issuer_name[1:] if issuer_name else ""
        if plans:
            basis = "; ".join(
                f"Kế hoạch số {p['number']}"
                + (f" ngày {_day(p['issued_on'])}" if p["issued_on"] else "")
                + f" về {p['title'][:1].lower()}{p['title'][1:]}"
                for p in plans
            )
            return (
                f"Thực hiện {basis}, {subject} báo cáo kết quả thực hiện "
                f"{period_phrase(period)} như sau:"
            )
        return f"{subject} báo cáo kết quả thực hiện {period_phrase(period)} như sau:"

    def suggest_results(self, data, period) -> str:
        tasks = data["tasks"]
        counts = tasks["counts"]
        total = tasks["total"]
        lines = []
        if total:
            done = counts["done_on_time"] + counts["done_late"]
            lines.append(
                f"Các cơ quan, đơn vị được giao nhiệm vụ đã triển khai thực hiện; "
                f"đến ngày {_day(tasks['as_of'])}, "
                f"{number_vi(done)}/{number_vi(total)} "
                f"lượt nhiệm vụ đã hoàn thành ({percent(done, total)}), trong đó "
                f"{number_vi(counts['done_on_time'])} lượt hoàn thành đúng hạn."
            )
        meetings = data.get("meetings", [])
        if meetings:
            lines.append(
                f"Ban Chỉ đạo công tác thông tin đối ngoại tỉnh đã tổ chức "
                f"{number_vi(len(meetings))} cuộc họp, hội nghị để chỉ đạo, đôn đốc "
                f"triển khai nhiệm vụ."
            )
        return "\n".join(lines)

    def suggest_limitations(self, data) -> str:
        counts = data["tasks"]["counts"]
        lines = []
        if counts["overdue"]:
            units = sorted(
                {
                    row["unit"]
                    for row in data["tasks"]["by_unit"]
                    if row["counts"]["overdue"]
                }
            )
            lines.append(
                f"Còn {number_vi(counts['overdue'])} lượt nhiệm vụ chưa hoàn thành "
                f"và đã quá hạn, tại: {', '.join(units)}."
            )
        if counts["done_late"]:
            lines.append(
                f"{number_vi(counts['done_late'])} lượt nhiệm vụ hoàn thành nhưng "
                f"chậm so với thời hạn được giao."
            )
        return "\n".join(lines)

    def suggest_tasks_ahead(self, data) -> str:
        return "\n".join(
            f"{item['task']} (chủ trì: {', '.join(item['units'])}; hạn "
            f"{_day(item['due'])})."
            for item in data.get("ahead", [])
        )

    # --- document ----------------------------------------------------------------
    def build(self, document: Decree30Document, data: dict, narrative: Narrative):
        raise NotImplementedError

    def task_section(self, document, data: dict, *, level: int = 2, title=None):
        tasks = data["tasks"]
        counts = tasks["counts"]
        total = tasks["total"]
        document.heading(level, title or "Kết quả thực hiện các nhiệm vụ theo kế hoạch")
        if not total:
            document.paragraph(
                "Trong kỳ báo cáo không có nhiệm vụ nào được giao cho các cơ quan, "
                "đơn vị."
            )
            return
        document.paragraph(
            f"Tổng số {number_vi(total)} lượt nhiệm vụ (mỗi đơn vị chủ trì, mỗi kỳ "
            f"thực hiện là một lượt), tình hình đến ngày {_day(tasks['as_of'])}: "
            f"hoàn thành đúng hạn {number_vi(counts['done_on_time'])} "
            f"({percent(counts['done_on_time'], total)}); hoàn thành quá hạn "
            f"{number_vi(counts['done_late'])} ({percent(counts['done_late'], total)});"
            f" chưa hoàn thành nhưng còn hạn {number_vi(counts['within_deadline'])} "
            f"({percent(counts['within_deadline'], total)}); chưa hoàn thành và quá "
            f"hạn {number_vi(counts['overdue'])} ({percent(counts['overdue'], total)})."
        )
        document.table(**unit_table(tasks))

    def meetings_section(self, document, data: dict, *, level: int = 2):
        meetings = data.get("meetings", [])
        document.heading(level, "Hoạt động của Ban Chỉ đạo")
        if not meetings:
            document.paragraph(
                "Trong kỳ báo cáo, Ban Chỉ đạo không tổ chức cuộc họp, hội nghị nào."
            )
            return
        document.paragraph(
            f"Ban Chỉ đạo đã tổ chức {number_vi(len(meetings))} cuộc họp, hội nghị:"
        )
        for meeting in meetings:
            follow = (
                f"; {number_vi(meeting['tasks'])} kết luận đã được giao thành nhiệm vụ"
                if meeting["tasks"]
                else ""
            )
            document.paragraph(
                f"- {meeting['title']} ({_day(meeting['date'])}), "
                f"{number_vi(meeting['conclusions'])} kết luận{follow}."
            )

    def portal_section(self, document, data: dict, *, level: int = 2) -> bool:
        articles = indicator_total(data, "PORTAL_ARTICLES")
        views = indicator_total(data, "PORTAL_PAGE_VIEWS")
        if articles is None and views is None:
            return False
        document.heading(level, "Thông tin đối ngoại trên Cổng thông tin điện tử")
        parts = []
        if articles is not None:
            languages = indicator_breakdown(data, "PORTAL_ARTICLES", "language")
            detail = ", ".join(f"{name} {number_vi(n)}" for name, n in languages)
            parts.append(
                f"Cổng thông tin đã đăng tải {number_vi(articles)} tin bài"
                + (f" ({detail})" if detail and len(languages) > 1 else "")
            )
        if views is not None:
            parts.append(f"thu hút {number_vi(views)} lượt xem trang")
        document.paragraph("Trong kỳ, " + "; ".join(parts) + ".")
        return True

    def affairs_section(self, document, data: dict, *, level: int = 2) -> bool:
        affairs = data.get("affairs")
        if not affairs:
            return False
        document.heading(level, "Hoạt động đối ngoại")
        for line in affairs.get("narrative", []):
            document.paragraph(line)
        return True

    def narrative(self, document, text: str):
        document.paragraphs(text)

    # --- spreadsheet -------------------------------------------------------------
    def workbook(self, data: dict):
        return None


def period_of(data: dict) -> Period:
    return Period(
        dt.date.fromisoformat(data["start"]), dt.date.fromisoformat(data["end"])
    )


def period_phrase(period: Period) -> str:
    with translation.override("vi"):
        return str(period.label)


def unit_table(tasks: dict) -> dict:
    rows = []
    for index, row in enumerate(tasks["by_unit"], start=1):
        counts = row["counts"]
        rows.append(
            [
                index,
                row["unit"],
                row["total"],
                counts["done_on_time"],
                counts["done_late"],
                counts["within_deadline"],
                counts["overdue"],
            ]
        )
    totals = tasks["counts"]
    rows.append(
        [
            "",
            "Tổng cộng",
            tasks["total"],
            totals["done_on_time"],
            totals["done_late"],
            totals["within_deadline"],
            totals["overdue"],
        ]
    )
    return {
        "caption": f"Tình hình thực hiện nhiệm vụ theo đơn vị (đến ngày "
        f"{_day(tasks['as_of'])})",
        "columns": [
            "TT",
            "Đơn vị chủ trì",
            "Tổng số",
            "Đúng hạn",
            "Quá hạn",
            "Còn hạn",
            "Chưa xong, quá hạn",
        ],
        "rows": rows,
        "widths_cm": [1.0, 5.5, 1.8, 2.0, 2.0, 2.0, 2.2],
        "numeric": [2, 3, 4, 5, 6],
        "bold_last_row": True,
    }


class ReviewTemplate(ReportTemplate):
    """TTĐN half-year review (sơ kết) and annual review (tổng kết)."""

    ahead_title = ""
    affairs_codes = (
        "DELEG_IN_COUNT",
        "DELEG_IN_PERSONS",
        "DELEG_OUT_COUNT",
        "DELEG_OUT_PERSONS",
    )

    def gather(self, period):
        data = super().gather(period)
        data["affairs"] = collect_affairs(period)
        return data

    def build(self, document, data, narrative):
        period = period_of(data)
        document.paragraphs(narrative.intro)
        document.heading(1, "Kết quả đạt được")
        document.heading(2, "Công tác lãnh đạo, chỉ đạo, triển khai")
        if narrative.results.strip():
            self.narrative(document, narrative.results)
        else:
            document.paragraph(
                "Các cơ quan, đơn vị đã triển khai các nhiệm vụ thông tin đối ngoại "
                "theo kế hoạch được giao."
            )
        self.task_section(document, data)
        self.meetings_section(document, data)
        self.portal_section(document, data)
        self.affairs_section(document, data)
        document.heading(1, "Hạn chế, nguyên nhân")
        if narrative.limitations.strip():
            self.narrative(document, narrative.limitations)
        else:
            document.paragraph("Không có hạn chế đáng kể trong kỳ báo cáo.")
        document.heading(1, self.ahead_heading(period))
        if narrative.tasks_ahead.strip():
            self.narrative(document, narrative.tasks_ahead)
        else:
            document.paragraph(
                "Tiếp tục triển khai các nhiệm vụ theo kế hoạch đã ban hành."
            )

    def ahead_heading(self, period: Period) -> str:
        raise NotImplementedError


class HalfYearReview(ReviewTemplate):
    kind = ReportKind.TTDN_H1

    def default_period(self, today):
        year = today.year if today.month >= 7 else today.year - 1
        return Period.half(year, 1)

    def default_subject(self, period):
        return (
            "Kết quả công tác thông tin đối ngoại "
            f"{period_phrase(period)} và nhiệm vụ trọng tâm thời gian tới"
        )

    def ahead_heading(self, period):
        if period.is_first_half:
            return f"Nhiệm vụ trọng tâm 6 tháng cuối năm {period.start.year}"
        return "Nhiệm vụ trọng tâm thời gian tới"


class AnnualReview(ReviewTemplate):
    kind = ReportKind.TTDN_ANNUAL

    def default_period(self, today):
        return Period.year(today.year - 1)

    def default_subject(self, period):
        return (
            f"Tổng kết công tác thông tin đối ngoại {period_phrase(period)} và "
            "phương hướng, nhiệm vụ năm tiếp theo"
        )

    def ahead_heading(self, period):
        if period.is_year:
            return f"Phương hướng, nhiệm vụ năm {period.end.year + 1}"
        return "Phương hướng, nhiệm vụ thời gian tới"


class ForeignAffairsReport(ReportTemplate):
    kind = ReportKind.FOREIGN_AFFAIRS
    affairs_codes = (
        "DELEG_IN_COUNT",
        "DELEG_IN_PERSONS",
        "DELEG_OUT_COUNT",
        "DELEG_OUT_PERSONS",
        "CONFERENCES",
        "CONFERENCE_FOREIGN_PARTICIPANTS",
        "AGREEMENTS_SIGNED",
        "AID_APPROVED",
        "PRESS_VISITS",
        "PRESS_JOURNALISTS",
    )

    def check_available(self):
        if not apps.is_installed("ttdn.affairs") or "DELEG_IN_COUNT" not in registry:
            raise TemplateUnavailable(
                _(
                    "The foreign-affairs activity report needs the register of "
                    "foreign-affairs activities (delegations, conferences, "
                    "agreements, aid, press visits), which is not installed."
                )
            )

    def default_period(self, today):
        year = today.year if today.month >= 7 else today.year - 1
        return Period.half(year, 1) if today.month >= 7 else Period.year(year)

    def default_subject(self, period):
        return f"Tình hình hoạt động đối ngoại {period_phrase(period)}"

    def gather(self, period):
        self.check_available()
        data = super().gather(period)
        data["affairs"] = collect_affairs(period)
        return data

    def suggest_intro(self, data, period, issuer_name):
        subject = issuer_name[:1].upper() + issuer_name[1:] if issuer_name else ""
        return (
            f"{subject} báo cáo tình hình hoạt động đối ngoại {period_phrase(period)}"
            " như sau:"
        )

    def build(self, document, data, narrative):
        document.paragraphs(narrative.intro)
        document.heading(1, "Tình hình hoạt động đối ngoại")
        if narrative.results.strip():
            self.narrative(document, narrative.results)
        affairs = data.get("affairs") or {}
        for section in affairs.get("sections", []):
            document.heading(2, section["title"])
            for line in section["lines"]:
                document.paragraph(line)
            for table in section.get("tables", []):
                document.table(**table)
        document.heading(1, "Hạn chế, nguyên nhân")
        if narrative.limitations.strip():
            self.narrative(document, narrative.limitations)
        else:
            document.paragraph("Không có hạn chế đáng kể trong kỳ báo cáo.")
        document.heading(1, "Nhiệm vụ thời gian tới")
        if narrative.tasks_ahead.strip():
            self.narrative(document, narrative.tasks_ahead)
        else:
            document.paragraph("Tiếp tục quản lý thống nhất các hoạt động đối ngoại.")

    def suggest_results(self, data, period):
        return ""


class TaskStatusReport(ReportTemplate):
    kind = ReportKind.TASK_STATUS
    spreadsheet = True
    portal_codes = ()

    def default_period(self, today):
        return Period(dt.date(today.year, 1, 1), today)

    def default_subject(self, period):
        return (
            "Tình hình thực hiện nhiệm vụ công tác thông tin đối ngoại theo đơn vị "
            f"{period_phrase(period)}"
        )

    def build(self, document, data, narrative):
        tasks = data["tasks"]
        document.paragraphs(narrative.intro)
        document.heading(1, "Tình hình chung")
        if narrative.results.strip():
            self.narrative(document, narrative.results)
        self.task_section(document, data, level=2, title="Kết quả theo đơn vị")
        open_items = [
            i for i in tasks["items"] if i["status"] in ("overdue", "within_deadline")
        ]
        document.heading(1, "Nhiệm vụ chưa hoàn thành")
        if open_items:
            document.table(
                caption="Danh sách nhiệm vụ chưa hoàn thành",
                columns=["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Kỳ", "Hạn", "Tình trạng"],
                rows=[
                    [
                        index,
                        f"{i['code']} {i['task']}".strip(),
                        i["unit"],
                        i["period"],
                        _day(i["due"]),
                        "Quá hạn" if i["status"] == "overdue" else "Còn hạn",
                    ]
                    for index, i in enumerate(open_items, start=1)
                ],
                widths_cm=[1.0, 5.6, 3.6, 2.4, 2.1, 1.8],
            )
        else:
            document.paragraph("Tất cả nhiệm vụ trong kỳ đã hoàn thành.")
        document.heading(1, "Hạn chế, nguyên nhân")
        if narrative.limitations.strip():
            self.narrative(document, narrative.limitations)
        else:
            document.paragraph("Không có hạn chế đáng kể trong kỳ báo cáo.")
        document.heading(1, "Nhiệm vụ, giải pháp thời gian tới")
        if narrative.tasks_ahead.strip():
            self.narrative(document, narrative.tasks_ahead)
        else:
            document.paragraph(
                "Các đơn vị tiếp tục thực hiện và báo cáo kết quả đúng thời hạn."
            )

    def workbook(self, data):

        return task_status_workbook(
            data["tasks"], title=self.default_subject(period_of(data))
        )


TEMPLATES: dict[str, ReportTemplate] = {
    t.kind: t
    for t in (
        HalfYearReview(),
        AnnualReview(),
        ForeignAffairsReport(),
        TaskStatusReport(),
    )
}


def get_template(kind: str) -> ReportTemplate:
    return TEMPLATES[kind]


# --- the foreign-affairs register (optional) ------------------------------------
def collect_affairs(period: Period) -> dict | None:
    """Figures and the seed-000-style narrative of the foreign-affairs register
    for the period, or ``None`` when it is not installed
    (``sections.py``)."""
    if not apps.is_installed("ttdn.affairs"):
        return None
    # Imported here, not above: the register is an optional app (not a cycle).
    from . import sections

    return sections.collect(period)
