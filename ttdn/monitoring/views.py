"""Wagtail admin of the monitoring app (menu group "Theo dõi thông tin"): the inbox,
the incident board, sources, items, stories, incidents, alerts and deadline rules.
Views are thin: reads through ``selectors`` (scoping by organisation), writes
through ``services``."""

import datetime as dt

from django import forms as django_forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from ttdn.core import workflow
from ttdn.core.admin_pages import AdminPageViewSet
from ttdn.core.errors import add_to_form
from ttdn.core.text import fold, nfc
from ttdn.core.timefmt import to_local
from ttdn.core.workflow import ROLE, SCOPE, TransitionRefused

from . import forms, selectors, services
from .choices import (
    STATE_ORDER,
    Falsity,
    IncidentState,
    Review,
    Severity,
    SourceKind,
    SourceType,
    Topic,
)
from .models import Alert, DeadlineRule, Incident, Item, Source, Story


def local(value) -> str:
    return f"{to_local(value):%d/%m/%Y %H:%M}" if value else ""


def folded_filter(queryset, query: str):
    for word in fold(nfc(query or "")).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


class FoldedSearchIndexView(generic.IndexView):
    """Search that ignores diacritics (the folded ``search_text`` column)."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return folded_filter(queryset, self.search_query)


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Records the pipeline writes: nobody adds, edits or deletes them in the
    admin (items are reviewed in the inbox)."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _back(request, fallback: str):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/admin/"):
        return redirect(target)
    return redirect(fallback)


def _error_text(error: ValidationError) -> str:
    return " ".join(
        str(m) for messages_ in error.message_dict.values() for m in messages_
    )


# --- sources --------------------------------------------------------------------------
class SourceFilterSet(WagtailFilterSet):
    source_type = django_filters.ChoiceFilter(
        label=pgettext_lazy("source", "Type"),
        choices=SourceType.choices,
        widget=django_forms.RadioSelect,
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind"),
        choices=SourceKind.choices,
        widget=django_forms.RadioSelect,
    )
    enabled = django_filters.BooleanFilter(
        label=pgettext_lazy("source", "Enabled"), widget=BooleanRadioSelect
    )
    failing = django_filters.BooleanFilter(
        label=gettext_lazy("Failing"),
        method="filter_failing",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = Source
        fields = ["source_type", "kind", "enabled", "failing"]

    def filter_failing(self, queryset, name, value):
        if value:
            return queryset.filter(consecutive_failures__gt=0)
        return queryset.filter(consecutive_failures=0)


class SourceCreateView(generic.CreateView):
    def save_instance(self):
        return services.save_source(self.form.save(commit=False))


class SourceEditView(generic.EditView):
    def save_instance(self):
        return services.save_source(self.form.save(commit=False))


class SourceInspectView(generic.InspectView):
    template_name = "monitoring/admin/source_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["runs"] = self.object.fetch_runs.all()[:20]
        context["can_fetch"] = self.request.user.has_perm("monitoring.change_source")
        context["fetch_url"] = reverse(
            "monitoring_sources:fetch", args=[self.object.pk]
        )
        context["local"] = local
        return context


def fetch_now(request, pk):
    """Fetch a source at once (POST), whatever its schedule."""
    _require(request, "monitoring.change_source")
    source = get_object_or_404(Source, pk=pk)
    if request.method != "POST":
        return redirect("monitoring_sources:inspect", pk)
    report = services.fetch_source(source)
    if report.run.outcome == "error":
        messages.error(request, report.run.message)
    else:
        messages.success(
            request,
            _("Fetched “%(name)s”: %(new)s new item(s), %(duplicate)s already stored.")
            % {
                "name": source,
                "new": report.run.items_new,
                "duplicate": report.run.items_duplicate,
            },
        )
    return redirect("monitoring_sources:inspect", pk)


class SourceViewSet(ModelViewSet):
    model = Source
    icon = "rss"
    menu_label = gettext_lazy("Sources")
    menu_order = 300
    name = "monitoring_sources"
    url_prefix = "monitoring/sources"
    index_view_class = FoldedSearchIndexView
    add_view_class = SourceCreateView
    edit_view_class = SourceEditView
    inspect_view_class = SourceInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_fields = ["search_text"]
    search_backend_name = None
    filterset_class = SourceFilterSet
    list_per_page = 50
    ordering = ["name"]
    list_display = [
        "name",
        Column(
            "source_type",
            label=pgettext_lazy("source", "Type"),
            accessor="get_source_type_display",
        ),
        Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
        Column("health", label=gettext_lazy("Health"), accessor="health_display"),
        Column(
            "last_success_at",
            label=gettext_lazy("Last success"),
            accessor=lambda s: local(s.last_success_at),
        ),
        Column(
            "next_fetch_at",
            label=gettext_lazy("Next fetch"),
            accessor=lambda s: local(s.next_fetch_at),
        ),
    ]
    list_export = [
        "name",
        "url",
        "source_type",
        "kind",
        "language",
        "interval_minutes",
        "enabled",
        "last_success_at",
        "last_error_at",
        "last_error",
        "consecutive_failures",
    ]
    export_filename = "nguon-tin"
    inspect_view_fields = [
        "name",
        "source_type",
        "url",
        "link_selector",
        "language",
        "kind",
        "interval_minutes",
        "enabled",
        "notes",
        "last_fetch_at",
        "last_success_at",
        "last_error_at",
        "last_error",
        "consecutive_failures",
        "next_fetch_at",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("source_type"), FieldPanel("kind")]),
            FieldPanel("url"),
            FieldPanel("link_selector"),
            FieldRowPanel([FieldPanel("language"), FieldPanel("interval_minutes")]),
            FieldPanel("enabled"),
            FieldPanel("notes"),
        ],
        base_form_class=forms.SourceForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("fetch/<int:pk>/", fetch_now, name="fetch"),
        ]


# --- items ----------------------------------------------------------------------------
class ItemFilterSet(WagtailFilterSet):
    relevant = django_filters.BooleanFilter(
        label=gettext_lazy("Concerns the province"), widget=BooleanRadioSelect
    )
    review = django_filters.ChoiceFilter(
        label=gettext_lazy("Review"),
        choices=[("none", gettext_lazy("not reviewed")), *Review.choices[1:]],
        method="filter_review",
        widget=django_forms.RadioSelect,
    )
    topic = django_filters.ChoiceFilter(
        label=gettext_lazy("Topic"), choices=Topic.choices
    )
    source = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Source"), queryset=lambda request: Source.objects.all()
    )
    language = django_filters.CharFilter(label=gettext_lazy("Language"))

    class Meta:
        model = Item
        fields = ["relevant", "review", "topic", "source", "language"]

    def filter_review(self, queryset, name, value):
        return queryset.filter(review="" if value == "none" else value)


class ItemInspectView(generic.InspectView):
    template_name = "monitoring/admin/item_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["item"] = self.object
        context["local"] = local
        context["can_review"] = self.request.user.has_perm("monitoring.review_item")
        context["topics"] = Topic.choices
        return context


class ItemViewSet(ModelViewSet):
    model = Item
    icon = "doc-full"
    menu_label = gettext_lazy("Items")
    menu_order = 400
    name = "monitoring_items"
    url_prefix = "monitoring/items"
    index_view_class = FoldedSearchIndexView
    inspect_view_class = ItemInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_fields = ["search_text"]
    search_backend_name = None
    filterset_class = ItemFilterSet
    list_per_page = 50
    ordering = ["-fetched_at"]
    form_fields = ["title"]
    list_display = [
        "title",
        Column("source", label=gettext_lazy("Source"), accessor="source"),
        Column(
            "fetched_at",
            label=gettext_lazy("Fetched at"),
            accessor=lambda i: local(i.fetched_at),
        ),
        Column(
            "relevant",
            label=gettext_lazy("Concerns the province"),
            accessor=lambda i: _("yes") if i.relevant else _("no"),
        ),
        Column(
            "topic",
            label=gettext_lazy("Topic"),
            accessor=lambda i: (
                Topic(i.effective_topic).label if i.effective_topic else ""
            ),
        ),
        Column("review", label=gettext_lazy("Review"), accessor="get_review_display"),
    ]
    list_export = [
        "title",
        "url",
        "source.name",
        "published_at",
        "fetched_at",
        "language",
        "relevant",
        "topic",
        "topic_label",
        "review",
    ]
    export_filename = "tin-thu-thap"

    def get_index_view_kwargs(self, **kwargs):
        kwargs = super().get_index_view_kwargs(**kwargs)
        kwargs["queryset"] = Item.objects.select_related("source")
        return kwargs


# --- inbox ----------------------------------------------------------------------------
class InboxView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "monitoring/admin/inbox.html"
    page_title = gettext_lazy("Inbox")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        _require(request, "monitoring.review_item")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_all = self.request.GET.get("all") == "1"
        paginator = Paginator(
            selectors.inbox(only_relevant=not show_all),
            settings_value("INBOX_PER_PAGE"),
        )
        page = paginator.get_page(self.request.GET.get("p"))
        context.update(
            page=page,
            items=page.object_list,
            show_all=show_all,
            topics=Topic.choices,
            local=local,
            can_open=self.request.user.has_perm("monitoring.add_incident"),
            no_province=not selectors.build_gazetteer().province,
        )
        return context


def settings_value(name):
    from django.conf import settings

    return settings.TTDN_MONITORING[name]


def review(request, pk):
    """Inbox action (POST): relevant / not relevant (with a topic), or open an
    incident."""
    _require(request, "monitoring.review_item")
    if request.method != "POST":
        return redirect("monitoring_inbox:index")
    item = get_object_or_404(Item, pk=pk)
    form = forms.ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an action and a topic from the lists."))
        return _back(request, reverse("monitoring_inbox:index"))
    action = form.cleaned_data["action"]
    topic = form.cleaned_data["topic_label"]
    try:
        if action == "incident":
            _require(request, "monitoring.add_incident")
            if topic:
                services.review_item(
                    item, user=request.user, review=Review.RELEVANT, topic_label=topic
                )
            incident = services.open_incident(user=request.user, item=item)
            messages.success(
                request, _("Incident opened: %(title)s") % {"title": incident}
            )
            return redirect("monitoring_incidents:inspect", incident.pk)
        services.review_item(
            item, user=request.user, review=action, topic_label=topic or None
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return _back(request, reverse("monitoring_inbox:index"))
    messages.success(
        request,
        _("“%(title)s” marked %(review)s.")
        % {"title": item.title, "review": Review(action).label},
    )
    return _back(request, reverse("monitoring_inbox:index"))


class PermissionPageViewSet(AdminPageViewSet):
    """A single page, in the menu for users with ``permission``."""

    permission = ""

    def shown_to(self, user) -> bool:
        return user.has_perm(self.permission)


class InboxViewSet(PermissionPageViewSet):
    name = "monitoring_inbox"
    url_prefix = "monitoring/inbox"
    icon = "mail"
    menu_label = gettext_lazy("Inbox")
    menu_name = "monitoring-inbox"
    menu_order = 100
    permission = "monitoring.review_item"
    view_class = InboxView
    extra_urls = (path("review/<int:pk>/", review, name="review"),)


# --- stories --------------------------------------------------------------------------
class StoryFilterSet(WagtailFilterSet):
    relevant = django_filters.BooleanFilter(
        label=gettext_lazy("Concerns the province"), widget=BooleanRadioSelect
    )
    topic = django_filters.ChoiceFilter(
        label=gettext_lazy("Topic"), choices=Topic.choices
    )
    republished = django_filters.BooleanFilter(
        label=gettext_lazy("Republished (several items)"),
        method="filter_republished",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = Story
        fields = ["relevant", "topic", "republished"]

    def filter_republished(self, queryset, name, value):
        return (
            queryset.filter(item_count__gt=1)
            if value
            else queryset.filter(item_count=1)
        )


class StoryInspectView(generic.InspectView):
    template_name = "monitoring/admin/story_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        story = self.object
        context.update(
            story=story,
            items=story.items.select_related("source").order_by("fetched_at", "pk"),
            alerts=story.alerts.all()[:10],
            incidents=selectors.incidents_for(self.request.user).filter(story=story),
            can_open=self.request.user.has_perm("monitoring.add_incident"),
            open_url=reverse("monitoring_stories:open_incident", args=[story.pk]),
            local=local,
        )
        return context


def open_story_incident(request, pk):
    _require(request, "monitoring.add_incident")
    story = get_object_or_404(Story, pk=pk)
    if request.method != "POST":
        return redirect("monitoring_stories:inspect", pk)
    try:
        incident = services.open_incident(user=request.user, story=story)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("monitoring_stories:inspect", pk)
    messages.success(request, _("Incident opened: %(title)s") % {"title": incident})
    return redirect("monitoring_incidents:inspect", incident.pk)


class StoryViewSet(ModelViewSet):
    model = Story
    icon = "list-ul"
    menu_label = gettext_lazy("Stories")
    menu_order = 500
    name = "monitoring_stories"
    url_prefix = "monitoring/stories"
    index_view_class = FoldedSearchIndexView
    inspect_view_class = StoryInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_fields = ["search_text"]
    search_backend_name = None
    filterset_class = StoryFilterSet
    list_per_page = 50
    ordering = ["-last_seen_at"]
    form_fields = ["title"]
    list_display = [
        "title",
        Column("item_count", label=gettext_lazy("Items"), accessor="item_count"),
        Column("source_count", label=gettext_lazy("Sources"), accessor="source_count"),
        Column(
            "first_seen_at",
            label=gettext_lazy("First seen"),
            accessor=lambda s: local(s.first_seen_at),
        ),
        Column(
            "last_seen_at",
            label=gettext_lazy("Last seen"),
            accessor=lambda s: local(s.last_seen_at),
        ),
        Column("topic", label=gettext_lazy("Topic"), accessor="get_topic_display"),
    ]
    list_export = [
        "title",
        "item_count",
        "source_count",
        "first_seen_at",
        "last_seen_at",
        "topic",
        "relevant",
    ]
    export_filename = "chuoi-tin"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("open-incident/<int:pk>/", open_story_incident, name="open_incident"),
        ]


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


class IncidentScopeMixin:
    """Incidents outside the user's scope do not exist for them (404), once the
    view's own permission check has passed."""

    def scoped_incidents(self):
        if not self.request.user.has_perm("monitoring.view_incident"):
            raise PermissionDenied
        return selectors.incidents_for(self.request.user)


