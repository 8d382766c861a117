"""Formatted XLSX workbooks with openpyxl (docs/reports.md#xlsx): bold headers on
a coloured band, column widths fitted to the content, number and date formats,
the header row frozen and filterable."""

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.xml.constants import ARC_CORE
from openpyxl.xml.functions import tostring

from ttdn.core.indicators import Period, registry
from ttdn.planning.choices import WorkStatus

HEADER_FONT = Font(name="Times New Roman", bold=True, color="FFFFFF", size=12)
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
BODY_FONT = Font(name="Times New Roman", size=12)
TITLE_FONT = Font(name="Times New Roman", bold=True, size=14)
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
INTEGER = "#,##0"
DECIMAL = "#,##0.00"
PERCENT = "0.0%"
DATE = "DD/MM/YYYY"

STATUS_HEADINGS = (
    ("done_on_time", "Hoàn thành đúng hạn"),
    ("done_late", "Hoàn thành quá hạn"),
    ("within_deadline", "Chưa hoàn thành, còn hạn"),
    ("overdue", "Chưa hoàn thành, quá hạn"),
)


def _width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, int | float):
        return len(f"{value:,}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def write_sheet(
    sheet,
    headings: Sequence[str],
    rows: Iterable[Sequence],
    *,
    formats: dict[int, str] | None = None,
    title: str = "",
    max_width: int = 60,
):
    """Headings on the first row (frozen, filterable) — or on the second when a
    *title* goes first — then the rows; *formats* maps column indexes to number
    formats."""
    formats = formats or {}
    first = 1
    if title:
        sheet.cell(row=1, column=1, value=title).font = TITLE_FONT
        first = 2
    for index, heading in enumerate(headings, start=1):
        cell = sheet.cell(row=first, column=index, value=heading)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(
            horizontal="center", vertical="center", wrap_text=True
        )
    widths = [len(str(h)) for h in headings]
    last_row = first
    for row_index, row in enumerate(rows, start=first + 1):
        last_row = row_index
        for index, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_index, column=index, value=value)
            cell.font = BODY_FONT
            cell.border = BORDER
            number_format = formats.get(index - 1)
            if number_format is None and isinstance(value, dt.date):
                number_format = DATE
            elif (
                number_format is None
                and isinstance(value, int)
                and not isinstance(value, bool)
            ):
                number_format = INTEGER
            if number_format:
                cell.number_format = number_format
            if isinstance(value, str):
                cell.alignment = Alignment(
                    vertical="top", wrap_text=len(value) > max_width
                )
            widths[index - 1] = max(widths[index - 1], _width(value))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(
            max(width + 2, 8), max_width
        )
    sheet.freeze_panes = sheet.cell(row=first + 1, column=1)
    if last_row > first:
        sheet.auto_filter.ref = f"A{first}:{get_column_letter(len(headings))}{last_row}"
    return sheet


def to_bytes(workbook: Workbook, *, timestamp: dt.datetime | None = None) -> bytes:
    """The workbook as an .xlsx file. With ``timestamp`` the bytes depend on the
    content only: the document's created/modified dates and every ZIP entry's
    time are set to it (openpyxl writes the time of saving)."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    if timestamp is None:
        return buffer.getvalue()
    moment = timestamp.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    workbook.properties.created = moment
    workbook.properties.modified = moment
    core = tostring(workbook.properties.to_tree())
    date_time = max(moment.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            data = core if info.filename == ARC_CORE else source.read(info.filename)
            target.writestr(entry, data)
    return out.getvalue()


def _date(value):
    if not value:
        return None
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


# --- task status ----------------------------------------------------------------
def task_status_workbook(tasks: dict, *, title: str = "") -> Workbook:
    """Two sheets: status by lead unit (with the share done on time) and every
    work item."""

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Theo đơn vị"
    rows = []
    for row in tasks["by_unit"]:
        counts = row["counts"]
        rows.append(
            [
                row["unit"],
                row["total"],
                *(counts[key] for key, _label in STATUS_HEADINGS),
                counts["done_on_time"] / row["total"] if row["total"] else 0,
            ]
        )
    totals = tasks["counts"]
    rows.append(
        [
            "Tổng cộng",
            tasks["total"],
            *(totals[key] for key, _label in STATUS_HEADINGS),
            totals["done_on_time"] / tasks["total"] if tasks["total"] else 0,
        ]
    )
    as_of = _date(tasks["as_of"])
    write_sheet(
        sheet,
        [
            "Đơn vị chủ trì",
            "Tổng số lượt nhiệm vụ",
            *(label for _key, label in STATUS_HEADINGS),
            "Tỷ lệ đúng hạn",
        ],
        rows,
        formats={6: PERCENT},
        title=(title or "Tình hình thực hiện nhiệm vụ")
        + f" (đến ngày {as_of:%d/%m/%Y})",
    )
    last = sheet.max_row
    for cell in sheet[last]:
        cell.font = Font(name="Times New Roman", size=12, bold=True)

    detail = workbook.create_sheet("Chi tiết")
    labels = {str(s): str(s.label) for s in WorkStatus}
    from django.utils import translation

    with translation.override("vi"):
        labels = {str(s): str(s.label) for s in WorkStatus}
    write_sheet(
        detail,
        [
            "Kế hoạch",
            "Số TT",
            "Nhiệm vụ",
            "Đơn vị chủ trì",
            "Kỳ",
            "Hạn",
            "Tình trạng",
            "Ngày hoàn thành",
        ],
        [
            [
                item["plan"],
                item["code"],
                item["task"],
                item["unit"],
                item["period"],
                _date(item["due"]),
                labels.get(item["status"], item["status"]),
                _date(item["completed_on"]),
            ]
            for item in tasks["items"]
        ],
    )
    return workbook


# --- indicators -----------------------------------------------------------------
def indicators_workbook(period: Period, codes: Sequence[str] | None = None) -> Workbook:
    """Three sheets: the total of each indicator, each breakdown, and the records
    behind every figure."""
    indicators = [registry.get(c) for c in codes] if codes else registry.all()
    results = [i.compute(period) for i in indicators]
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Tổng hợp"
    write_sheet(
        summary,
        ["Mã", "Chỉ số", "Indicator", "Đơn vị tính", "Giá trị"],
        [
            [
                r.indicator.code,
                r.indicator.name_vi,
                r.indicator.name_en,
                r.indicator.unit_vi,
                r.total,
            ]
            for r in results
        ],
        formats={4: INTEGER},
        title=f"Chỉ số từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y}",
    )
    breakdown = workbook.create_sheet("Theo chiều")
    rows = []
    for result in results:
        for dimension in result.indicator.dimensions:
            for group in result.by(dimension.key):
                rows.append(
                    [
                        result.indicator.code,
                        result.indicator.name_vi,
                        dimension.label_vi,
                        group.key[0],
                        group.value,
                    ]
                )
    write_sheet(
        breakdown,
        ["Mã", "Chỉ số", "Chiều", "Giá trị chiều", "Giá trị"],
        rows,
        formats={4: INTEGER},
    )
    sources = workbook.create_sheet("Nguồn số liệu")
    write_sheet(
        sources,
        ["Mã", "Giá trị", "Chiều", "Loại bản ghi", "Mã bản ghi", "Bản ghi"],
        [
            [
                result.indicator.code,
                observation.value,
                "; ".join(f"{k}: {v}" for k, v in observation.dimensions.items()),
                observation.source.model,
                observation.source.pk,
                observation.source.label,
            ]
            for result in results
            for observation in result.observations
        ],
        formats={1: INTEGER},
    )
    return workbook
