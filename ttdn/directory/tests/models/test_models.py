import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from ttdn.directory.choices import UnitKind
from ttdn.directory.models import AdministrativeUnit, Country, Person
from ttdn.directory.tests.factories import (
    CommuneFactory,
    CountryFactory,
    OrganisationFactory,
    ProvinceFactory,
)

pytestmark = pytest.mark.django_db


def test_search_text_is_folded_and_names_are_nfc():
    unit = ProvinceFactory(name="Tỉnh Đắk Lắk", name_en="Dak Lak Province", code="66")
    assert unit.search_text == "tinh dak lak | dak lak province | 66"
    decomposed = "Xa\u0303 Vân Hồ"  # "Xã" with a combining tilde
    commune = CommuneFactory(name=decomposed, parent=unit)
    assert commune.name == "Xã Vân Hồ"


def test_bare_and_full_names():
    son_la = ProvinceFactory(name="Tỉnh Sơn La", code="14")
    van_ho = CommuneFactory(name="Xã Vân Hồ", parent=son_la)
    assert son_la.bare_name == "Sơn La"
    assert van_ho.bare_name == "Vân Hồ"
    assert van_ho.full_name == "Xã Vân Hồ, Tỉnh Sơn La"
    assert son_la.full_name == "Tỉnh Sơn La"


def test_validity_on_a_day_includes_both_ends():
    unit = ProvinceFactory(
        valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2025, 6, 30)
    )
    assert not unit.is_in_force_on(dt.date(2019, 12, 31))
    assert unit.is_in_force_on(dt.date(2020, 1, 1))
    assert unit.is_in_force_on(dt.date(2025, 6, 30))
    assert not unit.is_in_force_on(dt.date(2025, 7, 1))
    assert unit.period_display == "01/01/2020 – 30/06/2025"
    assert ProvinceFactory(valid_from=None, valid_to=None).period_display == ""
    assert CommuneFactory().period_display == "01/07/2025 – nay"


def test_end_before_start_is_refused_naming_the_field():
    unit = ProvinceFactory.build(
        code="70", valid_from=dt.date(2025, 7, 1), valid_to=dt.date(2025, 6, 30)
    )
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert error.value.message_dict["valid_to"] == [
        "Hiệu lực đến ngày: ngày cuối (30/06/2025) trước ngày đầu (01/07/2025)."
    ]


def test_database_refuses_an_inverted_range():
    with pytest.raises(IntegrityError), transaction.atomic():
        AdministrativeUnit.objects.create(
            code="70",
            name="Tỉnh Sai",
            kind=UnitKind.PROVINCE,
            valid_from=dt.date(2025, 7, 1),
            valid_to=dt.date(2025, 6, 30),
        )
    assert not AdministrativeUnit.objects.exists()


def test_one_current_unit_per_code_but_codes_may_be_reused_after_ending():
    ProvinceFactory(code="15", name="Tỉnh Yên Bái", valid_to=dt.date(2025, 6, 30))
    ProvinceFactory(code="15", name="Tỉnh Lào Cai")  # reused code, current
    duplicate = ProvinceFactory.build(code="15", name="Tỉnh Trùng")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert error.value.messages == [
        "Mã chính thức: một đơn vị hành chính khác đang hiệu lực đã dùng mã này."
    ]


def test_country_name_keys_ignore_diacritics_case_spaces_and_punctuation():
    country = CountryFactory(
        alpha_2="CA",
        alpha_3="CAN",
        numeric="124",
        name_vi="Ca-na-đa",
        official_name_vi="",
        name_en="Canada",
        official_name_en="",
    )
    assert country.name_keys == "|canada|"
    assert (
        Country.objects.get(alpha_2="CA").search_text == "ca-na-da | canada | ca | can"
    )


def test_person_cannot_work_for_both_sides():
    person = Person(
        full_name="Nguyễn Văn Hai",
        organisation=OrganisationFactory(),
        foreign_partner_id=None,
    )
    person.full_clean()
    from ttdn.directory.tests.factories import ForeignPartnerFactory

    person.foreign_partner = ForeignPartnerFactory()
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "foreign_partner" in error.value.message_dict
    assert error.value.message_dict["foreign_partner"][0].startswith(
        "Đối tác nước ngoài: một người thuộc cơ quan"
    )
