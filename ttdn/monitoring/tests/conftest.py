"""Fixtures of the monitoring tests: one trained topic model per test session
(trained from the shipped labelled set, offline), a serving province with a few
units, organisations and users of every role."""

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.directory.choices import OrganisationKind, UnitKind
from ttdn.directory.tests.factories import (
    CommuneFactory,
    OrganisationFactory,
    ProvinceFactory,
)
from ttdn.monitoring import classifier


@pytest.fixture(scope="session")
def _model_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("monitoring-model")


@pytest.fixture(autouse=True)
def _monitoring_settings(settings, _model_dir):
    settings.TTDN_MONITORING = {
        **settings.TTDN_MONITORING,
        "MODEL_PATH": _model_dir / "topic-model.joblib",
        "HOST_INTERVAL": 0,
        "TIMEOUT": 2,
        "TOTAL_TIMEOUT": 4,
        # The fixture server runs on 127.0.0.1 (tests/security/test_ssrf.py
        # empties this list).
        "ALLOWED_ADDRESSES": ["127.0.0.1"],
    }
    yield
    classifier.forget()


@pytest.fixture
def province(db):
    """Tỉnh Sơn La as the serving province, with a few wards and communes."""
    from ttdn.directory import services as directory_services

    son_la = ProvinceFactory(code="14", name="Tỉnh Sơn La", name_en="Son La Province")
    for name, kind in [
        ("Xã Vân Hồ", UnitKind.COMMUNE),
        ("Phường Mộc Châu", UnitKind.WARD),
        ("Xã Đoàn Kết", UnitKind.COMMUNE),
        ("Xã Lóng Sập", UnitKind.COMMUNE),
        ("Xã Tân Yên", UnitKind.COMMUNE),
    ]:
        CommuneFactory(name=name, kind=kind, parent=son_la)
    other = ProvinceFactory(code="11", name="Tỉnh Điện Biên")
    CommuneFactory(name="Xã Tân Yên", parent=other)
    directory_services.update_directory_settings(
        province=son_la, foreign_affairs_body=None
    )
    return son_la


@pytest.fixture
def organisations(province):
    return {
        "sngv": OrganisationFactory(
            name="Sở Ngoại vụ tỉnh Sơn La",
            short_code="SNgV",
            administrative_unit=province,
        ),
        "sct": OrganisationFactory(
            name="Sở Công Thương tỉnh Sơn La",
            short_code="SCT",
            administrative_unit=province,
        ),
        "ubnd": OrganisationFactory(
            name="Ủy ban nhân dân tỉnh Sơn La",
            short_code="UBND",
            kind=OrganisationKind.PEOPLES_COMMITTEE,
            administrative_unit=province,
        ),
    }


@pytest.fixture
def users(organisations):
    return {
        "monitor": UserFactory(username="theodoi", roles=[roles.MONITOR]),
        "officer": UserFactory(
            username="chuyenvien", roles=[roles.FOREIGN_AFFAIRS_OFFICER]
        ),
        "focal_point": UserFactory(
            username="daumoi",
            roles=[roles.FOCAL_POINT],
            organisation=organisations["sct"],
        ),
        "other_focal_point": UserFactory(
            username="daumoikhac",
            roles=[roles.FOCAL_POINT],
            organisation=organisations["sngv"],
        ),
        "steering": UserFactory(username="bancd", roles=[roles.STEERING_MEMBER]),
        "editor": UserFactory(username="bientap", roles=[roles.EDITOR]),
        "no_role": UserFactory(username="khongvaitro"),
        "administrator": UserFactory(username="quantri", roles=[roles.ADMINISTRATOR]),
    }