class IncidentIndexView(IncidentScopeMixin, FoldedSearchIndexView):
    def get_base_queryset(self):
        return self.scoped_incidents()


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


class IncidentInspectView(IncidentScopeMixin, generic.InspectView):
    template_name = "monitoring/admin/incident_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(self.scoped_incidents(), pk=unquote(str(self.pk)))

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


class IncidentDeleteView(IncidentScopeMixin, generic.DeleteView):
    def get_object(self, queryset=None):
        if not self.request.user.has_perm("monitoring.delete_incident"):
            raise PermissionDenied
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        return get_object_or_404(self.scoped_incidents(), pk=pk)


def _next_deadline(incident):
    due = selectors.next_deadline(incident)
    return local(due)


class IncidentViewSet(ModelViewSet):
    model = Incident
    icon = "warning"
    menu_label = gettext_lazy("Incidents")
    menu_order = 210
    name = "monitoring_incidents"
    url_prefix = "monitoring/incidents"
    index_view_class = IncidentIndexView
    inspect_view_class = IncidentInspectView
    delete_view_class = IncidentDeleteView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_fields = ["search_text"]
    search_backend_name = None
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


# --- board ----------------------------------------------------------------------------
class BoardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "monitoring/admin/board.html"
    page_title = gettext_lazy("Incident board")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        _require(request, "monitoring.view_incident")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        now = timezone.now()
        recent_closed = now - dt.timedelta(days=30)
        incidents = selectors.incidents_for(user).exclude(
            state=IncidentState.CLOSED, closed_at__lt=recent_closed
        )
        overdue_ids = set(
            selectors.overdue_incidents(user, now=now).values_list("pk", flat=True)
        )
        columns = []
        for state in IncidentState:
            cards = [
                {
                    "incident": incident,
                    "overdue": incident.pk in overdue_ids,
                    "late_steps": selectors.overdue_steps(incident, now=now),
                    "next_deadline": local(selectors.next_deadline(incident)),
                }
                for incident in incidents.filter(state=state).order_by("detected_at")
            ]
            columns.append({"state": state, "label": state.label, "cards": cards})
        context.update(
            columns=columns,
            overdue_count=len(overdue_ids),
            local=local,
            can_add=user.has_perm("monitoring.add_incident"),
        )
        return context


