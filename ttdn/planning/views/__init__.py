"""Wagtail admin views of planning (menu group "Kế hoạch, nhiệm vụ"), one module
per entity: plans with their workflow actions, tasks with their status on any
day, progress reports with review, the steering committee and its meetings.

Every viewset is a ``ttdn.core.admin`` ``ServiceModelViewSet``: it reads through
the selectors (a record outside the user's scope is a 404) and writes through the
services (their refusals are shown next to the fields; they write the audit).
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSetGroup

from .committee import CommitteeViewSet, MeetingViewSet
from .plans import PlanViewSet
from .progress import ProgressReportViewSet
from .tasks import TaskViewSet


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
