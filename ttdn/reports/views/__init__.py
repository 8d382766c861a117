"""Wagtail admin views of the reports app (menu group "Báo cáo, thống kê"): the
dashboard (Chart.js charts, each with its data table and CSV), indicators with
the records behind every figure, task status by unit (XLSX), and reports in
the Decree 30/2020 format (drafts, issuing, DOCX/XLSX downloads).

Reading requires ``reports.view_report`` (officers, steering-committee members,
administrators); drafting and issuing require the report permissions.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.base import ViewSetGroup

from .documents import ReportViewSet
from .pages import DashboardViewSet, IndicatorViewSet, TaskStatusViewSet


class ReportsViewSetGroup(ViewSetGroup):
    menu_label = _("Reports and statistics")
    menu_icon = "table"
    menu_order = 270
    items = (DashboardViewSet, IndicatorViewSet, TaskStatusViewSet, ReportViewSet)
