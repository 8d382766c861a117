"""Wagtail's site history report and its exports, scoped per organisation
(``audit_scope.py``). Mounted over Wagtail's own URL in ``ttdn/urls.py``."""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy

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
    def get_users_queryset(self):
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


def changed_fields(entry) -> str:
    """The names of the fields an edit changed, in the entry's model's words."""
    names = (entry.data or {}).get("fields") or []
    model = entry.content_type.model_class() if entry.content_type_id else None
    labels = []
    for name in names:
        try:
            labels.append(str(model._meta.get_field(name).verbose_name))
        except Exception:
            labels.append(name)
    return ", ".join(labels)


class AuditTrailView(ScopedLogEntriesView):
    """The audit trail: every create, edit (with the changed fields), delete,
    transition, login, export and download of a non-public file, filtered by
    user, action, type and date, exportable, scoped like the records it
    describes. Entries are read-only: nothing in the product edits or deletes
    them."""

    page_title = gettext_lazy("Audit trail")
    results_template_name = "core/admin/audit_trail_results.html"
    index_url_name = "core_audit_trail"
    index_results_url_name = "core_audit_trail_results"
    export_headings = {
        **ScopedLogEntriesView.export_headings,
        "changed_fields": gettext_lazy("Changed fields"),
    }
    list_export = [*ScopedLogEntriesView.list_export, "changed_fields"]

    def get_filename(self):
        return f"nhat-ky-kiem-tra-{timezone.localdate():%Y-%m-%d}"

    def decorate_paginated_queryset(self, queryset):
        entries = super().decorate_paginated_queryset(queryset)
        for entry in entries:
            entry.changed_fields = changed_fields(entry)
        return entries

    def to_row_dict(self, item):
        if not hasattr(item, "changed_fields"):
            item.changed_fields = changed_fields(item)
        return super().to_row_dict(item)
