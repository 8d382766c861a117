import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from ttdn.core.folding import folded_search
from ttdn.directory import services
from ttdn.directory.choices import OrganisationKind
from ttdn.directory.models import AdministrativeUnit, Organisation
from ttdn.directory.selectors import (
    commune_peoples_committees,
    directory_settings,
    foreign_affairs_body,
    organisations_of_province,
    serving_province,
    units_of_province,
)
from ttdn.directory.tests.factories import (
    END_2025,
    CommuneFactory,
    OrganisationFactory,
    ProvinceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def son_la():
    return ProvinceFactory(code="14", name="Tỉnh Sơn La")


def test_nothing_configured(home):
    assert directory_settings() is None
    assert serving_province() is None
    assert foreign_affairs_body() is None


def test_settings_are_read_without_a_request(home, son_la):
    body = OrganisationFactory(
        name="Sở Ngoại vụ tỉnh Sơn La", short_code="SNgV", administrative_unit=son_la
    )
    services.update_directory_settings(province=son_la, foreign_affairs_body=body)
    assert serving_province() == son_la
    assert foreign_affairs_body() == body


def test_settings_follow_a_reorganisation(home):
    dak_lak = ProvinceFactory(code="66", name="Tỉnh Đắk Lắk")
    phu_yen = ProvinceFactory(
        code="54", name="Tỉnh Phú Yên", valid_to=END_2025, successors=[dak_lak]
    )
    office = OrganisationFactory(
        name="Văn phòng UBND tỉnh Đắk Lắk", kind=OrganisationKind.PC_OFFICE
    )
    old_body = OrganisationFactory(
        name="Sở Ngoại vụ tỉnh Phú Yên",
        administrative_unit=phu_yen,
        valid_to=END_2025,
        successors=[office],
    )
    services.update_directory_settings(province=phu_yen, foreign_affairs_body=old_body)
    assert serving_province() == dak_lak
    assert foreign_affairs_body() == office


def test_fallback_to_the_department_then_the_pc_office(home, son_la):
    services.update_directory_settings(province=son_la, foreign_affairs_body=None)
    office = OrganisationFactory(
        name="Văn phòng UBND tỉnh Sơn La",
        kind=OrganisationKind.PC_OFFICE,
        short_code="VP",
        administrative_unit=son_la,
    )
    assert foreign_affairs_body() == office
    department = OrganisationFactory(
        name="Sở Ngoại vụ tỉnh Sơn La", short_code="SNgV", administrative_unit=son_la
    )
    assert foreign_affairs_body() == department
    services.end_organisation(department, valid_to=dt.date(2020, 1, 1))
    assert foreign_affairs_body() == office


def test_settings_validation(home, son_la):
    ward = CommuneFactory(parent=son_la, name="Phường Tô Hiệu")
    elsewhere = OrganisationFactory(
        name="Sở Ngoại vụ tỉnh Khác", administrative_unit=ProvinceFactory()
    )
    with pytest.raises(ValidationError) as error:
        services.update_directory_settings(province=ward, foreign_affairs_body=None)
    assert error.value.message_dict == {
        "province": [
            "Tỉnh sử dụng hệ thống: “Phường Tô Hiệu” không phải là tỉnh hoặc thành "
            "phố trực thuộc trung ương."
        ]
    }
    with pytest.raises(ValidationError) as error:
        services.update_directory_settings(
            province=son_la, foreign_affairs_body=elsewhere
        )
    assert list(error.value.message_dict) == ["foreign_affairs_body"]
    assert directory_settings() is None


def test_folded_search_ignores_diacritics_and_ranks_phrases(son_la):
    van_ho = CommuneFactory(parent=son_la, name="Xã Vân Hồ", code="04048")
    hoang_van = CommuneFactory(parent=son_la, name="Xã Hoàng Văn Thụ", code="00001")
    CommuneFactory(parent=son_la, name="Xã Mường Lèo")
    units = AdministrativeUnit.objects.order_by("code")
    assert list(folded_search(units, "van ho")) == [hoang_van, van_ho]
    assert list(folded_search(units, "van ho", rank=True)) == [van_ho, hoang_van]
    assert list(folded_search(units, "VÂN HỒ", rank=True))[0] == van_ho
    assert list(folded_search(units, "04048")) == [van_ho]
    assert list(folded_search(units, "an ho")) == []  # words match at their start
    assert folded_search(units, "  ").count() == 4


def test_province_listings(son_la):
    commune = CommuneFactory(parent=son_la)
    ended = CommuneFactory(parent=son_la, valid_from=None, valid_to=END_2025)
    assert list(units_of_province(son_la)) == [commune]
    assert list(units_of_province(son_la, on=END_2025)) == [ended]
    ubnd = OrganisationFactory(administrative_unit=son_la)
    commune_pc = OrganisationFactory(
        administrative_unit=commune, kind=OrganisationKind.COMMUNE_PC
    )
    OrganisationFactory(administrative_unit=ProvinceFactory())
    assert set(organisations_of_province(son_la)) == {ubnd, commune_pc}
    assert list(commune_peoples_committees(son_la)) == [commune_pc]
    assert Organisation.objects.count() == 3
