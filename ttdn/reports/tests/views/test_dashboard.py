"""The dashboard: charts drawn by the vendored Chart.js, each with its data
table and CSV; the indicator pages with the records behind a figure; the task
status page with its XLSX; creating and issuing a report in the admin."""

import csv
import datetime as dt
import io
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from ttdn.planning import selectors as planning
from ttdn.reports.models import Report
from ttdn.reports.tests.factories import make_tasks_in_every_status

pytestmark = pytest.mark.django_db

CHART_JS = "reports/vendor/chartjs-4.6.1/chart.umd.min.js"


def test_chart_js_is_vendored_with_its_licence():
    path = Path(finders.find(CHART_JS))
    assert path.read_text(encoding="utf-8").startswith("/*!\n * Chart.js v4.6.1")
    licence = Path(finders.find("reports/vendor/chartjs-4.6.1/LICENSE.md"))
    assert "The MIT License (MIT)" in licence.read_text(encoding="utf-8")
    # The build names its source map; collectstatic's manifest storage needs it.
    assert (
        path.read_text(encoding="utf-8")
        .rstrip()
        .endswith("//# sourceMappingURL=chart.umd.min.js.map")
    )
    assert finders.find("reports/vendor/chartjs-4.6.1/chart.umd.min.js.map")


def test_the_dashboard_draws_three_charts_with_tables(client, world):
    make_tasks_in_every_status(world)
    client.force_login(world.steering)

    response = client.get(reverse("reports_dashboard:index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"/static/{CHART_JS}" in html
    assert "/static/reports/js/dashboard.js" in html
    assert html.count('<canvas data-spec="') == 2 + ("DELEG_IN_COUNT" in _codes())
    assert 'id="units-table"' in html
    # The tasks chart's table has the selectors' counts.
    rows = planning.status_by_unit(
        planning.work_items_in_period(
            dt.date(timezone.localdate().year, 1, 1), timezone.localdate()
        )[0]
    )
    assert len(rows) == 4
    for row in rows:
        assert f'<th scope="row">{row.organisation.name}</th>' in html


def _codes():
    from ttdn.core.indicators import registry

    return registry.codes()


def test_each_chart_downloads_its_data_as_csv(client, world):
    make_tasks_in_every_status(world)
    client.force_login(world.officer)

    response = client.get(reverse("reports_dashboard:csv", args=["units"]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Đơn vị chủ trì",
        "hoàn thành đúng hạn",
        "hoàn thành quá hạn",
        "chưa hoàn thành, còn hạn",
        "chưa hoàn thành, quá hạn",
        "Tổng số",
    ]
    assert sorted(rows[1:]) == [
        ["Sở Ngoại vụ tỉnh Thử Nghiệm", "1", "0", "0", "0", "1"],
        ["Sở Văn hóa, Thể thao và Du lịch tỉnh Thử Nghiệm", "0", "1", "0", "0", "1"],
        ["Ủy ban nhân dân phường Hòa Bình", "0", "0", "0", "1", "1"],
        ["Ủy ban nhân dân xã Bình An", "0", "0", "1", "0", "1"],
    ]
    trend = client.get(
        reverse("reports_dashboard:csv", args=["trend"]) + "?indicator=PLAN_TASKS"
    )
    rows = list(csv.reader(io.StringIO(trend.content.decode("utf-8-sig"))))
    year = timezone.localdate().year
    assert rows[-1] == [str(year), "4"]
    assert [r[0] for r in rows[1:]] == [str(y) for y in range(year - 4, year + 1)]
    assert (
        client.get(reverse("reports_dashboard:csv", args=["other"])).status_code == 404
    )


def test_the_dashboard_says_when_delegation_figures_are_missing(client, world):
    if "DELEG_IN_COUNT" in _codes():
        pytest.skip("the foreign-affairs register provides its indicators")
    client.force_login(world.officer)
    html = client.get(reverse("reports_dashboard:index")).content.decode()
    assert "Chưa có số liệu đoàn ra, đoàn vào" in html


def test_an_indicator_lists_the_records_behind_a_figure(client, world):
    make_tasks_in_every_status(world)
    client.force_login(world.steering)
    today = timezone.localdate()
    url = reverse("reports_indicators:detail", args=["PLAN_TASKS"])

    response = client.get(
        url,
        {
            "start": f"{today.year}-01-01",
            "end": today.isoformat(),
            "dimension": "status",
            "value": "chưa hoàn thành, quá hạn",
        },
    )

    html = response.content.decode()
    assert "Các bản ghi của “chưa hoàn thành, quá hạn”" in html
    sources = html.split('id="sources"', 1)[1]
    assert sources.count("<tr>") == 2  # heading and one record
    assert "Tập huấn nghiệp vụ — Ủy ban nhân dân phường Hòa Bình" in sources
    assert (
        reverse("planning_tasks:inspect", args=[_task_id("Tập huấn nghiệp vụ")])
        in sources
    )


def _task_id(title):
    from ttdn.planning.models import Task

    return Task.objects.get(title=title).pk


def test_task_status_page_and_its_xlsx(client, world):
    make_tasks_in_every_status(world)
    client.force_login(world.officer)
    html = client.get(reverse("reports_task_status:index")).content.decode()
    assert "Tập huấn nghiệp vụ" in html  # overdue list
    response = client.get(reverse("reports_task_status:xlsx"))
    book = load_workbook(io.BytesIO(response.content))
    assert book["Theo đơn vị"].max_row == 7
    assert response["Content-Disposition"].startswith(
        'attachment; filename="tinh-hinh-nhiem-vu-'
    )


def test_an_officer_drafts_edits_and_issues_a_report_in_the_admin(client, world):
    make_tasks_in_every_status(world)
    client.force_login(world.officer)
    today = timezone.localdate()

    response = client.post(
        reverse("reports_reports:add"),
        {
            "kind": "task_status",
            "period_start": f"01/01/{today.year}",
            "period_end": f"{today:%d/%m/%Y}",
            "issuing_organisation": world.sngv.pk,
        },
    )
    report = Report.objects.get()
    assert response["Location"] == reverse("reports_reports:edit", args=[report.pk])

    form = client.get(reverse("reports_reports:edit", args=[report.pk])).context["form"]
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}
    data.update(
        {
            "period_start": f"01/01/{today.year}",
            "period_end": f"{today:%d/%m/%Y}",
            "issuing_organisation": world.sngv.pk,
            "signer_name": "Nguyễn Văn Thử",
            "results": "Các đơn vị đã tích cực triển khai.",
            "copies": "",
        }
    )
    response = client.post(reverse("reports_reports:edit", args=[report.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    report.refresh_from_db()
    assert report.results == "Các đơn vị đã tích cực triển khai."

    response = client.post(
        reverse("reports_reports:issue", args=[report.pk]),
        {"issued_on": f"{today:%d/%m/%Y}"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.number) == ("issued", 1)
    docx = client.get(reverse("reports_reports:docx", args=[report.pk]))
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert docx.content[:2] == b"PK"
    assert settings.MEDIA_ROOT  # the file is stored under the (test) media root
