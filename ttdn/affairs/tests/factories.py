"""Register factories. They write rows directly (any status) so a test can start
from the state it needs; what the services compute (person count, approval
authority, search text) is set here the same way."""

import datetime as dt

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import factory

from ttdn.affairs.choices import (
    ActivityKind,
    AgreementForm,
    DeadlineAnchor,
    DeadlineStep,
    DeadlineUnit,
    Direction,
    VietnameseParty,
)
from ttdn.affairs.models import (
    AidPackage,
    DeadlineRule,
    Delegation,
    DelegationCountry,
    ForeignNGO,
    ForeignPressVisit,
    InternationalAgreement,
    InternationalConference,
)
from ttdn.directory.tests.factories import (
    CountryFactory,
    ForeignPartnerFactory,
    OrganisationFactory,
)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Tài liệu {n}")
    file = factory.LazyFunction(
        lambda: ContentFile(b"%PDF-1.4 test", name="tai-lieu.pdf")
    )


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Đoàn thử nghiệm {n}")
    direction = Direction.INCOMING
    organisation = factory.SubFactory(OrganisationFactory)
    purpose = "Trao đổi kinh nghiệm"
    start_date = dt.date(2026, 3, 2)
    end_date = dt.date(2026, 3, 4)
    declared_person_count = 5
    person_count = factory.LazyAttribute(lambda d: d.declared_person_count or 0)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        countries = extracted if extracted is not None else [CountryFactory()]
        for index, country in enumerate(countries):
            DelegationCountry.objects.create(
                delegation=self, country=country, sort_order=index
            )


class ConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InternationalConference

    title = factory.Sequence(lambda n: f"Hội thảo quốc tế {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    topic = "Hợp tác phát triển nông nghiệp"
    start_date = dt.date(2026, 6, 10)
    end_date = dt.date(2026, 6, 11)
    foreign_participants = 12
    vietnamese_participants = 40


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InternationalAgreement

    title = factory.Sequence(lambda n: f"Biên bản ghi nhớ hợp tác {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    party_kind = VietnameseParty.DEPARTMENT
    form_name = AgreementForm.MOU
    foreign_partner = factory.SubFactory(ForeignPartnerFactory)
    fields_of_cooperation = "Giáo dục, y tế"


class AidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AidPackage

    title = factory.Sequence(lambda n: f"Dự án viện trợ {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    donor = factory.SubFactory(ForeignPartnerFactory)
    objectives = "Cải thiện nước sạch"
    start_date = dt.date(2026, 1, 1)
    end_date = dt.date(2026, 12, 31)
    grant_value = 100_000


class NGOFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForeignNGO

    title = factory.Sequence(lambda n: f"Tổ chức phi chính phủ {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    country = factory.SubFactory(CountryFactory)
    registration_number = factory.Sequence(lambda n: f"{n:03d}/BNG-GĐK")
    issued_on = dt.date(2025, 1, 15)
    expires_on = dt.date(2028, 1, 14)


class PressVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForeignPressVisit

    title = factory.Sequence(lambda n: f"Phóng viên tác nghiệp {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    media_outlet = "Đài Truyền hình Thử nghiệm"
    country = factory.SubFactory(CountryFactory)
    start_date = dt.date(2026, 5, 4)
    end_date = dt.date(2026, 5, 6)


class DeadlineRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeadlineRule

    kind = ActivityKind.DELEGATION_IN
    step = DeadlineStep.RESULT_REPORT
    anchor = DeadlineAnchor.AFTER_END
    amount = 15
    unit = DeadlineUnit.CALENDAR_DAYS
    legal_basis = "Quy chế thử nghiệm"
