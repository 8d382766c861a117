"""Directory factories. Loading the ~3,300 real units is slow; tests build the few
units they need here (one test in tests/services/test_reference_data.py loads
the real data)."""

import datetime as dt

import factory

from ttdn.directory.choices import OrganisationKind, PartnerKind, UnitKind
from ttdn.directory.models import (
    AdministrativeUnit,
    Country,
    CountryAlias,
    ForeignPartner,
    Organisation,
    Person,
)

END_2025 = dt.date(2025, 6, 30)
START_2025 = dt.date(2025, 7, 1)


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"{70 + n % 29:02d}")
    name = factory.Sequence(lambda n: f"Tỉnh Thử Nghiệm {n}")
    kind = UnitKind.PROVINCE

    @factory.post_generation
    def successors(self, create, extracted, **kwargs):
        if extracted:
            self.successors.set(extracted)


class CommuneFactory(ProvinceFactory):
    code = factory.Sequence(lambda n: f"{90000 + n:05d}")
    name = factory.Sequence(lambda n: f"Xã Thử Nghiệm {n}")
    kind = UnitKind.COMMUNE
    parent = factory.SubFactory(ProvinceFactory)
    valid_from = START_2025


class DistrictFactory(ProvinceFactory):
    code = factory.Sequence(lambda n: f"{900 + n % 100:03d}")
    name = factory.Sequence(lambda n: f"Huyện Thử Nghiệm {n}")
    kind = UnitKind.DISTRICT
    parent = factory.SubFactory(ProvinceFactory)
    valid_to = END_2025


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Sở Thử Nghiệm {n}")
    kind = OrganisationKind.DEPARTMENT
    short_code = "STN"

    @factory.post_generation
    def successors(self, create, extracted, **kwargs):
        if extracted:
            self.successors.set(extracted)


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("alpha_2",)

    alpha_2 = "LA"
    alpha_3 = "LAO"
    numeric = "418"
    name_vi = "Lào"
    official_name_vi = "Cộng hòa Dân chủ Nhân dân Lào"
    name_en = "Laos"
    official_name_en = "Lao People's Democratic Republic"


class CountryAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountryAlias

    country = factory.SubFactory(CountryFactory)
    name = "CHDCND Lào"


class ForeignPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForeignPartner

    name = factory.Sequence(lambda n: f"Tỉnh Đối Tác {n}")
    original_name = factory.Sequence(lambda n: f"Partner Province {n}")
    kind = PartnerKind.PROVINCE
    country = factory.SubFactory(CountryFactory)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    position = "Chuyên viên"
    email = factory.Sequence(lambda n: f"nguoi{n}@example.org")
