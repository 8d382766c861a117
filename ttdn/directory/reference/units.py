"""Administrative units from the ``vietnam-provinces`` package (ADR 0002).

What the package owns and every load refreshes: the official code, name, kind and
province of the 34 provinces and their ~3,300 wards, communes and special zones.
What administrators own and a load never overwrites: English names (filled only
when empty), border flags, validity dates after creation, successor links they
added. Loading twice changes nothing.

Historic units: the seeds and the demo need Phú Yên province (merged into Đắk Lắk)
and the districts Vân Hồ and Mộc Châu of Sơn La. They come from the package's
pre-2025 data (``vietnam_provinces.legacy``); the districts' successors are the
post-2025 wards and communes the package's 2025 conversion table derives from at
least one commune of the district. Add a legacy code to the tuples below to load
another historic unit.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core.text import fold_char

from ..choices import UnitKind
from ..models import AdministrativeUnit, UnitSuccession

# Last day of the district level and of the provinces merged in 2025 (the
# two-level local government started on 1 July 2025).
REORGANISATION_END = dt.date(2025, 6, 30)
REORGANISATION_START = dt.date(2025, 7, 1)

# Legacy (pre-2025) province codes to keep as historic provinces.
HISTORIC_PROVINCE_CODES = (54,)  # Tỉnh Phú Yên → Tỉnh Đắk Lắk
# Legacy district codes to keep as historic districts.
HISTORIC_DISTRICT_CODES = (128, 123)  # Huyện Vân Hồ, Huyện Mộc Châu (Sơn La)

_PACKAGE_KINDS = {
    "tỉnh": UnitKind.PROVINCE,
    "thành phố trung ương": UnitKind.CENTRAL_CITY,
    "xã": UnitKind.COMMUNE,
    "phường": UnitKind.WARD,
    "đặc khu": UnitKind.SPECIAL_ZONE,
    "huyện": UnitKind.DISTRICT,
    "quận": UnitKind.URBAN_DISTRICT,
    "thị xã": UnitKind.TOWN,
    "thành phố": UnitKind.PROVINCIAL_CITY,
    "thị trấn": UnitKind.TOWNSHIP,
}
_ENGLISH_KIND = {
    UnitKind.PROVINCE: "Province",
    UnitKind.CENTRAL_CITY: "City",
    UnitKind.COMMUNE: "Commune",
    UnitKind.WARD: "Ward",
    UnitKind.SPECIAL_ZONE: "Special Zone",
    UnitKind.DISTRICT: "District",
    UnitKind.URBAN_DISTRICT: "District",
    UnitKind.TOWN: "Town",
    UnitKind.PROVINCIAL_CITY: "City",
    UnitKind.TOWNSHIP: "Township",
}
_PREFIXES = (
    "Thành phố ",
    "Tỉnh ",
    "Phường ",
    "Xã ",
    "Đặc khu ",
    "Huyện ",
    "Quận ",
    "Thị xã ",
    "Thị trấn ",
)


def province_code(value: int) -> str:
    return f"{value:02d}"


def ward_code(value: int) -> str:
    return f"{value:05d}"


def district_code(value: int) -> str:
    return f"{value:03d}"


def english_name(name: str, kind: str) -> str:
    """The English name in the Foreign Ministry's pattern: the name without
    diacritics followed by the kind (``Xã Vân Hồ`` → ``Van Ho Commune``)."""
    bare = name
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            bare = name[len(prefix) :]
            break
    plain = "".join(fold_char(c) for c in bare)
    return f"{plain} {_ENGLISH_KIND[kind]}"


@dataclass
class UnitSpec:
    code: str
    name: str
    kind: str
    parent_key: tuple[str, dt.date | None] | None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    @property
    def key(self):
        return (self.code, self.valid_to)


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    links_added: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.links_added


def package_specs(province_codes: set[str] | None = None) -> list[UnitSpec]:
    """Current provinces first, then their wards and communes, then the historic
    units, in the package's order."""
    from vietnam_provinces import Province, Ward
    from vietnam_provinces.legacy import District as LegacyDistrict
    from vietnam_provinces.legacy import Province as LegacyProvince
    from vietnam_provinces.legacy.codes import DistrictCode as LegacyDistrictCode
    from vietnam_provinces.legacy.codes import ProvinceCode as LegacyProvinceCode

    specs = [
        UnitSpec(
            code=province_code(p.code.value),
            name=p.name,
            kind=_PACKAGE_KINDS[str(p.division_type)],
            parent_key=None,
        )
        for p in Province.iter_all()
    ]
    for ward in Ward.iter_all():
        parent = province_code(ward.province_code.value)
        if province_codes is not None and parent not in province_codes:
            continue
        specs.append(
            UnitSpec(
                code=ward_code(ward.code.value),
                name=ward.name,
                kind=_PACKAGE_KINDS[str(ward.division_type)],
                parent_key=(parent, None),
                valid_from=REORGANISATION_START,
            )
        )
    for code in HISTORIC_PROVINCE_CODES:
        legacy = LegacyProvince.from_code(LegacyProvinceCode(code))
        specs.append(
            UnitSpec(
                code=province_code(code),
                name=legacy.name,
                kind=_PACKAGE_KINDS[str(legacy.division_type)],
                parent_key=None,
                valid_to=REORGANISATION_END,
            )
        )
    for code in HISTORIC_DISTRICT_CODES:
        legacy = LegacyDistrict.from_code(LegacyDistrictCode(code))
        specs.append(
            UnitSpec(
                code=district_code(code),
                name=legacy.name,
                kind=_PACKAGE_KINDS[str(legacy.division_type)],
                # The district's province kept its code in 2025 (Sơn La: 14).
                parent_key=(province_code(legacy.province_code.value), None),
                valid_to=REORGANISATION_END,
            )
        )
    return specs


