"""Plans: listing, form, inspect with tasks and history, and their workflow
actions."""

from django import forms
from django.contrib.admin.utils import quote
from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import Button

import django_filters

from ttdn.core import workflow
from ttdn.core.admin.views import (
    ObjectActionView,
    ScopedInspectView,
)
from ttdn.core.admin.viewsets import ServiceModelViewSet

from .. import selectors, services
from ..choices import (
    PlanStatus,
    PlanTerm,
)
from ..forms import (
    IssuePlanForm,
    PlanningModelForm,
    TransitionForm,
)
from ..machines import PLAN_MACHINE
from ..models import (
    Plan,
)


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


class PlanInspectView(ScopedInspectView):
    template_name = "planning/admin/plan_inspect.html"
    extra_labels = {
        "document_number": _("Number"),
        "period_display": pgettext_lazy("plan", "Period"),
    }

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

    def get_issuing_document_display_value(self):
        entry = self.object.issuing_document
        if entry is None:
            return ""
        return format_html(
            '<a href="{}">{}</a>',
            reverse("official_documents:inspect", args=[entry.pk]),
            entry,
        )


class PlanTransitionView(ObjectActionView):
    model = Plan
    inspect_url_name = "planning_plans:inspect"

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


class PlanViewSet(ServiceModelViewSet):
    model = Plan
    icon = "doc-full"
    menu_label = _("Plans")
    name = "planning_plans"
    url_prefix = "planning/plans"
    inspect_view_class = PlanInspectView
    filterset_class = PlanFilterSet
    search_fields = ["title", "code", "purpose"]
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
        "issuing_document",
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
                    FieldPanel("issuing_document"),
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

    def scope(self, user):
        return selectors.plans_for(user)

    def save_service(self, instance, *, user):
        return services.plan_save(instance, user=user)

    def delete_service(self, instance, *, user):
        services.plan_delete(instance, user=user)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "<str:pk>/transition/<slug:action>/",
                PlanTransitionView.as_view(scope=self.scope),
                name="transition",
            ),
        ]
