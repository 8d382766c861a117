"""State machines: declared once per record type, checked here.

Declaring::

    SUBMIT = Transition(
        "submit", _("Submit"),
        sources=[Status.DRAFT], target=Status.SUBMITTED,
        roles=[roles.FOCAL_POINT, roles.FOREIGN_AFFAIRS_OFFICER],
        guards=[Guard(has_programme, _("The programme is filled in."))],
        effects=[stamp("submitted_at")],
    )
    machine = StateMachine(
        "delegation", states=Status, initial=Status.DRAFT,
        transitions=[SUBMIT, ...], owner_field="organisation",
        editable={roles.FOCAL_POINT: [Status.DRAFT]},
    )

A transition is allowed to holders of one of its ``roles`` or of one of its
Django ``permissions``; the record must be in the user's scope (its
``owner_field`` organisation is one the user sees, or the machine's ``scope``
selector returns it), in one of the ``sources`` states, with a comment when one is
required, and every guard must pass. ``fields`` are the record's fields the
action itself sets (a plan's number when it is issued): they are given to
``perform_transition`` and set before the guards judge the record.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core import scoping as policy
from ttdn.core.errors import Errors, model_errors

# Refusal codes (TransitionRefused.code), in the order of the checks.
UNKNOWN_ACTION = "unknown_action"
NOT_AUTHENTICATED = "not_authenticated"
ROLE = "role"
SCOPE = "scope"
STATE = "state"
COMMENT = "comment"
TIME = "time"
GUARD = "guard"


class TransitionRefused(ValidationError):
    """A transition was refused. ``message`` says why in the user's language,
    ``code`` which check failed and ``errors`` the problems by field (a guard may
    name several). Nothing was changed. A ``ValidationError``, so forms show it
    like any service's errors."""

    def __init__(self, message, *, code: str, errors: Mapping | None = None):
        errors = Errors(errors or {NON_FIELD_ERRORS: [str(message)]})
        super().__init__({name: list(messages) for name, messages in errors.items()})
        self.message = str(message)
        self.code = code
        self.errors = errors

    def __str__(self):
        return self.message


@dataclass(frozen=True)
class Context:
    """What a guard or an effect knows about the attempt."""

    user: object
    comment: str
    at: dt.datetime  # aware; when the action was (or is) performed
    values: Mapping = dataclass_field(default_factory=dict)

    @property
    def day(self) -> dt.date:
        """The day of the action in GMT+7."""
        return timezone.localdate(self.at)


# A guard's check returns None when the transition may go ahead, else the reason
# (a message) or the problems by field (an ``Errors``).
GuardCheck = Callable[[object, Context], "str | Mapping | None"]


@dataclass(frozen=True)
class Guard:
    """An extra condition; ``description`` says it in words for the UI.
    ``on_values``: it judges what the action itself sets (its ``fields``), so it
    is judged when the action is performed, not when the options are listed."""

    check: GuardCheck
    description: str = ""
    on_values: bool = False


@dataclass(frozen=True, init=False)
class Transition:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str
    roles: frozenset[str]
    permissions: frozenset[str]
    comment_required: bool
    guards: tuple[Guard, ...]
    effects: tuple[Callable[[object, Context], None], ...]
    fields: tuple[str, ...]
    # Shown as a destructive button (reject, cancel, revoke…).
    destructive: bool

    def __init__(
        self,
        action: str,
        label,
        *,
        sources: Iterable[str],
        target: str,
        roles: Iterable[str] = (),
        permissions: Iterable[str] = (),
        comment_required: bool = False,
        guards: Iterable[Guard] = (),
        effects: Iterable[Callable] = (),
        fields: Iterable[str] = (),
        destructive: bool = False,
    ):
        values = {
            "action": action,
            "label": label,
            "sources": tuple(str(s) for s in sources),
            "target": str(target),
            "roles": frozenset(roles),
            "permissions": frozenset(permissions),
            "comment_required": comment_required,
            "guards": tuple(guards),
            "effects": tuple(effects),
            "fields": tuple(fields),
            "destructive": destructive,
        }
        if not (values["roles"] or values["permissions"]):
            raise ValueError(f"{action}: give the roles or permissions allowed")
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def allows(self, user) -> bool:
        """Whether *user* holds a role or permission allowed to perform it."""
        if self.roles & policy.current().user_roles(user):
            return True
        return any(user.has_perm(name) for name in self.permissions)


