"""Login lockout (issue 11, defect 5) and the login audit (defect 8)."""

from wagtail.models import ModelLogEntry

import pytest
from axes.models import AccessAttempt, AccessFailureLog

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def officer(db):
    return UserFactory(username="chuyenvien", roles=[roles.FOREIGN_AFFAIRS_OFFICER])


def _login(client, username, password, address="198.51.100.7"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_does_not_log_in(client, officer):
    for _ in range(30):
        _login(client, "chuyenvien", "sai-mat-khau")
    response = _login(client, "chuyenvien", PASSWORD)
    assert response.status_code == 429
    assert not _signed_in(client)
    assert "bị khóa" in response.content.decode()


def test_lockout_after_the_limit_and_not_before(client, officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "chuyenvien", "sai").status_code == 200
    response = _login(client, "chuyenvien", PASSWORD)
    assert response.status_code == 302
    assert _signed_in(client)


def test_account_locked_from_another_address_too(client, officer, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "chuyenvien", "sai", address=f"198.51.100.{number + 10}")
    assert _login(client, "chuyenvien", PASSWORD, "203.0.113.5").status_code == 429
    assert not _signed_in(client)


def test_address_locked_for_every_account(client, officer, settings):
    UserFactory(username="nguoikhac")
    for number in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"khong-co-{number}", "sai")
    assert _login(client, "chuyenvien", PASSWORD).status_code == 429
    assert not _signed_in(client)


def test_logins_and_failures_are_audited(client, officer):
    _login(client, "chuyenvien", "sai")
    _login(client, "khongtontai", "sai")
    _login(client, "chuyenvien", PASSWORD)
    client.post("/admin/logout/")
    entries = list(
        ModelLogEntry.objects.filter(object_id=str(officer.pk))
        .order_by("pk")
        .values_list("action", "user_id")
    )
    assert entries == [
        ("ttdn.login_failed", None),
        ("ttdn.login", officer.pk),
        ("ttdn.logout", officer.pk),
    ]
    # Unknown user names are kept by the failure log (no account to log on).
    assert list(
        AccessFailureLog.objects.order_by("pk").values_list("username", flat=True)
    ) == ["chuyenvien", "khongtontai"]
    # A success resets the account's failure count.
    assert not AccessAttempt.objects.filter(username="chuyenvien").exists()


def test_password_reset_is_throttled(client, officer, mailoutbox, settings):
    for _ in range(settings.TTDN_PASSWORD_RESET_LIMIT):
        response = client.post(
            "/admin/password_reset/", {"email": officer.email}, REMOTE_ADDR="192.0.2.8"
        )
        assert response.status_code == 302
    sent = len(mailoutbox)
    response = client.post(
        "/admin/password_reset/", {"email": officer.email}, REMOTE_ADDR="192.0.2.8"
    )
    assert response.status_code == 429
    assert "Quá nhiều yêu cầu đặt lại mật khẩu" in response.content.decode()
    assert len(mailoutbox) == sent
