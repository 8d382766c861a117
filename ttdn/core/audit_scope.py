"""Audit entries scoped like the records they describe (docs/security.md#audit).

Wagtail shows a log entry to anyone with some permission on its model; an
organisation's focal point would then see the titles, actors and times of every
other organisation's register actions. Here an entry about a record of a model
with a registered scope (``access.py``) is shown only when the user may see that
record; entries about other things (pages, images, users…) keep Wagtail's rule.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast

from wagtail.models import ModelLogEntry

from . import access


def scope_log_entries(queryset: QuerySet, user) -> QuerySet:
    """*queryset* (of a log entry model with ``content_type`` and ``object_id``)
    without the entries about records *user* may not see."""
    if getattr(user, "is_superuser", False):
        return queryset
    if "object_id" not in {f.name for f in queryset.model._meta.get_fields()}:
        return queryset  # page entries: Wagtail's page permissions apply
    scopes = access.registered()
    if not scopes:
        return queryset
    content_types = ContentType.objects.get_for_models(*scopes)
    condition = ~Q(content_type__in=list(content_types.values()))
    for scoped_model, scope in scopes.items():
        visible = (
            scope.visible(user)
            .annotate(_audit_pk=Cast("pk", output_field=CharField()))
            .values("_audit_pk")
        )
        condition |= Q(content_type=content_types[scoped_model], object_id__in=visible)
    return queryset.filter(condition)


def visible_model_log_entries(user) -> QuerySet:
    """Every non-page log entry *user* may see."""
    return scope_log_entries(ModelLogEntry.objects.viewable_by_user(user), user)
