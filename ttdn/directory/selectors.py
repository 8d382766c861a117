"""Reads of the directory. Other apps use these instead of querying the models.

Temporal entries (administrative units, organisations):

* :func:`valid_on` / :func:`current` filter a queryset to the entries valid on a day;
* :func:`rollup_unit` / :func:`rollup_organisation` follow successor links to the
  entry valid on a day (a 2020 record of Phú Yên counts for Đắk Lắk in 2026);
  :func:`trace_unit` / :func:`trace_organisation` say how and whether it was
  ambiguous;
* :func:`province_of` gives the province a unit belongs to on a day.

Installation: :func:`serving_province`, :func:`foreign_affairs_body` (no request
needed). Countries: :func:`resolve_country`. People (personal data):
:func:`people_for` scopes them to what a user may see.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core.scoping import scope_by_organisation

from .choices import PROVINCE_LEVEL, OrganisationKind, Validity, unit_level
from .models import (
    AdministrativeUnit,
    Country,
    CountryAlias,
    DirectorySettings,
    Organisation,
    Person,
)
from .rules import country_key


# --- generic ----------------------------------------------------------------------
def today() -> dt.date:
    """Today in GMT+7."""
    return timezone.localdate()


def current(queryset: QuerySet) -> QuerySet:
    """Entries valid today (GMT+7)."""
    return queryset.in_force_on(today())


def filter_validity(queryset: QuerySet, validity: str, *, on: dt.date | None = None):
    """``current`` (valid on *on*, default today), ``historic`` (ended before it)
    or ``all``."""
    day = on or today()
    if validity == Validity.CURRENT:
        return queryset.in_force_on(day)
    if validity == Validity.HISTORIC:
        return queryset.ended_before(day)
    return queryset


# --- rollup -----------------------------------------------------------------------
@dataclass(frozen=True)
class Rollup:
    """How an entry rolls up to a day.

    ``target`` is what a report for that day counts the entry under. ``path`` lists
    the entries followed (source first, target last). ``ambiguous`` is true when the
    entry had several successors of which none was the obvious one: ``target`` is
    then their nearest common parent (or the entry itself when they have none) and
    ``candidates`` lists them; ``note`` explains it in the user's language.
    ``dead_end`` is true when an ended entry has no successor recorded (the target
    is then the last entry reached).
    """

    source: object
    on: dt.date
    target: object
    path: tuple = ()
    candidates: tuple = ()
    ambiguous: bool = False
    dead_end: bool = False
    note: str = ""


def _ended_before(entry, day: dt.date) -> bool:
    return entry.valid_to is not None and entry.valid_to < day


def _ancestors(entry) -> list:
    chain, seen = [], set()
    node = entry
    while node is not None and node.pk not in seen:
        chain.append(node)
        seen.add(node.pk)
        node = node.parent
    return chain


def _common_parent(entries: list):
    chains = [_ancestors(e) for e in entries]
    others = [{n.pk for n in chain} for chain in chains[1:]]
    for node in chains[0]:
        if all(node.pk in pks for pks in others):
            return node
    return None


def _through(entry, results: list[Rollup], target) -> Rollup:
    """*entry*'s rollup through the successor whose rollup reached *target*."""
    result = next(r for r in results if r.target.pk == target.pk)
    return Rollup(
        source=entry,
        on=result.on,
        target=result.target,
        path=(entry, *result.path),
        candidates=result.candidates,
        ambiguous=result.ambiguous,
        dead_end=result.dead_end,
        note=result.note,
    )


