"""save_unit / end_unit: every rule refused with a message naming the field, and a
refused save changes nothing."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from ttdn.directory import services
from ttdn.directory.choices import UnitKind
from ttdn.directory.models import AdministrativeUnit, UnitSuccession
from ttdn.directory.tests.factories import (
    END_2025,
    START_2025,
    CommuneFactory,
    CountryFactory,
    DistrictFactory,
    ProvinceFactory,
)

pytestmark = pytest.mark.django_db


def refused(call) -> dict:
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.message_dict


def test_save_unit_creates_with_successors():
    dak_lak = ProvinceFactory(code="66", name="Tỉnh Đắk Lắk")
    phu_yen = AdministrativeUnit(
        code="54", name="Tỉnh Phú Yên", kind=UnitKind.PROVINCE, valid_to=END_2025
    )
    services.save_unit(phu_yen, successors=[dak_lak])
    assert list(phu_yen.successors.all()) == [dak_lak]
    assert list(dak_lak.predecessors.all()) == [phu_yen]


def test_successor_must_start_after_the_predecessor_ends():
    son_la = ProvinceFactory(code="14", name="Tỉnh Sơn La")
    district = DistrictFactory(parent=son_la, name="Huyện Vân Hồ")
    early = CommuneFactory(
        parent=son_la, name="Xã Sớm", valid_from=dt.date(2025, 6, 30)
    )
    errors = refused(lambda: services.save_unit(district, successors=[early]))
    assert errors == {
        "successors": [
            "Đơn vị kế thừa: “Xã Sớm” có hiệu lực từ ngày 30/06/2025, nhưng mục "
            "này còn hiệu lực đến ngày 30/06/2025; đơn vị kế thừa phải bắt đầu sau "
            "khi đơn vị tiền thân hết hiệu lực."
        ]
    }
    assert not UnitSuccession.objects.exists()
    on_the_next_day = CommuneFactory(parent=son_la, valid_from=START_2025)
    services.save_unit(district, successors=[on_the_next_day])
    assert list(district.successors.all()) == [on_the_next_day]


def test_successor_that_ended_first_is_refused():
    province = ProvinceFactory(valid_to=dt.date(2025, 6, 30))
    ended = ProvinceFactory(valid_from=None, valid_to=dt.date(2025, 1, 1))
    errors = refused(lambda: services.save_unit(province, successors=[ended]))
    assert errors["successors"][0].startswith(
        f"Đơn vị kế thừa: “{ended.name}” đã hết hiệu lực ngày 01/01/2025"
    )


def test_an_entry_with_successors_must_have_ended():
    current = ProvinceFactory()
    other = ProvinceFactory()
    errors = refused(lambda: services.save_unit(current, successors=[other]))
    assert errors == {
        "valid_to": [
            "Hiệu lực đến ngày: mục đã có đơn vị kế thừa là đã hết hiệu lực; hãy "
            "nhập ngày cuối cùng có hiệu lực."
        ]
    }


def test_successor_cycles_are_refused():
    a = ProvinceFactory(name="Tỉnh A", valid_to=dt.date(2020, 12, 31))
    b = ProvinceFactory(name="Tỉnh B", valid_to=dt.date(2022, 12, 31), successors=[])
    services.save_unit(a, successors=[b])
    errors = refused(lambda: services.save_unit(b, successors=[a]))
    assert errors["successors"] == [
        "Đơn vị kế thừa: “Tỉnh A” đã là đơn vị kế thừa của mục này (trực tiếp hoặc "
        "qua mục khác); quan hệ kế thừa không được tạo thành vòng."
    ]
    errors = refused(lambda: services.save_unit(a, successors=[a]))
    assert errors["successors"] == [
        "Đơn vị kế thừa: một mục không thể kế thừa chính nó."
    ]
    assert list(UnitSuccession.objects.values_list("predecessor", "successor")) == [
        (a.pk, b.pk)
    ]


def test_starting_before_a_predecessor_ended_is_refused():
    old = ProvinceFactory(name="Tỉnh Cũ", valid_to=END_2025)
    new = ProvinceFactory(name="Tỉnh Mới", valid_from=START_2025)
    services.save_unit(old, successors=[new])
    new.valid_from = dt.date(2025, 6, 1)
    errors = refused(lambda: services.save_unit(new))
    assert errors == {
        "valid_from": [
            "Hiệu lực từ ngày: mục này kế thừa “Tỉnh Cũ” (hiệu lực đến ngày "
            "30/06/2025); phải bắt đầu hiệu lực sau ngày đó."
        ]
    }
    new.refresh_from_db()
    assert new.valid_from == START_2025


@pytest.mark.parametrize(
    ("kind", "parent_kind", "message"),
    [
        (
            UnitKind.PROVINCE,
            UnitKind.PROVINCE,
            "Trực thuộc: tỉnh, thành phố trực thuộc trung ương không trực thuộc đơn "
            "vị hành chính nào; hãy để trống.",
        ),
        (
            UnitKind.COMMUNE,
            None,
            "Trực thuộc: hãy chọn tỉnh (với đơn vị trước 01/7/2025 có thể là huyện) "
            "mà đơn vị này trực thuộc.",
        ),
        (
            UnitKind.WARD,
            UnitKind.COMMUNE,
            "Trực thuộc: phường, xã, đặc khu trực thuộc tỉnh (hoặc, trước tháng "
            "7/2025, trực thuộc huyện), không trực thuộc phường, xã khác.",
        ),
        (
            UnitKind.DISTRICT,
            UnitKind.DISTRICT,
            "Trực thuộc: đơn vị cấp huyện trực thuộc tỉnh hoặc thành phố trực thuộc "
            "trung ương.",
        ),
    ],
)
def test_parent_rules(kind, parent_kind, message):
    parent = None
    if parent_kind == UnitKind.PROVINCE:
        parent = ProvinceFactory()
    elif parent_kind == UnitKind.COMMUNE:
        parent = CommuneFactory()
    elif parent_kind == UnitKind.DISTRICT:
        parent = DistrictFactory(valid_to=None)
    before = AdministrativeUnit.objects.count()
    unit = AdministrativeUnit(code="99999", name="Đơn vị mới", kind=kind, parent=parent)
    assert refused(lambda: services.save_unit(unit)) == {"parent": [message]}
    assert AdministrativeUnit.objects.count() == before


def test_parent_cycles_are_refused():
    district = DistrictFactory(valid_to=None)
    commune = CommuneFactory(parent=district)
    district.parent = commune
    errors = refused(lambda: services.save_unit(district))
    assert errors["parent"] == [
        "Trực thuộc: một đơn vị không thể trực thuộc chính nó hoặc đơn vị cấp dưới "
        "của nó."
    ]


def test_border_countries_need_the_border_flag():
    commune = CommuneFactory()
    laos = CountryFactory()
    errors = refused(lambda: services.save_unit(commune, border_countries=[laos]))
    assert errors == {
        "border_countries": [
            "Giáp biên giới với: hãy đánh dấu cả “đơn vị biên giới”, hoặc để trống "
            "danh sách quốc gia."
        ]
    }
    assert not AdministrativeUnit.border_countries.through.objects.exists()
    commune = AdministrativeUnit.objects.get(pk=commune.pk)
    commune.is_border = True
    services.save_unit(commune, border_countries=[laos])
    stored = AdministrativeUnit.objects.get(pk=commune.pk)
    assert list(stored.border_countries.all()) == [laos]
    assert stored.is_border


def test_end_unit_records_the_end_and_adds_successors():
    province = ProvinceFactory(name="Tỉnh Sắp Nhập")
    first = ProvinceFactory(name="Tỉnh Nhận 1")
    second = ProvinceFactory(name="Tỉnh Nhận 2")
    services.end_unit(province, valid_to=END_2025, successors=[first])
    services.end_unit(province, valid_to=END_2025, successors=[second])
    province.refresh_from_db()
    assert province.valid_to == END_2025
    assert set(province.successors.all()) == {first, second}
    assert UnitSuccession.objects.count() == 2
