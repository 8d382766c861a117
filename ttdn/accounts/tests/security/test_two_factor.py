"""Two-factor login for staff (issue 11): enrolment with QR and recovery codes,
verification, required for administrators and officers only, off with
TTDN_2FA_REQUIRED=false; the demo accounts' pre-enrolment."""

import re
import time

from django.core.management import call_command

from wagtail.models import ModelLogEntry

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ttdn.accounts import roles, twofactor
from ttdn.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _required(settings):
    settings.TTDN_2FA = {**settings.TTDN_2FA, "REQUIRED": True}


def _login(client, username):
    response = client.post(
        "/admin/login/", {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return response


def _code(device):
    return f"{totp(device.bin_key, drift=0):06d}"


def test_officer_is_led_to_enrolment_and_then_verified(client):
    officer = UserFactory(username="cv", roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    _login(client, "cv")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/setup/")
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page
    assert "Thiết lập đăng nhập hai bước" in page
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    assert secret == twofactor.secret_base32(device)

    wrong = client.post("/admin/2fa/setup/", {"code": "000000"})
    assert "Mã: không đúng" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=officer, confirmed=True).exists()
    time.sleep(1.1)  # django-otp throttles: 1 s after a wrong code, then 2, 4…

    done = client.post("/admin/2fa/setup/", {"code": _code(device)})
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert StaticToken.objects.filter(device__user=officer).count() == 10
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(
        action="ttdn.2fa_enrol", object_id=str(officer.pk)
    ).exists()


def test_enrolled_user_must_verify_at_each_login(client):
    officer = UserFactory(username="cv", roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    device = TOTPDevice.objects.create(user=officer, name="app", confirmed=True)
    _login(client, "cv")
    response = client.get("/admin/reports/site-history/")
    assert response["Location"].startswith("/admin/2fa/verify/")
    refused = client.post("/admin/2fa/verify/", {"code": "123456"})
    assert refused.status_code == 200
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/verify/")
    assert ModelLogEntry.objects.filter(action="ttdn.2fa_failed").count() == 1
    time.sleep(1.1)  # django-otp throttles: 1 s after a wrong code
    ok = client.post(
        "/admin/2fa/verify/",
        {"code": _code(device), "next": "/admin/reports/site-history/"},
    )
    assert ok["Location"] == "/admin/reports/site-history/"
    assert client.get("/admin/").status_code == 200


def test_recovery_code_works_once(client):
    officer = UserFactory(username="cv", roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    TOTPDevice.objects.create(user=officer, name="app", confirmed=True)
    code = twofactor.new_recovery_codes(officer)[0]
    _login(client, "cv")
    assert client.post("/admin/2fa/verify/", {"code": code}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    _login(client, "cv")
    assert client.post("/admin/2fa/verify/", {"code": code}).status_code == 200


def test_editor_is_not_required(client):
    UserFactory(username="bt", roles=[roles.EDITOR])
    _login(client, "bt")
    assert client.get("/admin/").status_code == 200


def test_switched_off(client, settings):
    settings.TTDN_2FA = {**settings.TTDN_2FA, "REQUIRED": False}
    UserFactory(username="cv", roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    _login(client, "cv")
    assert client.get("/admin/").status_code == 200


def test_required_roles_follow_the_setting(client, settings):
    settings.TTDN_2FA = {**settings.TTDN_2FA, "ROLES": ["editor"]}
    UserFactory(username="cv", roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    UserFactory(username="bt", roles=[roles.EDITOR])
    _login(client, "cv")
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    _login(client, "bt")
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/setup/")


def test_demo_accounts_are_pre_enrolled(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("ensure_demo_users")
    call_command("demo_totp")
    out = capsys.readouterr().out
    secret = re.search(r"khóa bí mật[^:]*: ([A-Z2-7]+)", out).group(1)
    enrolled = set(
        TOTPDevice.objects.filter(confirmed=True).values_list(
            "user__username", flat=True
        )
    )
    assert enrolled == {"admin", "chuyenvien"}
    device = TOTPDevice.objects.get(user__username="admin")
    assert twofactor.secret_base32(device) == secret
    call_command("demo_totp")
    assert TOTPDevice.objects.count() == 2


def test_reset_command(client, capsys):
    officer = UserFactory(username="cv", roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    TOTPDevice.objects.create(user=officer, name="app", confirmed=True)
    twofactor.new_recovery_codes(officer)
    call_command("reset_2fa", "cv")
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticToken.objects.filter(device__user=officer).exists()
    assert ModelLogEntry.objects.filter(action="ttdn.2fa_reset").count() == 1
    _login(client, "cv")
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/setup/")
