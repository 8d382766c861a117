"""Writes to the directory. Each function validates everything first and saves all
or nothing; a refused write raises ``ValidationError`` naming the field and the
problem and changes nothing.

The admin views call these from ``save_instance``; the demo loader and other apps
call them directly. Successor links and border countries may be passed explicitly
or set beforehand on the (clusterable) instance, as the admin forms do.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ttdn.core import audit
from ttdn.core.errors import model_errors

from . import selectors
from .models import (
    AdministrativeUnit,
    Country,
    CountryAlias,
    DirectorySettings,
    ForeignPartner,
    Organisation,
    OrganisationSuccession,
    Person,
    UnitSuccession,
)
from .reference.countries import CountryReport, load_countries
from .reference.units import LoadReport, load_units
from .rules import (
    alias_errors,
    border_errors,
    organisation_parent_errors,
    partner_parent_errors,
    settings_errors,
    successor_errors,
    unit_parent_errors,
)


def _assign_successors(entry, link_model, successors) -> None:
    """Replace the entry's in-memory successor links, keeping existing link rows."""
    existing = {link.successor_id: link for link in entry.succession_links.all()}
    unique = list({s.pk: s for s in successors}.values())
    entry.succession_links = [
        existing.get(s.pk) or link_model(successor=s) for s in unique
    ]


def _chosen_successors(entry) -> list:
    return [link.successor for link in entry.succession_links.all()]


# --- reference data -------------------------------------------------------------------
@dataclass
class ReferenceReport:
    units: LoadReport | None
    countries: CountryReport | None

    @property
    def changed(self) -> int:
        return sum(part.changed for part in (self.units, self.countries) if part)

    @property
    def warnings(self) -> list[str]:
        return [
            w for part in (self.units, self.countries) if part for w in part.warnings
        ]


@transaction.atomic
def load_reference_data(
    *,
    units: bool = True,
    countries: bool = True,
    province_codes: Iterable[str] | None = None,
    refresh_country_names: bool = False,
) -> ReferenceReport:
    """Load administrative units (vietnam-provinces) and countries (pycountry + the
    curated Vietnamese names). Idempotent: a second run changes nothing.

    *province_codes* (``"14"`` for Sơn La) limits the wards and communes loaded;
    *refresh_country_names* overwrites Vietnamese country names with the curated
    ones."""
    codes = {f"{int(c):02d}" for c in province_codes} if province_codes else None
    return ReferenceReport(
        units=load_units(province_codes=codes) if units else None,
        countries=load_countries(refresh_names=refresh_country_names)
        if countries
        else None,
    )


# --- administrative units -------------------------------------------------------------
@transaction.atomic
def save_unit(
    unit: AdministrativeUnit,
    *,
    successors: Iterable[AdministrativeUnit] | None = None,
    border_countries: Iterable[Country] | None = None,
    user=None,
) -> AdministrativeUnit:
    """Validate and save an administrative unit with its successor links and
    bordering countries (``None``: keep those set on the instance)."""
    if successors is not None:
        _assign_successors(unit, UnitSuccession, successors)
    if border_countries is not None:
        unit.border_countries = list(border_countries)
    errors = model_errors(unit)
    errors.extend(unit_parent_errors(unit, kind=unit.kind, parent=unit.parent))
    errors.extend(
        border_errors(
            is_border=unit.is_border, border_countries=unit.border_countries.all()
        )
    )
    errors.extend(
        successor_errors(
            unit,
            valid_from=unit.valid_from,
            valid_to=unit.valid_to,
            successors=_chosen_successors(unit),
        )
    )
    errors.raise_if_any()
    return audit.save_logged(
        unit, user=user, relations=["succession_links", "border_countries"]
    )


@transaction.atomic
def end_unit(
    unit: AdministrativeUnit,
    *,
    valid_to: dt.date,
    successors: Iterable[AdministrativeUnit] = (),
    user=None,
) -> AdministrativeUnit:
    """Record that *unit* ceased after *valid_to* and who took it over (the next
    reorganisation). Existing successor links are kept; *successors* are added."""
    unit.valid_to = valid_to
    return save_unit(unit, successors=[*unit.successors.all(), *successors], user=user)


