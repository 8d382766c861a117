"""Wagtail's site history report and its exports, scoped per organisation
(``audit_scope.py``). Mounted over Wagtail's own URL in ``ttdn/urls.py``."""

from django.contrib.auth import get_user_model

from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
)
from wagtail.log_actions import registry as log_action_registry

from ..audit_scope import scope_log_entries
from .views import LoggedExportMixin


def _scoped_entries(user):
    for log_model in log_action_registry.get_log_entry_models():
        yield scope_log_entries(log_model.objects.viewable_by_user(user), user)


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_user_choices(self):
        user_ids = set()
        for entries in _scoped_entries(self.request.user):
            user_ids.update(entries.get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=user_ids).order_by(User.USERNAME_FIELD)


class ScopedLogEntriesView(LoggedExportMixin, LogEntriesView):
    filterset_class = ScopedSiteHistoryFilterSet

    def filter_queryset(self, queryset):
        queryset = scope_log_entries(queryset, self.request.user)
        return super().filter_queryset(queryset)
