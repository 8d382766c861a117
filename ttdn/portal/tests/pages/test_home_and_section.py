import datetime as dt

from django.test import override_settings

import pytest

from ttdn.core.timefmt import VN_TZ
from ttdn.portal.tests.factories import (
    ArticlePageFactory,
    GalleryIndexPageFactory,
    GalleryPageFactory,
    SectionPageFactory,
    StandardPageFactory,
    make_image,
)

pytestmark = pytest.mark.django_db


def day(n):
    return dt.datetime(2020, 1, 1, 8, 0, tzinfo=VN_TZ) + dt.timedelta(days=n)


def test_home_shows_featured_and_latest_per_section_gallery_and_fixed_pages(
    client, home, en_home
):
    from ttdn.portal.models import GalleryPhoto

    ttdn = SectionPageFactory(parent=home, title="Thông tin đối ngoại", slug="ttdn")
    reform = SectionPageFactory(parent=home, title="Thông tin cải cách", slug="cc")
    featured = ArticlePageFactory(
        parent=ttdn, title="Tin nổi bật", featured=True, published_at=day(1)
    )
    newest = ArticlePageFactory(parent=ttdn, title="Tin mới nhất", published_at=day(5))
    gallery = GalleryIndexPageFactory(parent=home)
    GalleryPageFactory(
        parent=gallery,
        title="Album Mộc Châu",
        photos=[GalleryPhoto(image=make_image(description="Đồi chè"), caption="Chè")],
    )
    StandardPageFactory(parent=home, title="Liên hệ", slug="lien-he")

    html = client.get("/").content.decode()
    main = html.split('<div class="home-grid__main">')[1].split("</aside>")[0]
    ttdn_block = main.split(f'id="section-{ttdn.pk}"')[1].split("</section>")[0]
    assert "card--large" in ttdn_block
    assert ttdn_block.index("Tin nổi bật") < ttdn_block.index("Tin mới nhất")
    reform_block = main.split(f'id="section-{reform.pk}"')[1].split("</section>")[0]
    assert "Chưa có tin bài trong chuyên mục này." in reform_block
    assert "Album Mộc Châu" in html and 'alt="Đồi chè"' in html
    assert ">Liên hệ</a>" in html
    assert featured.url in html and newest.url in html
    # menu lists sections, language switcher offers every content language
    assert '<a href="/ttdn/">Thông tin đối ngoại</a>' in html
    assert 'hreflang="en"' in html


def test_empty_home_has_an_empty_state(client, home):
    html = client.get("/").content.decode()
    assert "Cổng chưa có chuyên mục nào." in html


@override_settings(TTDN_ARTICLES_PER_PAGE=2)
def test_section_lists_newest_first_with_pagination(client, home):
    section = SectionPageFactory(parent=home, slug="ttdn")
    titles = [f"Bài {n}" for n in range(5)]
    for n, title in enumerate(titles):
        ArticlePageFactory(parent=section, title=title, published_at=day(n))
    ArticlePageFactory(parent=section, title="Bản nháp", publish=False)

    first = client.get("/ttdn/").content.decode()
    assert first.index("Bài 4") < first.index("Bài 3")
    assert "Bài 2" not in first and "Bản nháp" not in first
    assert "Trang 1 / 3" in first
    assert 'href="?page=2" rel="next"' in first
    last = client.get("/ttdn/?page=3").content.decode()
    assert "Bài 0" in last and "Bài 4" not in last
    # out-of-range and junk page numbers fall back to a real page
    assert "Bài 0" in client.get("/ttdn/?page=99").content.decode()
    assert "Bài 4" in client.get("/ttdn/?page=abc").content.decode()


def test_empty_section(client, home):
    SectionPageFactory(parent=home, slug="trong")
    html = client.get("/trong/").content.decode()
    assert "Chưa có tin bài trong chuyên mục này." in html


def test_gallery_pages_render_lazy_responsive_images_with_captions(client, home):
    from ttdn.portal.models import GalleryPhoto

    index = GalleryIndexPageFactory(parent=home)
    album = GalleryPageFactory(
        parent=index,
        title="Hữu nghị Việt – Lào",
        slug="huu-nghi",
        photos=[
            GalleryPhoto(image=make_image(description="Cửa khẩu"), caption="Cửa khẩu"),
            GalleryPhoto(image=make_image(description="Giao lưu"), caption=""),
        ],
    )
    listing = client.get(index.url).content.decode()
    assert "Hữu nghị Việt – Lào" in listing and "2 ảnh" in listing
    html = client.get(album.url).content.decode()
    assert html.count('loading="lazy"') == 2
    assert "srcset=" in html
    assert "<figcaption>Cửa khẩu</figcaption>" in html
    assert 'alt="Giao lưu"' in html


def test_empty_gallery_index(client, home):
    index = GalleryIndexPageFactory(parent=home)
    assert "Chưa có album ảnh nào." in client.get(index.url).content.decode()


def test_standard_page_renders(client, home):
    page = StandardPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu")
    html = client.get(page.url).content.decode()
    assert '<h1 class="article__title">Giới thiệu</h1>' in html
    assert "Nội dung trang." in html


def test_draft_and_unknown_pages_are_404_in_both_languages(client, home, en_home):
    section = SectionPageFactory(parent=home, slug="s")
    ArticlePageFactory(parent=section, slug="nhap", publish=False)
    response = client.get("/s/nhap/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
    response = client.get("/en/khong-co/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
