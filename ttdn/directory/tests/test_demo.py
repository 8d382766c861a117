"""The demo directory: loaded through the services, complete, idempotent."""

import datetime as dt
from io import StringIO

import pytest

from ttdn.directory import services
from ttdn.directory.demo.loader import load_demo
from ttdn.directory.models import (
    AdministrativeUnit,
    ForeignPartner,
    Organisation,
    Person,
)
from ttdn.directory.selectors import (
    foreign_affairs_body,
    rollup_organisation,
    serving_province,
    trace_organisation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home):
    # Sơn La's wards and the countries only: the full load has its own test.
    services.load_reference_data(province_codes=["14"])
    out = StringIO()
    changed = load_demo(stdout=out)
    return changed, out.getvalue()


def snapshot():
    return {
        "organisations": list(
            Organisation.objects.order_by("pk").values_list(
                "pk", "name", "updated_at", "valid_to"
            )
        ),
        "partners": list(ForeignPartner.objects.values_list("pk", "updated_at")),
        "people": list(Person.objects.values_list("pk", "updated_at")),
        "units": list(
            AdministrativeUnit.objects.filter(is_border=True).values_list(
                "code", "updated_at"
            )
        ),
    }


def test_second_run_changes_nothing(demo):
    changed, out = demo
    assert changed == 60
    assert "35 cơ quan, đơn vị; 13 đối tác nước ngoài; 6 người" in out
    before = snapshot()
    assert load_demo() == 0
    assert snapshot() == before


def test_serving_province_and_foreign_affairs_body(demo):
    assert serving_province().name == "Tỉnh Sơn La"
    body = foreign_affairs_body()
    assert (body.name, body.short_code) == ("Sở Ngoại vụ tỉnh Sơn La", "SNgV")


def test_organisations_of_son_la(demo):
    codes = dict(
        Organisation.objects.filter(administrative_unit__code="14").values_list(
            "name", "short_code"
        )
    )
    assert codes["Ủy ban nhân dân tỉnh Sơn La"] == "UBND"
    assert codes["Văn phòng Ủy ban nhân dân tỉnh Sơn La"] == "VP"
    assert codes["Sở Nội vụ tỉnh Sơn La"] == "SNV"
    assert len(codes) == 16
    border = Organisation.objects.get(name="Ủy ban nhân dân xã Lóng Sập")
    assert border.administrative_unit.is_border
    assert [c.alpha_2 for c in border.administrative_unit.border_countries.all()] == [
        "LA"
    ]
    assert all(
        "Dữ liệu trình diễn" in notes
        for notes in Organisation.objects.values_list("notes", flat=True)
    )


def test_historic_bodies_roll_up(demo):
    report_day = dt.date(2026, 1, 1)
    phu_yen = Organisation.objects.get(name="Ủy ban nhân dân tỉnh Phú Yên")
    assert rollup_organisation(phu_yen, on=report_day).name == (
        "Ủy ban nhân dân tỉnh Đắk Lắk"
    )
    van_ho = Organisation.objects.get(name="Ủy ban nhân dân huyện Vân Hồ")
    assert van_ho.valid_to == dt.date(2025, 6, 30)
    assert sorted(van_ho.successors.values_list("name", flat=True)) == [
        "Ủy ban nhân dân xã Chiềng Sơn",
        "Ủy ban nhân dân xã Song Khủa",
        "Ủy ban nhân dân xã Tô Múa",
        "Ủy ban nhân dân xã Vân Hồ",
        "Ủy ban nhân dân xã Xuân Nha",
    ]
    trace = trace_organisation(van_ho, on=report_day)
    assert trace.target.name == "Ủy ban nhân dân tỉnh Sơn La" and trace.ambiguous
    assert (
        Organisation.objects.get(
            name="Ủy ban nhân dân huyện Mộc Châu"
        ).successors.count()
        == 8
    )


def test_partners_and_fictional_people(demo):
    sop_bau = ForeignPartner.objects.get(name="Huyện Sốp Bâu")
    assert (sop_bau.parent.name, sop_bau.country.name_vi) == ("Tỉnh Hủa Phăn", "Lào")
    lao = ForeignPartner.objects.filter(country__alpha_2="LA", parent=None)
    assert set(lao.values_list("original_name", flat=True)) >= {
        "Luang Prabang",
        "Houaphanh",
        "Oudomxay",
        "Xiengkhouang",
        "Phongsaly",
        "Vientiane Capital",
    }
    assert ForeignPartner.objects.get(name="Tỉnh Vân Nam").country.alpha_2 == "CN"
    assert (
        ForeignPartner.objects.get(
            original_name="United Nations Development Programme"
        ).country
        is None
    )
    assert Person.objects.count() == 6
    assert all("hư cấu" in p.notes for p in Person.objects.all())
    assert not Person.objects.exclude(phone="").exists()
