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
