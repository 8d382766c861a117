"""Who sees which records (enforced in the selectors)."""

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.affairs import selectors
from ttdn.affairs.models import Delegation
from ttdn.affairs.tests.factories import (
    AgreementFactory,
    AidFactory,
    ConferenceFactory,
    DelegationFactory,
    NGOFactory,
    PressVisitFactory,
)
from ttdn.directory.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

FACTORIES = [
    DelegationFactory,
    ConferenceFactory,
    AgreementFactory,
    AidFactory,
    NGOFactory,
    PressVisitFactory,
]


@pytest.mark.parametrize("factory", FACTORIES)
def test_scoping_of_every_record_type(
    factory, unit, other_unit, focal_point, officer, steering_member, no_role
):
    own = factory(organisation=unit)
    other = factory(organisation=other_unit)
    model = type(own)
    assert set(selectors.records_for(focal_point, model)) == {own}
    assert set(selectors.records_for(officer, model)) == {own, other}
    assert set(selectors.records_for(steering_member, model)) == {own, other}
    assert not selectors.records_for(no_role, model).exists()
    monitor = UserFactory(roles=[roles.MONITOR])
    assert not selectors.records_for(monitor, model).exists()
    assert not selectors.records_for(None, model).exists()


def test_records_of_a_merged_body_stay_visible_to_its_successor(unit):
    from ttdn.directory.tests.factories import END_2025

    old = OrganisationFactory(name="Sở Cũ", valid_to=END_2025, successors=[unit])
    record = DelegationFactory(organisation=old)
    user = UserFactory(roles=[roles.FOCAL_POINT], organisation=unit)
    assert list(selectors.records_for(user, Delegation)) == [record]


def test_a_focal_point_without_organisation_sees_nothing(unit):
    DelegationFactory(organisation=unit)
    user = UserFactory(roles=[roles.FOCAL_POINT])
    assert not selectors.records_for(user, Delegation).exists()


def test_statistics_are_scoped_for_a_user(unit, other_unit, focal_point, laos):
    import datetime as dt

    for organisation in (unit, other_unit):
        DelegationFactory(
            organisation=organisation,
            status="closed",
            start_date=dt.date(2016, 1, 5),
            end_date=dt.date(2016, 1, 6),
            countries=[laos],
        )
    period = selectors.Period.for_year(2016)
    assert selectors.delegation_figure(period, direction="in").count == 2
    assert (
        selectors.delegation_figure(period, direction="in", user=focal_point).count == 1
    )
