"""A small declarative workflow engine: one state machine per record type, explicit
transitions, one service to perform them. Generic — nothing here knows about
delegations; the register's machines are declared in ``machines.py`` and other
apps (planning, monitoring) may declare theirs the same way (docs/affairs.md#the-
workflow-engine).

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
    register(Delegation, machine)            # or register(Model, resolver=callable)

Performing::

    perform_transition(record, "submit", user=request.user, comment="…")

checks, in this order and inside a transaction holding a row lock, that the
action exists, the user is logged in and holds one of the transition's roles
(``ttdn.accounts.roles``; a superuser is an administrator), the record is in the
user's scope (``owner_field`` against ``accounts.selectors.
visible_organisation_ids``), the record is in one of the source states, a
required comment is given and every guard passes. It then sets the state, runs the
effects, saves, and writes a :class:`~ttdn.affairs.models.TransitionLog` row (who,
when, from, to, action, comment) plus a Wagtail log entry for the admin's history
view. A refusal raises :class:`TransitionRefused` with the reason in the user's
language and changes nothing.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

# Refusal codes (TransitionRefused.code), in the order of the checks.
UNKNOWN_ACTION = "unknown_action"
NOT_AUTHENTICATED = "not_authenticated"
ROLE = "role"
SCOPE = "scope"
STATE = "state"
COMMENT = "comment"
TIME = "time"
GUARD = "guard"


class TransitionRefused(Exception):
    """A transition was refused; ``message`` says why in the user's language,
    ``code`` which check failed. Nothing was changed."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self):
        return str(self.message)


@dataclass(frozen=True)
class Context:
    """What a guard or an effect knows about the attempt."""

    user: object
    comment: str
    at: dt.datetime  # aware; when the action was (or is) performed

    @property
    def day(self) -> dt.date:
        """The day of the action in GMT+7."""
        return timezone.localdate(self.at)


@dataclass(frozen=True)
class Guard:
    """An extra condition: ``check(record, context)`` returns ``None`` when the
    transition may go ahead, else the reason (user's language) it may not.
    ``description`` says the condition in words for documentation and the UI."""

    check: Callable[[object, Context], str | None]
    description: str = ""


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str
    roles: frozenset[str]
    comment_required: bool = False
    guards: tuple[Guard, ...] = ()
    effects: tuple[Callable[[object, Context], None], ...] = ()
    # Shown as a destructive button (reject, cancel, revoke…).
    destructive: bool = False

    def __init__(
        self,
        action: str,
        label,
        *,
        sources: Iterable[str],
        target: str,
        roles: Iterable[str],
        comment_required: bool = False,
        guards: Iterable[Guard] = (),
        effects: Iterable[Callable] = (),
        destructive: bool = False,
    ):
        object.__setattr__(self, "action", action)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "sources", tuple(str(s) for s in sources))
        object.__setattr__(self, "target", str(target))
        object.__setattr__(self, "roles", frozenset(roles))
        object.__setattr__(self, "comment_required", comment_required)
        object.__setattr__(self, "guards", tuple(guards))
        object.__setattr__(self, "effects", tuple(effects))
        object.__setattr__(self, "destructive", destructive)


@dataclass(frozen=True)
class Option:
    """A transition the user could perform on the record now (role, scope and
    state allow it); ``reason`` is set when a guard still blocks it."""

    transition: Transition
    reason: str | None = None

    @property
    def allowed(self) -> bool:
        return self.reason is None


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


def _role_names(keys: Iterable[str]) -> str:
    from ttdn.accounts.roles import ROLES

    return ", ".join(sorted(ROLES[k].group_name for k in keys if k in ROLES))


