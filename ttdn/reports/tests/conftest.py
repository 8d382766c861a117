import pytest

from ttdn.planning.tests.factories import make_world


@pytest.fixture
def world(db):
    return make_world()
