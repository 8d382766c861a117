"""Reports as documents: drafts made from a period's data, edited, issued once
under a number, downloaded as DOCX and XLSX."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button

import django_filters

from ttdn.core import audit, workflow
from ttdn.core.admin.views import (
    ScopedInspectView,
    ServiceCreateView,
    ServiceEditView,
)
from ttdn.core.admin.viewsets import ServiceModelViewSet
from ttdn.core.errors import add_to_form
from ttdn.core.indicators import Period
from ttdn.core.periods import period_text

from .. import selectors, services
from ..choices import ReportKind, ReportStatus
from ..forms import IssueForm, ReportCreateForm, ReportForm
from ..kinds import get_template
from ..models import Report
from .pages import ReadsReportsMixin, attachment


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


class ReportInspectView(ScopedInspectView):
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


class ReportCreateView(ServiceCreateView):
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


class ReportEditView(ServiceEditView):
    def get_object(self, queryset=None):
        report = super().get_object(queryset)
        if report.is_issued:
            raise PermissionDenied
        return report


class ReportFileView(ReadsReportsMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        report = get_object_or_404(selectors.reports_for(request.user), pk=kwargs["pk"])
        # Reports are internal files: each download is an audit entry.
        audit.log_download(report, user=request.user, data={"format": kwargs["format"]})
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
                library_public=form.cleaned_data.get("library_public", False),
            )
        except ValidationError as error:
            add_to_form(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("Issued as %(number)s.") % {"number": self.object.document_number},
        )
        return redirect(self.get_success_url())


class ReportViewSet(ServiceModelViewSet):
    model = Report
    icon = "doc-full"
    menu_label = _("Reports")
    name = "reports_reports"
    url_prefix = "reports/documents"
    inspect_view_class = ReportInspectView
    add_view_class = ReportCreateView
    edit_view_class = ReportEditView
    filterset_class = ReportFilterSet
    search_fields = ["subject"]

    def scope(self, user):
        return selectors.reports_for(user)

    def save_service(self, instance, *, user):
        return services.report_save(instance, user=user)

    def delete_service(self, instance, *, user):
        services.report_delete(instance, user=user)

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
