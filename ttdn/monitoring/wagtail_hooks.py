from django.template.loader import render_to_string
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy

from . import selectors
from .models import Alert, Item, Story
from .views import MonitoringViewSetGroup, ReadOnlyPermissionPolicy

# Records the pipeline writes: viewed (and reviewed or acknowledged through their
# own actions), never added, edited or deleted in the admin.
for _model in (Item, Story, Alert):
    register_permission_policy(_model, ReadOnlyPermissionPolicy(_model))


@hooks.register("register_admin_viewset")
def register_monitoring():
    return MonitoringViewSetGroup()


class MonitoringPanel(Component):
    """Dashboard panel: open alerts and overdue incidents (monitors see alerts;
    everyone who sees incidents sees their overdue ones)."""

    name = "monitoring"
    order = 90

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        user = self.request.user
        alerts = (
            list(selectors.open_alerts()[:5])
            if user.has_perm("monitoring.view_alert")
            else []
        )
        overdue = list(selectors.overdue_incidents(user, now=timezone.now())[:5])
        if not alerts and not overdue:
            return ""
        return render_to_string(
            "monitoring/admin/dashboard_panel.html",
            {"alerts": alerts, "overdue": overdue},
            request=self.request,
        )


@hooks.register("construct_homepage_panels")
def add_monitoring_panel(request, panels):
    if request.user.has_perm("monitoring.view_incident") or request.user.has_perm(
        "monitoring.view_alert"
    ):
        panels.append(MonitoringPanel(request))