# --- organisations --------------------------------------------------------------------
@transaction.atomic
def save_organisation(
    organisation: Organisation,
    *,
    successors: Iterable[Organisation] | None = None,
    user=None,
) -> Organisation:
    """Validate and save an organisation with its successor links (``None``: keep
    those set on the instance)."""
    if successors is not None:
        _assign_successors(organisation, OrganisationSuccession, successors)
    errors = model_errors(organisation)
    errors.extend(organisation_parent_errors(organisation, parent=organisation.parent))
    errors.extend(
        successor_errors(
            organisation,
            valid_from=organisation.valid_from,
            valid_to=organisation.valid_to,
            successors=_chosen_successors(organisation),
        )
    )
    errors.raise_if_any()
    return audit.save_logged(organisation, user=user, relations=["succession_links"])


@transaction.atomic
def end_organisation(
    organisation: Organisation,
    *,
    valid_to: dt.date,
    successors: Iterable[Organisation] = (),
    user=None,
) -> Organisation:
    """Record that *organisation* ceased after *valid_to* and who took over its
    work. Existing successor links are kept; *successors* are added."""
    organisation.valid_to = valid_to
    return save_organisation(
        organisation,
        successors=[*organisation.successors.all(), *successors],
        user=user,
    )


# --- countries ------------------------------------------------------------------------
@transaction.atomic
def save_country(
    country: Country, *, aliases: Iterable[str] | None = None, user=None
) -> Country:
    """Validate and save a country with its aliases (``None``: keep the aliases set
    on the instance). An alias may not stand for another country."""
    if aliases is not None:
        existing = {a.name: a for a in country.aliases.all()}
        country.aliases = [
            existing.get(name) or CountryAlias(name=name)
            for name in dict.fromkeys(a.strip() for a in aliases if a.strip())
        ]
    errors = model_errors(country)
    names = [alias.name for alias in country.aliases.all()]
    for problem in alias_errors(country, names).values():
        errors.add("aliases", problem)
    errors.raise_if_any()
    for alias in country.aliases.all():
        alias.name = alias.name.strip()
    return audit.save_logged(country, user=user, relations=["aliases"])


# --- foreign partners and people ------------------------------------------------------
@transaction.atomic
def save_partner(partner: ForeignPartner, *, user=None) -> ForeignPartner:
    errors = model_errors(partner)
    errors.extend(
        partner_parent_errors(
            partner,
            parent=partner.parent,
            country=partner.country if partner.country_id else None,
        )
    )
    errors.raise_if_any()
    return audit.save_logged(partner, user=user)


@transaction.atomic
def save_person(person: Person, *, user=None) -> Person:
    model_errors(person).raise_if_any()
    return audit.save_logged(person, user=user)


@transaction.atomic
def delete_entry(entry, *, user) -> None:
    """Delete a directory entry no other row refers to; otherwise refuse, naming
    what still refers to it (an entry in use is ended, not deleted)."""
    blockers = selectors.deletion_blockers(entry)
    if blockers:
        message = _(
            "“%(name)s” cannot be deleted: these entries still refer to it:"
        ) % {"name": entry}
        raise ValidationError({"__all__": [f"{message} {'; '.join(blockers)}"]})
    audit.log_delete(entry, user=user)
    entry.delete()


# --- settings -------------------------------------------------------------------------
@transaction.atomic
def update_directory_settings(
    *,
    province: AdministrativeUnit | None,
    foreign_affairs_body: Organisation | None,
    site=None,
) -> DirectorySettings:
    """Set the province the installation serves and its foreign-affairs body."""
    from wagtail.models import Site

    settings_errors(
        province=province, foreign_affairs_body=foreign_affairs_body
    ).raise_if_any()
    site = site or Site.objects.get(is_default_site=True)
    settings, _created = DirectorySettings.objects.get_or_create(site=site)
    settings.province = province
    settings.foreign_affairs_body = foreign_affairs_body
    settings.save()
    return settings
