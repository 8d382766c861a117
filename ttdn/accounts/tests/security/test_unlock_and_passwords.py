"""Unlocking locked logins; the password policy (length, classes, history,
expiry); logout everywhere on a password change (issue 11, step 2)."""

import datetime as dt

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
from axes.models import AccessAttempt

from ttdn.accounts import roles
from ttdn.accounts.models import PasswordRecord
from ttdn.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _form_values(html: str) -> dict:
    """The values a browser would send from the account page's form."""
    from html.parser import HTMLParser

    values: dict = {}

    class Parser(HTMLParser):
        select = None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if (
                tag == "input"
                and a.get("name")
                and a.get("type")
                not in (
                    "submit",
                    "file",
                    "checkbox",
                    "radio",
                )
            ):
                values.setdefault(a["name"], a.get("value") or "")
            elif tag == "input" and a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    values[a["name"]] = a.get("value", "on")
            elif tag == "select":
                self.select = a.get("name")
            elif tag == "option" and self.select and "selected" in a:
                values[self.select] = a.get("value", "")

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None

    Parser().feed(html)
    return values


LOCKOUTS = "/admin/accounts/lockouts/"
GOOD = "Tr0ng-doan-2026!"


def _fail(client, username, times, address="198.51.100.7"):
    for _ in range(times):
        client.post(
            "/admin/login/",
            {"username": username, "password": "sai"},
            REMOTE_ADDR=address,
        )


@pytest.fixture
def admin_user(db):
    return UserFactory(username="quantri", roles=[roles.ADMINISTRATOR])


def test_locked_account_is_listed_and_unlocked(client, admin_user, settings):
    victim = UserFactory(username="chuyenvien", roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    # Signed in first: axes clears attempts when someone logs in.
    client.force_login(admin_user)
    other = Client()
    _fail(other, "chuyenvien", settings.AXES_FAILURE_LIMIT)
    login = {"username": "chuyenvien", "password": PASSWORD}
    assert (
        other.post("/admin/login/", login, REMOTE_ADDR="203.0.113.9").status_code == 429
    )

    page = client.get(LOCKOUTS).content.decode()
    assert "chuyenvien" in page and "198.51.100.7" in page
    response = client.post(LOCKOUTS, {"username": "chuyenvien"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="chuyenvien").exists()
    entry = ModelLogEntry.objects.get(action="ttdn.unlock_login")
    assert (entry.object_id, entry.user_id) == (str(victim.pk), admin_user.pk)
    assert (
        other.post("/admin/login/", login, REMOTE_ADDR="203.0.113.9").status_code == 302
    )


def test_locked_address_is_unlocked(client, admin_user, settings):
    client.force_login(admin_user)
    _fail(Client(), "khongco", settings.AXES_FAILURE_LIMIT, address="192.0.2.44")
    assert AccessAttempt.objects.filter(ip_address="192.0.2.44").exists()
    client.post(LOCKOUTS, {"ip_address": "192.0.2.44"})
    assert not AccessAttempt.objects.filter(ip_address="192.0.2.44").exists()


@pytest.mark.parametrize("role", [roles.FOREIGN_AFFAIRS_OFFICER, roles.FOCAL_POINT])
def test_only_administrators_unlock(client, role, settings):
    client.force_login(UserFactory(roles=[role]))
    _fail(Client(), "chuyenvien", settings.AXES_FAILURE_LIMIT)
    # Wagtail answers a refused admin page with a redirect to the dashboard.
    assert client.get(LOCKOUTS)["Location"] == "/admin/"
    assert client.post(LOCKOUTS, {"username": "chuyenvien"})["Location"] == "/admin/"
    assert AccessAttempt.objects.filter(username="chuyenvien").exists()


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Ngan-1!", "password_too_short"),
        ("chi-co-chu-va-dau-gach", "password_classes"),
        ("123456789012345", "password_entirely_numeric"),
    ],
)
def test_weak_passwords_are_refused(password, code):
    user = UserFactory()
    with pytest.raises(ValidationError) as error:
        validate_password(password, user)
    assert code in [e.code for e in error.value.error_list]


def test_recent_passwords_cannot_be_reused():
    user = UserFactory()
    user.set_password(GOOD)
    user.save()
    user.set_password("Kh4c-hoan-toan-2026")
    user.save()
    with pytest.raises(ValidationError) as error:
        validate_password(GOOD, user)
    assert "password_reused" in [e.code for e in error.value.error_list]
    validate_password("M0i-hoan-toan-2027?", user)


def test_history_keeps_only_the_configured_number(settings):
    settings.TTDN_PASSWORD_POLICY = {**settings.TTDN_PASSWORD_POLICY, "HISTORY": 2}
    user = UserFactory()
    for n in range(5):
        user.set_password(f"Mat-khau-{n}-dai-du!")
        user.save()
    assert PasswordRecord.objects.filter(user=user).count() == 2


def test_expired_password_must_be_changed(client, settings):
    user = UserFactory(roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    PasswordRecord.objects.filter(user=user).update(
        changed_at=timezone.now() - dt.timedelta(days=91)
    )
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/account/"
    assert client.get("/admin/account/").status_code == 200
    settings.TTDN_PASSWORD_POLICY = {**settings.TTDN_PASSWORD_POLICY, "MAX_AGE_DAYS": 0}
    assert client.get("/admin/").status_code == 200


def test_password_change_logs_out_other_sessions():
    user = UserFactory(username="cv", roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    laptop, phone = Client(), Client()
    laptop.force_login(user)
    phone.force_login(user)
    assert phone.get("/admin/").status_code == 200
    data = _form_values(laptop.get("/admin/account/").content.decode())
    data.update(
        {
            "password-old_password": PASSWORD,
            "password-new_password1": GOOD,
            "password-new_password2": GOOD,
        }
    )
    response = laptop.post("/admin/account/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()
    assert user.check_password(GOOD)
    assert laptop.get("/admin/").status_code == 200
    assert phone.get("/admin/").status_code == 302
