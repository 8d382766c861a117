"""The steering committee, its meetings and the menu group of planning."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, DateColumn

import django_filters

from ttdn.core.admin.views import (
    ScopedInspectView,
)
from ttdn.core.admin.viewsets import ServiceModelViewSet

from .. import selectors, services
from ..choices import (
    MeetingKind,
)
from ..forms import (
    PlanningModelForm,
)
from ..models import (
    Meeting,
    SteeringCommittee,
)


# --- steering committee and meetings --------------------------------------------
class CommitteeInspectView(ScopedInspectView):
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


class CommitteeViewSet(ServiceModelViewSet):
    model = SteeringCommittee
    icon = "group"
    menu_label = _("Steering committee")
    name = "planning_committees"
    url_prefix = "planning/committees"
    inspect_view_class = CommitteeInspectView
    search_fields = ["name", "decision"]

    def save_service(self, instance, *, user):
        return services.committee_save(instance, user=user)

    def delete_service(self, instance, *, user):
        services.committee_delete(instance, user=user)

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


class MeetingInspectView(ScopedInspectView):
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


class MeetingViewSet(ServiceModelViewSet):
    model = Meeting
    icon = "date"
    menu_label = _("Meetings")
    name = "planning_meetings"
    url_prefix = "planning/meetings"
    inspect_view_class = MeetingInspectView
    filterset_class = MeetingFilterSet
    search_fields = ["title", "summary"]

    def scope(self, user):
        return selectors.meetings_for(user)

    def save_service(self, instance, *, user):
        return services.meeting_save(instance, user=user)

    def delete_service(self, instance, *, user):
        services.meeting_delete(instance, user=user)

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
