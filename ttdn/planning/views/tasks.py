"""Tasks: listing with their status on any day, form with units and groups,
inspect with work items."""

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button

import django_filters

from ttdn.core.admin.views import (
    ScopedIndexView,
    ScopedInspectView,
    ServiceCreateView,
    ServiceEditView,
)
from ttdn.core.admin.viewsets import ServiceModelViewSet
from ttdn.directory.models import Organisation

from .. import selectors, services
from ..choices import (
    WorkStatus,
)
from ..forms import (
    TaskForm,
)
from ..models import (
    Conclusion,
    Task,
)


# --- tasks ----------------------------------------------------------------------
class TaskFilterSet(WagtailFilterSet):
    plan = django_filters.ModelChoiceFilter(
        label=_("Plan"),
        queryset=lambda request: selectors.plans_for(request.user),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status today"),
        choices=WorkStatus.choices,
        method="filter_status",
        widget=forms.RadioSelect,
        help_text=_("Tasks with at least one unit's work in this status."),
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Assigned unit"),
        queryset=lambda request: (
            Organisation.objects.filter(task_assignments__isnull=False)
            .distinct()
            .order_by("name")
        ),
        field_name="assignments__organisation",
        distinct=True,
    )

    class Meta:
        model = Task
        fields = ["plan", "status", "organisation"]

    def filter_status(self, queryset, name, value):
        return selectors.tasks_with_status(queryset, value, selectors.today())


class StatusColumn(Column):
    """The task's work items by status today: "2 đúng hạn · 1 quá hạn"."""

    cell_template_name = "planning/admin/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        counts = parent_context.get("task_status_counts", {}).get(instance.pk) or {}
        context["statuses"] = [
            (status, status.label, counts.get(status, 0))
            for status in selectors.STATUS_ORDER
            if counts.get(status)
        ]
        return context


