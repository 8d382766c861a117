"""Reading the workflow history."""

import datetime as dt

from django.db.models import QuerySet

from ttdn.core.models import TransitionLog


def history(record) -> QuerySet[TransitionLog]:
    """The record's transitions, oldest first."""
    return (
        TransitionLog.objects.filter(
            content_type=TransitionLog.content_type_for(record),
            object_id=str(record.pk),
        )
        .select_related("user")
        .order_by("performed_at", "pk")
    )


def last_entered(record, state: str) -> dt.datetime | None:
    """When the record last entered *state* (``None`` if never)."""
    entry = history(record).filter(to_state=state).order_by("-performed_at", "-pk")
    found = entry.first()
    return found.performed_at if found else None
