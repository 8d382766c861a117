"""The one workflow engine: every record with a life cycle (register records,
plans, progress reports, incidents, reports) declares its state machine with it
and changes state only through :func:`perform_transition`, which writes the one
history table (``core.TransitionLog``) and the audit entry. docs/architecture.md
§ "The kernel" describes it.
"""

from .engine import (
    COMMENT,
    GUARD,
    NOT_AUTHENTICATED,
    ROLE,
    SCOPE,
    STATE,
    TIME,
    UNKNOWN_ACTION,
    Context,
    Guard,
    Option,
    StateMachine,
    Transition,
    TransitionRefused,
    clean_record,
    keep_comment,
    stamp,
    stamp_user,
)
from .registry import machine_for, machines_of, register, registered_models
from .selectors import action_label, history, history_rows, last_entered
from .services import AUDIT_ACTION, perform_transition, record_creation

__all__ = [
    "AUDIT_ACTION",
    "COMMENT",
    "GUARD",
    "NOT_AUTHENTICATED",
    "ROLE",
    "SCOPE",
    "STATE",
    "TIME",
    "UNKNOWN_ACTION",
    "Context",
    "Guard",
    "Option",
    "StateMachine",
    "Transition",
    "TransitionRefused",
    "clean_record",
    "action_label",
    "history",
    "history_rows",
    "keep_comment",
    "last_entered",
    "machine_for",
    "machines_of",
    "perform_transition",
    "record_creation",
    "register",
    "registered_models",
    "stamp",
    "stamp_user",
]
