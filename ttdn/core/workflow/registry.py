"""Which state machine a record type runs on."""

from collections.abc import Callable, Iterable

from .engine import StateMachine

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