@dataclass(frozen=True)
class Option:
    """A transition the user could perform on the record now (role, scope and
    state allow it); ``reason`` is set when a guard still blocks it."""

    transition: Transition
    reason: str | None = None

    @property
    def allowed(self) -> bool:
        return self.reason is None


def clean_record(*, exclude=()) -> Guard:
    """A guard running the model's own validation on the record as the action
    leaves it (its ``fields`` set): the messages go to their fields."""

    def check(record, context):
        return model_errors(record, exclude=exclude)

    return Guard(check, "", on_values=True)


def stamp(field_name: str) -> Callable[[object, Context], None]:
    """An effect setting a date or datetime field to the time of the action."""

    def effect(record, context: Context) -> None:
        model_field = type(record)._meta.get_field(field_name)
        if isinstance(model_field, models.DateTimeField):
            setattr(record, field_name, context.at)
        else:
            setattr(record, field_name, context.day)

    effect.__name__ = f"stamp_{field_name}"
    return effect


def stamp_user(field_name: str) -> Callable[[object, Context], None]:
    """An effect setting a user field to who performed the action."""

    def effect(record, context: Context) -> None:
        user = context.user
        setattr(record, field_name, user if getattr(user, "pk", None) else None)

    effect.__name__ = f"stamp_user_{field_name}"
    return effect


def keep_comment(field_name: str) -> Callable[[object, Context], None]:
    """An effect keeping the action's comment in a field of the record."""

    def effect(record, context: Context) -> None:
        setattr(record, field_name, context.comment)

    effect.__name__ = f"keep_comment_{field_name}"
    return effect


def _attribute(record, path: str):
    value = record
    for name in path.split("."):
        if value is None:
            return None
        value = getattr(value, name)
    return value


