"""Users and organisations most register tests need."""

import datetime as dt

from django.utils import timezone

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.directory.tests.factories import CountryFactory, OrganisationFactory


@pytest.fixture
def laos(db):
    return CountryFactory()


@pytest.fixture
def unit(db):
    """The organisation of the focal point (e.g. a department)."""
    return OrganisationFactory(
        name="Sở Văn hóa, Thể thao và Du lịch tỉnh Thử",
        short_code="SVHTTDL",
        email="svhttdl@example.org",
    )


@pytest.fixture
def other_unit(db):
    return OrganisationFactory(
        name="Sở Y tế tỉnh Thử", short_code="SYT", email="syt@example.org"
    )


@pytest.fixture
def officer(db):
    return UserFactory(username="chuyenvien", roles=[roles.FOREIGN_AFFAIRS_OFFICER])


@pytest.fixture
def administrator(db):
    return UserFactory(username="quantri", roles=[roles.ADMINISTRATOR])


@pytest.fixture
def focal_point(unit):
    return UserFactory(username="daumoi", roles=[roles.FOCAL_POINT], organisation=unit)


@pytest.fixture
def other_focal_point(other_unit):
    return UserFactory(
        username="daumoikhac", roles=[roles.FOCAL_POINT], organisation=other_unit
    )


@pytest.fixture
def steering_member(db):
    return UserFactory(username="bcd", roles=[roles.STEERING_MEMBER])


@pytest.fixture
def no_role(db):
    return UserFactory(username="khongvaitro")


def at(year, month, day, hour=9):
    """An aware datetime in GMT+7."""
    return timezone.make_aware(dt.datetime(year, month, day, hour))
