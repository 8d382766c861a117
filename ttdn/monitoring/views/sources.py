"""Sources and what the pipeline collected from them: items and stories."""

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import BooleanRadioSelect

import django_filters

from ttdn.core.admin.views import ScopedInspectView
from ttdn.core.admin.viewsets import ServiceModelViewSet

from .. import forms, selectors, services, tasks
from ..choices import (
    Review,
    SourceKind,
    SourceType,
    Topic,
)
from ..models import Item, Source, Story
from .common import _error_text, _require, local


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


class SourceInspectView(ScopedInspectView):
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
    """Fetch a source soon (POST), whatever its schedule: the worker fetches it
    (never this web request); its result shows in the fetch history."""
    _require(request, "monitoring.change_source")
    source = get_object_or_404(Source, pk=pk)
    if request.method != "POST":
        return redirect("monitoring_sources:inspect", pk)
    tasks.fetch_source_now.enqueue(source.pk)
    messages.success(
        request,
        _(
            "“%(name)s” will be fetched in a moment; its result appears in the "
            "fetch history below."
        )
        % {"name": source},
    )
    return redirect("monitoring_sources:inspect", pk)


class SourceViewSet(ServiceModelViewSet):
    model = Source
    icon = "rss"
    menu_label = gettext_lazy("Sources")
    menu_order = 300
    name = "monitoring_sources"
    url_prefix = "monitoring/sources"
    inspect_view_class = SourceInspectView

    def save_service(self, instance, *, user):
        return services.save_source(instance, user=user)

    def delete_service(self, instance, *, user):
        services.delete_source(instance, user=user)

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
            FieldPanel(
                "home_province",
                widget=django_forms.Select(choices=forms.home_province_choices),
            ),
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


class ItemInspectView(ScopedInspectView):
    template_name = "monitoring/admin/item_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["item"] = self.object
        context["local"] = local
        context["can_review"] = self.request.user.has_perm("monitoring.review_item")
        context["topics"] = Topic.choices
        return context


class ItemViewSet(ServiceModelViewSet):
    model = Item
    icon = "doc-full"
    menu_label = gettext_lazy("Items")
    menu_order = 400
    name = "monitoring_items"
    url_prefix = "monitoring/items"
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


class StoryInspectView(ScopedInspectView):
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


class StoryViewSet(ServiceModelViewSet):
    model = Story
    icon = "list-ul"
    menu_label = gettext_lazy("Stories")
    menu_order = 500
    name = "monitoring_stories"
    url_prefix = "monitoring/stories"
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
