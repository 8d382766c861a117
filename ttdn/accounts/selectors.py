"""Who a user is — roles and organisation — and which organisations' records they
may see. Every app that scopes records by organisation uses these
(docs/directory.md#scoping).

>>> has_role(user, roles.FOCAL_POINT)
>>> user_organisation(user)                  # rolled up to the one valid today
>>> visible_organisation_ids(user)          # None: every organisation
"""

import datetime as dt

from django.utils import timezone

from ttdn.directory.models import Organisation, OrganisationSuccession
from ttdn.directory.selectors import rollup_organisation

from . import roles

# Roles whose holders see the records of every organisation (steering-committee
# members and monitors read them; what they may change is a matter of permissions).
SEES_ALL_ROLES = frozenset(
    {
        roles.ADMINISTRATOR,
        roles.FOREIGN_AFFAIRS_OFFICER,
        roles.STEERING_MEMBER,
        roles.MONITOR,
    }
)


def _active(user) -> bool:
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
    )


def user_roles(user) -> frozenset[str]:
    """The role keys (``roles.ROLES``) of an active user's groups. A superuser
    counts as an administrator."""
    if not _active(user):
        return frozenset()
    names = set(user.groups.values_list("name", flat=True))
    keys = {role.key for role in roles.ROLES.values() if role.group_name in names}
    if user.is_superuser:
        keys.add(roles.ADMINISTRATOR)
    return frozenset(keys)


def has_role(user, key: str) -> bool:
    """Whether an active user holds role *key* (a superuser is an administrator)."""
    if key not in roles.ROLES:
        raise ValueError(f"Unknown role: {key!r}")
    return key in user_roles(user)


def sees_all_organisations(user) -> bool:
    """Superusers, administrators, foreign-affairs officers, steering-committee
    members and monitors see every organisation's records; focal points (and users
    without any of these roles) only their own organisation's."""
    return bool(user_roles(user) & SEES_ALL_ROLES)


def user_organisation(user, *, on: dt.date | None = None):
    """The user's organisation rolled up to *on* (default today, GMT+7): a user
    still attached to a merged-away body belongs to its successor. ``None`` when
    the user has no organisation."""
    if not _active(user) or getattr(user, "organisation_id", None) is None:
        return None

    return rollup_organisation(user.organisation, on=on or timezone.localdate())


def visible_organisation_ids(user) -> frozenset[int] | None:
    """``None`` when *user* sees every organisation; otherwise the ids of the
    organisations whose records they see: their organisation (rolled up to today)
    and every ended organisation that rolls up to it today — a renamed or merged
    body's records stay visible to the body that took over, and a district
    People's Committee split between communes counts for the provincial one.
    Empty for a user without organisation."""
    if sees_all_organisations(user):
        return None
    organisation = user_organisation(user)
    if organisation is None:
        return frozenset()

    # Only predecessors of the organisation or of a body under it can roll up to
    # it (rollup follows successors, then possibly the successors' parents).
    subtree, frontier = {organisation.pk}, {organisation.pk}
    while frontier:
        frontier = (
            set(
                Organisation.objects.filter(parent_id__in=frontier).values_list(
                    "pk", flat=True
                )
            )
            - subtree
        )
        subtree |= frontier
    candidates, frontier = set(subtree), set(subtree)
    while frontier:
        frontier = (
            set(
                OrganisationSuccession.objects.filter(
                    successor_id__in=frontier
                ).values_list("predecessor_id", flat=True)
            )
            - candidates
        )
        candidates |= frontier
    day = timezone.localdate()
    ids = {organisation.pk}
    # Entries still valid today roll up to themselves: only ended ones can move.
    for candidate in Organisation.objects.filter(pk__in=candidates, valid_to__lt=day):
        if rollup_organisation(candidate, on=day).pk == organisation.pk:
            ids.add(candidate.pk)
    return frozenset(ids)
