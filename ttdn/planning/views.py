"""Wagtail admin views of planning (menu group "Kế hoạch, nhiệm vụ"): plans with
their status actions, tasks with their status on any day, progress reports with
review, the steering committee and its meetings.

Views are thin: they read through ``selectors`` (which scope records by role and
organisation — a record outside the user's scope is a 404) and write through
``services`` (whose ``ValidationError`` is shown next to the fields).
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import FormView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import django_filters

from ttdn.core import workflow
from ttdn.core.errors import add_to_form
from ttdn.core.periods import period_text
from ttdn.core.timefmt import format_short
from ttdn.directory.models import Organisation

from . import selectors, services
from .choices import (
    MeetingKind,
    PlanStatus,
    PlanTerm,
    ReportStatus,
    WorkStatus,
)
from .forms import (
    IssuePlanForm,
    PlanningModelForm,
    ProgressReportForm,
    ReviewForm,
    TaskForm,
    TransitionForm,
)
from .machines import PLAN_MACHINE
from .models import (
    Conclusion,
    Meeting,
    Plan,
    ProgressReport,
    SteeringCommittee,
    Task,
)


# --- permission policies --------------------------------------------------------
class NoDeletePolicy(ModelPermissionPolicy):
    """Progress reports are evidence: returned or accepted, never deleted."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "delete"])


register_permission_policy(ProgressReport, NoDeletePolicy(ProgressReport))


# --- shared view behaviour ------------------------------------------------------
class ScopedObjectMixin:
    """The object comes from a scoping selector: outside the user's scope it does
    not exist (404), once the view's own permission check has passed."""

    def scoped_queryset(self):
        raise NotImplementedError

    def get_object(self, queryset=None):
        pk = self.kwargs.get(self.pk_url_kwarg) if hasattr(self, "kwargs") else None
        pk = pk if pk is not None else getattr(self, "pk", None)
        return get_object_or_404(self.scoped_queryset(), pk=unquote(str(pk)))


class ServiceFormMixin:
    """Create and edit views that save through a service; a refused save shows
    the service's messages next to the fields and saves nothing."""

    log_action = "wagtail.edit"

    def save_with_service(self):
        raise NotImplementedError

    def save_instance(self):
        # The service writes the audit entry.
        return self.save_with_service()

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


class ServiceCreateMixin(ServiceFormMixin):
    log_action = "wagtail.create"


class ServiceDeleteMixin:
    """Delete through a service; a refusal is shown as an error message."""

    def delete_with_service(self):
        raise NotImplementedError

    def form_valid(self, form):
        success_url = self.get_success_url()
        try:
            with transaction.atomic():
                self.delete_with_service()
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return redirect(self.get_success_url())
        messages.success(self.request, self.get_success_message())
        return redirect(success_url)


def scoped(view_class, selector):
    """*view_class* (history, usage) reading its object through *selector*."""

    def get_base_object_queryset(self):
        # The view's own permission check comes first (refused, not 404).
        required = self.any_permission_required or [self.permission_required]
        if not self.user_has_any_permission(required):
            return view_class.get_base_object_queryset(self)
        return selector(self.request.user)

    return type(
        f"Scoped{view_class.__name__}",
        (view_class,),
        {"get_base_object_queryset": get_base_object_queryset},
    )


class LabelledInspectView(generic.InspectView):
    """Inspect view whose computed rows (``get_<name>_display_value``) have
    labels of their own."""

    extra_labels: dict = {}

    def get_field_label(self, field_name, field):
        if field_name in self.extra_labels:
            return str(self.extra_labels[field_name])
        return super().get_field_label(field_name, field)


class ObjectActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A confirmation form for a state-changing action on one object (POST)."""

    template_name = "planning/admin/action_form.html"
    model = None
    permission_required = "change"
    submit_label = _("Confirm")
    header_icon = "doc-full"
    inspect_url_name = ""
    intro = ""

    def scoped_queryset(self):
        raise NotImplementedError

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = None

    def dispatch(self, request, *args, **kwargs):
        if self.permission_required and not self.user_has_permission(
            self.permission_required
        ):
            raise PermissionDenied
        self.object = get_object_or_404(
            self.scoped_queryset(), pk=unquote(str(kwargs["pk"]))
        )
        return FormView.dispatch(self, request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=[quote(self.object.pk)])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            submit_label=self.submit_label,
            cancel_url=self.get_success_url(),
            intro=self.intro,
        )
        return context

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            message = self.perform(form)
        except ValidationError as error:
            add_to_form(form, error)
            return self.form_invalid(form)
        messages.success(self.request, message)
        return redirect(self.get_success_url())


# --- plans ----------------------------------------------------------------------
class PlanFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=PlanStatus.choices, widget=forms.RadioSelect
    )
    term = django_filters.ChoiceFilter(
        label=_("Term"), choices=PlanTerm.choices, widget=forms.RadioSelect
    )
    year = django_filters.NumberFilter(
        label=_("Year"), method="filter_year", help_text=_("Plans covering this year.")
    )

    class Meta:
        model = Plan
        fields = ["status", "term", "year"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(start_year__lte=value, end_year__gte=value)


class PlanIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.plans_for(self.request.user)


class PlanInspectView(ScopedObjectMixin, LabelledInspectView):
    template_name = "planning/admin/plan_inspect.html"
    extra_labels = {
        "document_number": _("Number"),
        "period_display": pgettext_lazy("plan", "Period"),
    }

    def scoped_queryset(self):
        return selectors.plans_for(self.request.user)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.user_has_permission("change"):
            options = services.plan_actions_available(self.object, self.request.user)
            for priority, option in enumerate(options, start=30):
                buttons.append(
                    Button(
                        option.transition.label,
                        url=reverse(
                            "planning_plans:transition",
                            args=[quote(self.object.pk), option.transition.action],
                        ),
                        icon_name="arrow-right",
                        priority=priority,
                    )
                )
        if (
            self.user_has_permission("change")
            and self.object.status != PlanStatus.CLOSED
        ):
            buttons.append(
                Button(
                    _("Add a task"),
                    url=reverse("planning_tasks:add") + f"?plan={self.object.pk}",
                    icon_name="plus",
                    priority=50,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = selectors.today()
        tasks = selectors.tasks_for(self.request.user).filter(plan=self.object)
        counts = selectors.task_status_counts(tasks, today)
        context["areas"] = self.object.content_areas.all()
        context["tasks"] = [
            (task, counts.get(task.pk), selectors.lead_organisations(task))
            for task in tasks.order_by("content_area__sort_order", "code", "pk")
        ]
        context["status_labels"] = [(s, s.label) for s in selectors.STATUS_ORDER]
        context["history"] = workflow.history_rows(self.object)
        context["today"] = today
        return context

    def get_period_display_display_value(self):
        return self.object.period_display

    def get_document_number_display_value(self):
        return self.object.document_number


class PlanCreateView(ServiceCreateMixin, generic.CreateView):
    def save_with_service(self):
        return services.plan_save(self.form.save(commit=False), user=self.request.user)


class PlanEditView(ScopedObjectMixin, ServiceFormMixin, generic.EditView):
    def scoped_queryset(self):
        return selectors.plans_for(self.request.user)

    def save_with_service(self):
        return services.plan_save(self.form.save(commit=False), user=self.request.user)


class PlanDeleteView(ServiceDeleteMixin, generic.DeleteView):
    def delete_with_service(self):
        services.plan_delete(self.object, user=self.request.user)


class PlanTransitionView(ObjectActionView):
    model = Plan
    inspect_url_name = "planning_plans:inspect"

    def scoped_queryset(self):
        return selectors.plans_for(self.request.user)

    @property
    def action(self):
        action = self.kwargs["action"]
        if PLAN_MACHINE.get(action) is None:
            raise Http404
        return action

    def get_form_class(self):
        return IssuePlanForm if self.action == "issue" else TransitionForm

    def get_initial(self):
        if self.action == "issue":
            return {"issued_on": selectors.today()}
        return {}

    def get_page_title(self):
        return {
            "submit": _("Send the plan for consultation"),
            "return": _("Return the plan to draft"),
            "issue": _("Issue the plan"),
            "start": _("Start the plan's execution"),
            "close": _("Close the plan"),
        }[self.action]

    @property
    def intro(self):
        return {
            "submit": _("Departments are consulted on the draft; it can still change."),
            "return": _("The plan goes back to its drafters."),
            "issue": _(
                "Once issued, the plan's text is fixed and its tasks go to the "
                "assigned units: they see them, report on them and receive reminders."
            ),
            "start": _("The plan is being carried out."),
            "close": _("No more reports are taken; tasks stay in the history."),
        }[self.action]

    @property
    def submit_label(self):
        return self.get_page_title()

    def perform(self, form):
        user, note = self.request.user, form.cleaned_data.get("note", "")
        values = {}
        if self.action == "issue":
            values = {
                "number": form.cleaned_data["number"],
                "issued_on": form.cleaned_data["issued_on"],
            }
        services.plan_transition(
            self.object, self.action, user=user, note=note, **values
        )
        return _("“%(plan)s” is now %(status)s.") % {
            "plan": self.object,
            "status": self.object.get_status_display(),
        }


class PlanViewSet(ModelViewSet):
    model = Plan
    icon = "doc-full"
    menu_label = _("Plans")
    name = "planning_plans"
    url_prefix = "planning/plans"
    index_view_class = PlanIndexView
    inspect_view_class = PlanInspectView
    add_view_class = PlanCreateView
    edit_view_class = PlanEditView
    delete_view_class = PlanDeleteView
    history_view_class = scoped(generic.HistoryView, selectors.plans_for)
    usage_view_class = scoped(generic.UsageView, selectors.plans_for)
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = PlanFilterSet
    search_fields = ["title", "code", "purpose"]
    search_backend_name = None
    list_display = [
        Column("number", label=_("Number"), accessor="document_number"),
        "title",
        Column("term", label=_("Term"), accessor="get_term_display"),
        Column(
            "period", label=pgettext_lazy("plan", "Period"), accessor="period_display"
        ),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("issued_on", label=_("Date of issue")),
    ]
    list_export = [
        "document_number",
        "title",
        "get_term_display",
        "start_year",
        "end_year",
        "issuer",
        "issued_on",
        "get_status_display",
    ]
    export_headings = {
        "document_number": _("Number"),
        "get_term_display": _("Term"),
        "issuer": _("Issuing body"),
        "get_status_display": _("Status"),
    }
    export_filename = "ke-hoach"
    inspect_view_fields = [
        "document_number",
        "title",
        "term",
        "period_display",
        "issuer",
        "issued_on",
        "status",
        "basis",
        "purpose",
        "requirements",
        "document",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldRowPanel(
                        [
                            FieldPanel("term"),
                            FieldPanel("start_year"),
                            FieldPanel("end_year"),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("code"), FieldPanel("issuer")]),
                    FieldPanel("document"),
                ],
                heading=_("Plan document"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("basis"),
                    FieldPanel("purpose"),
                    FieldPanel("requirements"),
                ],
                heading=_("Content"),
            ),
            InlinePanel(
                "content_areas",
                heading=_("Content areas"),
                label=_("Content area"),
                help_text=_(
                    "e.g. information provision; training; promotion events; "
                    "coordination against distorted information."
                ),
            ),
        ],
        base_form_class=PlanningModelForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "<str:pk>/transition/<slug:action>/",
                PlanTransitionView.as_view(),
                name="transition",
            ),
        ]


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


class TaskIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.tasks_for(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = [task.pk for task in context["object_list"]]
        context["task_status_counts"] = selectors.task_status_counts(
            Task.objects.filter(pk__in=page), selectors.today()
        )
        return context


class TaskInspectView(ScopedObjectMixin, LabelledInspectView):
    template_name = "planning/admin/task_inspect.html"
    extra_labels = {"schedule": _("Deadline")}

    def scoped_queryset(self):
        return selectors.tasks_for(self.request.user)

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


class TaskCreateView(ServiceCreateMixin, generic.CreateView):
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

    def save_with_service(self):
        return services.task_save(_task_input(self.form), user=self.request.user)


class TaskEditView(ScopedObjectMixin, ServiceFormMixin, generic.EditView):
    def scoped_queryset(self):
        return selectors.tasks_for(self.request.user)

    def save_with_service(self):
        task = Task.objects.get(pk=self.object.pk)
        return services.task_save(
            _task_input(self.form, instance=task), task=task, user=self.request.user
        )


class TaskDeleteView(ServiceDeleteMixin, generic.DeleteView):
    def delete_with_service(self):
        services.task_delete(self.object, user=self.request.user)


class TaskViewSet(ModelViewSet):
    model = Task
    icon = "tasks"
    menu_label = pgettext_lazy("planning", "Tasks")
    name = "planning_tasks"
    url_prefix = "planning/tasks"
    index_view_class = TaskIndexView
    inspect_view_class = TaskInspectView
    add_view_class = TaskCreateView
    edit_view_class = TaskEditView
    delete_view_class = TaskDeleteView
    history_view_class = scoped(generic.HistoryView, selectors.tasks_for)
    usage_view_class = scoped(generic.UsageView, selectors.tasks_for)
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = TaskFilterSet
    search_fields = ["title", "code", "description"]
    search_backend_name = None
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


class ProgressReportIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.progress_reports_for(self.request.user)


class ProgressReportInspectView(ScopedObjectMixin, LabelledInspectView):
    template_name = "planning/admin/report_inspect.html"
    extra_labels = {
        "organisation": _("Unit"),
        "reporting_period": _("Reporting period"),
    }

    def scoped_queryset(self):
        return selectors.progress_reports_for(self.request.user)

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


class ProgressReportCreateView(ServiceCreateMixin, generic.CreateView):
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

    def save_with_service(self):
        return services.progress_report_save(
            self.form.save(commit=False), user=self.request.user
        )


class ProgressReportEditView(ScopedObjectMixin, ServiceFormMixin, generic.EditView):
    def scoped_queryset(self):
        return selectors.progress_reports_for(self.request.user)

    def get_object(self, queryset=None):
        report = super().get_object(queryset)
        if report.status == ReportStatus.ACCEPTED or not selectors.can_report_on(
            self.request.user, report.work_item
        ):
            raise PermissionDenied
        return report

    def save_with_service(self):
        return services.progress_report_save(
            self.form.save(commit=False), user=self.request.user
        )


class ProgressReportReviewView(ObjectActionView):
    model = ProgressReport
    permission_required = "review"
    inspect_url_name = "planning_reports:inspect"
    form_class = ReviewForm
    submit_label = _("Save the decision")

    def scoped_queryset(self):
        return selectors.progress_reports_for(self.request.user)

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


class ProgressReportViewSet(ModelViewSet):
    model = ProgressReport
    icon = "doc-full-inverse"
    menu_label = _("Progress reports")
    name = "planning_reports"
    url_prefix = "planning/progress-reports"
    index_view_class = ProgressReportIndexView
    inspect_view_class = ProgressReportInspectView
    add_view_class = ProgressReportCreateView
    edit_view_class = ProgressReportEditView
    history_view_class = scoped(generic.HistoryView, selectors.progress_reports_for)
    usage_view_class = scoped(generic.UsageView, selectors.progress_reports_for)
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ProgressReportFilterSet
    search_fields = ["summary", "work_item__task__title"]
    search_backend_name = None
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

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<str:pk>/review/", ProgressReportReviewView.as_view(), name="review"),
        ]


# --- steering committee and meetings --------------------------------------------
class CommitteeInspectView(generic.InspectView):
    template_name = "planning/admin/committee_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = selectors.today()
        current = selectors.members_on(self.object, today)
        current_ids = {m.pk for m in current}
        context["current_members"] = current
        context["past_members"] = [
            m
            for m in self.object.members.select_related(
                "person", "organisation"
            ).order_by("-valid_from")
            if m.pk not in current_ids
        ]
        context["meetings"] = self.object.meetings.order_by("-held_on")
        context["today"] = today
        return context


class CommitteeCreateView(ServiceCreateMixin, generic.CreateView):
    def save_with_service(self):
        return services.committee_save(
            self.form.save(commit=False), user=self.request.user
        )


class CommitteeEditView(ServiceFormMixin, generic.EditView):
    def save_with_service(self):
        return services.committee_save(
            self.form.save(commit=False), user=self.request.user
        )


class CommitteeViewSet(ModelViewSet):
    model = SteeringCommittee
    icon = "group"
    menu_label = _("Steering committee")
    name = "planning_committees"
    url_prefix = "planning/committees"
    inspect_view_class = CommitteeInspectView
    add_view_class = CommitteeCreateView
    edit_view_class = CommitteeEditView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", DateColumn("established_on", label=_("Established on"))]
    list_export = ["name", "decision", "established_on", "dissolved_on"]
    export_filename = "ban-chi-dao"
    search_fields = ["name"]
    search_backend_name = None
    inspect_view_fields = [
        "name",
        "decision",
        "established_on",
        "dissolved_on",
        "regulation",
        "notes",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("decision"),
            FieldRowPanel([FieldPanel("established_on"), FieldPanel("dissolved_on")]),
            FieldPanel("regulation"),
            FieldPanel("notes"),
            InlinePanel(
                "members",
                heading=_("Members"),
                label=_("Member"),
                help_text=_(
                    "Members over time: when someone leaves, enter the last day "
                    "instead of deleting the row."
                ),
            ),
        ],
        base_form_class=PlanningModelForm,
    )


class MeetingFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=MeetingKind.choices, widget=forms.RadioSelect
    )
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="held_on", lookup_expr="year"
    )

    class Meta:
        model = Meeting
        fields = ["kind", "year"]


class MeetingIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.meetings_for(self.request.user)


class MeetingInspectView(generic.InspectView):
    template_name = "planning/admin/meeting_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["conclusions"] = [
            (conclusion, list(conclusion.tasks.all()))
            for conclusion in self.object.conclusions.all()
        ]
        context["documents"] = self.object.documents.select_related("document")
        context["can_assign"] = self.request.user.has_perm("planning.add_task")
        context["task_add_url"] = reverse("planning_tasks:add")
        return context


class MeetingCreateView(ServiceCreateMixin, generic.CreateView):
    def save_with_service(self):
        return services.meeting_save(
            self.form.save(commit=False), user=self.request.user
        )


class MeetingEditView(ServiceFormMixin, generic.EditView):
    def save_with_service(self):
        return services.meeting_save(
            self.form.save(commit=False), user=self.request.user
        )


class MeetingDeleteView(ServiceDeleteMixin, generic.DeleteView):
    def delete_with_service(self):
        services.meeting_delete(self.object, user=self.request.user)


class MeetingViewSet(ModelViewSet):
    model = Meeting
    icon = "date"
    menu_label = _("Meetings")
    name = "planning_meetings"
    url_prefix = "planning/meetings"
    index_view_class = MeetingIndexView
    inspect_view_class = MeetingInspectView
    add_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    delete_view_class = MeetingDeleteView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = MeetingFilterSet
    search_fields = ["title", "summary"]
    search_backend_name = None
    list_display = [
        DateColumn("held_on", label=_("Date")),
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        "title",
        Column("committee", label=_("Steering committee"), accessor="committee"),
    ]
    list_export = ["held_on", "get_kind_display", "title", "location", "summary"]
    export_headings = {"get_kind_display": _("Kind")}
    export_filename = "cuoc-hop-ban-chi-dao"
    inspect_view_fields = [
        "committee",
        "kind",
        "title",
        "held_on",
        "location",
        "chair",
        "agenda",
        "summary",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("committee"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("held_on")]),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("location"), FieldPanel("chair")]),
            FieldPanel("agenda"),
            FieldPanel("summary"),
            InlinePanel("documents", heading=_("Documents"), label=_("Document")),
            InlinePanel(
                "conclusions",
                heading=_("Conclusions"),
                label=_("Conclusion"),
                help_text=_(
                    "After saving, each conclusion can be assigned as tasks from "
                    "the meeting's page."
                ),
            ),
        ],
        base_form_class=PlanningModelForm,
    )


class PlanningViewSetGroup(ModelViewSetGroup):
    menu_label = _("Plans and tasks")
    menu_icon = "tasks"
    menu_order = 260
    items = (
        PlanViewSet,
        TaskViewSet,
        ProgressReportViewSet,
        CommitteeViewSet,
        MeetingViewSet,
    )
