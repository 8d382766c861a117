"""Validation rules that involve more than one field or row.

Each function returns an :class:`Errors` (field name → messages); the admin forms
add them to the form, the services raise them as a ``ValidationError``. Every message
names the field it is about, in the user's language.
"""

import datetime as dt
import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

from ttdn.core.errors import Errors
from ttdn.core.text import fold, nfc
from ttdn.core.timefmt import format_short

from .choices import COMMUNE_LEVEL, DISTRICT_LEVEL, PROVINCE_LEVEL

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def country_key(text: str) -> str:
    """What two spellings of a country name must share to be the same name:
    no diacritics, no case, no spaces or punctuation (``CHDCND Lào`` →
    ``chdcndlao``, ``Ca-na-đa`` → ``canada``)."""
    return _NOT_ALNUM.sub("", fold(nfc(text or "")))


def _reaches(start, target_pk, *, through: str) -> bool:
    """Whether *target_pk* can be reached from *start* along ``through`` links
    (as stored in the database)."""
    model = type(start)
    seen = set()
    frontier = {start.pk}
    while frontier:
        if target_pk in frontier:
            return True
        seen |= frontier
        frontier = (
            set(
                model.objects.filter(pk__in=frontier).values_list(
                    f"{through}__pk", flat=True
                )
            )
            - {None}
            - seen
        )
    return False


def successor_errors(
    entry,
    *,
    valid_from: dt.date | None,
    valid_to: dt.date | None,
    successors: Iterable,
) -> Errors:
    """The successor rules of a temporal entry (unit or organisation) about to be
    saved with these dates and successors:

    * an entry is not its own successor and successor links never form a circle;
    * an entry with successors has ended (``valid_to`` set);
    * each successor starts after the entry ends (at the earliest the next day) and
      does not end before it;
    * the entry itself starts after each of its predecessors ends.
    """
    errors = Errors()
    successors = list(successors)
    for successor in successors:
        if entry.pk is not None and successor.pk == entry.pk:
            errors.add(
                "successors",
                _("Successors: an entry cannot be its own successor."),
            )
            continue
        if entry.pk is not None and _reaches(successor, entry.pk, through="successors"):
            errors.add(
                "successors",
                _(
                    "Successors: “%(name)s” already comes after this entry (directly "
                    "or through others); successor links cannot go round in a circle."
                )
                % {"name": successor},
            )
            continue
        if valid_to is None:
            continue
        if successor.valid_from is not None and successor.valid_from <= valid_to:
            errors.add(
                "successors",
                _(
                    "Successors: “%(name)s” starts on %(start)s, but this entry is "
                    "valid until %(end)s; a successor starts after its predecessor "
                    "ends."
                )
                % {
                    "name": successor,
                    "start": format_short(successor.valid_from),
                    "end": format_short(valid_to),
                },
            )
        elif successor.valid_to is not None and successor.valid_to <= valid_to:
            errors.add(
                "successors",
                _(
                    "Successors: “%(name)s” ended on %(ended)s, not after this entry "
                    "(valid until %(end)s)."
                )
                % {
                    "name": successor,
                    "ended": format_short(successor.valid_to),
                    "end": format_short(valid_to),
                },
            )
    if successors and valid_to is None:
        errors.add(
            "valid_to",
            _(
                "Valid until: an entry with successors has ended; enter its last day "
                "of validity."
            ),
        )
    if entry.pk is not None and valid_from is not None:
        for predecessor in entry.predecessors.exclude(valid_to__isnull=True):
            if valid_from <= predecessor.valid_to:
                errors.add(
                    "valid_from",
                    _(
                        "Valid from: this entry succeeds “%(name)s”, which is valid "
                        "until %(end)s; it must start after that day."
                    )
                    % {"name": predecessor, "end": format_short(predecessor.valid_to)},
                )
    return errors


def _parent_cycle(entry, parent) -> bool:
    node, seen = parent, set()
    while node is not None and node.pk not in seen:
        if entry.pk is not None and node.pk == entry.pk:
            return True
        seen.add(node.pk)
        node = node.parent
    return False


