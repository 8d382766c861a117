"""A reader's journey in Debian's Chromium, driven by Playwright.

home → section → article → search "doi ngoai" → English home. Screenshots are
saved under test-artifacts/ as evidence.
"""

import os
import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import pytest

pytestmark = [pytest.mark.browser]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path():
    from ttdn.settings import env

    path = env.CHROMIUM_PATH
    if Path(path).exists() or shutil.which(path):
        return path
    if env.REQUIRE_BROWSER:
        pytest.fail(f"Chromium not found at {path} (TTDN_REQUIRE_BROWSER is set)")
    pytest.skip(f"Chromium not found at {path}; apt-get install chromium")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_home_section_article_search_english(live_server, monkeypatch):
    executable = chromium_path()
    from io import StringIO

    call_command("load_demo", stdout=StringIO())
    # Playwright's sync API runs an event loop in this thread; the test itself
    # makes no ORM calls while the browser runs.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(live_server.url + "/")
            expect(page.locator(".site-brand__name")).to_have_text(
                "Cổng thông tin đối ngoại tỉnh Sơn La"
            )
            assert page.locator("html").get_attribute("lang") == "vi"
            page.screenshot(path=ARTIFACTS / "1-home.png", full_page=True)

            page.get_by_role("navigation", name="Menu chính").get_by_role(
                "link", name="Thông tin đối ngoại"
            ).click()
            expect(page.locator("h1")).to_have_text("Thông tin đối ngoại")

            page.get_by_role(
                "link",
                name="Đẩy mạnh công tác thông tin đối ngoại trên địa bàn tỉnh Sơn La",
            ).first.click()
            expect(page.locator("h1.article__title")).to_have_text(
                "Đẩy mạnh công tác thông tin đối ngoại trên địa bàn tỉnh Sơn La"
            )
            expect(page.locator(".article__date")).to_have_text(
                "Thứ Ba, 24/01/2017 07:00 (GMT+7)"
            )
            expect(page.locator(".article__author")).to_have_text("Lê Hồng")
            page.screenshot(path=ARTIFACTS / "2-article.png", full_page=True)

            page.get_by_label("Tìm tin bài").fill("doi ngoai")
            page.keyboard.press("Enter")
            expect(page.locator(".search-summary")).to_contain_text("doi ngoai")
            first_title = page.locator(".search-result__title").first
            expect(first_title.locator("mark").first).to_have_text("đối")
            assert page.locator(".search-result").count() >= 4
            page.screenshot(path=ARTIFACTS / "3-search.png", full_page=True)

            page.get_by_role("navigation", name="Ngôn ngữ").get_by_role(
                "link", name="English"
            ).click()
            expect(page.locator("html")).to_have_attribute("lang", "en")
            expect(page.locator(".site-brand__name")).to_have_text(
                "Sơn La Foreign Information Portal"
            )
            page.goto(live_server.url + "/en/")
            expect(
                page.get_by_role(
                    "link", name="Sơn La steps up foreign information work"
                ).first
            ).to_be_visible()
            page.screenshot(path=ARTIFACTS / "4-english-home.png", full_page=True)

            # keyboard users reach the content through the skip link
            page.keyboard.press("Tab")
            expect(page.locator(".skip-link")).to_be_focused()
        finally:
            browser.close()
    assert os.path.getsize(ARTIFACTS / "4-english-home.png") > 10_000
