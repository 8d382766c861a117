"""The one test module that loads the real reference data (~3,400 units, 249
countries); everything else uses factories."""

import datetime as dt

import pytest

from ttdn.directory import services
from ttdn.directory.choices import PROVINCE_LEVEL, UnitKind
from ttdn.directory.models import AdministrativeUnit, Country, CountryAlias
from ttdn.directory.selectors import provinces, resolve_country, rollup_unit

pytestmark = pytest.mark.django_db

END_2025 = dt.date(2025, 6, 30)


def test_full_load_counts_history_links_and_idempotency():
    report = services.load_reference_data()
    current = AdministrativeUnit.objects.filter(valid_to__isnull=True)
    assert current.filter(kind__in=PROVINCE_LEVEL).count() == 34
    assert provinces(on=dt.date(2026, 1, 1)).count() == 34
    assert current.filter(kind=UnitKind.CENTRAL_CITY).count() == 9
    communes = current.exclude(kind__in=PROVINCE_LEVEL)
    assert communes.count() > 3000
    assert communes.count() == 3321
    assert not communes.filter(parent__isnull=True).exists()
    assert report.units.created == 34 + 3321 + 3
    assert report.warnings == []

    son_la = AdministrativeUnit.objects.get(code="14", valid_to__isnull=True)
    assert (son_la.name, son_la.name_en, son_la.kind) == (
        "Tỉnh Sơn La",
        "Son La Province",
        UnitKind.PROVINCE,
    )
    van_ho = AdministrativeUnit.objects.get(code="04048")
    assert (van_ho.name, van_ho.parent, van_ho.valid_from) == (
        "Xã Vân Hồ",
        son_la,
        dt.date(2025, 7, 1),
    )
    assert AdministrativeUnit.objects.get(code="00004").name_en == "Ba Dinh Ward"

    phu_yen = AdministrativeUnit.objects.get(code="54")
    assert (phu_yen.name, phu_yen.valid_to) == ("Tỉnh Phú Yên", END_2025)
    assert [u.name for u in phu_yen.successors.all()] == ["Tỉnh Đắk Lắk"]
    assert rollup_unit(phu_yen, on=dt.date(2026, 1, 1)).code == "66"

    district = AdministrativeUnit.objects.get(code="128")
    assert (district.name, district.kind, district.parent) == (
        "Huyện Vân Hồ",
        UnitKind.DISTRICT,
        son_la,
    )
    assert sorted(district.successors.values_list("name", flat=True)) == [
        "Xã Chiềng Sơn",
        "Xã Song Khủa",
        "Xã Tô Múa",
        "Xã Vân Hồ",
        "Xã Xuân Nha",
    ]
    moc_chau = AdministrativeUnit.objects.get(code="123")
    assert sorted(moc_chau.successors.values_list("code", flat=True)) == [
        "03979",
        "03980",
        "03982",
        "03985",
        "03997",
        "04000",
        "04033",
        "04045",
    ]

    assert Country.objects.count() == 249
    laos = Country.objects.get(alpha_2="LA")
    assert (laos.name_vi, laos.official_name_vi) == (
        "Lào",
        "Cộng hòa Dân chủ Nhân dân Lào",
    )
    assert Country.objects.get(alpha_2="KR").name_vi == "Hàn Quốc"
    assert Country.objects.get(alpha_2="JP").name_vi == "Nhật Bản"
    assert resolve_country("CHDND Lào") == laos
    assert resolve_country("Cộng hòa DCND Lào") == laos

    # What administrators maintain survives a reload; nothing else changes.
    van_ho.name_en = "Van Ho Commune (Son La)"
    van_ho.is_border = True
    van_ho.save()
    laos.official_name_vi = "Nước Cộng hòa Dân chủ Nhân dân Lào"
    services.save_country(
        laos, aliases=[*laos.aliases.values_list("name", flat=True), "Ai Lao"]
    )
    again = services.load_reference_data()
    assert again.changed == 0
    van_ho.refresh_from_db()
    assert (van_ho.name_en, van_ho.is_border) == ("Van Ho Commune (Son La)", True)
    laos = Country.objects.get(alpha_2="LA")
    assert laos.official_name_vi == "Nước Cộng hòa Dân chủ Nhân dân Lào"
    assert resolve_country("ai lao") == laos
    assert CountryAlias.objects.filter(country=laos).count() == 6

    refreshed = services.load_reference_data(units=False, refresh_country_names=True)
    assert (refreshed.countries.updated, refreshed.countries.aliases_added) == (1, 0)
    laos.refresh_from_db()
    assert laos.official_name_vi == "Cộng hòa Dân chủ Nhân dân Lào"


def test_package_renames_are_applied_and_vanished_units_reported():
    services.load_reference_data(countries=False, province_codes=["14"])
    assert AdministrativeUnit.objects.filter(parent__code="14").count() == 75 + 2
    assert not AdministrativeUnit.objects.filter(parent__code="01").exists()
    tampered = AdministrativeUnit.objects.get(code="04048")
    tampered.name = "Xã Sai Tên"
    tampered.save()
    AdministrativeUnit.objects.create(
        code="99999",
        name="Xã Không Còn",
        kind=UnitKind.COMMUNE,
        parent=tampered.parent,
    )
    report = services.load_reference_data(countries=False)
    assert AdministrativeUnit.objects.get(code="04048").name == "Xã Vân Hồ"
    assert report.units.updated == 1
    assert report.warnings == [
        "Xã Không Còn (99999) không còn trong dữ liệu của gói vietnam-provinces: nếu "
        "đơn vị đã được sắp xếp lại, hãy ghi ngày hết hiệu lực và đơn vị kế thừa."
    ]
    # The unknown unit is reported, never deleted.
    assert AdministrativeUnit.objects.filter(code="99999").exists()
