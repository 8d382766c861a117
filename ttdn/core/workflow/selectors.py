"""Reading the workflow history."""

import datetime as dt

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ttdn.core.models import TransitionLog
from ttdn.core.timefmt import to_local

from .registry import machine_for


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


# How the first entry of a record reads (it is not a transition of its machine).
CREATION_LABELS = {
    "create": pgettext_lazy("workflow", "Created"),
    "register": _("Entered after the fact"),
    "import": _("Imported from a register"),
    "submit": pgettext_lazy("workflow", "Submitted"),
    "open": pgettext_lazy("workflow", "Opened"),
}


def action_label(machine, action: str) -> str:
    transition = machine.get(action)
    if transition is not None:
        return str(transition.label)
    return str(CREATION_LABELS.get(action, action))


def _moment(value: dt.datetime) -> str:
    return f"{to_local(value):%d/%m/%Y %H:%M}"


def history_rows(record) -> list[dict]:
    """The record's history as the admin shows it: when (GMT+7), when it was
    recorded, the action, the states (labels) and the entry itself."""
    machine = machine_for(record)
    return [
        {
            "entry": entry,
            "when": _moment(entry.performed_at),
            "recorded": _moment(entry.recorded_at),
            "label": action_label(machine, entry.action),
            "from": machine.state_label(entry.from_state) if entry.from_state else "",
            "to": machine.state_label(entry.to_state),
        }
        for entry in history(record)
    ]
