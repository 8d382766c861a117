"""The pages of figures: the dashboard, the indicators with the records behind
each figure, the status of tasks; CSV and XLSX downloads."""

import csv
import datetime as dt
import io
import json

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ttdn.core.admin_pages import AdminPageViewSet
from ttdn.core.indicators import Period, UnknownIndicator, registry
from ttdn.core.timefmt import format_short
from ttdn.planning import selectors as planning
from ttdn.planning.choices import WorkStatus

from .. import selectors, services
from ..forms import PeriodForm
from ..kinds import collect_tasks
from ..xlsx import indicators_workbook, task_status_workbook, to_bytes

STATUS_COLOURS = {
    WorkStatus.DONE_ON_TIME: "#2e7d32",
    WorkStatus.DONE_LATE: "#c79100",
    WorkStatus.WITHIN_DEADLINE: "#1f4e79",
    WorkStatus.OVERDUE: "#b00020",
}
SERIES_COLOURS = ["#1f4e79", "#c0504d", "#9bbb59", "#8064a2", "#4bacc6", "#f79646"]


def attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def csv_response(filename: str, headings, rows) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel opens UTF-8 Vietnamese correctly with a BOM
    writer = csv.writer(buffer)
    writer.writerow(headings)
    writer.writerows(rows)
    return attachment(
        buffer.getvalue().encode("utf-8"), "text/csv; charset=utf-8", filename
    )


