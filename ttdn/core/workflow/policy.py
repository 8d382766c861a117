"""Who a user is, as the workflow engine asks it.

The engine lives in ``core``, below the app that knows roles and organisations
(``ttdn.accounts``). That app installs the answers when it starts
(``AccountsConfig.ready``); until then nobody holds a role and every
organisation-scoped record is out of reach.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


def _no_roles(user) -> frozenset[str]:
    return frozenset()


def _no_organisations(user) -> set | None:
    return set()


def _keys(keys: Iterable[str]) -> str:
    return ", ".join(sorted(keys))


@dataclass
class Policy:
    # The role keys a user holds (a superuser: the administrator's).
    user_roles: Callable[[object], frozenset[str]] = _no_roles
    # The organisations whose records a user may act on; ``None``: every one.
    visible_organisation_ids: Callable[[object], set | None] = _no_organisations
    # The names of roles (for messages), given their keys.
    role_names: Callable[[Iterable[str]], str] = _keys


_policy = Policy()


def install(policy: Policy) -> None:
    global _policy
    _policy = policy


def current() -> Policy:
    return _policy