@dataclass
class StateMachine:
    """States (a ``TextChoices`` class), the initial state and the transitions of
    one record type.

    ``field`` holds the state. Who may act on a record: ``scope`` (a selector
    ``user → queryset`` of the records the user may act on) if given, else
    ``owner_field`` (a dotted path to an ``Organisation`` foreign key, compared with
    the organisations the user sees; ``None``: unscoped). ``editable`` maps a role
    key to the states in which holders of that role may edit the record's
    content; ``terminal`` states end the record's life (computed: states without
    outgoing transitions, unless given).
    """

    name: str
    states: type
    initial: str
    transitions: list[Transition]
    field: str = "status"
    owner_field: str | None = "organisation"
    scope: Callable[[object], models.QuerySet] | None = None
    editable: Mapping[str, Iterable[str]] = dataclass_field(default_factory=dict)
    terminal: Iterable[str] | None = None

    def __post_init__(self):
        values = {str(v) for v in self.states.values}
        self.initial = str(self.initial)
        if self.initial not in values:
            raise ValueError(f"{self.name}: unknown initial state {self.initial!r}")
        self._by_action: dict[str, Transition] = {}
        for transition in self.transitions:
            if transition.action in self._by_action:
                raise ValueError(f"{self.name}: duplicate action {transition.action!r}")
            unknown = {*transition.sources, transition.target} - values
            if unknown:
                raise ValueError(f"{self.name}.{transition.action}: unknown {unknown}")
            self._by_action[transition.action] = transition
        self.editable = {
            role: frozenset(str(s) for s in states)
            for role, states in self.editable.items()
        }
        if self.terminal is None:
            with_exits = {s for t in self.transitions for s in t.sources}
            self.terminal = frozenset(values - with_exits)
        else:
            self.terminal = frozenset(str(s) for s in self.terminal)

    # --- reading -----------------------------------------------------------------
    def get(self, action: str) -> Transition | None:
        return self._by_action.get(action)

    def state_label(self, value: str) -> str:
        return str(dict(self.states.choices).get(value, value))

    def transitions_from(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if state in t.sources]

    def transition_to(self, source: str, target: str) -> Transition | None:
        """The transition from *source* to *target*, if there is one."""
        for transition in self.transitions_from(source):
            if transition.target == target:
                return transition
        return None

    def state_of(self, record) -> str:
        return getattr(record, self.field)

    def owner_id(self, record):
        """The id of the organisation the record belongs to (``owner_field``)."""
        if self.owner_field is None:
            return None
        *path, last = self.owner_field.split(".")
        holder = _attribute(record, ".".join(path)) if path else record
        return None if holder is None else getattr(holder, f"{last}_id")

    def in_scope(self, record, user) -> bool:
        """Whether *user* may act on *record* at all."""
        if self.scope is not None:
            return self.scope(user).filter(pk=record.pk).exists()
        if self.owner_field is None:
            return True
        ids = policy.current().visible_organisation_ids(user)
        return ids is None or self.owner_id(record) in ids

    def can_edit(self, record, user) -> bool:
        """Whether *user* may edit the record's content in its current state."""
        state = self.state_of(record)
        return self.in_scope(record, user) and any(
            state in self.editable.get(role, ())
            for role in policy.current().user_roles(user)
        )

    # --- checking ----------------------------------------------------------------
    def check(
        self,
        record,
        action: str,
        *,
        user,
        comment: str = "",
        at: dt.datetime | None = None,
        values: Mapping | None = None,
        check_comment: bool = True,
        check_values: bool = True,
    ) -> Transition:
        """The transition *action* if *user* may perform it on *record* now;
        raises :class:`TransitionRefused` otherwise. Reads only (``values`` are
        judged as given, not set)."""
        transition = self.get(action)
        if transition is None:
            raise TransitionRefused(
                _("The action “%(action)s” does not exist for this record.")
                % {"action": action},
                code=UNKNOWN_ACTION,
            )
        label = transition.label
        if not (user is not None and getattr(user, "is_authenticated", False)):
            raise TransitionRefused(
                _("Log in to perform “%(action)s”.") % {"action": label},
                code=NOT_AUTHENTICATED,
            )
        if not transition.allows(user):
            raise TransitionRefused(
                _(
                    "You do not hold a role allowed to perform “%(action)s” "
                    "(allowed: %(roles)s)."
                )
                % {
                    "action": label,
                    "roles": policy.current().role_names(transition.roles)
                    or _("users with the permission"),
                },
                code=ROLE,
            )
        if not self.in_scope(record, user):
            raise TransitionRefused(
                _(
                    "This record belongs to another organisation; you may only "
                    "act on your own organisation's records."
                ),
                code=SCOPE,
            )
        state = self.state_of(record)
        if state not in transition.sources:
            raise TransitionRefused(
                _(
                    "“%(action)s” is not possible while the record is “%(state)s”; "
                    "it applies to: %(sources)s."
                )
                % {
                    "action": label,
                    "state": self.state_label(state),
                    "sources": ", ".join(
                        self.state_label(s) for s in transition.sources
                    ),
                },
                code=STATE,
            )
        if check_comment and transition.comment_required and not comment.strip():
            message = _("Comment: give the reason for “%(action)s”.") % {
                "action": label
            }
            raise TransitionRefused(
                message, code=COMMENT, errors={"comment": [message]}
            )
        now = timezone.now()
        at = at or now
        if timezone.is_naive(at):
            raise ValueError("perform_transition(at=…) needs an aware datetime")
        if at > now + dt.timedelta(minutes=5):
            raise TransitionRefused(
                _("Time of the action: it cannot be in the future."), code=TIME
            )
        context = Context(user=user, comment=comment, at=at, values=values or {})
        errors = Errors()
        for guard in transition.guards:
            if guard.on_values and not check_values:
                continue
            found = guard.check(record, context)
            if not found:
                continue
            if isinstance(found, Mapping):
                errors.extend(found)
            else:
                errors.add(NON_FIELD_ERRORS, found)
        if errors:
            first = next(iter(errors.values()))[0]
            raise TransitionRefused(first, code=GUARD, errors=errors)
        return transition

    def options(self, record, user, *, at: dt.datetime | None = None) -> list[Option]:
        """The transitions role, scope and state allow *user* on *record*, each
        with the reason a guard still blocks it (``None``: allowed now). Guards
        ``on_values`` are judged when the action is performed."""
        options = []
        for transition in self.transitions_from(self.state_of(record)):
            try:
                self.check(
                    record,
                    transition.action,
                    user=user,
                    at=at,
                    check_comment=False,
                    check_values=False,
                )
            except TransitionRefused as refusal:
                if refusal.code == GUARD:
                    options.append(Option(transition, refusal.message))
                continue
            options.append(Option(transition))
        return options
