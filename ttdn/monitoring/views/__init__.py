"""Wagtail admin of the monitoring app (menu group "Theo dõi thông tin"): the inbox,
the incident board, sources, items, stories, incidents, alerts and deadline rules.
Views are thin: reads through ``selectors`` (scoping by organisation), writes
through ``services`` (which write the audit)."""

from django.utils.translation import gettext_lazy

from wagtail.admin.viewsets.model import ModelViewSetGroup

from .common import ReadOnlyPermissionPolicy
from .inbox import AlertViewSet, BoardViewSet, InboxViewSet
from .incidents import IncidentViewSet
from .rules import DeadlineRuleViewSet
from .sources import ItemViewSet, SourceViewSet, StoryViewSet

__all__ = ["MonitoringViewSetGroup", "ReadOnlyPermissionPolicy"]


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