def _trace(entry, day: dt.date, level: Callable, seen: frozenset) -> Rollup:
    if not _ended_before(entry, day):
        return Rollup(source=entry, on=day, target=entry, path=(entry,))
    successors = [
        s
        for s in entry.successors.select_related("parent").order_by("pk")
        if s.pk not in seen
    ]
    if not successors:
        return Rollup(
            source=entry,
            on=day,
            target=entry,
            path=(entry,),
            dead_end=True,
            note=_(
                "“%(name)s” ended on %(end)s and has no successor recorded; it is "
                "counted as itself."
            )
            % {"name": entry, "end": f"{entry.valid_to:%d/%m/%Y}"},
        )
    seen = seen | {entry.pk}
    results = [_trace(s, day, level, seen) for s in successors]
    targets = list({r.target.pk: r.target for r in results}.values())
    if len(targets) == 1:
        return _through(entry, results, targets[0])
    same_level = [t for t in targets if level(t) == level(entry)]
    if len(same_level) == 1:
        return _through(entry, results, same_level[0])
    pool = same_level or targets
    names = ", ".join(str(t) for t in pool)
    parent = _common_parent(pool)
    if parent is not None and parent.pk not in seen:
        if _ended_before(parent, day):
            parent = _trace(parent, day, level, seen).target
        return Rollup(
            source=entry,
            on=day,
            target=parent,
            path=(entry, parent),
            candidates=tuple(pool),
            ambiguous=True,
            note=_(
                "“%(name)s” was split between %(names)s; it is counted under "
                "%(parent)s, to which they all belong."
            )
            % {"name": entry, "names": names, "parent": parent},
        )
    return Rollup(
        source=entry,
        on=day,
        target=entry,
        path=(entry,),
        candidates=tuple(pool),
        ambiguous=True,
        note=_(
            "“%(name)s” was split between %(names)s, which share no parent; it is "
            "counted as itself."
        )
        % {"name": entry, "names": names},
    )


def _unit_level(unit: AdministrativeUnit) -> int:
    return unit_level(unit.kind)


def _organisation_level(organisation: Organisation) -> str:
    return organisation.kind


def trace_unit(unit: AdministrativeUnit, *, on: dt.date) -> Rollup:
    """How *unit* rolls up to the units valid on *on* (see :class:`Rollup`).

    An entry not ended by *on* is its own target (rollup never goes backwards).
    An ended one follows its successors; of several, the one at the same level
    wins (a province merged into a province); when none or several are at that
    level (a district split into communes), the target is their nearest common
    parent valid on *on* (the province), flagged ``ambiguous``.
    """
    return _trace(unit, on, _unit_level, frozenset())


def rollup_unit(unit: AdministrativeUnit, *, on: dt.date) -> AdministrativeUnit:
    """The unit a report for *on* counts *unit* under: ``rollup_unit(phu_yen,
    on=date(2026, 1, 1))`` is Đắk Lắk; a current unit is itself."""
    return trace_unit(unit, on=on).target


def trace_organisation(organisation: Organisation, *, on: dt.date) -> Rollup:
    """Like :func:`trace_unit`; "same level" means the same kind, and the common
    parent is the governing body (a district People's Committee split between
    commune People's Committees rolls up to the provincial People's Committee,
    which inherited the districts' agreements on 1 July 2025)."""
    return _trace(organisation, on, _organisation_level, frozenset())


def rollup_organisation(organisation: Organisation, *, on: dt.date) -> Organisation:
    return trace_organisation(organisation, on=on).target


def province_of(unit: AdministrativeUnit, *, on: dt.date | None = None):
    """The province-level unit *unit* belongs to on *on* (default today), after
    rollup: a ward of Phú Yên → Đắk Lắk. ``None`` when it has no province."""
    day = on or today()
    node = rollup_unit(unit, on=day)
    seen = set()
    while node is not None and node.pk not in seen:
        if node.kind in PROVINCE_LEVEL:
            return rollup_unit(node, on=day)
        seen.add(node.pk)
        node = node.parent
    return None


# --- units and organisations --------------------------------------------------------
def provinces(*, on: dt.date | None = None) -> QuerySet[AdministrativeUnit]:
    """The provinces and centrally-run cities valid on *on* (default today)."""
    return (
        AdministrativeUnit.objects.filter(kind__in=PROVINCE_LEVEL)
        .in_force_on(on or today())
        .order_by("name")
    )


def units_of_province(
    province: AdministrativeUnit, *, on: dt.date | None = None
) -> QuerySet[AdministrativeUnit]:
    """The wards, communes and special zones (and, before July 2025, districts) of
    a province valid on *on* (default today)."""
    return province.children.in_force_on(on or today()).order_by("name")


def organisations_of_province(
    province: AdministrativeUnit, *, on: dt.date | None = None
) -> QuerySet[Organisation]:
    """Organisations of a province and of its units, valid on *on* (default today)."""
    return (
        Organisation.objects.filter(
            Q(administrative_unit=province) | Q(administrative_unit__parent=province)
        )
        .in_force_on(on or today())
        .select_related("administrative_unit", "parent")
    )


