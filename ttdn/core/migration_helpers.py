"""Helpers for data migrations that move rows from one table to another."""

from collections.abc import Callable, Mapping


def copy_rows(
    source,
    target_model,
    fields: Mapping[str, "str | Callable"],
    *,
    batch_size: int = 2000,
) -> int:
    """Copy every row of the queryset *source* into *target_model*: each target
    field takes the source attribute named in *fields* (or what a callable returns
    for the source row). Values are copied as they are — ``auto_now_add`` fields
    included. Returns the number of rows copied."""
    for field in target_model._meta.concrete_fields:
        # A historical model of the migration: not seen outside it.
        field.auto_now = field.auto_now_add = False
    copied = 0
    batch = []
    for row in source.order_by("pk").iterator(chunk_size=batch_size):
        values = {
            name: getter(row) if callable(getter) else getattr(row, getter)
            for name, getter in fields.items()
        }
        batch.append(target_model(**values))
        if len(batch) >= batch_size:
            target_model.objects.bulk_create(batch)
            copied += len(batch)
            batch = []
    if batch:
        target_model.objects.bulk_create(batch)
        copied += len(batch)
    return copied


def user_name(user) -> str:
    """How the history names a user (historical models have no methods)."""
    if user is None:
        return ""
    full = f"{user.first_name} {user.last_name}".strip()
    return (full or user.username)[:255]


def history_entry(apps, record, *, machine, action, from_state, to_state, user, at):
    """A core.TransitionLog row for *record* (a historical model instance)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=record._meta.app_label, model=record._meta.model_name
    )
    return apps.get_model("core", "TransitionLog")(
        content_type_id=content_type.pk,
        object_id=str(record.pk),
        machine=machine,
        action=action,
        from_state=from_state,
        to_state=to_state,
        user_id=getattr(user, "pk", None),
        user_name=user_name(user),
        comment="",
        performed_at=at,
        recorded_at=at,
    )