class BoardViewSet(PermissionPageViewSet):
    name = "monitoring_board"
    url_prefix = "monitoring/board"
    icon = "table"
    menu_label = gettext_lazy("Incident board")
    menu_name = "monitoring-board"
    menu_order = 200
    permission = "monitoring.view_incident"
    view_class = BoardView


# --- alerts ---------------------------------------------------------------------------
class AlertFilterSet(WagtailFilterSet):
    open = django_filters.BooleanFilter(
        label=gettext_lazy("Not acknowledged"),
        method="filter_open",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = Alert
        fields = ["open", "subject", "window"]

    def filter_open(self, queryset, name, value):
        return queryset.filter(acknowledged_at__isnull=value)


def acknowledge(request, pk):
    _require(request, "monitoring.change_alert")
    alert = get_object_or_404(Alert, pk=pk)
    if request.method == "POST":
        services.acknowledge_alert(alert, user=request.user)
        messages.success(request, _("Alert acknowledged."))
    return _back(request, reverse("monitoring_alerts:index"))


class AlertInspectView(generic.InspectView):
    template_name = "monitoring/admin/alert_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            alert=self.object,
            local=local,
            can_acknowledge=self.request.user.has_perm("monitoring.change_alert"),
            acknowledge_url=reverse(
                "monitoring_alerts:acknowledge", args=[self.object.pk]
            ),
        )
        return context


