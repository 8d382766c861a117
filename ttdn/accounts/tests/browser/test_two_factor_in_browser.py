"""Two-factor enrolment and login in Debian's Chromium (issue 11): the officer
signs in, scans (reads) the key, confirms a code, sees the recovery codes,
signs out and in again with a fresh code. Screenshots in test-artifacts/."""

import base64
import time
from pathlib import Path

from django.conf import settings

import pytest
from django_otp.oath import totp

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import PASSWORD, UserFactory
from ttdn.portal.tests.browser.test_reader_journey import CHROMIUM_ARGS, chromium_path

pytestmark = [pytest.mark.browser]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


def _code(secret: str, *, at=None) -> str:
    padded = secret + "=" * (-len(secret) % 8)
    return f"{totp(base64.b32decode(padded), t0=0, step=30, drift=0):06d}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_enrolment_and_login(live_server, monkeypatch, settings):
    executable = chromium_path()
    settings.TTDN_2FA = {**settings.TTDN_2FA, "REQUIRED": True}
    UserFactory(username="chuyenvien", roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 1300})
        try:
            page.goto(live_server.url + "/admin/login/")
            page.fill("input[name=username]", "chuyenvien")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url("**/admin/2fa/setup/**")
            heading = page.inner_text("h1")
            assert page.locator(".twofactor-qr svg.segno").count() == 1
            secret = page.inner_text("#totp-secret").strip()
            page.screenshot(path=str(ARTIFACTS / "2fa-setup.png"), full_page=True)
            page.fill("input[name=code]", _code(secret))
            page.click("button[type=submit]")
            page.wait_for_selector("#recovery-codes")
            codes = page.locator("#recovery-codes code").all_inner_texts()
            page.screenshot(
                path=str(ARTIFACTS / "2fa-recovery-codes.png"), full_page=True
            )
            page.click("#recovery-codes ~ p a.button")
            page.wait_for_url(live_server.url + "/admin/", wait_until="commit")
            dashboard = page.url

            page.context.clear_cookies()  # a new browser session
            page.goto(live_server.url + "/admin/login/")
            page.fill("input[name=username]", "chuyenvien")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url("**/admin/2fa/verify/**")
            verify_heading = page.inner_text("h1")
            # A code not used before (TOTP refuses a code twice).
            time.sleep(30 - time.time() % 30 + 0.5)
            page.fill("input[name=code]", _code(secret))
            page.click("button[type=submit]")
            page.wait_for_url(live_server.url + "/admin/", wait_until="commit")
            page.screenshot(path=str(ARTIFACTS / "2fa-logged-in.png"))
            final = page.url
        finally:
            browser.close()
    assert heading == "Thiết lập đăng nhập hai bước"
    assert len(codes) == 10
    assert dashboard == final == live_server.url + "/admin/"
    assert verify_heading == "Đăng nhập hai bước"
