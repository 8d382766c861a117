import datetime as dt

from django.utils import translation

from wagtail.rich_text import RichText

import pytest

from ttdn.core.timefmt import VN_TZ
from ttdn.portal.models import ArticlePage
from ttdn.portal.tests.factories import (
    ArticlePageFactory,
    SectionPageFactory,
    make_image,
    paragraphs,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Thông tin đối ngoại", slug="ttdn")


@pytest.fixture
def article(section):
    image = make_image(description="Toàn cảnh hội nghị")
    return ArticlePageFactory(
        parent=section,
        title="Đẩy mạnh công tác thông tin đối ngoại",
        slug="day-manh",
        lead="Tỉnh Sơn La tiếp đón 154 đoàn khách quốc tế.",
        body=[
            ("heading", "Kết quả năm 2016"),
            ("paragraph", RichText("<p>Đoàn ra, đoàn vào được quản lý chặt chẽ.</p>")),
            ("image", {"image": image, "caption": "Các đại biểu dự hội nghị."}),
            ("caption", "Ảnh: tư liệu."),
            (
                "quote",
                {
                    "text": "Đối ngoại là nhiệm vụ quan trọng.",
                    "attribution": "Lãnh đạo tỉnh",
                },
            ),
            (
                "table",
                {
                    "data": [["Hướng", "Số đoàn"], ["Đoàn vào", "154"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Số đoàn năm 2016",
                },
            ),
        ],
        published_at=dt.datetime(2017, 1, 24, 7, 0, tzinfo=VN_TZ),
        author="Lê Hồng",
        poster="Trình Minh Ky",
        source="Cổng thông tin điện tử tỉnh Sơn La",
        tags=["Sơn La", "Lào"],
    )


def test_article_renders_metadata_body_and_credits(client, article):
    response = client.get("/ttdn/day-manh/")
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        '<h1 class="article__title">Đẩy mạnh công tác thông tin đối ngoại</h1>' in html
    )
    assert "Thứ Ba, 24/01/2017 07:00 (GMT+7)" in html
    assert '<time datetime="2017-01-24T07:00:00+07:00">' in html
    assert (
        '<p class="article__lead">Tỉnh Sơn La tiếp đón 154 đoàn khách quốc tế.</p>'
        in html
    )
    assert '<h2 class="article__subheading">Kết quả năm 2016</h2>' in html
    assert "<figcaption>Các đại biểu dự hội nghị.</figcaption>" in html
    assert 'alt="Toàn cảnh hội nghị"' in html
    assert 'loading="lazy"' in html
    assert '<p class="caption">Ảnh: tư liệu.</p>' in html
    assert "<cite>Lãnh đạo tỉnh</cite>" in html
    assert "<caption>Số đoàn năm 2016</caption>" in html
    assert '<th scope="col" >Hướng</th>' in html or '<th scope="col">Hướng</th>' in html
    assert '<dd class="article__author">Lê Hồng</dd>' in html
    assert '<dd class="article__poster">Trình Minh Ky</dd>' in html
    assert '<dd class="article__source">Cổng thông tin điện tử tỉnh Sơn La</dd>' in html
    assert '<span class="tag">Lào</span>' in html


def test_article_has_open_graph_and_breadcrumbs(client, article):
    html = client.get("/ttdn/day-manh/").content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert (
        '<meta property="og:title" content="Đẩy mạnh công tác thông tin đối ngoại">'
        in html
    )
    assert (
        '<meta property="og:description" content="Tỉnh Sơn La tiếp đón 154 đoàn '
        'khách quốc tế.">' in html
    )
    assert '<meta property="og:url" content="http://localhost/ttdn/day-manh/">' in html
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    assert '<meta property="og:locale" content="vi_VN">' in html
    assert (
        '<meta property="article:published_time" content="2017-01-24T07:00:00+07:00">'
        in html
    )
    breadcrumbs = html.split('<nav class="breadcrumbs"')[1].split("</nav>")[0]
    assert ">Trang chủ</a>" in breadcrumbs
    assert ">Thông tin đối ngoại</a>" in breadcrumbs
    assert (
        '<li aria-current="page">Đẩy mạnh công tác thông tin đối ngoại</li>'
        in breadcrumbs
    )


def test_english_article_shows_english_weekday(client, article):
    with translation.override("en"):
        assert article.display_date_text == "Tuesday, 24/01/2017 07:00 (GMT+7)"


def test_date_only_article_shows_no_time(client, section):
    page = ArticlePageFactory(
        parent=section,
        slug="chi-ngay",
        published_at=dt.datetime(2018, 7, 6, 0, 0, tzinfo=VN_TZ),
        published_time_known=False,
    )
    html = client.get(page.url).content.decode()
    assert "Thứ Sáu, 06/07/2018</time>" in html
    assert "06/07/2018 00:00" not in html


def test_article_without_publication_time_uses_first_publish(section):
    page = ArticlePageFactory(parent=section, published_at=None)
    assert page.display_date == page.first_published_at


def test_poster_falls_back_to_owner_name(section, superuser):
    superuser.first_name, superuser.last_name = "Trình Minh", "Ky"
    superuser.save()
    page = ArticlePageFactory(parent=section, poster="", owner=superuser)
    assert page.display_poster == "Trình Minh Ky"


def test_print_view_is_a_clean_page(client, article):
    response = client.get("/ttdn/day-manh/print/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<body class="print-view">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Đoàn ra, đoàn vào được quản lý chặt chẽ." in html
    assert 'class="site-nav"' not in html


def test_save_downloads_the_article_as_a_file(client, article):
    response = client.get("/ttdn/day-manh/save/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="day-manh.html"'
    html = response.content.decode()
    assert "<h1>Đẩy mạnh công tác thông tin đối ngoại</h1>" in html
    assert '<base href="http://testserver/">' in html
    assert "<strong>Tác giả:</strong> Lê Hồng" in html


def test_related_articles_same_section_or_shared_tag_newest_first(
    home, section, article
):
    other_section = SectionPageFactory(parent=home, slug="khac")
    older = ArticlePageFactory(
        parent=section,
        published_at=dt.datetime(2016, 5, 1, 8, 0, tzinfo=VN_TZ),
    )
    newer_tagged = ArticlePageFactory(
        parent=other_section,
        published_at=dt.datetime(2018, 1, 1, 8, 0, tzinfo=VN_TZ),
        tags=["Lào"],
    )
    ArticlePageFactory(parent=other_section, tags=["Khác"])  # unrelated
    draft = ArticlePageFactory(parent=section, publish=False)
    from ttdn.portal.selectors import related_articles

    related = related_articles(article=article)
    assert related == [newer_tagged, older]
    assert article not in related and draft not in related


def test_related_articles_empty_state(client, section):
    page = ArticlePageFactory(parent=section, slug="mot-minh")
    html = client.get(page.url).content.decode()
    assert "Chưa có tin khác." in html


def test_unknown_time_without_date_is_rejected(section):
    from django.core.exceptions import ValidationError

    page = ArticlePage(
        title="X", slug="x", body=paragraphs("a"), published_time_known=False
    )
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "published_time_known" in error.value.message_dict
