import datetime as dt

import pytest

from ttdn.directory import services
from ttdn.directory.choices import OrganisationKind
from ttdn.directory.models import AdministrativeUnit
from ttdn.directory.selectors import (
    current,
    province_of,
    rollup_organisation,
    rollup_unit,
    trace_organisation,
    trace_unit,
)
from ttdn.directory.tests.factories import (
    END_2025,
    START_2025,
    CommuneFactory,
    DistrictFactory,
    OrganisationFactory,
    ProvinceFactory,
)

pytestmark = pytest.mark.django_db

REPORT_2026 = dt.date(2026, 1, 1)


@pytest.fixture
def reorganisation():
    dak_lak = ProvinceFactory(code="66", name="Tỉnh Đắk Lắk")
    phu_yen = ProvinceFactory(
        code="54", name="Tỉnh Phú Yên", valid_to=END_2025, successors=[dak_lak]
    )
    son_la = ProvinceFactory(code="14", name="Tỉnh Sơn La")
    communes = [
        CommuneFactory(parent=son_la, name=name)
        for name in ("Xã Vân Hồ", "Xã Xuân Nha", "Xã Song Khủa")
    ]
    district = DistrictFactory(
        parent=son_la, code="128", name="Huyện Vân Hồ", successors=communes
    )
    return {
        "dak_lak": dak_lak,
        "phu_yen": phu_yen,
        "son_la": son_la,
        "district": district,
        "communes": communes,
    }


def test_a_2020_record_of_phu_yen_rolls_up_to_dak_lak_in_2026(reorganisation):
    phu_yen = reorganisation["phu_yen"]
    assert rollup_unit(phu_yen, on=REPORT_2026) == reorganisation["dak_lak"]
    trace = trace_unit(phu_yen, on=REPORT_2026)
    assert trace.path == (phu_yen, reorganisation["dak_lak"])
    assert not trace.ambiguous and not trace.dead_end and trace.note == ""
    # In a report for 2020 Phú Yên is still itself.
    assert rollup_unit(phu_yen, on=dt.date(2020, 12, 31)) == phu_yen
    assert rollup_unit(phu_yen, on=END_2025) == phu_yen


def test_a_current_unit_rolls_up_to_itself(reorganisation):
    for unit in (reorganisation["son_la"], *reorganisation["communes"]):
        assert rollup_unit(unit, on=REPORT_2026) == unit
        assert trace_unit(unit, on=REPORT_2026).path == (unit,)


def test_a_historic_district_rolls_up_deterministically_to_its_province(
    reorganisation,
):
    district = reorganisation["district"]
    results = {rollup_unit(district, on=REPORT_2026) for _ in range(3)}
    assert results == {reorganisation["son_la"]}
    trace = trace_unit(district, on=REPORT_2026)
    assert trace.ambiguous
    assert list(trace.candidates) == reorganisation["communes"]
    assert trace.note == (
        "“Huyện Vân Hồ” đã được chia cho Xã Vân Hồ, Xã Xuân Nha, Xã Song Khủa; được "
        "tính vào Tỉnh Sơn La, nơi các đơn vị này cùng trực thuộc."
    )
    assert province_of(district, on=REPORT_2026) == reorganisation["son_la"]
    assert province_of(reorganisation["communes"][0]) == reorganisation["son_la"]


def test_the_successor_at_the_same_level_wins():
    ward = CommuneFactory(name="Phường Đích")
    province = ProvinceFactory(name="Tỉnh Đích")
    merged = ProvinceFactory(valid_to=END_2025, successors=[ward, province])
    assert rollup_unit(merged, on=REPORT_2026) == province
    assert not trace_unit(merged, on=REPORT_2026).ambiguous


def test_chains_are_followed_to_the_day():
    first = ProvinceFactory(name="Tỉnh 1", valid_to=dt.date(2010, 12, 31))
    second = ProvinceFactory(
        name="Tỉnh 2", valid_from=dt.date(2011, 1, 1), valid_to=END_2025
    )
    third = ProvinceFactory(name="Tỉnh 3", valid_from=START_2025)
    services.save_unit(first, successors=[second])
    services.save_unit(second, successors=[third])
    assert rollup_unit(first, on=dt.date(2015, 1, 1)) == second
    assert rollup_unit(first, on=REPORT_2026) == third
    assert trace_unit(first, on=REPORT_2026).path == (first, second, third)


