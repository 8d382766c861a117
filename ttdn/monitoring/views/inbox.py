"""The officer's daily pages: the inbox of relevant items, the incident board and
the alerts."""

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
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

from ttdn.core.admin.views import ScopedInspectView
from ttdn.core.admin.viewsets import ServiceModelViewSet

from .. import forms, provinces, selectors, services
from ..choices import (
    IncidentState,
    Review,
    Topic,
)
from ..models import Alert, Item
from ..provinces import NATIONAL_LABEL
from .common import (
    PermissionPageViewSet,
    _back,
    _error_text,
    _require,
    local,
)


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
        choices = province_choices()
        province = self.request.GET.get("province", "")
        if province not in dict(choices):
            province = ""
        fa = {"yes": True, "no": False}.get(self.request.GET.get("fa", ""))
        paginator = Paginator(
            selectors.inbox(
                only_relevant=not show_all, province=province, foreign_affairs=fa
            ),
            settings_value("INBOX_PER_PAGE"),
        )
        query = urlencode(
            {
                k: v
                for k, v in (
                    ("all", "1" if show_all else ""),
                    ("province", province),
                    ("fa", self.request.GET.get("fa", "") if fa is not None else ""),
                )
                if v
            }
        )
        page = paginator.get_page(self.request.GET.get("p"))
        context.update(
            page=page,
            items=page.object_list,
            show_all=show_all,
            topics=Topic.choices,
            provinces=choices,
            province=province,
            fa="" if fa is None else ("yes" if fa else "no"),
            query=query,
            local=local,
            can_open=self.request.user.has_perm("monitoring.add_incident"),
            no_province=not selectors.build_gazetteer().province,
        )
        return context


def province_choices() -> list[tuple[str, str]]:
    """(code, name) of the 34 provinces, then national."""
    return [
        *((code, p.name) for code, p in sorted(provinces.provinces().items())),
        (NATIONAL_LABEL, _("National (no single province)")),
    ]


def correct(request, pk):
    """Inbox action (POST): correct the province or the foreign-affairs judgement."""
    _require(request, "monitoring.review_item")
    if request.method != "POST":
        return redirect("monitoring_inbox:index")
    item = get_object_or_404(Item, pk=pk)
    province = request.POST.get("subject_province_label", "")
    fa = {"yes": True, "no": False}.get(request.POST.get("foreign_affairs_label", ""))
    try:
        services.correct_item(
            item,
            user=request.user,
            subject_province_label=province or None,
            foreign_affairs_label=fa,
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return _back(request, reverse("monitoring_inbox:index"))
    messages.success(
        request, _("“%(title)s”: correction saved.") % {"title": item.title}
    )
    return _back(request, reverse("monitoring_inbox:index"))


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


class InboxViewSet(PermissionPageViewSet):
    name = "monitoring_inbox"
    url_prefix = "monitoring/inbox"
    icon = "mail"
    menu_label = gettext_lazy("Inbox")
    menu_name = "monitoring-inbox"
    menu_order = 100
    permission = "monitoring.review_item"
    view_class = InboxView
    extra_urls = (
        path("review/<int:pk>/", review, name="review"),
        path("correct/<int:pk>/", correct, name="correct"),
    )


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


class AlertInspectView(ScopedInspectView):
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


class AlertViewSet(ServiceModelViewSet):
    model = Alert
    icon = "warning"
    menu_label = gettext_lazy("Alerts")
    menu_order = 600
    name = "monitoring_alerts"
    url_prefix = "monitoring/alerts"
    inspect_view_class = AlertInspectView
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
