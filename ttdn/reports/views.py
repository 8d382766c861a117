"""Wagtail admin views of the reports app (menu group "Báo cáo, thống kê"): the
dashboard (Chart.js charts, each with its data table and CSV), indicators with
the records behind every figure, task status by unit (XLSX), and reports in
the Decree 30/2020 format (drafts, issuing, DOCX/XLSX downloads).

Reading requires ``reports.view_report`` (officers, steering-committee members,
administrators); drafting and issuing require the report permissions.
"""

import csv
import datetime as dt
import io
import json

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

import django_filters

from ttdn.core import workflow
from ttdn.core.admin_pages import AdminPageViewSet
from ttdn.core.errors import add_to_form
from ttdn.core.periods import period_text
from ttdn.core.timefmt import format_short
from ttdn.planning import selectors as planning
from ttdn.planning.choices import WorkStatus

from . import selectors, services
from .choices import ReportKind, ReportStatus
from .forms import IssueForm, PeriodForm, ReportCreateForm, ReportForm
from .kinds import get_template
from .models import Report
from .periods import Period
from .registry import UnknownIndicator, registry
from .xlsx import indicators_workbook, task_status_workbook, to_bytes

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
            from .kinds import collect_tasks

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


# --- reports (documents) --------------------------------------------------------
class ReportFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ReportKind.choices, widget=forms.RadioSelect
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ReportStatus.choices, widget=forms.RadioSelect
    )
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="period_end", lookup_expr="year"
    )

    class Meta:
        model = Report
        fields = ["kind", "status", "year"]


class ReportIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.reports_for(self.request.user)


class ReportScopeMixin:
    """Reports come from ``selectors.reports_for``; a user who may not read
    reports is refused by the view's permission check rather than told the
    report does not exist."""

    def get_object(self, queryset=None):
        pk = self.kwargs.get("pk", getattr(self, "pk", None))
        user = self.request.user
        queryset = (
            selectors.reports_for(user)
            if selectors.reads_reports(user)
            else Report.objects
        )
        return get_object_or_404(queryset, pk=unquote(str(pk)))


