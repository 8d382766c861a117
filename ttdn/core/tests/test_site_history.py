"""Wagtail's site history report and its CSV export are scoped like the records
they describe (issue 11, defect 2)."""

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.affairs.tests.factories import DelegationFactory
from ttdn.core import audit
from ttdn.directory.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    org_a = OrganisationFactory(name="Sở Công Thương", short_code="SCT")
    org_b = OrganisationFactory(name="Sở Y tế", short_code="SYT")
    actor_a = UserFactory(
        username="daumoi_a",
        first_name="Trần",
        last_name="Thị Bí Mật",
        roles=[roles.FOCAL_POINT],
        organisation=org_a,
    )
    own = DelegationFactory(organisation=org_b, title="Đoàn Y tế Nhật Bản")
    other = DelegationFactory(organisation=org_a, title="Đoàn Thương mại Kín")
    audit.log_create(other, user=actor_a)
    audit.log_create(own, user=UserFactory(username="daumoi_b_actor"))
    viewer = UserFactory(
        username="daumoi_b", roles=[roles.FOCAL_POINT], organisation=org_b
    )
    officer = UserFactory(username="cv", roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    return {"viewer": viewer, "officer": officer}


def _text(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/reports/site-history/",
        "/admin/reports/site-history/results/",
        "/admin/reports/site-history/?export=csv",
    ],
)
def test_focal_point_sees_only_own_organisation(client, setting, url):
    client.force_login(setting["viewer"])
    response = client.get(url)
    assert response.status_code == 200
    text = _text(response)
    assert "Đoàn Y tế Nhật Bản" in text
    assert "Đoàn Thương mại Kín" not in text
    assert "Bí Mật" not in text


def test_officer_sees_every_organisation(client, setting):
    client.force_login(setting["officer"])
    text = _text(client.get("/admin/reports/site-history/?export=csv"))
    assert "Đoàn Y tế Nhật Bản" in text
    assert "Đoàn Thương mại Kín" in text