@dataclass
class StateMachine:
    """States (a ``TextChoices`` class), the initial state and the transitions of
    one record type.

    ``field`` holds the state; ``owner_field`` (a ForeignKey to
    ``directory.Organisation``, or ``None`` for unscoped records) decides which
    users may act on a record; ``editable`` maps a role key to the states in which
    holders of that role may edit the record's content; ``terminal`` states end
    the record's life (computed: states without outgoing transitions, unless
    given).
    """

    name: str
    states: type
    initial: str
    transitions: list[Transition]
    field: str = "status"
    owner_field: str | None = "organisation"
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

    def state_of(self, record) -> str:
        return getattr(record, self.field)

    def owner_id(self, record):
        if self.owner_field is None:
            return None
        return getattr(record, f"{self.owner_field}_id")

    def in_scope(self, record, user) -> bool:
        """Whether *user* may act on *record* at all (its organisation is one the
        user sees; unscoped machines: always)."""
        if self.owner_field is None:
            return True
        from ttdn.accounts.selectors import visible_organisation_ids

        ids = visible_organisation_ids(user)
        return ids is None or self.owner_id(record) in ids

    def can_edit(self, record, user) -> bool:
        """Whether *user* may edit the record's content in its current state."""
        from ttdn.accounts.selectors import user_roles

        state = self.state_of(record)
        return self.in_scope(record, user) and any(
            state in self.editable.get(role, ()) for role in user_roles(user)
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
        check_comment: bool = True,
    ) -> Transition:
        """The transition *action* if *user* may perform it on *record* now;
        raises :class:`TransitionRefused` otherwise. Reads only."""
        from ttdn.accounts.selectors import user_roles

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
        if not (user_roles(user) & transition.roles):
            raise TransitionRefused(
                _(
                    "You do not hold a role allowed to perform “%(action)s” "
                    "(allowed: %(roles)s)."
                )
                % {"action": label, "roles": _role_names(transition.roles)},
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
            raise TransitionRefused(
                _("Comment: give the reason for “%(action)s”.") % {"action": label},
                code=COMMENT,
            )
        now = timezone.now()
        at = at or now
        if timezone.is_naive(at):
            raise ValueError("perform_transition(at=…) needs an aware datetime")
        if at > now + dt.timedelta(minutes=5):
            raise TransitionRefused(
                _("Time of the action: it cannot be in the future."), code=TIME
            )
        context = Context(user=user, comment=comment, at=at)
        for guard in transition.guards:
            reason = guard.check(record, context)
            if reason:
                raise TransitionRefused(str(reason), code=GUARD)
        return transition

    def options(self, record, user, *, at: dt.datetime | None = None) -> list[Option]:
        """The transitions role, scope and state allow *user* on *record*, each
        with the reason a guard still blocks it (``None``: allowed now)."""
        options = []
        for transition in self.transitions_from(self.state_of(record)):
            try:
                self.check(
                    record, transition.action, user=user, at=at, check_comment=False
                )
            except TransitionRefused as refusal:
                if refusal.code == GUARD:
                    options.append(Option(transition, refusal.message))
                continue
            options.append(Option(transition))
        return options


# --- registry -------------------------------------------------------------------
_REGISTRY: dict[type, Callable[[object], StateMachine]] = {}
_MACHINES: dict[type, list[StateMachine]] = {}


def register(
    model: type,
    machine: StateMachine | None = None,
    *,
    resolver: Callable[[object], StateMachine] | None = None,
    machines: Iterable[StateMachine] = (),
) -> None:
    """Attach a state machine to *model*, or a *resolver* choosing one per record
    (e.g. by direction) together with the *machines* it may return."""
    if (machine is None) == (resolver is None):
        raise ValueError("register(): give a machine or a resolver")
    if machine is not None:
        _REGISTRY[model] = lambda record: machine
        _MACHINES[model] = [machine]
    else:
        _REGISTRY[model] = resolver
        _MACHINES[model] = list(machines)


def machine_for(record) -> StateMachine:
    try:
        return _REGISTRY[type(record)](record)
    except KeyError:
        raise LookupError(f"No state machine registered for {type(record)!r}") from None


def machines_of(model: type) -> list[StateMachine]:
    return list(_MACHINES.get(model, ()))


def registered_models() -> list[type]:
    return list(_REGISTRY)


# --- performing -----------------------------------------------------------------
def perform_transition(
    record,
    action: str,
    *,
    user,
    comment: str = "",
    at: dt.datetime | None = None,
):
    """Perform *action* on *record* as *user* (see the module docstring).

    *at* records an action performed earlier on paper (data entry, imports,
    demo data); guards then judge it as of that time. Returns the history entry;
    *record* is refreshed. Raises :class:`TransitionRefused` and changes nothing
    when refused.
    """
    from wagtail.log_actions import log

    from .models import TransitionLog

    model = type(record)
    comment = (comment or "").strip()
    with transaction.atomic():
        locked = model._default_manager.select_for_update().get(pk=record.pk)
        machine = machine_for(locked)
        transition = machine.check(locked, action, user=user, comment=comment, at=at)
        context = Context(user=user, comment=comment, at=at or timezone.now())
        source = machine.state_of(locked)
        setattr(locked, machine.field, transition.target)
        for effect in transition.effects:
            effect(locked, context)
        locked.save()
        entry = TransitionLog.objects.create(
            content_type=TransitionLog.content_type_for(locked),
            object_id=str(locked.pk),
            machine=machine.name,
            action=transition.action,
            from_state=source,
            to_state=transition.target,
            user=user,
            user_name=_user_name(user),
            comment=comment,
            performed_at=context.at,
        )
        log(
            instance=locked,
            action="ttdn.transition",
            user=user,
            data={
                "action": transition.action,
                "label": str(transition.label),
                "from": source,
                "to": transition.target,
                "comment": comment,
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
):
    """History entry for a record entering its first state (created in the
    initial state, or registered after the fact directly in a later one)."""
    from .models import TransitionLog

    machine = machine_for(record)
    return TransitionLog.objects.create(
        content_type=TransitionLog.content_type_for(record),
        object_id=str(record.pk),
        machine=machine.name,
        action=action,
        from_state="",
        to_state=state or machine.state_of(record),
        user=user,
        user_name=_user_name(user),
        comment=comment,
        performed_at=at or timezone.now(),
    )


def history(record):
    """The record's transitions, oldest first."""
    from .models import TransitionLog

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


def _user_name(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return (user.get_full_name() or user.get_username())[:255]