# --- administrative units ---------------------------------------------------------
def unit_parent_errors(unit, *, kind: str, parent) -> Errors:
    errors = Errors()
    if parent is not None and _parent_cycle(unit, parent):
        errors.add(
            "parent",
            _("Belongs to: a unit cannot belong to itself or to one of its own units."),
        )
        return errors
    if kind in PROVINCE_LEVEL:
        if parent is not None:
            errors.add(
                "parent",
                _(
                    "Belongs to: a province or centrally-run city belongs to no other "
                    "unit; leave it empty."
                ),
            )
    elif parent is None:
        errors.add(
            "parent",
            _(
                "Belongs to: choose the province (for historic units possibly the "
                "district) this unit belongs to."
            ),
        )
    elif kind in DISTRICT_LEVEL and parent.kind not in PROVINCE_LEVEL:
        errors.add(
            "parent",
            _("Belongs to: a district-level unit belongs to a province or city."),
        )
    elif kind in COMMUNE_LEVEL and parent.kind in COMMUNE_LEVEL:
        errors.add(
            "parent",
            _(
                "Belongs to: a ward, commune or special zone belongs to a province "
                "(or, before July 2025, a district), not to another ward or commune."
            ),
        )
    return errors


def border_errors(*, is_border: bool, border_countries: Iterable) -> Errors:
    errors = Errors()
    if list(border_countries) and not is_border:
        errors.add(
            "border_countries",
            _(
                "Bordering countries: tick “border unit” as well, or leave the "
                "countries empty."
            ),
        )
    return errors


# --- organisations ----------------------------------------------------------------
def organisation_parent_errors(organisation, *, parent) -> Errors:
    errors = Errors()
    if parent is not None and _parent_cycle(organisation, parent):
        errors.add(
            "parent",
            _(
                "Governing body: an organisation cannot be governed by itself or by "
                "one of its own units."
            ),
        )
    return errors


# --- foreign partners and people --------------------------------------------------
def partner_parent_errors(partner, *, parent, country) -> Errors:
    errors = Errors()
    if parent is None:
        return errors
    if _parent_cycle(partner, parent):
        errors.add(
            "parent",
            _("Belongs to: a partner cannot belong to itself or to one of its units."),
        )
    elif parent.country_id != (country.pk if country is not None else None):
        errors.add(
            "parent",
            _("Belongs to: “%(parent)s” is in %(parent_country)s, not in %(country)s.")
            % {
                "parent": parent,
                "parent_country": parent.country or _("no country"),
                "country": country or _("no country"),
            },
        )
    return errors


# --- countries --------------------------------------------------------------------
def alias_errors(country, names: Iterable[str]) -> dict[str, str]:
    """Alias name → problem, for aliases that cannot be added to *country*: empty
    after folding, repeated, or already a name or alias of another country."""
    from .models import Country, CountryAlias

    problems: dict[str, str] = {}
    seen: dict[str, str] = {}
    for name in names:
        key = country_key(name)
        if not key:
            problems[name] = _("Alias: “%(name)s” contains no letters or digits.") % {
                "name": name
            }
            continue
        if key in seen:
            problems[name] = _(
                "Alias: “%(name)s” is the same as “%(other)s” (diacritics, case and "
                "spaces are ignored)."
            ) % {"name": name, "other": seen[key]}
            continue
        seen[key] = name
        other = (
            CountryAlias.objects.filter(key=key)
            .exclude(country_id=country.pk)
            .select_related("country")
            .first()
        )
        other_country = other.country if other else None
        if other_country is None:
            other_country = (
                Country.objects.filter(name_keys__contains=f"|{key}|")
                .exclude(pk=country.pk)
                .first()
            )
        if other_country is not None:
            problems[name] = _("Alias: “%(name)s” already stands for %(country)s.") % {
                "name": name,
                "country": other_country,
            }
    return problems


# --- settings ---------------------------------------------------------------------
def settings_errors(*, province, foreign_affairs_body) -> Errors:
    errors = Errors()
    if province is not None and province.kind not in PROVINCE_LEVEL:
        errors.add(
            "province",
            _("Province served: “%(name)s” is not a province or centrally-run city.")
            % {"name": province},
        )
    if (
        province is not None
        and foreign_affairs_body is not None
        and foreign_affairs_body.administrative_unit_id is not None
        and foreign_affairs_body.administrative_unit_id != province.pk
    ):
        errors.add(
            "foreign_affairs_body",
            _(
                "Foreign-affairs body: “%(body)s” belongs to %(unit)s, not to the "
                "province served (%(province)s)."
            )
            % {
                "body": foreign_affairs_body,
                "unit": foreign_affairs_body.administrative_unit,
                "province": province,
            },
        )
    return errors
