import datetime as dt

import factory

from ttdn.directory.tests.factories import OrganisationFactory
from ttdn.documents.choices import DocumentType
from ttdn.documents.models import OfficialDocument


class OfficialDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficialDocument

    doc_type = DocumentType.PLAN
    number = factory.Sequence(lambda n: f"{n + 1}/KH-UBND")
    issuer = factory.SubFactory(OrganisationFactory)
    issued_on = dt.date(2017, 3, 27)
    summary = (
        "Hành động triển khai công tác đối ngoại tỉnh Sơn La giai đoạn 2017 – 2018"
    )
    is_public = True
