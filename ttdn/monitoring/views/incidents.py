"""Incidents: opening, editing the dossier, their workflow actions and responses."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import BooleanRadioSelect

import django_filters

from ttdn.core import workflow
from ttdn.core.admin.views import ScopedInspectView
from ttdn.core.admin.viewsets import ServiceModelViewSet
from ttdn.core.errors import add_to_form
from ttdn.core.workflow import ROLE, SCOPE, TransitionRefused

from .. import forms, selectors, services
from ..choices import (
    STATE_ORDER,
    Falsity,
    IncidentState,
    Severity,
    Topic,
)
from ..models import Incident
from .common import _error_text, _require, local


# --- incidents ------------------------------------------------------------------------
class IncidentFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"), choices=IncidentState.choices
    )
    overdue = django_filters.BooleanFilter(
        label=gettext_lazy("Overdue"),
        method="filter_overdue",
        widget=BooleanRadioSelect,
    )
    organisation = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Assigned to"),
        queryset=lambda request: (
            forms.Organisation.objects.filter(monitoring_incidents__isnull=False)
            .distinct()
            .order_by("name")
        ),
    )
    falsity = django_filters.ChoiceFilter(
        label=gettext_lazy("Verification result"), choices=Falsity.choices
    )
    severity = django_filters.ChoiceFilter(
        label=gettext_lazy("Severity"), choices=Severity.choices
    )
    topic = django_filters.ChoiceFilter(
        label=gettext_lazy("Topic"), choices=Topic.choices
    )

    class Meta:
        model = Incident
        fields = ["state", "overdue", "organisation", "falsity", "severity", "topic"]

    def filter_overdue(self, queryset, name, value):
        overdue = queryset.filter(state__in=selectors.OPEN_STATES).filter(
            selectors.overdue_q(timezone.now())
        )
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class IncidentScopeMixin:  # for the form views, which are not generic views
    """Incidents outside the user's scope do not exist for them (404), once the
    view's own permission check has passed."""

    def scoped_incidents(self):
        if not self.request.user.has_perm("monitoring.view_incident"):
            raise PermissionDenied
        return selectors.incidents_for(self.request.user)


class IncidentCreateView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "monitoring/admin/incident_form.html"
    page_title = gettext_lazy("Open an incident")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        _require(request, "monitoring.add_incident")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", forms.IncidentCreateForm())
        context["action_url"] = reverse("monitoring_incidents:add")
        return context

    def post(self, request):
        form = forms.IncidentCreateForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                incident = services.open_incident(
                    user=request.user,
                    title=data["title"],
                    summary=data["summary"],
                    url=data["url"],
                    source_channel=data["source_channel"],
                    severity=data["severity"],
                    topic=data["topic"],
                    detected_at=data["detected_at"],
                    published_at=data["published_at"],
                )
            except ValidationError as error:
                add_to_form(form, error)
            else:
                messages.success(
                    request, _("Incident opened: %(title)s") % {"title": incident}
                )
                return redirect("monitoring_incidents:inspect", incident.pk)
        return self.render_to_response(self.get_context_data(form=form))


