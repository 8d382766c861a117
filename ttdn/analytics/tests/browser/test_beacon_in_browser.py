"""The beacon in a real browser (Debian's Chromium via Playwright): a page served
from the full-page cache is still counted, and the figures on it are refreshed.
Without JavaScript the <noscript> image counts the page."""

from django.conf import settings

import pytest

from ttdn.analytics import services
from ttdn.analytics.models import DailyStats, PageViewTotal
from ttdn.analytics.tests.conftest import BROWSER
from ttdn.portal.selectors import default_home
from ttdn.portal.tests.browser.test_reader_journey import CHROMIUM_ARGS, chromium_path
from ttdn.portal.tests.factories import ArticlePageFactory, SectionPageFactory

pytestmark = [pytest.mark.browser]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_cached_article_is_counted_and_its_figures_refreshed(live_server, monkeypatch):
    executable = chromium_path()
    section = SectionPageFactory(parent=default_home(), slug="ttdn")
    article = ArticlePageFactory(parent=section, slug="bai", title="Bài đọc thử")
    services.set_starting_visits(visits=41_466_892)
    services.set_starting_views(page=article, views=3970)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import expect, sync_playwright

    url = live_server.url + "/ttdn/bai/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            # A normal browser signature: headless Chromium would be a bot.
            page = browser.new_page(user_agent=BROWSER + " reader/browser-1")
            first = page.goto(url)
            assert first.headers.get("x-cache") == "MISS"
            # The HTML says 3.970 and 41.466.892; the beacon's answer replaces them.
            expect(page.locator("#visit-stats")).to_have_attribute("data-updated", "1")
            expect(page.locator("[data-page-views]")).to_have_text("3.971")
            expect(page.locator('[data-stat="total"]')).to_have_text("41.466.893")
            expect(page.locator('[data-stat="online"]')).to_have_text("1")

            # Another reader gets the page from the cache and is counted too.
            other = browser.new_page(user_agent=BROWSER + " reader/browser-2")
            second = other.goto(url)
            assert second.headers.get("x-cache") == "HIT"
            expect(other.locator("[data-page-views]")).to_have_text("3.972")
            expect(other.locator('[data-stat="today"]')).to_have_text("2")

            # Without JavaScript the <noscript> image counts the page.
            context = browser.new_context(
                java_script_enabled=False, user_agent=BROWSER + " reader/no-js"
            )
            nojs = context.new_page()
            with nojs.expect_response(lambda r: "/analytics/hit/" in r.url) as hit:
                nojs.goto(url)
            assert hit.value.status == 200
            context.close()
        finally:
            browser.close()
    assert DailyStats.objects.get().visits == 3
    assert PageViewTotal.objects.get(page_id=article.pk).views == 3
    assert settings.TTDN_ANALYTICS["BACKEND"] == "database"
