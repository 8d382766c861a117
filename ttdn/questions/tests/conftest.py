import time

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.directory import services as directory_services
from ttdn.directory.tests.factories import OrganisationFactory, ProvinceFactory
from ttdn.questions.forms import started_token


@pytest.fixture
def body(db):
    province = ProvinceFactory(code="14", name="Tỉnh Sơn La")
    found = OrganisationFactory(
        name="Sở Ngoại vụ tỉnh Sơn La", short_code="SNgV", administrative_unit=province
    )
    directory_services.update_directory_settings(
        province=province, foreign_affairs_body=found
    )
    return found


@pytest.fixture
def other_body(db):
    return OrganisationFactory(name="Sở Y tế tỉnh Sơn La", short_code="SYT")


@pytest.fixture
def officer(db):
    return UserFactory(username="chuyenvien", roles=[roles.FOREIGN_AFFAIRS_OFFICER])


@pytest.fixture
def focal_point(body):
    return UserFactory(username="daumoi", roles=[roles.FOCAL_POINT], organisation=body)


@pytest.fixture
def other_focal_point(other_body):
    return UserFactory(
        username="daumoikhac", roles=[roles.FOCAL_POINT], organisation=other_body
    )


def form_data(**overrides):
    data = {
        "name": "Nguyễn Thị Lan",
        "contact": "lan@example.org",
        "topic": "consular",
        "subject": "Thủ tục xin thị thực sang Lào",
        "question": "Tôi muốn sang tỉnh Hủa Phăn thăm người thân, cần giấy tờ gì?",
        "website": "",
        "started": started_token(time.time() - 60),
    }
    data.update(overrides)
    return data
