"""A delegation points at its decision in the document library and an agreement
at its signed text; the form offers the entries the user may see."""

import datetime as dt

from django.urls import reverse

import pytest

from ttdn.affairs.tests.factories import AgreementFactory, DelegationFactory
from ttdn.documents.tests.factories import OfficialDocumentFactory

pytestmark = pytest.mark.django_db


def test_the_decision_choices_are_scoped(client, focal_point, unit, other_unit):
    own = OfficialDocumentFactory(issuer=unit, number="3/QĐ-SVHTTDL", is_public=False)
    public = OfficialDocumentFactory(issuer=other_unit, number="4/QĐ-SYT")
    hidden = OfficialDocumentFactory(
        issuer=other_unit, number="5/QĐ-SYT", is_public=False
    )
    delegation = DelegationFactory(organisation=unit)
    client.force_login(focal_point)
    response = client.get(reverse("affairs_delegations:edit", args=[delegation.pk]))
    choices = set(response.context["form"].fields["decision_entry"].queryset)
    assert choices == {own, public}
    assert hidden not in choices


def test_inspect_shows_the_linked_entries(client, officer, unit):
    decision = OfficialDocumentFactory(
        issuer=unit, number="125/QĐ-UBND", issued_on=dt.date(2016, 10, 12)
    )
    delegation = DelegationFactory(organisation=unit, decision_entry=decision)
    text = OfficialDocumentFactory(issuer=unit, number="2/TTQT-UBND")
    agreement = AgreementFactory(organisation=unit, text_entry=text)
    client.force_login(officer)
    html = client.get(
        reverse("affairs_delegations:inspect", args=[delegation.pk])
    ).content.decode()
    assert "125/QĐ-UBND" in html
    html = client.get(
        reverse("affairs_agreements:inspect", args=[agreement.pk])
    ).content.decode()
    assert "2/TTQT-UBND" in html