class IncidentEditView(IncidentScopeMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "monitoring/admin/incident_form.html"
    page_title = gettext_lazy("Edit the incident")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        _require(request, "monitoring.change_incident")
        self.object = get_object_or_404(
            self.scoped_incidents(), pk=unquote(str(kwargs["pk"]))
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", forms.IncidentEditForm(instance=self.object))
        context["action_url"] = reverse(
            "monitoring_incidents:edit", args=[self.object.pk]
        )
        return context

    def post(self, request, pk):
        form = forms.IncidentEditForm(
            request.POST, instance=Incident.objects.get(pk=self.object.pk)
        )
        if form.is_valid():
            changes = {
                name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS
            }
            try:
                services.update_incident(self.object, user=request.user, **changes)
            except ValidationError as error:
                add_to_form(form, error)
            else:
                messages.success(request, _("Incident saved."))
                return redirect("monitoring_incidents:inspect", self.object.pk)
        return self.render_to_response(self.get_context_data(form=form))


class IncidentInspectView(ScopedInspectView):
    template_name = "monitoring/admin/incident_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        incident = self.object
        user = self.request.user
        targets = services.allowed_transitions(incident, user)
        responses = list(incident.responses.select_related("article", "created_by"))
        context.update(
            incident=incident,
            history=workflow.history_rows(incident),
            responses=[(r, services.article_status(r.article)) for r in responses],
            deadlines=incident.deadlines(),
            overdue=selectors.overdue_steps(incident),
            targets=[(t, IncidentState(t).label) for t in targets],
            transition_form=forms.TransitionForm(incident=incident),
            response_form=forms.ResponseForm(initial={"sent_at": timezone.now()}),
            can_respond=user.has_perm("monitoring.add_response")
            and incident.state in (IncidentState.VERIFYING, IncidentState.RESPONDING),
            can_edit=user.has_perm("monitoring.change_incident")
            and incident.state != IncidentState.CLOSED,
            transition_url=reverse(
                "monitoring_incidents:transition", args=[incident.pk]
            ),
            respond_url=reverse("monitoring_incidents:respond", args=[incident.pk]),
            edit_url=reverse("monitoring_incidents:edit", args=[incident.pk]),
            local=local,
        )
        return context


def _scoped_incident(request, pk) -> Incident:
    if not request.user.has_perm("monitoring.view_incident"):
        raise PermissionDenied
    return get_object_or_404(selectors.incidents_for(request.user), pk=pk)


def incident_transition(request, pk):
    incident = _scoped_incident(request, pk)
    if request.method != "POST":
        return redirect("monitoring_incidents:inspect", pk)
    form = forms.TransitionForm(request.POST, incident=incident)
    if not form.is_valid():
        messages.error(
            request,
            _("The form has errors: %(errors)s") % {"errors": form.errors.as_text()},
        )
        return redirect("monitoring_incidents:inspect", pk)
    data = form.cleaned_data
    if data["to_state"] not in STATE_ORDER:
        raise Http404
    try:
        services.transition(
            incident,
            data["to_state"],
            user=request.user,
            note=data["note"],
            organisation=data["organisation"],
            severity=data["severity"] or None,
            falsity=data["falsity"] or None,
            verification_notes=data["verification_notes"] or None,
            reported_to=data["reported_to"] or None,
        )
    except TransitionRefused as refusal:
        if refusal.code in (ROLE, SCOPE):
            raise PermissionDenied(refusal.message) from None
        messages.error(request, _error_text(refusal))
        return redirect("monitoring_incidents:inspect", pk)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("monitoring_incidents:inspect", pk)
    messages.success(
        request,
        _("Incident moved to “%(state)s”.")
        % {"state": IncidentState(data["to_state"]).label},
    )
    return redirect("monitoring_incidents:inspect", pk)


def incident_respond(request, pk):
    incident = _scoped_incident(request, pk)
    _require(request, "monitoring.add_response")
    if request.method != "POST":
        return redirect("monitoring_incidents:inspect", pk)
    form = forms.ResponseForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("The form has errors: %(errors)s") % {"errors": form.errors.as_text()},
        )
        return redirect("monitoring_incidents:inspect", pk)
    data = form.cleaned_data
    try:
        services.add_response(
            incident,
            user=request.user,
            kind=data["kind"],
            summary=data["summary"],
            sent_at=data["sent_at"],
            article=data["article"],
            recipient=data["recipient"],
            url=data["url"],
            outcome=data["outcome"],
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("monitoring_incidents:inspect", pk)
    messages.success(request, _("Response recorded."))
    return redirect("monitoring_incidents:inspect", pk)


def _next_deadline(incident):
    due = selectors.next_deadline(incident)
    return local(due)


class IncidentViewSet(ServiceModelViewSet):
    model = Incident
    icon = "warning"
    menu_label = gettext_lazy("Incidents")
    menu_order = 210
    name = "monitoring_incidents"
    url_prefix = "monitoring/incidents"
    inspect_view_class = IncidentInspectView
    filterset_class = IncidentFilterSet
    list_per_page = 50
    ordering = ["-detected_at"]
    form_fields = ["title"]
    list_display = [
        "title",
        Column("state", label=gettext_lazy("State"), accessor="get_state_display"),
        Column(
            "organisation", label=gettext_lazy("Assigned to"), accessor="organisation"
        ),
        Column(
            "detected_at",
            label=gettext_lazy("Detected at"),
            accessor=lambda i: local(i.detected_at),
        ),
        Column(
            "next_deadline",
            label=gettext_lazy("Next deadline"),
            accessor=_next_deadline,
        ),
        Column(
            "falsity",
            label=gettext_lazy("Verification result"),
            accessor="get_falsity_display",
        ),
    ]
    list_export = [
        "title",
        "state",
        "organisation.name",
        "detected_at",
        "published_at",
        "triaged_at",
        "first_response_at",
        "reported_at",
        "closed_at",
        "falsity",
        "severity",
        "topic",
        "url",
    ]
    export_filename = "su-viec-thong-tin"

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        patterns = [
            p for p in super().get_urlpatterns() if p.name not in ("add", "edit")
        ]
        return [
            *patterns,
            path("new/", IncidentCreateView.as_view(), name="add"),
            path(f"edit/<{conv}:pk>/", IncidentEditView.as_view(), name="edit"),
            path("transition/<int:pk>/", incident_transition, name="transition"),
            path("respond/<int:pk>/", incident_respond, name="respond"),
        ]

    def scope(self, user):
        return selectors.incidents_for(user)

    def delete_service(self, instance, *, user):
        services.delete_incident(instance, user=user)
