"""Performing transitions: the one place a workflow state changes.

``perform_transition(record, action, user=…, comment=…, values=…)`` checks, inside
a transaction holding a row lock, everything the machine declares (see
``engine.py``), sets the action's own fields from *values*, moves the record to
the target state, runs the effects, saves, and writes the history entry
(:class:`ttdn.core.models.TransitionLog`) and the audit entry (a Wagtail log
entry: actor, action, states, comment, the fields it set). A refusal raises
:class:`TransitionRefused` and changes nothing — the record passed in is left as
it was.
"""

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from ttdn.core.models import TransitionLog

from .engine import Context, Transition
from .registry import machine_for

AUDIT_ACTION = "ttdn.transition"


def _user_name(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return (user.get_full_name() or user.get_username())[:255]


def _audit_value(value):
    if hasattr(value, "pk"):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value if isinstance(value, int | float | bool | type(None)) else str(value)


def perform_transition(
    record,
    action: str,
    *,
    user,
    comment: str = "",
    at: dt.datetime | None = None,
    values: Mapping | None = None,
    before_save=None,
):
    """Perform *action* on *record* as *user* and return the history entry;
    *record* is refreshed from the saved row.

    *at* records an action performed earlier on paper (data entry, imports, demo
    data); guards then judge it as of that time. *values* sets the action's own
    ``fields`` (a plan's number when issued). *before_save(locked, context)* runs
    after the checks and effects, before the record is saved (a service adding what
    only it can compute, e.g. the file of an issued report).
    """
    model = type(record)
    comment = (comment or "").strip()
    values = dict(values or {})
    with transaction.atomic():
        locked = model._default_manager.select_for_update().get(pk=record.pk)
        machine = machine_for(locked)
        transition: Transition | None = machine.get(action)
        if transition is not None:
            unknown = set(values) - set(transition.fields)
            if unknown:
                raise ValueError(f"{action}: not set by this action: {sorted(unknown)}")
            for name, value in values.items():
                setattr(locked, name, value)
        transition = machine.check(
            locked, action, user=user, comment=comment, at=at, values=values
        )
        context = Context(
            user=user, comment=comment, at=at or timezone.now(), values=values
        )
        source = machine.state_of(locked)
        setattr(locked, machine.field, transition.target)
        for effect in transition.effects:
            effect(locked, context)
        if before_save is not None:
            before_save(locked, context)
        locked.save()
        entry = TransitionLog.objects.create(
            content_type=TransitionLog.content_type_for(locked),
            object_id=str(locked.pk),
            machine=machine.name,
            action=transition.action,
            from_state=source,
            to_state=transition.target,
            user=user if getattr(user, "pk", None) else None,
            user_name=_user_name(user),
            comment=comment,
            performed_at=context.at,
        )
        log(
            instance=locked,
            action=AUDIT_ACTION,
            user=user if getattr(user, "pk", None) else None,
            data={
                "action": transition.action,
                "label": str(transition.label),
                "from": source,
                "to": transition.target,
                "comment": comment,
                "fields": {k: _audit_value(v) for k, v in values.items()},
            },
        )
    for model_field in model._meta.concrete_fields:
        setattr(record, model_field.attname, getattr(locked, model_field.attname))
    return entry


def record_creation(
    record,
    *,
    user,
    state: str | None = None,
    comment: str = "",
    action: str = "create",
    at: dt.datetime | None = None,
) -> TransitionLog:
    """History entry for a record entering its first state (created in the
    initial state, or registered after the fact directly in a later one)."""
    machine = machine_for(record)
    return TransitionLog.objects.create(
        content_type=TransitionLog.content_type_for(record),
        object_id=str(record.pk),
        machine=machine.name,
        action=action,
        from_state="",
        to_state=state or machine.state_of(record),
        user=user if getattr(user, "pk", None) else None,
        user_name=_user_name(user),
        comment=comment,
        performed_at=at or timezone.now(),
    )