def test_split_without_common_parent_stays_itself_and_says_why():
    left = ProvinceFactory(name="Tỉnh Trái")
    right = ProvinceFactory(name="Tỉnh Phải")
    split = ProvinceFactory(
        name="Tỉnh Tách", valid_to=END_2025, successors=[left, right]
    )
    trace = trace_unit(split, on=REPORT_2026)
    assert trace.target == split and trace.ambiguous
    assert trace.note == (
        "“Tỉnh Tách” đã được chia cho Tỉnh Trái, Tỉnh Phải, không cùng trực thuộc "
        "một đơn vị nào; được tính theo chính nó."
    )


def test_an_ended_unit_without_successor_is_a_dead_end():
    gone = ProvinceFactory(name="Tỉnh Giải Thể", valid_to=END_2025)
    trace = trace_unit(gone, on=REPORT_2026)
    assert (trace.target, trace.dead_end, trace.ambiguous) == (gone, True, False)
    assert trace.note == (
        "“Tỉnh Giải Thể” đã hết hiệu lực ngày 30/06/2025 và chưa ghi đơn vị kế "
        "thừa; được tính theo chính nó."
    )


def test_rollup_survives_a_cycle_written_behind_the_services_back():
    a = ProvinceFactory(valid_to=dt.date(2020, 1, 1))
    b = ProvinceFactory(valid_to=dt.date(2021, 1, 1))
    a.successors.add(b)
    b.successors.add(a)
    assert rollup_unit(a, on=REPORT_2026) in (a, b)


def test_organisations_roll_up_like_units():
    dak_lak_pc = OrganisationFactory(
        name="UBND tỉnh Đắk Lắk", kind=OrganisationKind.PEOPLES_COMMITTEE
    )
    phu_yen_pc = OrganisationFactory(
        name="UBND tỉnh Phú Yên",
        kind=OrganisationKind.PEOPLES_COMMITTEE,
        valid_to=END_2025,
        successors=[dak_lak_pc],
    )
    assert rollup_organisation(phu_yen_pc, on=REPORT_2026) == dak_lak_pc

    son_la_pc = OrganisationFactory(
        name="UBND tỉnh Sơn La", kind=OrganisationKind.PEOPLES_COMMITTEE
    )
    commune_pcs = [
        OrganisationFactory(
            name=f"UBND xã {n}",
            kind=OrganisationKind.COMMUNE_PC,
            parent=son_la_pc,
            valid_from=START_2025,
        )
        for n in ("Vân Hồ", "Xuân Nha")
    ]
    district_pc = OrganisationFactory(
        name="UBND huyện Vân Hồ",
        kind=OrganisationKind.DISTRICT_PC,
        parent=son_la_pc,
        valid_to=END_2025,
        successors=commune_pcs,
    )
    trace = trace_organisation(district_pc, on=REPORT_2026)
    assert trace.target == son_la_pc and trace.ambiguous
    assert rollup_organisation(district_pc, on=dt.date(2024, 5, 1)) == district_pc


def test_valid_on_and_current_filters():
    old = ProvinceFactory(valid_to=END_2025)
    new = ProvinceFactory(valid_from=START_2025)
    always = ProvinceFactory()
    units = AdministrativeUnit.objects.all()
    assert set(units.in_force_on(END_2025)) == {old, always}
    assert set(units.in_force_on(START_2025)) == {new, always}
    assert set(current(units)) == {new, always}
    assert set(AdministrativeUnit.objects.in_force_on(END_2025)) == {old, always}


def test_a_split_whose_common_parent_ended_follows_the_parent():
    new_province = ProvinceFactory(name="Tỉnh Mới", valid_from=None)
    old_province = ProvinceFactory(
        name="Tỉnh Cũ", valid_to=dt.date(2027, 12, 31), successors=[new_province]
    )
    communes = [CommuneFactory(parent=old_province, name=f"Xã {n}") for n in ("A", "B")]
    district = DistrictFactory(
        parent=old_province, name="Huyện Chia", successors=communes
    )
    assert rollup_unit(district, on=dt.date(2026, 1, 1)) == old_province
    assert rollup_unit(district, on=dt.date(2028, 1, 1)) == new_province
