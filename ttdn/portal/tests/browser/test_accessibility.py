"""WCAG 2.1 AA in the browser: axe-core (shipped by axe-playwright-python) on
every public page type in every content language reports no serious or critical
violation; the main paths work with the keyboard alone."""

import time
from io import StringIO

from django.core.management import call_command

import pytest

from .test_reader_journey import CHROMIUM_ARGS, chromium_path

pytestmark = [pytest.mark.browser]

BLOCKING = {"serious", "critical"}


def _public_urls() -> dict[str, str]:
    """Page type and language → path, from the demo data."""
    from wagtail.models import Locale

    from ttdn.documents.models import OfficialDocument
    from ttdn.portal.models import (
        ArticlePage,
        GalleryIndexPage,
        GalleryPage,
        HomePage,
        SectionPage,
        StandardPage,
    )
    from ttdn.questions.models import Question

    urls = {}
    document = OfficialDocument.objects.filter(is_public=True).first()
    question = Question.objects.first()
    for locale in Locale.objects.all():
        code = locale.language_code
        prefix = "" if code == "vi" else f"/{code}"
        for model in (
            HomePage,
            SectionPage,
            ArticlePage,
            GalleryIndexPage,
            GalleryPage,
            StandardPage,
        ):
            page = model.objects.live().filter(locale=locale).first()
            if page is not None:
                urls[f"{model.__name__}/{code}"] = page.url
        urls[f"search/{code}"] = (
            "/tim-kiem/?q=doi+ngoai" if code == "vi" else "/en/search/?q=foreign"
        )
        urls[f"404/{code}"] = f"{prefix}/khong-co-trang-nay/"
        library = "/van-ban/" if code == "vi" else "/en/official-documents/"
        urls[f"library/{code}"] = library
        urls[f"library-search/{code}"] = library + "?q=doi+ngoai"
        urls[f"document/{code}"] = f"{library}{document.pk}/"
        questions = "/hoi-dap/" if code == "vi" else "/en/questions/"
        urls[f"questions/{code}"] = questions
        urls[f"ask/{code}"] = questions + ("gui/" if code == "vi" else "ask/")
        urls[f"lookup/{code}"] = (
            questions
            + ("tra-cuu/" if code == "vi" else "status/")
            + f"?ma={question.code}"
        )
    statement = StandardPage.objects.filter(slug="tuyen-bo-tiep-can").first()
    urls["accessibility/vi"] = statement.url
    return urls


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_axe_and_keyboard(live_server, monkeypatch):
    executable = chromium_path()
    call_command("load_demo", stdout=StringIO())
    urls = _public_urls()
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import expect, sync_playwright

    axe = Axe()
    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            for name, path in sorted(urls.items()):
                page.goto(live_server.url + path)
                results = axe.run(page)
                blocking = [
                    f"{v['id']} ({v['impact']}): "
                    + "; ".join(n["target"][0] for n in v["nodes"][:3])
                    for v in results.response["violations"]
                    if v["impact"] in BLOCKING
                ]
                if blocking:
                    found[name] = blocking
            assert len(urls) >= 29
            assert found == {}

            # --- keyboard only: find plan 51/KH-UBND and reach its download ----
            page.goto(live_server.url + "/")
            page.keyboard.press("Tab")
            expect(page.locator(".skip-link")).to_be_focused()

            def tab_to(predicate, limit=60):
                for _ in range(limit):
                    page.keyboard.press("Tab")
                    if page.evaluate(predicate):
                        return
                raise AssertionError(f"not reached by Tab: {predicate}")

            tab_to("document.activeElement.textContent.trim() === 'Văn bản'")
            page.keyboard.press("Enter")
            expect(page.locator("h1")).to_have_text("Văn bản")
            tab_to("document.activeElement.id === 'id_q'")
            page.keyboard.type("51/KH-UBND")
            page.keyboard.press("Enter")
            expect(page.locator(".search-summary")).to_have_text("1 văn bản.")
            tab_to("document.activeElement.textContent.trim() === '51/KH-UBND'")
            page.keyboard.press("Enter")
            expect(page.locator("h1")).to_have_text("51/KH-UBND")
            tab_to("document.activeElement.hasAttribute('download')")

            # --- keyboard only: ask a question and get a tracking code ---------
            page.goto(live_server.url + "/hoi-dap/gui/")
            tab_to("document.activeElement.name === 'name'")
            page.keyboard.type("Nguyễn Văn Bàn Phím")
            page.keyboard.press("Tab")
            page.keyboard.type("banphim@example.org")
            tab_to("document.activeElement.name === 'subject'")
            page.keyboard.type("Hỏi về hộ chiếu")
            page.keyboard.press("Tab")
            page.keyboard.type("Làm hộ chiếu phổ thông ở đâu trong tỉnh?")
            time.sleep(3.2)  # the form refuses what is sent within 3 seconds
            tab_to("document.activeElement.type === 'submit'")
            page.keyboard.press("Enter")
            expect(page.locator("h1")).to_have_text("Đã nhận câu hỏi")
            code = page.locator(".question-sent__code").inner_text().strip()
            assert code.startswith("HD-")
            tab_to(
                "document.activeElement.textContent.trim() === 'Theo dõi câu hỏi này'"
            )
            page.keyboard.press("Enter")
            expect(page.locator(".question-status")).to_contain_text("Đã tiếp nhận")
        finally:
            browser.close()
