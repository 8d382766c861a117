"""Formatted XLSX exports: header style, widths, number formats, frozen header."""

import datetime as dt
import io
import time
import zipfile

from django.utils import timezone

import pytest
from openpyxl import load_workbook

from ttdn.core.indicators import Period
from ttdn.reports.kinds import collect_tasks
from ttdn.reports.tests.factories import make_tasks_in_every_status
from ttdn.reports.xlsx import indicators_workbook, task_status_workbook, to_bytes

pytestmark = pytest.mark.django_db


def test_task_status_workbook(world):
    make_tasks_in_every_status(world)
    today = timezone.localdate()
    data = collect_tasks(Period(dt.date(today.year, 1, 1), today))
    book = load_workbook(
        io.BytesIO(to_bytes(task_status_workbook(data, title="Tình hình")))
    )

    units = book["Theo đơn vị"]
    assert units["A1"].value == f"Tình hình (đến ngày {today:%d/%m/%Y})"
    assert [c.value for c in units[2]] == [
        "Đơn vị chủ trì",
        "Tổng số lượt nhiệm vụ",
        "Hoàn thành đúng hạn",
        "Hoàn thành quá hạn",
        "Chưa hoàn thành, còn hạn",
        "Chưa hoàn thành, quá hạn",
        "Tỷ lệ đúng hạn",
    ]
    assert units["A2"].font.bold and units["A2"].fill.fgColor.rgb == "001F4E79"
    assert units.freeze_panes == "A3"
    assert units.auto_filter.ref == "A2:G7"
    assert [c.value for c in units[7]][:6] == ["Tổng cộng", 4, 1, 1, 1, 1]
    assert units["G7"].value == 0.25 and units["G7"].number_format == "0.0%"
    assert units["B3"].number_format == "#,##0"
    assert units.column_dimensions["A"].width == 49  # the longest name + 2

    detail = book["Chi tiết"]
    assert detail.freeze_panes == "A2"
    assert detail.max_row == 5
    dates = [row[5].value for row in detail.iter_rows(min_row=2)]
    assert all(isinstance(d, dt.datetime) for d in dates)
    assert detail["F2"].number_format == "DD/MM/YYYY"
    assert {row[6].value for row in detail.iter_rows(min_row=2)} == {
        "hoàn thành đúng hạn",
        "hoàn thành quá hạn",
        "chưa hoàn thành, còn hạn",
        "chưa hoàn thành, quá hạn",
    }


def test_indicators_workbook_has_totals_breakdowns_and_sources(world):
    make_tasks_in_every_status(world)
    today = timezone.localdate()
    period = Period(dt.date(today.year, 1, 1), today)
    book = load_workbook(
        io.BytesIO(to_bytes(indicators_workbook(period, ["PLAN_TASKS"])))
    )

    summary = book["Tổng hợp"]
    assert [c.value for c in summary[3]] == [
        "PLAN_TASKS",
        "Nhiệm vụ được giao theo tình trạng thực hiện",
        "Assigned tasks by status",
        "lượt nhiệm vụ",
        4,
    ]
    assert summary.freeze_panes == "A3"
    breakdown = book["Theo chiều"]
    statuses = [
        (row[3].value, row[4].value)
        for row in breakdown.iter_rows(min_row=2)
        if row[2].value == "tình trạng"
    ]
    assert sorted(statuses) == [
        ("chưa hoàn thành, còn hạn", 1),
        ("chưa hoàn thành, quá hạn", 1),
        ("hoàn thành quá hạn", 1),
        ("hoàn thành đúng hạn", 1),
    ]
    sources = book["Nguồn số liệu"]
    assert sources.max_row == 5
    assert {row[3].value for row in sources.iter_rows(min_row=2)} == {
        "planning.workitem"
    }


def test_with_a_timestamp_the_file_depends_on_the_content_only(world):
    make_tasks_in_every_status(world)
    today = timezone.localdate()
    data = collect_tasks(Period(dt.date(today.year, 1, 1), today))
    moment = dt.datetime(2026, 7, 5, 2, 30, tzinfo=dt.UTC)
    first = to_bytes(task_status_workbook(data, title="Tình hình"), timestamp=moment)
    time.sleep(2.1)  # ZIP times have a two-second resolution
    second = to_bytes(task_status_workbook(data, title="Tình hình"), timestamp=moment)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {
            (2026, 7, 5, 2, 30, 0)
        }
    book = load_workbook(io.BytesIO(first))
    assert book.properties.created == dt.datetime(2026, 7, 5, 2, 30)