def commune_peoples_committees(
    province: AdministrativeUnit, *, on: dt.date | None = None
) -> QuerySet[Organisation]:
    """ "All commune-level People's Committees" of a province — the target group
    that replaced "all district People's Committees" in task assignments."""
    return organisations_of_province(province, on=on).filter(
        kind=OrganisationKind.COMMUNE_PC
    )


# --- installation settings ----------------------------------------------------------
def directory_settings(*, site=None) -> DirectorySettings | None:
    """The directory settings of *site* (default: the default site), or ``None``
    when they were never saved. Usable outside a request (tasks, commands)."""
    from wagtail.models import Site

    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return None
    return (
        DirectorySettings.objects.filter(site=site)
        .select_related("province", "foreign_affairs_body")
        .first()
    )


def serving_province(*, site=None) -> AdministrativeUnit | None:
    """The province the installation serves (demo: Sơn La), rolled up to today."""
    found = directory_settings(site=site)
    if found is None or found.province is None:
        return None
    return rollup_unit(found.province, on=today())


def foreign_affairs_body(*, site=None) -> Organisation | None:
    """The province's foreign-affairs body, rolled up to today.

    The setting if an administrator chose one; otherwise the current Sở Ngoại vụ
    of the serving province (short code ``SNgV``), otherwise its current Office of
    the People's Committee; ``None`` when none of these exists.
    """
    found = directory_settings(site=site)
    if found is not None and found.foreign_affairs_body is not None:
        return rollup_organisation(found.foreign_affairs_body, on=today())
    province = serving_province(site=site)
    if province is None:
        return None
    candidates = current(Organisation.objects.filter(administrative_unit=province))
    return (
        candidates.filter(kind=OrganisationKind.DEPARTMENT, short_code="SNgV")
        .order_by("pk")
        .first()
        or candidates.filter(kind=OrganisationKind.PC_OFFICE).order_by("pk").first()
    )


# --- countries ----------------------------------------------------------------------
def resolve_country(text: str) -> Country | None:
    """The country *text* names, or ``None``.

    Matches the Vietnamese and English names and every alias ignoring diacritics,
    case, spaces and punctuation ("Lào", "CHDCND Lào", "Cộng hòa DCND Lào", "lao
    pdr" are all Laos), then ISO codes ("LA", "LAO").
    """
    key = country_key(text or "")
    if not key:
        return None
    alias = CountryAlias.objects.filter(key=key).select_related("country").first()
    if alias is not None:
        return alias.country
    country = (
        Country.objects.filter(name_keys__contains=f"|{key}|").order_by("pk").first()
    )
    if country is not None:
        return country
    raw = (text or "").strip()
    if re.fullmatch(r"[A-Za-z]{2}", raw):
        return Country.objects.filter(alpha_2=raw.upper()).first()
    if re.fullmatch(r"[A-Za-z]{3}", raw):
        return Country.objects.filter(alpha_3=raw.upper()).first()
    return None


# --- deletion -------------------------------------------------------------------------
def deletion_blockers(instance, *, limit: int = 20) -> list[str]:
    """What still refers to *instance* through protected foreign keys (units of a
    province, people of an organisation, records of other apps…): deleting it
    would fail. Empty when it can be deleted."""
    from django.db import router
    from django.db.models.deletion import Collector, ProtectedError, RestrictedError

    collector = Collector(using=router.db_for_write(type(instance)))
    try:
        collector.collect([instance])
    except ProtectedError as error:
        blockers = error.protected_objects
    except RestrictedError as error:
        blockers = error.restricted_objects
    else:
        return []
    names = sorted(f"{obj._meta.verbose_name}: {obj}" for obj in blockers)
    return names[:limit] + (["…"] if len(names) > limit else [])


# --- people (personal data) ---------------------------------------------------------
def people_for(user) -> QuerySet[Person]:
    """The people *user* may see: everyone for roles that see every organisation
    (administrators, foreign-affairs officers, …) and hold the permission to view
    people; for a focal point, the people of their own organisation; nobody
    otherwise."""
    if not (user.is_active and user.has_perm("directory.view_person")):
        return Person.objects.none()
    return scope_by_organisation(
        Person.objects.select_related("organisation", "foreign_partner", "nationality"),
        user,
        field_name="organisation",
    )