# --- pages readable with reports.view_report ------------------------------------
class ReadsReportsMixin:
    def dispatch(self, request, *args, **kwargs):
        if not selectors.reads_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ReportsPage(ReadsReportsMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


def _period_from(request, default: Period) -> tuple[PeriodForm, Period]:
    if "start" in request.GET or "end" in request.GET:
        form = PeriodForm(request.GET)
        if form.is_valid():
            return form, Period(form.cleaned_data["start"], form.cleaned_data["end"])
        return form, default
    form = PeriodForm(initial={"start": default.start, "end": default.end})
    return form, default


def _as_of_from(request) -> tuple[forms.Form, dt.date]:
    class AsOfForm(forms.Form):
        on = forms.DateField(label=_("On"), required=False)

    form = AsOfForm(request.GET or None)
    if form.is_valid() and form.cleaned_data.get("on"):
        return form, form.cleaned_data["on"]
    today = timezone.localdate()
    return AsOfForm(initial={"on": today}), today


# --- dashboard ------------------------------------------------------------------
class DashboardView(ReportsPage):
    template_name = "reports/admin/dashboard.html"
    page_title = pgettext_lazy("reports", "Dashboard")

    def charts(self):
        request = self.request
        years = selectors.dashboard_years()
        indicators = registry.all()
        code = request.GET.get("indicator") or (
            "PLAN_TASKS"
            if "PLAN_TASKS" in registry
            else (indicators[0].code if indicators else "")
        )
        if code and code not in registry:
            raise Http404
        year_text = request.GET.get("year", "")
        year = (
            int(year_text)
            if year_text.isdigit() and 1990 <= int(year_text) <= 2100
            else years[-1]
        )
        _form, as_of = _as_of_from(request)
        return {
            "trend": self.trend_chart(code, years) if code else None,
            "countries": self.country_chart(year),
            "units": self.unit_chart(as_of),
            "code": code,
            "year": year,
            "years": years,
            "as_of": as_of,
            "indicators": indicators,
        }

    def trend_chart(self, code, years):
        indicator = registry.get(code)
        series = selectors.trend(code, years)
        return {
            "id": "trend",
            "title": gettext("%(name)s by year") % {"name": indicator.name},
            "headings": [gettext("Year"), f"{indicator.name} ({indicator.unit})"],
            "rows": [[year, value] for year, value in series],
            "spec": {
                "type": "bar",
                "data": {
                    "labels": [str(year) for year, _v in series],
                    "datasets": [
                        {
                            "label": f"{indicator.name} ({indicator.unit})",
                            "data": [float(v) for _y, v in series],
                            "backgroundColor": SERIES_COLOURS[0],
                        }
                    ],
                },
                "options": {"scales": {"y": {"beginAtZero": True}}},
            },
        }

    def country_chart(self, year):
        found = selectors.delegations_by_country(year)
        if found is None:
            return {"id": "countries", "missing": True}
        countries = sorted(
            {name for item in found.values() for name, _v in item["rows"]}
        )
        rows = []
        for country in countries:
            row = [country]
            for item in found.values():
                row.append(dict(item["rows"]).get(country, 0))
            rows.append(row)
        rows.sort(key=lambda r: -sum(r[1:]))
        return {
            "id": "countries",
            "title": gettext("Delegations by country, %(year)s") % {"year": year},
            "headings": [
                gettext("Country"),
                *(item["name"] for item in found.values()),
            ],
            "rows": rows,
            "spec": {
                "type": "bar",
                "data": {
                    "labels": [r[0] for r in rows],
                    "datasets": [
                        {
                            "label": item["name"],
                            "data": [float(r[index + 1]) for r in rows],
                            "backgroundColor": SERIES_COLOURS[
                                index % len(SERIES_COLOURS)
                            ],
                        }
                        for index, item in enumerate(found.values())
                    ],
                },
                "options": {"indexAxis": "y", "scales": {"x": {"beginAtZero": True}}},
            },
        }

    def unit_chart(self, as_of):
        units = selectors.tasks_by_unit(as_of)
        statuses = planning.STATUS_ORDER
        return {
            "id": "units",
            "title": gettext("Tasks by status per unit on %(day)s")
            % {"day": format_short(as_of)},
            "headings": [
                gettext("Lead unit"),
                *(str(s.label) for s in statuses),
                gettext("Total"),
            ],
            "rows": [
                [row.organisation.name, *(row.counts[s] for s in statuses), row.total]
                for row in units
            ],
            "spec": {
                "type": "bar",
                "data": {
                    "labels": [row.organisation.name for row in units],
                    "datasets": [
                        {
                            "label": str(status.label),
                            "data": [row.counts[status] for row in units],
                            "backgroundColor": STATUS_COLOURS[status],
                        }
                        for status in statuses
                    ],
                },
                "options": {
                    "indexAxis": "y",
                    "scales": {
                        "x": {"stacked": True, "beginAtZero": True},
                        "y": {"stacked": True},
                    },
                },
            },
        }

    def get(self, request, *args, **kwargs):
        charts = self.charts()
        chart_id = kwargs.get("chart")
        if chart_id:
            chart = charts.get(
                {"trend": "trend", "countries": "countries", "units": "units"}.get(
                    chart_id, ""
                )
            )
            if not chart or chart.get("missing"):
                raise Http404
            return csv_response(
                f"{chart_id}-{slugify(charts['code'] or 'chi-so')}.csv"
                if chart_id == "trend"
                else f"{chart_id}.csv",
                chart["headings"],
                chart["rows"],
            )
        context = self.get_context_data(**kwargs)
        context.update(charts)
        for key in ("trend", "countries", "units"):
            chart = charts[key]
            if chart and not chart.get("missing"):
                chart["spec_json"] = json.dumps(chart["spec"], ensure_ascii=False)
        return self.render_to_response(context)


# --- indicators -----------------------------------------------------------------
def _default_period() -> Period:
    return Period.year(timezone.localdate().year)


class IndicatorIndexView(ReportsPage):
    template_name = "reports/admin/indicators.html"
    page_title = _("Indicators")

    def get(self, request, *args, **kwargs):
        form, period = _period_from(request, _default_period())
        if kwargs.get("export") == "xlsx":
            return attachment(
                to_bytes(indicators_workbook(period)),
                services.XLSX_CONTENT_TYPE,
                f"chi-so-{period.slug}.xlsx",
            )
        results = [indicator.compute(period) for indicator in registry.all()]
        context = self.get_context_data(
            form=form, period=period, results=results, query=request.GET.urlencode()
        )
        return self.render_to_response(context)


class IndicatorDetailView(ReportsPage):
    template_name = "reports/admin/indicator_detail.html"

    @cached_property
    def indicator(self):
        try:
            return registry.get(self.kwargs["code"])
        except UnknownIndicator:
            raise Http404 from None

    def get_page_title(self):
        return f"{self.indicator.code} — {self.indicator.name}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("reports_indicators:index"),
                "label": gettext("Indicators"),
            },
            {"url": "", "label": self.indicator.code},
        ]

    def get(self, request, *args, **kwargs):
        form, period = _period_from(request, _default_period())
        result = self.indicator.compute(period)
        dimension = request.GET.get("dimension", "")
        value = request.GET.get("value")
        sources = None
        if dimension or value is not None:
            if dimension and dimension not in {
                d.key for d in self.indicator.dimensions
            }:
                raise Http404
            observations = [
                o
                for o in result.observations
                if not dimension or o.dimensions.get(dimension, "") == (value or "")
            ]
            sources = selectors.resolve_sources(
                [o.source for o in observations], request.user
            )
            sources = list(zip(observations, sources, strict=True))
        breakdowns = [
            (dimension_item, result.by(dimension_item.key))
            for dimension_item in self.indicator.dimensions
        ]
        base = {"start": period.start.isoformat(), "end": period.end.isoformat()}
        context = self.get_context_data(
            form=form,
            period=period,
            result=result,
            breakdowns=breakdowns,
            sources=sources,
            selected_dimension=dimension,
            selected_value=value,
            base_query=base,
        )
        return self.render_to_response(context)