def historic_successor_codes() -> dict[tuple[str, dt.date], list[str]]:
    """Historic unit key → codes of the current units that took it over."""
    from vietnam_provinces import Province
    from vietnam_provinces._ward_conversion_2025 import NEW_TO_OLD

    links: dict[tuple[str, dt.date], list[str]] = {}
    for code in HISTORIC_PROVINCE_CODES:
        links[(province_code(code), REORGANISATION_END)] = sorted(
            {
                province_code(r.province.code.value)
                for r in Province.search_from_legacy(code=code)
            }
        )
    for code in HISTORIC_DISTRICT_CODES:
        links[(district_code(code), REORGANISATION_END)] = sorted(
            ward_code(new_code)
            for new_code, entry in NEW_TO_OLD.items()
            if any(old.district_code == code for old in entry.old_wards)
        )
    return links


def load_units(*, province_codes: set[str] | None = None) -> LoadReport:
    """Create or refresh the administrative units (see the module docstring).

    *province_codes* limits the wards and communes to these provinces (all
    provinces are always loaded)."""
    report = LoadReport()
    now = timezone.now()
    existing = {(u.code, u.valid_to): u for u in AdministrativeUnit.objects.all()}
    specs = package_specs(province_codes)
    # Parents first: provinces (no parent), then everything that has one.
    for pass_specs in (
        [s for s in specs if s.parent_key is None],
        [s for s in specs if s.parent_key is not None],
    ):
        to_create, to_update = [], []
        for spec in pass_specs:
            parent = existing.get(spec.parent_key) if spec.parent_key else None
            if spec.parent_key and parent is None:
                report.warnings.append(
                    _(
                        "%(name)s (%(code)s): its province %(parent)s is missing; "
                        "skipped."
                    )
                    % {
                        "name": spec.name,
                        "code": spec.code,
                        "parent": spec.parent_key[0],
                    }
                )
                continue
            unit = existing.get(spec.key)
            if unit is None:
                unit = AdministrativeUnit(
                    code=spec.code,
                    name=spec.name,
                    kind=spec.kind,
                    parent=parent,
                    name_en=english_name(spec.name, spec.kind),
                    valid_from=spec.valid_from,
                    valid_to=spec.valid_to,
                )
                unit.refresh_search_text()
                to_create.append(unit)
                continue
            wanted = {
                "name": spec.name,
                "kind": spec.kind,
                "parent_id": parent.pk if parent else None,
            }
            if not unit.name_en:
                wanted["name_en"] = english_name(spec.name, spec.kind)
            before = (unit.search_text, *(getattr(unit, k) for k in wanted))
            for k, v in wanted.items():
                setattr(unit, k, v)
            unit.refresh_search_text()
            if before != (unit.search_text, *wanted.values()):
                unit.updated_at = now
                to_update.append(unit)
            else:
                report.unchanged += 1
        created = AdministrativeUnit.objects.bulk_create(to_create, batch_size=500)
        AdministrativeUnit.objects.bulk_update(
            to_update,
            ["name", "kind", "parent", "name_en", "search_text", "updated_at"],
            batch_size=500,
        )
        report.created += len(created)
        report.updated += len(to_update)
        for unit in created:
            existing[(unit.code, unit.valid_to)] = unit
    _link_historic_units(existing, report)
    if province_codes is None:
        _warn_about_units_missing_from_package(specs, report)
    return report


def _link_historic_units(existing: dict, report: LoadReport) -> None:
    current_links = set(
        UnitSuccession.objects.values_list("predecessor_id", "successor_id")
    )
    new_links = []
    for key, successor_codes in historic_successor_codes().items():
        predecessor = existing.get(key)
        if predecessor is None:
            continue
        for code in successor_codes:
            successor = existing.get((code, None))
            if successor is None:
                report.warnings.append(
                    _("%(name)s: successor %(code)s is not loaded; link skipped.")
                    % {"name": predecessor.name, "code": code}
                )
                continue
            if (predecessor.pk, successor.pk) not in current_links:
                new_links.append(
                    UnitSuccession(predecessor=predecessor, successor=successor)
                )
                current_links.add((predecessor.pk, successor.pk))
    UnitSuccession.objects.bulk_create(new_links)
    report.links_added += len(new_links)


def _warn_about_units_missing_from_package(specs, report: LoadReport) -> None:
    known = {spec.key for spec in specs}
    package_kinds = {spec.kind for spec in specs if spec.valid_to is None}
    for unit in AdministrativeUnit.objects.filter(
        valid_to__isnull=True, kind__in=package_kinds
    ).order_by("code"):
        if (unit.code, None) not in known:
            report.warnings.append(
                _(
                    "%(name)s (%(code)s) is no longer in the vietnam-provinces data: "
                    "if it was reorganised, enter its last day and its successors."
                )
                % {"name": unit.name, "code": unit.code}
            )