class TaskIndexView(ScopedIndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = [task.pk for task in context["object_list"]]
        context["task_status_counts"] = selectors.task_status_counts(
            Task.objects.filter(pk__in=page), selectors.today()
        )
        return context


class TaskInspectView(ScopedInspectView):
    template_name = "planning/admin/task_inspect.html"
    extra_labels = {"schedule": _("Deadline")}

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perm("planning.add_progressreport") and any(
            selectors.can_report_on(self.request.user, item) for item in self.open_items
        ):
            buttons.append(
                Button(
                    _("Report progress"),
                    url=reverse("planning_reports:add") + f"?task={self.object.pk}",
                    icon_name="doc-full",
                    priority=30,
                )
            )
        return buttons

    @cached_property
    def open_items(self):
        return list(
            selectors.reportable_work_items(self.request.user).filter(task=self.object)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = selectors.today()
        items = selectors.work_items_for(self.request.user).filter(task=self.object)
        visible = {item.pk for item in items}
        statuses = {
            item.pk: item.status
            for item in selectors.work_items_on(today, queryset=items)
        }
        context["work_items"] = [
            (
                item,
                statuses.get(item.pk),
                WorkStatus(statuses[item.pk]).label if item.pk in statuses else "",
            )
            for item in items.order_by("due_date", "assignment__organisation__name")
        ]
        context["assignments"] = self.object.assignments.select_related(
            "organisation"
        ).order_by("role", "organisation__name")
        context["reports"] = selectors.progress_reports_for(self.request.user).filter(
            work_item__task=self.object, work_item__in=visible
        )
        context["today"] = today
        return context

    def get_schedule_display_value(self):
        return self.object.schedule_display

    def get_indicator_code_display_value(self):
        return self.object.indicator_code or "-"


def _task_input(form, *, instance=None) -> services.TaskInput:
    data = form.cleaned_data
    return services.TaskInput(
        title=data.get("title", ""),
        plan=data.get("plan"),
        source_conclusion=data.get("source_conclusion")
        or (instance.source_conclusion if instance is not None else None),
        content_area=data.get("content_area"),
        code=data.get("code", ""),
        description=data.get("description", ""),
        expected_output=data.get("expected_output", ""),
        indicator_code=data.get("indicator_code", ""),
        recurrence=data.get("recurrence", ""),
        due_date=data.get("due_date"),
        starts_on=data.get("starts_on"),
        ends_on=data.get("ends_on"),
        due_days_after_period=data.get("due_days_after_period") or 0,
        assigned_on=data.get("assigned_on"),
        lead_organisations=list(data.get("lead_organisations") or []),
        lead_groups=list(data.get("lead_groups") or []),
        support_organisations=list(data.get("support_organisations") or []),
        support_groups=list(data.get("support_groups") or []),
    )


class TaskCreateView(ServiceCreateView):
    def get_initial(self):
        initial = super().get_initial()
        initial["assigned_on"] = selectors.today()
        plan_id = self.request.GET.get("plan")
        if plan_id and plan_id.isdigit():
            initial["plan"] = plan_id
        conclusion_id = self.request.GET.get("conclusion")
        if conclusion_id and conclusion_id.isdigit():
            conclusion = Conclusion.objects.filter(pk=conclusion_id).first()
            if conclusion is not None:
                initial["source_conclusion"] = conclusion.pk
                initial["title"] = str(conclusion)
                initial["description"] = conclusion.text
        return initial

    def save_instance(self):
        # A task is saved from what the form says (units, groups, schedule).
        return services.task_save(_task_input(self.form), user=self.request.user)


class TaskEditView(ServiceEditView):
    def save_instance(self):
        task = Task.objects.get(pk=self.object.pk)
        return services.task_save(
            _task_input(self.form, instance=task), task=task, user=self.request.user
        )


class TaskViewSet(ServiceModelViewSet):
    model = Task
    icon = "tasks"
    menu_label = pgettext_lazy("planning", "Tasks")
    name = "planning_tasks"
    url_prefix = "planning/tasks"
    index_view_class = TaskIndexView
    inspect_view_class = TaskInspectView
    add_view_class = TaskCreateView
    edit_view_class = TaskEditView
    filterset_class = TaskFilterSet
    search_fields = ["title", "code", "description"]
    list_per_page = 50
    list_display = [
        "code",
        "title",
        Column("plan", label=_("Plan"), accessor="plan"),
        Column("schedule", label=_("Deadline"), accessor="schedule_display"),
        StatusColumn("status", label=_("Status today")),
    ]
    list_export = [
        "plan",
        "code",
        "title",
        "content_area",
        "get_recurrence_display",
        "due_date",
        "starts_on",
        "ends_on",
        "assigned_on",
        "expected_output",
    ]
    export_headings = {
        "plan": _("Plan"),
        "content_area": _("Content area"),
        "get_recurrence_display": _("Recurrence"),
    }
    export_filename = "nhiem-vu"
    inspect_view_fields = [
        "plan",
        "content_area",
        "source_conclusion",
        "code",
        "title",
        "description",
        "expected_output",
        "indicator_code",
        "schedule",
        "assigned_on",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("plan"),
                    FieldPanel("content_area"),
                    FieldRowPanel([FieldPanel("code"), FieldPanel("title")]),
                    FieldPanel("description"),
                    FieldPanel("expected_output"),
                    FieldPanel("indicator_code"),
                    FieldPanel("source_conclusion"),
                ],
                heading=pgettext_lazy("planning", "Task"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("recurrence"),
                    FieldRowPanel(
                        [
                            FieldPanel("due_date"),
                            FieldPanel("starts_on"),
                            FieldPanel("ends_on"),
                        ]
                    ),
                    FieldPanel("due_days_after_period"),
                ],
                heading=_("Schedule"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("assigned_on"),
                    FieldPanel("lead_groups"),
                    FieldPanel("lead_organisations"),
                    FieldPanel("support_groups"),
                    FieldPanel("support_organisations"),
                ],
                heading=_("Assignment"),
            ),
        ],
        base_form_class=TaskForm,
    )

    def scope(self, user):
        return selectors.tasks_for(user)

    def delete_service(self, instance, *, user):
        services.task_delete(instance, user=user)