class AlertViewSet(ModelViewSet):
    model = Alert
    icon = "warning"
    menu_label = gettext_lazy("Alerts")
    menu_order = 600
    name = "monitoring_alerts"
    url_prefix = "monitoring/alerts"
    inspect_view_class = AlertInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = AlertFilterSet
    list_per_page = 50
    ordering = ["-created_at"]
    form_fields = ["topic"]
    list_display = [
        Column("headline", label=gettext_lazy("Alert"), accessor="headline"),
        Column(
            "created_at",
            label=gettext_lazy("Raised at"),
            accessor=lambda a: local(a.created_at),
        ),
        Column(
            "acknowledged_at",
            label=gettext_lazy("Acknowledged at"),
            accessor=lambda a: local(a.acknowledged_at),
        ),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("acknowledge/<int:pk>/", acknowledge, name="acknowledge"),
        ]


# --- deadline rules -------------------------------------------------------------------
class DeadlineRuleCreateView(generic.CreateView):
    def save_instance(self):
        return services.save_deadline_rule(self.form.save(commit=False))


class DeadlineRuleEditView(generic.EditView):
    def save_instance(self):
        return services.save_deadline_rule(self.form.save(commit=False))


class DeadlineRuleViewSet(ModelViewSet):
    model = DeadlineRule
    icon = "time"
    menu_label = gettext_lazy("Deadlines")
    menu_order = 700
    name = "monitoring_deadlines"
    url_prefix = "monitoring/deadlines"
    add_view_class = DeadlineRuleCreateView
    edit_view_class = DeadlineRuleEditView
    copy_view_enabled = False
    ordering = ["step", "valid_from"]
    list_display = [
        Column("step", label=gettext_lazy("Step"), accessor="get_step_display"),
        "days",
        Column(
            "counted_from",
            label=gettext_lazy("Counted from"),
            accessor="get_counted_from_display",
        ),
        "valid_from",
        "valid_to",
        "basis",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("step"), FieldPanel("days"), FieldPanel("counted_from")]
            ),
            FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
            FieldPanel("basis"),
        ],
        base_form_class=forms.DeadlineRuleForm,
    )


class MonitoringViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Information monitoring")
    menu_icon = "view"
    menu_order = 270
    items = (
        InboxViewSet,
        BoardViewSet,
        IncidentViewSet,
        SourceViewSet,
        ItemViewSet,
        StoryViewSet,
        AlertViewSet,
        DeadlineRuleViewSet,
    )
