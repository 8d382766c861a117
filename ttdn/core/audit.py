"""Audit entries, written by the services that make the change.

Every create, edit and delete goes through a service, and the service writes the
entry (a Wagtail log entry: who, what, when, and for an edit which fields
changed), so a change made from the admin, a command, a task or the API leaves the
same trace. Transitions are logged by the workflow engine
(``ttdn.core.workflow.perform_transition``).
"""

from collections.abc import Iterable

from django.utils.functional import SimpleLazyObject

from wagtail.log_actions import log

# Columns computed from others (the folded search text): never "changed" by a user.
DERIVED_FIELDS = ("search_text",)

CREATE = "wagtail.create"
EDIT = "wagtail.edit"
DELETE = "wagtail.delete"


def actor(user):
    """The user to name in an entry (``None`` for a system action)."""
    return user if getattr(user, "pk", None) else None


def snapshot(instance) -> dict:
    """The values of the instance's own columns, to compare after a change."""
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if not field.primary_key
    }


def changed_fields(before: dict, instance, *, ignore: Iterable[str] = ()) -> list[str]:
    """Names of the fields whose value differs from *before* (a :func:`snapshot`),
    automatic timestamps, derived search columns and *ignore* left out."""
    ignored = {*ignore, *DERIVED_FIELDS}
    changed = []
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.name in ignored:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue
        if before.get(field.attname) != getattr(instance, field.attname):
            changed.append(field.name)
    return changed


def child_rows(instance, relation: str) -> list[tuple]:
    """The values of an instance's child rows (a modelcluster relation: in memory
    for the copy being saved, stored for a fresh copy), to tell whether they
    changed."""
    rows = []
    for child in getattr(instance, relation).all():
        values = []
        for field in child._meta.concrete_fields:
            if field.primary_key or field.attname == "sort_order":
                continue
            if field.many_to_one and isinstance(instance, field.remote_field.model):
                continue  # the link to the parent itself
            values.append(getattr(child, field.attname))
        rows.append(tuple(values))
    return rows


def changed_relations(stored, instance, relations: Iterable[str]) -> list[str]:
    """The *relations* whose child rows differ between *stored* and *instance*."""
    if stored is None:
        return []
    return [r for r in relations if child_rows(stored, r) != child_rows(instance, r)]


def save_logged(instance, *, user, relations: Iterable[str] = ()):
    """Save *instance* and write its create or edit entry: the fields that changed
    against the stored row, and the *relations* (child rows) that changed."""
    model = type(instance)
    stored = None
    if instance.pk is not None:
        stored = model._default_manager.filter(pk=instance.pk).first()
    before = snapshot(stored) if stored is not None else None
    extra = changed_relations(stored, instance, relations)
    instance.save()
    log_saved(instance, user=user, created=stored is None, before=before, extra=extra)
    return instance


def log_create(instance, *, user, data: dict | None = None):
    return log(instance=instance, action=CREATE, user=actor(user), data=data or {})


def log_edit(instance, *, user, fields: Iterable[str] = (), data: dict | None = None):
    return log(
        instance=instance,
        action=EDIT,
        user=actor(user),
        data={**(data or {}), "fields": sorted(set(fields))},
    )


def log_delete(instance, *, user):
    return log(instance=instance, action=DELETE, user=actor(user))


def log_saved(instance, *, user, created: bool, before: dict | None = None, extra=()):
    """The create or edit entry of a save; *before* is the stored
    :func:`snapshot` (edits), *extra* names changed relations (child rows)."""
    if created:
        return log_create(instance, user=user)
    fields = changed_fields(before or {}, instance) if before is not None else []
    return log_edit(instance, user=user, fields=[*fields, *extra])


# --- security events (registered in core/wagtail_hooks.py) ------------------------
DOWNLOAD = "ttdn.download"
EXPORT = "ttdn.export"
LOGIN = "ttdn.login"
LOGIN_FAILED = "ttdn.login_failed"
LOGOUT = "ttdn.logout"
REFUSED_UPLOAD = "ttdn.refused_upload"


def stored(instance):
    """*instance* itself rather than a lazy wrapper (``request.user``): Wagtail
    finds the log model by the instance's type."""
    if isinstance(instance, SimpleLazyObject):
        instance.pk  # noqa: B018 - evaluates the wrapper
        return instance._wrapped
    return instance


def log_download(instance, *, user, data: dict | None = None):
    """A download of a non-public file (a document, an issued report)."""
    return log(
        instance=stored(instance), action=DOWNLOAD, user=actor(user), data=data or {}
    )


def log_export(instance, *, user, data: dict | None = None):
    """An export of a listing; *instance* is the user who exported."""
    return log(
        instance=stored(instance), action=EXPORT, user=actor(user), data=data or {}
    )
