"""The footer's block of links to other state portals, per language."""

from wagtail.models import Locale

import pytest

from ttdn.portal.models import StateLink

pytestmark = pytest.mark.django_db


def test_links_are_grouped_and_per_language(client, en_home):
    vi = Locale.objects.get(language_code="vi")
    en = Locale.objects.get(language_code="en")
    StateLink.objects.create(
        locale=vi,
        kind="public_services",
        title="Cổng Dịch vụ công quốc gia",
        url="https://dichvucong.gov.vn/",
    )
    StateLink.objects.create(
        locale=vi,
        kind="state_portal",
        title="Cổng Thông tin điện tử Chính phủ",
        url="https://chinhphu.vn/",
    )
    StateLink.objects.create(
        locale=en,
        kind="public_services",
        title="National Public Service Portal",
        url="https://dichvucong.gov.vn/",
    )
    html = client.get("/").content.decode()
    assert '<nav class="site-footer__links-block" aria-label="Liên kết">' in html
    first = html.index("Cổng thông tin nhà nước")
    assert first < html.index("Dịch vụ công trực tuyến")
    assert (
        '<a href="https://chinhphu.vn/" rel="noopener">Cổng Thông tin điện tử Chính phủ</a>'
        in html
    )
    assert "National Public Service Portal" not in html
    html = client.get("/en/").content.decode()
    assert "National Public Service Portal" in html
    assert "Cổng Dịch vụ công quốc gia" not in html
