"""The dashboard in Debian's Chromium: the vendored Chart.js draws every chart
(no script is fetched from elsewhere). A screenshot is saved in test-artifacts/."""

from pathlib import Path

from django.conf import settings

import pytest

from ttdn.accounts.tests.factories import PASSWORD
from ttdn.planning.tests.factories import make_world
from ttdn.portal.tests.browser.test_reader_journey import CHROMIUM_ARGS, chromium_path
from ttdn.reports.tests.factories import make_tasks_in_every_status

pytestmark = [pytest.mark.browser]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_charts_are_drawn(live_server, monkeypatch):
    executable = chromium_path()
    world = make_world()
    make_tasks_in_every_status(world)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    external = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1600})
        # Scripts, styles and fonts all come from this server (the admin's
        # avatars may come from Gravatar: not the dashboard's concern).
        page.on(
            "request",
            lambda request: (
                external.append(request.url)
                if request.resource_type in ("script", "stylesheet", "font", "fetch")
                and not request.url.startswith(live_server.url)
                else None
            ),
        )
        try:
            page.goto(live_server.url + "/admin/login/")
            page.fill("input[name=username]", world.steering.username)
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.goto(live_server.url + "/admin/reports/dashboard/")
            page.wait_for_function("window.Chart !== undefined")
            drawn = page.evaluate(
                "Array.from(document.querySelectorAll('canvas[data-spec]'))"
                ".map(c => { const chart = Chart.getChart(c);"
                " return chart ? chart.data.datasets.length : 0; })"
            )
            page.screenshot(
                path=str(ARTIFACTS / "reports-dashboard.png"), full_page=True
            )
        finally:
            browser.close()
    assert len(drawn) >= 2
    assert all(count > 0 for count in drawn)
    assert drawn[-1] == 4  # the four status groups of the tasks chart
    assert external == []