# --- task status ----------------------------------------------------------------
class TaskStatusView(ReportsPage):
    template_name = "reports/admin/task_status.html"
    page_title = _("Task status by unit")

    def get(self, request, *args, **kwargs):
        form, as_of = _as_of_from(request)
        items = list(
            selectors.year_to_date(as_of).order_by("due_date", "task__code", "pk")
        )
        if kwargs.get("export") == "xlsx":
            data = collect_tasks(Period(dt.date(as_of.year, 1, 1), as_of))
            return attachment(
                to_bytes(
                    task_status_workbook(data, title=gettext("Task status by unit"))
                ),
                services.XLSX_CONTENT_TYPE,
                f"tinh-hinh-nhiem-vu-{as_of:%Y%m%d}.xlsx",
            )
        rows = planning.status_by_unit(items)
        counts = planning.status_counts(items)
        context = self.get_context_data(
            form=form,
            as_of=as_of,
            rows=rows,
            counts=[(s, s.label, counts[s]) for s in planning.STATUS_ORDER],
            total=sum(counts.values()),
            statuses=[(s, s.label) for s in planning.STATUS_ORDER],
            overdue=[i for i in items if i.status == WorkStatus.OVERDUE],
            query=request.GET.urlencode(),
        )
        return self.render_to_response(context)


# --- viewsets for the pages -----------------------------------------------------
class PageViewSet(AdminPageViewSet):
    """A read-only page of the reports menu, shown to readers of reports."""

    def shown_to(self, user) -> bool:
        return selectors.reads_reports(user)


class DashboardViewSet(PageViewSet):
    name = "reports_dashboard"
    url_prefix = "reports/dashboard"
    icon = "view"
    menu_label = pgettext_lazy("reports", "Dashboard")
    view_class = DashboardView
    extra_urls = (path("csv/<slug:chart>/", DashboardView.as_view(), name="csv"),)


class IndicatorViewSet(PageViewSet):
    name = "reports_indicators"
    url_prefix = "reports/indicators"
    icon = "list-ol"
    menu_label = _("Indicators")
    view_class = IndicatorIndexView
    extra_urls = (
        path("xlsx/", IndicatorIndexView.as_view(), {"export": "xlsx"}, name="xlsx"),
        path("<str:code>/", IndicatorDetailView.as_view(), name="detail"),
    )


class TaskStatusViewSet(PageViewSet):
    name = "reports_task_status"
    url_prefix = "reports/task-status"
    icon = "tasks"
    menu_label = _("Task status by unit")
    view_class = TaskStatusView
    extra_urls = (
        path("xlsx/", TaskStatusView.as_view(), {"export": "xlsx"}, name="xlsx"),
    )
