import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from ttdn.directory import services
from ttdn.directory.choices import OrganisationKind
from ttdn.directory.models import Organisation, OrganisationSuccession
from ttdn.directory.tests.factories import (
    END_2025,
    START_2025,
    OrganisationFactory,
    ProvinceFactory,
)

pytestmark = pytest.mark.django_db


def test_save_organisation_with_successors_and_contacts():
    province = ProvinceFactory(code="14", name="Tỉnh Sơn La")
    ubnd = OrganisationFactory(
        name="Ủy ban nhân dân tỉnh Sơn La",
        kind=OrganisationKind.PEOPLES_COMMITTEE,
        administrative_unit=province,
    )
    successor = OrganisationFactory(name="Sở Mới", valid_from=START_2025)
    old = Organisation(
        name="Sở Thông tin và Truyền thông tỉnh Sơn La",
        kind=OrganisationKind.DEPARTMENT,
        short_code="STTTT",
        parent=ubnd,
        administrative_unit=province,
        email="stttt@example.org",
        phone="0212 3852 000",
        valid_to=END_2025,
    )
    services.save_organisation(old, successors=[successor])
    stored = Organisation.objects.get(pk=old.pk)
    assert list(stored.successors.all()) == [successor]
    assert stored.search_text == ("so thong tin va truyen thong tinh son la | stttt")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "short_code",
            "KH/UBND",
            "Chữ viết tắt: chỉ dùng chữ cái và chữ số, không có dấu cách hoặc dấu “/” "
            "(ví dụ: UBND, SNgV); các phần có thể nối bằng gạch nối.",
        ),
        (
            "phone",
            "gọi tôi",
            "Điện thoại: chỉ nhập chữ số, dấu cách, dấu chấm hoặc gạch nối, ví dụ: "
            "0212 3852 000.",
        ),
        (
            "email",
            "khong-phai-email",
            "Thư điện tử: nhập địa chỉ hợp lệ, ví dụ: vanphong@example.org.",
        ),
    ],
)
def test_invalid_fields_are_refused(field, value, message):
    organisation = OrganisationFactory()
    setattr(organisation, field, value)
    with pytest.raises(ValidationError) as error:
        services.save_organisation(organisation)
    assert error.value.message_dict == {field: [message]}
    assert getattr(Organisation.objects.get(pk=organisation.pk), field) != value


def test_short_codes_with_vietnamese_letters_and_hyphens_are_accepted():
    organisation = OrganisationFactory()
    organisation.short_code = "SGDĐT"
    services.save_organisation(organisation)
    organisation.short_code = "BCH-BĐBP"
    services.save_organisation(organisation)
    assert Organisation.objects.get(pk=organisation.pk).short_code == "BCH-BĐBP"


def test_two_current_organisations_of_a_unit_cannot_share_a_name():
    province = ProvinceFactory()
    OrganisationFactory(name="Sở Ngoại vụ", administrative_unit=province)
    twin = Organisation(
        name="Sở Ngoại vụ",
        kind=OrganisationKind.DEPARTMENT,
        administrative_unit=province,
    )
    with pytest.raises(ValidationError) as error:
        services.save_organisation(twin)
    assert error.value.messages == [
        "Tên: đơn vị hành chính này đã có một cơ quan, đơn vị đang hoạt động trùng tên."
    ]
    assert Organisation.objects.count() == 1
    # The ended body of the same name may stay.
    ended = Organisation(
        name="Sở Ngoại vụ",
        kind=OrganisationKind.DEPARTMENT,
        administrative_unit=province,
        valid_to=dt.date(2020, 12, 31),
    )
    services.save_organisation(ended)
    assert Organisation.objects.count() == 2


def test_governing_body_cycles_are_refused():
    ubnd = OrganisationFactory(name="UBND")
    department = OrganisationFactory(name="Sở", parent=ubnd)
    ubnd.parent = department
    with pytest.raises(ValidationError) as error:
        services.save_organisation(ubnd)
    assert error.value.message_dict == {
        "parent": [
            "Cơ quan chủ quản: một cơ quan không thể là cơ quan chủ quản của chính nó "
            "hoặc do đơn vị cấp dưới của nó quản lý."
        ]
    }
    assert Organisation.objects.get(pk=ubnd.pk).parent is None


def test_end_organisation():
    old = OrganisationFactory(name="Sở Kế hoạch và Đầu tư")
    new = OrganisationFactory(name="Sở Tài chính")
    services.end_organisation(old, valid_to=dt.date(2025, 2, 28), successors=[new])
    old.refresh_from_db()
    assert old.valid_to == dt.date(2025, 2, 28)
    assert list(old.successors.all()) == [new]
    assert OrganisationSuccession.objects.count() == 1
