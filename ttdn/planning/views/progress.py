"""Progress reports: units write them, officers review them."""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import django_filters

from ttdn.core import workflow
from ttdn.core.admin.views import (
    ObjectActionView,
    ScopedInspectView,
    ServiceCreateView,
    ServiceEditView,
)
from ttdn.core.admin.viewsets import ServiceModelViewSet
from ttdn.core.periods import period_text
from ttdn.core.timefmt import format_short

from .. import selectors, services
from ..choices import (
    ReportStatus,
)
from ..forms import (
    ProgressReportForm,
    ReviewForm,
)
from ..models import (
    ProgressReport,
)


# --- permission policies --------------------------------------------------------
class NoDeletePolicy(ModelPermissionPolicy):
    """Progress reports are evidence: returned or accepted, never deleted."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "delete"])


register_permission_policy(ProgressReport, NoDeletePolicy(ProgressReport))


# --- progress reports -----------------------------------------------------------
class ProgressReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ReportStatus.choices, widget=forms.RadioSelect
    )
    final = django_filters.BooleanFilter(
        label=_("Completion reports only"),
        field_name="is_final",
        widget=forms.CheckboxInput,
        method="filter_final",
    )

    class Meta:
        model = ProgressReport
        fields = ["status", "final"]

    def filter_final(self, queryset, name, value):
        return queryset.filter(is_final=True) if value else queryset


class ProgressReportInspectView(ScopedInspectView):
    template_name = "planning/admin/report_inspect.html"
    extra_labels = {
        "organisation": _("Unit"),
        "reporting_period": _("Reporting period"),
    }

    def get_edit_url(self):
        if self.object.status == ReportStatus.ACCEPTED:
            return None
        if not selectors.can_report_on(self.request.user, self.object.work_item):
            return None
        return super().get_edit_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_review = (
            self.object.status == ReportStatus.SUBMITTED
            and self.request.user.has_perm("planning.review_progressreport")
            and selectors.manages_planning(self.request.user)
        )
        context["review_form"] = ReviewForm() if can_review else None
        context["review_url"] = reverse(
            "planning_reports:review", args=[quote(self.object.pk)]
        )
        context["history"] = workflow.history_rows(self.object)
        context["figures"] = self.object.figures.all()
        context["attachments"] = self.object.attachments.select_related("document")
        return context

    def get_work_item_display_value(self):
        item = self.object.work_item
        return (
            f"{item.task} — {item.occurrence.label} (hạn {format_short(item.due_date)})"
        )

    def get_organisation_display_value(self):
        return self.object.organisation.name

    def get_reporting_period_display_value(self):
        return period_text(self.object.period_start, self.object.period_end)


class ProgressReportCreateView(ServiceCreateView):
    def get_initial(self):
        initial = super().get_initial()
        task_id = self.request.GET.get("task")
        if task_id and task_id.isdigit():
            first = (
                selectors.reportable_work_items(self.request.user)
                .filter(task_id=task_id)
                .first()
            )
            if first is not None:
                initial["work_item"] = first.pk
        return initial


class ProgressReportEditView(ServiceEditView):
    def get_object(self, queryset=None):
        report = super().get_object(queryset)
        if report.status == ReportStatus.ACCEPTED or not selectors.can_report_on(
            self.request.user, report.work_item
        ):
            raise PermissionDenied
        return report


class ProgressReportReviewView(ObjectActionView):
    model = ProgressReport
    permission_required = "review"
    inspect_url_name = "planning_reports:inspect"
    form_class = ReviewForm
    submit_label = _("Save the decision")

    def get_page_title(self):
        return _("Review the progress report")

    def perform(self, form):
        user = self.request.user
        comment = form.cleaned_data.get("comment", "")
        if form.cleaned_data["decision"] == "accept":
            services.progress_report_accept(self.object, user=user, comment=comment)
            message = _("The report was accepted.")
        else:
            services.progress_report_return(self.object, user=user, comment=comment)
            message = _("The report was returned to the unit.")
        return message


class ProgressReportViewSet(ServiceModelViewSet):
    model = ProgressReport
    icon = "doc-full-inverse"
    menu_label = _("Progress reports")
    name = "planning_reports"
    url_prefix = "planning/progress-reports"
    inspect_view_class = ProgressReportInspectView
    add_view_class = ProgressReportCreateView
    edit_view_class = ProgressReportEditView
    filterset_class = ProgressReportFilterSet
    search_fields = ["summary", "work_item__task__title"]
    list_display = [
        Column(
            "task", label=pgettext_lazy("planning", "Task"), accessor="work_item.task"
        ),
        Column("organisation", label=_("Unit"), accessor="organisation"),
        Column(
            "period",
            label=pgettext_lazy("task", "Period"),
            accessor="work_item.occurrence.label",
        ),
        Column("final", label=_("Completion"), accessor="is_final"),
        DateColumn("submitted_at", label=_("Submitted")),
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]
    list_export = [
        "work_item.task",
        "organisation",
        "work_item.occurrence.label",
        "period_start",
        "period_end",
        "summary",
        "is_final",
        "submitted_at",
        "get_status_display",
        "review_comment",
    ]
    export_headings = {
        "work_item.task": pgettext_lazy("planning", "Task"),
        "organisation": _("Unit"),
        "work_item.occurrence.label": pgettext_lazy("task", "Period"),
        "get_status_display": _("Status"),
    }
    export_filename = "bao-cao-tien-do"
    inspect_view_fields = [
        "work_item",
        "organisation",
        "reporting_period",
        "summary",
        "is_final",
        "status",
        "submitted_at",
        "submitted_by",
        "reviewed_at",
        "reviewed_by",
        "review_comment",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("work_item"),
            FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
            FieldPanel("summary"),
            FieldPanel("is_final"),
            InlinePanel("figures", heading=_("Figures"), label=_("Figure")),
            InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
        ],
        base_form_class=ProgressReportForm,
    )

    def scope(self, user):
        return selectors.progress_reports_for(user)

    def save_service(self, instance, *, user):
        return services.progress_report_save(instance, user=user)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "<str:pk>/review/",
                ProgressReportReviewView.as_view(scope=self.scope),
                name="review",
            ),
        ]
