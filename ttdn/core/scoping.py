"""Who a user is, as code below ``ttdn.accounts`` asks it: the roles a user holds
and the organisations whose records they may see and act on.

``core`` (the workflow engine, the admin base) and ``directory`` sit below the app
that knows roles and organisations' succession (``ttdn.accounts``); that app
installs the answers when it starts (``AccountsConfig.ready``). Until then nobody
holds a role and every organisation-scoped record is out of reach.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import QuerySet


def _no_roles(user) -> frozenset[str]:
    return frozenset()


def _no_organisations(user) -> frozenset | None:
    return frozenset()


def _keys(keys: Iterable[str]) -> str:
    return ", ".join(sorted(keys))


@dataclass
class Policy:
    # The role keys a user holds (a superuser: the administrator's).
    user_roles: Callable[[object], frozenset[str]] = _no_roles
    # The organisations whose records a user may see; ``None``: every one.
    visible_organisation_ids: Callable[[object], frozenset | None] = _no_organisations
    # The names of roles (for messages), given their keys.
    role_names: Callable[[Iterable[str]], str] = _keys


_policy = Policy()


def install(policy: Policy) -> None:
    global _policy
    _policy = policy


def current() -> Policy:
    return _policy


def user_roles(user) -> frozenset[str]:
    return _policy.user_roles(user)


def visible_organisation_ids(user) -> frozenset | None:
    return _policy.visible_organisation_ids(user)


def scope_by_organisation(
    queryset: QuerySet, user, *, field_name: str = "organisation"
) -> QuerySet:
    """*queryset* limited to the records *user* may see, by the organisation in
    *field_name* (a ForeignKey to ``directory.Organisation``; any lookup path such
    as ``"delegation__host_organisation"`` works)."""
    ids = visible_organisation_ids(user)
    if ids is None:
        return queryset
    if not ids:
        return queryset.none()
    return queryset.filter(**{f"{field_name}__in": ids})
