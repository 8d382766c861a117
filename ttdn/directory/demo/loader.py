"""Load the demo directory through the services. Idempotent: every object is
looked up by its natural key first and saved only when something differs, so a
second run changes nothing."""

from django.db import transaction

from ttdn.core.text import nfc

from .. import services
from ..choices import OrganisationKind
from ..models import (
    AdministrativeUnit,
    Country,
    ForeignPartner,
    Organisation,
    Person,
)
from ..selectors import directory_settings
from . import content


class MissingReferenceData(RuntimeError):
    pass


class _Counter:
    def __init__(self):
        self.changed = 0

    def add(self, changed: bool):
        self.changed += int(bool(changed))


def _current_unit(code: str) -> AdministrativeUnit:
    unit = AdministrativeUnit.objects.filter(code=code, valid_to__isnull=True).first()
    if unit is None:
        raise MissingReferenceData(
            f"Administrative unit {code} is missing: run "
            "`python manage.py load_reference_data` first."
        )
    return unit


def _historic_unit(code: str) -> AdministrativeUnit:
    unit = AdministrativeUnit.objects.filter(
        code=code, valid_to=content.END_2025
    ).first()
    if unit is None:
        raise MissingReferenceData(
            f"Historic administrative unit {code} is missing: run "
            "`python manage.py load_reference_data` first."
        )
    return unit


def _differs(instance, fields: dict) -> bool:
    return any(getattr(instance, name) != value for name, value in fields.items())


def ensure_organisation(
    counter: _Counter, *, name: str, unit, successors=None, **fields
) -> Organisation:
    """The organisation called *name* in *unit*, created or brought up to date."""
    name = nfc(name)
    organisation = Organisation.objects.filter(
        name=name, administrative_unit=unit
    ).first()
    wanted = {"notes": content.DEMO_NOTE, **fields}
    successor_ids = sorted(s.pk for s in successors) if successors is not None else None
    if organisation is None:
        organisation = Organisation(name=name, administrative_unit=unit, **wanted)
    elif not _differs(organisation, wanted) and (
        successor_ids is None
        or sorted(organisation.successors.values_list("pk", flat=True)) == successor_ids
    ):
        return organisation
    for field, value in wanted.items():
        setattr(organisation, field, value)
    services.save_organisation(organisation, successors=successors)
    counter.add(True)
    return organisation


def ensure_partner(counter: _Counter, *, name, country, parent, **fields):
    partner = ForeignPartner.objects.filter(
        name=name, country=country, parent=parent
    ).first()
    wanted = {"notes": content.DEMO_NOTE, **fields}
    if partner is None:
        partner = ForeignPartner(name=name, country=country, parent=parent)
    elif not _differs(partner, wanted):
        return partner
    for field, value in wanted.items():
        setattr(partner, field, value)
    services.save_partner(partner)
    counter.add(True)
    return partner


def ensure_person(counter: _Counter, *, full_name, organisation, partner, **fields):
    person = Person.objects.filter(
        full_name=full_name, organisation=organisation, foreign_partner=partner
    ).first()
    wanted = {"notes": content.FICTIONAL_NOTE, **fields}
    if person is None:
        person = Person(
            full_name=full_name, organisation=organisation, foreign_partner=partner
        )
    elif not _differs(person, wanted):
        return person
    for field, value in wanted.items():
        setattr(person, field, value)
    services.save_person(person)
    counter.add(True)
    return person


def _flag_border_units(counter: _Counter, laos: Country) -> None:
    for code in content.BORDER_UNITS:
        unit = _current_unit(code)
        countries = set(unit.border_countries.values_list("pk", flat=True))
        if unit.is_border and laos.pk in countries:
            continue
        unit.is_border = True
        services.save_unit(
            unit,
            border_countries=[*unit.border_countries.all(), laos],
        )
        counter.add(True)


@transaction.atomic
def load_demo(stdout=None) -> int:
    """Create or update the demo directory; returns the number of objects created
    or changed (0 on a second run)."""
    counter = _Counter()
    if not AdministrativeUnit.objects.filter(code=content.SERVING_PROVINCE).exists():
        report = services.load_reference_data()
        counter.changed += report.changed
    son_la = _current_unit(content.SERVING_PROVINCE)
    countries = {c.alpha_2: c for c in Country.objects.all()}
    _flag_border_units(counter, countries["LA"])

    bodies: dict[str, Organisation] = {}
    for key, name, name_en, kind, code, parent in content.PROVINCIAL:
        bodies[key] = ensure_organisation(
            counter,
            name=name,
            unit=son_la,
            name_en=name_en,
            kind=kind,
            short_code=code,
            parent=bodies[parent] if parent else None,
        )

    communes: dict[str, Organisation] = {}
    for code in content.COMMUNE_PCS:
        unit = _current_unit(code)
        communes[code] = ensure_organisation(
            counter,
            name=f"Ủy ban nhân dân {unit.name[0].lower()}{unit.name[1:]}",
            unit=unit,
            name_en=f"{unit.name_en} People's Committee",
            kind=OrganisationKind.COMMUNE_PC,
            short_code="UBND",
            parent=bodies["ubnd"],
            valid_from=content.START_2025,
        )

    for code, (name, name_en, successor_codes) in content.DISTRICT_PCS.items():
        ensure_organisation(
            counter,
            name=name,
            unit=_historic_unit(code),
            name_en=name_en,
            kind=OrganisationKind.DISTRICT_PC,
            short_code="UBND",
            parent=bodies["ubnd"],
            valid_to=content.END_2025,
            successors=[communes[c] for c in successor_codes],
        )

    dak_lak_code, dak_lak_name, dak_lak_en = content.DAK_LAK
    dak_lak = ensure_organisation(
        counter,
        name=dak_lak_name,
        unit=_current_unit(dak_lak_code),
        name_en=dak_lak_en,
        kind=OrganisationKind.PEOPLES_COMMITTEE,
        short_code="UBND",
    )
    phu_yen_code, phu_yen_name, phu_yen_en = content.PHU_YEN
    ensure_organisation(
        counter,
        name=phu_yen_name,
        unit=_historic_unit(phu_yen_code),
        name_en=phu_yen_en,
        kind=OrganisationKind.PEOPLES_COMMITTEE,
        short_code="UBND",
        valid_to=content.END_2025,
        successors=[dak_lak],
    )

    partners: dict[str, ForeignPartner] = {}
    for key, name, original, kind, country, parent in content.PARTNERS:
        partners[key] = ensure_partner(
            counter,
            name=name,
            country=countries[country] if country else None,
            parent=partners[parent] if parent else None,
            original_name=original,
            kind=kind,
        )

    for full_name, position, (side, key), nationality in content.PEOPLE:
        ensure_person(
            counter,
            full_name=full_name,
            organisation=bodies.get(key)
            if side == "org"
            else communes.get(key)
            if side == "commune"
            else None,
            partner=partners[key] if side == "partner" else None,
            position=position,
            nationality=countries[nationality],
        )

    found = directory_settings()
    if (
        found is None
        or found.province_id != son_la.pk
        or found.foreign_affairs_body_id != bodies["sngv"].pk
    ):
        services.update_directory_settings(
            province=son_la, foreign_affairs_body=bodies["sngv"]
        )
        counter.add(True)

    if stdout is not None and counter.changed:
        stdout.write(
            f"Danh mục: {Organisation.objects.count()} cơ quan, đơn vị; "
            f"{ForeignPartner.objects.count()} đối tác nước ngoài; "
            f"{Person.objects.count()} người (hư cấu)."
        )
    return counter.changed
