"""The demo content `make run` loads: seeds with correct metadata, idempotent."""

from django.core.management import call_command

from wagtail.models import Page, Revision

import pytest

from ttdn.core.models import PortalImage
from ttdn.portal.models import ArticlePage, FooterText, GalleryPage, StandardPage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": PortalImage.objects.count(),
        "footers": FooterText.objects.count(),
        "live": Page.objects.live().count(),
    }


@pytest.fixture
def demo(db):
    from io import StringIO

    call_command("load_demo", stdout=StringIO())


def test_seed_articles_are_in_their_sections_with_provenance(demo):
    vi = ArticlePage.objects.filter(locale__language_code="vi").order_by("published_at")
    got = [
        (a.title, a.get_parent().slug, a.author, a.source, a.display_date_text)
        for a in vi
    ]
    assert got == [
        (
            "Đẩy mạnh công tác thông tin đối ngoại trên địa bàn tỉnh Sơn La",
            "thong-tin-doi-ngoai",
            "Lê Hồng",
            "Cổng thông tin điện tử tỉnh Sơn La",
            "Thứ Ba, 24/01/2017 07:00 (GMT+7)",
        ),
        (
            "Hành động triển khai công tác đối ngoại tỉnh Sơn La giai đoạn 2017 – 2018",
            "thong-tin-doi-ngoai",
            "Lê Hồng",
            "Cổng thông tin điện tử tỉnh Sơn La",
            "Thứ Sáu, 14/04/2017 14:00 (GMT+7)",
        ),
        (
            "Huyện Vân Hồ tiếp tục quan tâm đẩy mạnh công tác thông tin đối ngoại",
            "thong-tin-doi-ngoai",
            "Diệp Hương",
            "Cổng thông tin điện tử tỉnh Sơn La",
            "Thứ Sáu, 14/04/2017 14:00 (GMT+7)",
        ),
        (
            "Triển khai nhiệm vụ công tác thông tin đối ngoại",
            "thong-tin-doi-ngoai",
            "K. Phượng",
            "Báo Lai Châu",
            "Thứ Sáu, 06/07/2018",
        ),
        (
            "Hoạt động thông tin đối ngoại tỉnh Phú Yên năm 2020",
            "hoat-dong-doi-ngoai",
            "Thủy Loan",
            "Cổng thông tin điện tử Phú Yên",
            "Thứ Hai, 20/01/2020 09:34 (GMT+7)",
        ),
    ]
    assert all(a.live for a in vi)


def test_seed_000_facts_are_readable_on_the_portal(client, demo):
    article = ArticlePage.objects.get(title__startswith="Đẩy mạnh công tác")
    html = client.get(article.url).content.decode()
    assert "154 đoàn khách 932 lượt người" in html
    assert "54 đoàn 618 lượt người" in html
    assert "41466892" not in html  # the old portal's counter is chrome, not content


def test_english_demo_pages_exist(client, demo):
    assert StandardPage.objects.filter(locale__language_code="en").count() == 4
    html = client.get("/en/").content.decode()
    assert "Sơn La Foreign Information Portal" in html
    assert "Sơn La steps up foreign information work" in html
    for slug in ("about", "organisation", "contact", "accessibility"):
        assert client.get(f"/en/{slug}/").status_code == 200
    statement = client.get("/tuyen-bo-tiep-can/").content.decode()
    assert "WCAG" in statement
    assert "https://dichvucong.gov.vn/" in statement  # the footer's links
    for slug in ("gioi-thieu", "co-cau-to-chuc", "lien-he"):
        assert client.get(f"/{slug}/").status_code == 200


def test_gallery_images_have_alt_text(demo):
    assert GalleryPage.objects.filter(locale__language_code="vi").count() == 2
    assert PortalImage.objects.count() == 7
    assert not PortalImage.objects.filter(description="").exists()


def test_loading_twice_changes_nothing(demo):
    from io import StringIO

    before = counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert counts() == before
    assert "nothing changed" in out.getvalue()


def test_demo_search_without_diacritics_finds_seed(client, demo):
    html = client.get("/tim-kiem/", {"q": "doan khach"}).content.decode()
    assert "Đẩy mạnh công tác thông tin" in html
