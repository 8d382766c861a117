"""Kinds of directory entries. Values are stable identifiers stored in the database."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    """Administrative unit kinds. Two levels since 1 July 2025: provinces and
    centrally-run cities; wards, communes and special zones. The district level and
    townships exist only for historic records (valid_to 30/06/2025)."""

    PROVINCE = "province", _("province")
    CENTRAL_CITY = "central_city", _("centrally-run city")
    WARD = "ward", _("ward")
    COMMUNE = "commune", _("commune")
    SPECIAL_ZONE = "special_zone", _("special zone")
    DISTRICT = "district", _("district (historic)")
    URBAN_DISTRICT = "urban_district", _("urban district (historic)")
    TOWN = "town", _("district-level town (historic)")
    PROVINCIAL_CITY = "provincial_city", _("district-level city (historic)")
    TOWNSHIP = "township", _("township (historic)")


PROVINCE_LEVEL = frozenset({UnitKind.PROVINCE, UnitKind.CENTRAL_CITY})
DISTRICT_LEVEL = frozenset(
    {
        UnitKind.DISTRICT,
        UnitKind.URBAN_DISTRICT,
        UnitKind.TOWN,
        UnitKind.PROVINCIAL_CITY,
    }
)
COMMUNE_LEVEL = frozenset(
    {UnitKind.WARD, UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE, UnitKind.TOWNSHIP}
)
# Kinds that no longer exist after the 2025 reorganisation: legacy data only.
HISTORIC_KINDS = frozenset({*DISTRICT_LEVEL, UnitKind.TOWNSHIP})


def unit_level(kind: str) -> int:
    """1 = province level, 2 = district level (historic), 3 = commune level."""
    if kind in PROVINCE_LEVEL:
        return 1
    if kind in DISTRICT_LEVEL:
        return 2
    return 3


class OrganisationKind(models.TextChoices):
    PEOPLES_COMMITTEE = "peoples_committee", _("provincial People's Committee")
    PEOPLES_COUNCIL = "peoples_council", _("People's Council")
    PC_OFFICE = "pc_office", _("Office of the People's Committee")
    DEPARTMENT = "department", _("department (sở, ban, ngành)")
    PARTY_COMMITTEE = "party_committee", _("Party committee")
    PARTY_COMMISSION = "party_commission", _("Party commission")
    COMMUNE_PC = "commune_pc", _("commune-level People's Committee")
    DISTRICT_PC = "district_pc", _("district People's Committee (historic)")
    POLICE = "police", _("police")
    BORDER_GUARD = "border_guard", _("border guard")
    PRESS = "press", _("press, radio and television")
    SCHOOL = "school", _("university or school")
    ASSOCIATION = "association", _("association or mass organisation")
    OTHER = "other", _("other")


class PartnerKind(models.TextChoices):
    PROVINCE = "province", _("province or state")
    DISTRICT = "district", _("district")
    CITY = "city", _("city")
    MINISTRY = "ministry", _("ministry or central agency")
    MISSION = "mission", _("embassy or consulate")
    INTERNATIONAL = "international", _("international organisation")
    NGO = "ngo", _("foreign non-governmental organisation")
    COMPANY = "company", _("company")
    UNIVERSITY = "university", _("university or research institute")
    OTHER = "other", _("other")


class Validity(models.TextChoices):
    """Listing filter: which entries to show."""

    CURRENT = "current", _("current only")
    HISTORIC = "historic", _("no longer valid")
    ALL = "all", _("all")
