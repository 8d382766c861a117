from django.core.exceptions import ValidationError

import pytest

from ttdn.directory import services
from ttdn.directory.choices import PartnerKind
from ttdn.directory.models import Country, CountryAlias, ForeignPartner, Person
from ttdn.directory.selectors import resolve_country
from ttdn.directory.tests.factories import (
    CountryAliasFactory,
    CountryFactory,
    ForeignPartnerFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def laos():
    return CountryFactory()


@pytest.fixture
def china():
    return CountryFactory(
        alpha_2="CN",
        alpha_3="CHN",
        numeric="156",
        name_vi="Trung Quốc",
        official_name_vi="Cộng hòa Nhân dân Trung Hoa",
        name_en="China",
        official_name_en="People's Republic of China",
    )


def test_save_country_with_aliases_makes_them_resolvable(laos):
    services.save_country(laos, aliases=["CHDCND Lào", "Lao PDR", "  "])
    assert sorted(laos.aliases.values_list("name", flat=True)) == [
        "CHDCND Lào",
        "Lao PDR",
    ]
    assert resolve_country("chdcnd lao") == laos
    assert "chdcnd lao" in Country.objects.get(pk=laos.pk).search_text


def test_alias_of_another_country_is_refused(laos, china):
    CountryAliasFactory(country=laos, name="CHDCND Lào")
    with pytest.raises(ValidationError) as error:
        services.save_country(china, aliases=["Trung Hoa", "CHDCND LAO"])
    assert error.value.message_dict == {
        "aliases": ["Tên gọi khác: “CHDCND LAO” đã dùng để chỉ Lào."]
    }
    with pytest.raises(ValidationError) as error:
        services.save_country(china, aliases=["Lào"])
    assert error.value.message_dict == {
        "aliases": ["Tên gọi khác: “Lào” đã dùng để chỉ Lào."]
    }
    assert not CountryAlias.objects.filter(country=china).exists()
    assert CountryAlias.objects.count() == 1


def test_aliases_that_fold_to_the_same_key_are_refused(laos):
    with pytest.raises(ValidationError) as error:
        services.save_country(laos, aliases=["CHDCND Lào", "chdcnd-lao", "..."])
    assert error.value.message_dict == {
        "aliases": [
            "Tên gọi khác: “...” không có chữ cái hoặc chữ số nào.",
            "Tên gọi khác: “chdcnd-lao” trùng với “CHDCND Lào” (không phân biệt dấu, "
            "chữ hoa, chữ thường và dấu cách).",
        ]
    }
    assert not CountryAlias.objects.exists()


def test_country_codes_are_validated(laos):
    country = Country(alpha_2="la", alpha_3="LAOS", name_vi="X", name_en="X")
    with pytest.raises(ValidationError) as error:
        services.save_country(country)
    assert error.value.message_dict["alpha_2"] == [
        "Mã (alpha-2): nhập hai chữ cái viết hoa, ví dụ: LA."
    ]
    assert "alpha_3" in error.value.message_dict
    duplicate = Country(alpha_2="LA", name_vi="Lào 2", name_en="Laos 2")
    with pytest.raises(ValidationError) as error:
        services.save_country(duplicate)
    assert error.value.message_dict["alpha_2"] == [
        "Mã (alpha-2): một quốc gia khác đã dùng mã này."
    ]


def test_partner_district_under_a_province_of_the_same_country(laos, china):
    houaphanh = ForeignPartnerFactory(
        name="Tỉnh Hủa Phăn", original_name="Houaphanh", country=laos
    )
    sop_bau = ForeignPartner(
        name="Huyện Sốp Bâu",
        original_name="Sopbao",
        kind=PartnerKind.DISTRICT,
        country=laos,
        parent=houaphanh,
    )
    services.save_partner(sop_bau)
    assert list(houaphanh.children.all()) == [sop_bau]
    wrong = ForeignPartner(
        name="Huyện Lạ", kind=PartnerKind.DISTRICT, country=china, parent=houaphanh
    )
    with pytest.raises(ValidationError) as error:
        services.save_partner(wrong)
    assert error.value.message_dict == {
        "parent": ["Trực thuộc: “Tỉnh Hủa Phăn” thuộc Lào, không thuộc Trung Quốc."]
    }
    assert ForeignPartner.objects.count() == 2


def test_only_international_organisations_may_have_no_country():
    undp = ForeignPartner(name="UNDP", kind=PartnerKind.INTERNATIONAL)
    services.save_partner(undp)
    ngo = ForeignPartner(name="Tổ chức phi chính phủ", kind=PartnerKind.NGO)
    with pytest.raises(ValidationError) as error:
        services.save_partner(ngo)
    assert error.value.message_dict == {
        "country": [
            "Quốc gia: hãy chọn quốc gia; chỉ tổ chức quốc tế mới được để trống."
        ]
    }
    assert list(ForeignPartner.objects.all()) == [undp]


def test_duplicate_partner_name_in_a_country_is_refused(laos):
    ForeignPartnerFactory(name="Tỉnh Luông Pha Băng", country=laos)
    twin = ForeignPartner(
        name="Tỉnh Luông Pha Băng", kind=PartnerKind.PROVINCE, country=laos
    )
    with pytest.raises(ValidationError) as error:
        services.save_partner(twin)
    assert error.value.messages == [
        "Tên tiếng Việt: quốc gia này đã có một đối tác trùng tên."
    ]


def test_person_of_an_organisation_or_of_a_partner_not_both(laos):
    organisation = OrganisationFactory()
    partner = ForeignPartnerFactory(country=laos)
    official = services.save_person(
        Person(full_name="  Lò  Thị Mai ", organisation=organisation)
    )
    assert official.full_name == "Lò Thị Mai"
    assert official.search_text == "lo thi mai"
    guest = PersonFactory(foreign_partner=partner, nationality=laos)
    guest.organisation = organisation
    with pytest.raises(ValidationError) as error:
        services.save_person(guest)
    assert list(error.value.message_dict) == ["foreign_partner"]
    assert Person.objects.get(pk=guest.pk).organisation is None
