import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.directory.tests.factories import OrganisationFactory


@pytest.fixture
def ubnd(db):
    return OrganisationFactory(name="Ủy ban nhân dân tỉnh Thử", short_code="UBND")


@pytest.fixture
def unit(db):
    return OrganisationFactory(name="Sở Y tế tỉnh Thử", short_code="SYT")


@pytest.fixture
def officer(db):
    return UserFactory(username="chuyenvien", roles=[roles.FOREIGN_AFFAIRS_OFFICER])


@pytest.fixture
def focal_point(unit):
    return UserFactory(username="daumoi", roles=[roles.FOCAL_POINT], organisation=unit)


@pytest.fixture
def editor(db):
    return UserFactory(username="bientap", roles=[roles.EDITOR])