class ReportInspectView(ReportScopeMixin, generic.InspectView):
    template_name = "reports/admin/report_inspect.html"

    def get_edit_url(self):
        if self.object.is_issued:
            return None
        return super().get_edit_url()

    def get_delete_url(self):
        if self.object.is_issued:
            return None
        return super().get_delete_url()

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        pk = quote(self.object.pk)
        buttons.append(
            Button(
                _("Download DOCX")
                if self.object.is_issued
                else _("Download the draft (DOCX)"),
                url=reverse("reports_reports:docx", args=[pk]),
                icon_name="download",
                priority=30,
            )
        )
        if get_template(self.object.kind).spreadsheet:
            buttons.append(
                Button(
                    _("Download XLSX"),
                    url=reverse("reports_reports:xlsx", args=[pk]),
                    icon_name="download",
                    priority=31,
                )
            )
        if not self.object.is_issued and self.request.user.has_perm(
            "reports.issue_report"
        ):
            buttons.append(
                Button(
                    _("Issue"),
                    url=reverse("reports_reports:issue", args=[pk]),
                    icon_name="check",
                    priority=40,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        context["intact"] = services.file_intact(report) if report.is_issued else None
        context["history"] = workflow.history_rows(report)
        figures = []
        if report.is_issued and report.figures:
            for code, data in report.figures.get("indicators", {}).items():
                figures.append(
                    {
                        "code": code,
                        "name": data["name_en"]
                        if (get_language() or "vi").startswith("en")
                        else data["name_vi"],
                        "unit": data["unit_vi"],
                        "total": data["total"],
                        "count": len(data["observations"]),
                        "url": reverse("reports_indicators:detail", args=[code])
                        + f"?start={data['start']}&end={data['end']}&dimension=",
                    }
                )
        context["figures"] = figures
        return context

    def get_period_display_value(self):
        return period_text(self.object.period_start, self.object.period_end)

    def get_document_number_display_value(self):
        return self.object.document_number if self.object.is_issued else "-"

    def get_field_label(self, field_name, field):
        labels = {
            "period": pgettext_lazy("report", "Period"),
            "document_number": _("Number"),
        }
        if field_name in labels:
            return str(labels[field_name])
        return super().get_field_label(field_name, field)


class ReportCreateView(generic.CreateView):
    def get_form_class(self):
        return ReportCreateForm

    def get_panel(self):
        return ObjectList(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("issuing_organisation"),
            ]
        ).bind_to_model(Report)

    def form_valid(self, form):
        self.form = form
        data = form.cleaned_data
        try:
            with transaction.atomic():
                self.object = services.report_create(
                    kind=data["kind"],
                    period=Period(data["period_start"], data["period_end"]),
                    issuing_organisation=data.get("issuing_organisation"),
                    user=self.request.user,
                )
        except ValidationError as error:
            add_to_form(form, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext(
                "Draft created from the data of the period; edit its text, then "
                "issue it."
            ),
        )
        return redirect(reverse("reports_reports:edit", args=[quote(self.object.pk)]))


class ReportEditView(ReportScopeMixin, generic.EditView):
    def get_object(self, queryset=None):
        report = super().get_object(queryset)
        if report.is_issued:
            raise PermissionDenied
        return report

    def save_instance(self):
        return services.report_save(
            self.form.save(commit=False), user=self.request.user
        )

    def form_valid(self, form):
        self.form = form
        try:
            with transaction.atomic():
                self.object = self.save_instance()
        except ValidationError as error:
            add_to_form(form, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        response = self.save_action()
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else response


class ReportDeleteView(ReportScopeMixin, generic.DeleteView):
    def form_valid(self, form):
        success_url = self.get_success_url()
        try:
            with transaction.atomic():
                services.report_delete(self.object, user=self.request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return redirect(success_url)
        messages.success(self.request, self.get_success_message())
        return redirect(success_url)


class ReportFileView(ReadsReportsMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        report = get_object_or_404(selectors.reports_for(request.user), pk=kwargs["pk"])
        if kwargs["format"] == "xlsx":
            content = services.render_workbook(report)
            if content is None:
                raise Http404
            return attachment(
                content,
                services.XLSX_CONTENT_TYPE,
                services.download_name(report, "xlsx"),
            )
        try:
            content = services.render_document(report)
        except services.ReportFileAltered:
            messages.error(
                request,
                gettext(
                    "The stored file of this report no longer matches the one issued "
                    "(its SHA-256 differs); it is not served. Restore it from a backup."
                ),
            )
            return redirect(reverse("reports_reports:inspect", args=[report.pk]))
        return attachment(
            content, services.DOCX_CONTENT_TYPE, services.download_name(report, "docx")
        )


class ReportIssueView(ReadsReportsMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "core/admin/action_form.html"
    form_class = IssueForm
    header_icon = "check"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("reports.issue_report"):
            raise PermissionDenied
        self.object = get_object_or_404(
            selectors.reports_for(request.user), pk=kwargs["pk"]
        )
        if self.object.is_issued:
            messages.error(request, gettext("This report was already issued."))
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return gettext("Issue the report")

    def get_page_subtitle(self):
        return str(self.object)

    def get_initial(self):
        return {"issued_on": timezone.localdate()}

    def get_success_url(self):
        return reverse("reports_reports:inspect", args=[quote(self.object.pk)])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            submit_label=gettext("Issue"),
            cancel_url=self.get_success_url(),
            intro=gettext(
                "Issuing numbers the report, generates its document from the data of "
                "the period as they are now and stores it. An issued report never "
                "changes."
            ),
        )
        return context

    def form_valid(self, form):
        try:
            services.report_issue(
                self.object,
                user=self.request.user,
                issued_on=form.cleaned_data["issued_on"],
                number=form.cleaned_data.get("number"),
            )
        except ValidationError as error:
            add_to_form(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("Issued as %(number)s.") % {"number": self.object.document_number},
        )
        return redirect(self.get_success_url())


class ReportViewSet(ModelViewSet):
    model = Report
    icon = "doc-full"
    menu_label = _("Reports")
    name = "reports_reports"
    url_prefix = "reports/documents"
    index_view_class = ReportIndexView
    inspect_view_class = ReportInspectView
    add_view_class = ReportCreateView
    edit_view_class = ReportEditView
    delete_view_class = ReportDeleteView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ReportFilterSet
    search_fields = ["subject"]
    search_backend_name = None
    list_display = [
        "subject",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column(
            "period", label=pgettext_lazy("report", "Period"), accessor="period_label"
        ),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("number", label=_("Number"), accessor="number_label"),
        DateColumn("issued_on", label=_("Date of issue")),
    ]
    list_export = [
        "subject",
        "get_kind_display",
        "period_start",
        "period_end",
        "get_status_display",
        "document_number",
        "issued_on",
    ]
    export_headings = {
        "get_kind_display": _("Kind"),
        "get_status_display": _("Status"),
        "document_number": _("Number"),
    }
    export_filename = "bao-cao"
    inspect_view_fields = [
        "kind",
        "subject",
        "period",
        "issuing_organisation",
        "status",
        "document_number",
        "issued_on",
        "place_name",
        "file_sha256",
        "signer_name",
        "intro",
        "results",
        "limitations",
        "tasks_ahead",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("subject"),
                    FieldRowPanel(
                        [FieldPanel("period_start"), FieldPanel("period_end")]
                    ),
                    FieldPanel("addressees"),
                ],
                heading=_("Report"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("intro"),
                    FieldPanel("results"),
                    FieldPanel("limitations"),
                    FieldPanel("tasks_ahead"),
                ],
                heading=_("Narrative"),
                help_text=_(
                    "The figures (tasks, meetings, portal, foreign affairs) are added "
                    "from the records of the period when the document is generated."
                ),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("issuing_organisation"),
                    FieldRowPanel(
                        [FieldPanel("superior_name"), FieldPanel("issuing_name")]
                    ),
                    FieldPanel("code"),
                ],
                heading=_("Header"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("collective_name"),
                    FieldPanel("signing_authority"),
                    FieldRowPanel(
                        [FieldPanel("head_position"), FieldPanel("signer_position")]
                    ),
                    FieldPanel("signer_name"),
                ],
                heading=_("Signature"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("recipients"),
                    FieldRowPanel([FieldPanel("drafting_unit"), FieldPanel("copies")]),
                ],
                heading=_("Distribution"),
            ),
        ],
        base_form_class=ReportForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "<int:pk>/docx/",
                ReportFileView.as_view(),
                {"format": "docx"},
                name="docx",
            ),
            path(
                "<int:pk>/xlsx/",
                ReportFileView.as_view(),
                {"format": "xlsx"},
                name="xlsx",
            ),
            path("<int:pk>/issue/", ReportIssueView.as_view(), name="issue"),
        ]


class ReportsViewSetGroup(ViewSetGroup):
    menu_label = _("Reports and statistics")
    menu_icon = "table"
    menu_order = 270
    items = (DashboardViewSet, IndicatorViewSet, TaskStatusViewSet, ReportViewSet)
