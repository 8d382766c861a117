"""parse_html on saved pages of several portal layouts."""

import datetime
import json
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils import translation

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ttdn.portal.importers import (
    ArticleParseError,
    ParsedArticle,
    parse_html,
    read_input,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
PARAGRAPH = (
    "Ngày 14/4, Sở Ngoại vụ tỉnh đã tổ chức hội nghị triển khai công tác đối ngoại năm "
    "2017 với sự tham dự của lãnh đạo các sở, ban, ngành và địa phương trong tỉnh."
)
PARAGRAPH_2 = (
    "Hội nghị thống nhất đẩy mạnh ngoại giao kinh tế, tăng cường quảng bá hình ảnh địa "
    "phương và nâng cao hiệu quả công tác thông tin đối ngoại trong thời gian tới."
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def parse_fixture(name: str) -> ParsedArticle:
    path = FIXTURES / name
    return parse_html(read_input(path, max_bytes=1_000_000), path=str(path))


def page(body: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>Cổng thông tin điện tử tỉnh</title>{head}</head><body>{body}</body></html>"
    )


def texts(article: ParsedArticle) -> str:
    data = article.as_json()
    return "\n".join(
        [
            data["title"],
            data["author"],
            data["source"],
            data["poster"],
            data["category"],
        ]
        + data["paragraphs"]
        + data["captions"]
    )


def assert_plain_text(article: ParsedArticle, *leaks: str) -> None:
    everything = texts(article)
    for marker in (
        "<",
        ">",
        "{",
        "}",
        "function",
        "window.",
        "&nbsp;",
        "&amp;",
        *leaks,
    ):
        assert marker not in everything, marker
    for value in everything.split("\n"):
        assert unicodedata.is_normalized("NFC", value)
        assert value == " ".join(value.split())
    assert article.paragraphs == [
        text for kind, text in article.blocks if kind == "paragraph"
    ]


def test_page_with_article_published_time_meta():
    article = parse_fixture("html_meta_published_time.html")
    assert (
        article.title
        == "Hòa Bình tăng cường quảng bá hình ảnh địa phương với đối tác Nhật Bản"
    )
    assert article.published == datetime.datetime(2023, 3, 12, 10, 15, tzinfo=VN)
    assert article.published_iso() == "2023-03-12T10:15:00+07:00"
    assert article.author == "Minh Châu"
    assert article.category == "Đối ngoại"
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("Từ ngày 6 đến ngày 10/3, đoàn công tác")
    assert article.paragraphs[-1].endswith("ra thị trường quốc tế.")
    assert article.captions == [
        "Đoàn công tác của tỉnh làm việc với Hiệp hội doanh nghiệp vùng Kansai."
    ]
    assert [kind for kind, _text in article.blocks] == [
        "paragraph",
        "paragraph",
        "caption",
        "paragraph",
        "paragraph",
    ]
    assert article.warnings == []
    assert_plain_text(
        article,
        "dataLayer",
        "gtag",
        "trackClick",
        "Tìm kiếm",
        "Giới thiệu",
        "Bình luận này",
        "Ý kiến bạn đọc",
        "Tin liên quan",
        "Đoàn doanh nghiệp Hàn Quốc",
        "Chia sẻ",
        "Từ khóa",
        "9.870.123",
        "Bản quyền",
        "example.org",
    )


def test_old_table_layout_with_visible_date_line():
    article = parse_fixture("html_visible_date_table_layout.html")
    # <title> is only the site name; the headline is the line above the date line.
    assert article.title == "Kon Tum và tỉnh Attapeu ký kết biên bản hợp tác năm 2017"
    # "05/06/2017 | 08:30" is 5 June (day/month), with its time.
    assert article.published == datetime.datetime(2017, 6, 5, 8, 30, tzinfo=VN)
    assert article.author == "Ngọc Ánh"
    assert article.category == "Hoạt động đối ngoại"
    assert article.captions == ["Quang cảnh buổi hội đàm giữa hai tỉnh."]
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("Ngày 2/6, tại thành phố Kon Tum")
    assert article.warnings == []
    assert_plain_text(
        article,
        "_gaq",
        "Hôm nay",
        "Thứ Năm",
        "Danh mục",
        "Các tin khác",
        "Kon Tum tổng kết công tác lãnh sự",
        "Đang truy cập",
        "1.204.553",
        "Thứ hai",
    )


def test_json_ld_date_and_author_source_byline():
    article = parse_fixture("html_jsonld_byline_source.html")
    assert (
        article.title == "Đắk Lắk đẩy mạnh hợp tác giáo dục với các địa phương của Lào"
    )
    # datePublished is 01:30 UTC: 08:30 in Asia/Ho_Chi_Minh.
    assert article.published == datetime.datetime(2021, 9, 5, 8, 30, tzinfo=VN)
    assert article.published_iso() == "2021-09-05T08:30:00+07:00"
    assert article.author == "Thủy Tiên"
    assert article.source == "Trung tâm Truyền thông tỉnh Đắk Lắk"
    assert article.category == "Hợp tác quốc tế"
    assert article.captions == ["Lễ đón lưu học sinh Lào năm học mới."]
    assert len(article.paragraphs) == 3
    assert article.warnings == []
    assert_plain_text(
        article, "Tác giả", "Thanh điều hướng", "analytics", "Lượt xem", "Mondulkiri"
    )


def test_time_element_day_gets_the_visible_time():
    article = parse_fixture("html_time_element_upgraded_by_visible_time.html")
    assert article.title == "Thừa Thiên Huế tiếp nhận 200 tấn gạo viện trợ nhân đạo"
    assert article.published == datetime.datetime(2022, 6, 15, 16, 45, tzinfo=VN)
    assert (article.author, article.source) == ("", "Báo Thừa Thiên Huế")
    assert article.category == "Viện trợ phi chính phủ"
    assert article.captions == ["(Ảnh minh họa)"]
    assert len(article.paragraphs) == 3
    assert_plain_text(article, "Theo Báo", "vientro@")


def test_only_a_visible_vietnamese_meta_line():
    article = parse_fixture("html_visible_meta_line_poster.html")
    assert article.title == (
        "Quảng Bình tăng cường hợp tác phát triển du lịch hang động với đối tác Anh"
    )
    assert article.published == datetime.datetime(2019, 11, 8, 14, 5, 10, tzinfo=VN)
    assert article.poster == "Đặng Thu Hà"
    assert article.author == "Minh Phương"
    assert article.source == "Sở Ngoại vụ Quảng Bình"
    assert article.category == "Đối ngoại"
    assert len(article.paragraphs) == 3
    assert article.warnings == []
    assert_plain_text(article, "Thư viện ảnh", "Tổng truy cập", "Số lượt xem", "1520")


def test_page_without_article_text():
    path = FIXTURES / "html_no_article.html"
    with pytest.raises(ArticleParseError) as caught:
        parse_html(read_input(path, max_bytes=100_000), path=str(path))
    assert caught.value.reason == "No main text found in the HTML page."
    assert caught.value.path == str(path)


@pytest.mark.parametrize("html", ["", "   \n", "<!-- -->"])
def test_empty_pages(html):
    with pytest.raises(ArticleParseError):
        parse_html(html, path="empty.html")


def test_structured_date_without_time_stays_a_date():
    html = page(
        f"<article><h1>Sở Ngoại vụ triển khai công tác năm 2017</h1>"
        f'<time datetime="2017-04-14">Thứ Sáu</time><p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p>'
        f"</article>"
    )
    article = parse_html(html)
    assert article.published == datetime.date(2017, 4, 14)
    assert type(article.published) is datetime.date


def test_naive_meta_time_is_taken_as_vietnam_time():
    html = page(
        f"<article><h1>Sở Ngoại vụ triển khai công tác năm 2017</h1>"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p></article>",
        head='<meta property="article:published_time" content="2017-04-14T14:00:00">',
    )
    assert parse_html(html).published == datetime.datetime(
        2017, 4, 14, 14, 0, tzinfo=VN
    )


def test_breadcrumb_gives_the_category():
    html = page(
        '<nav class="breadcrumb"><a href="/">Trang chủ</a> › '
        '<a href="/kinh-te-doi-ngoai">Kinh tế đối ngoại</a></nav>'
        '<div class="banner">Khám phá Sa Pa mùa lúa chín cùng bạn bè</div>'
        f"<article><h1>Sở Ngoại vụ triển khai công tác năm 2017</h1>"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p></article>"
    )
    assert parse_html(html).category == "Kinh tế đối ngoại"


def test_without_category_there_is_a_warning():
    html = page(
        f"<article><h1>Sở Ngoại vụ triển khai công tác năm 2017</h1>"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p></article>"
    )
    article = parse_html(html)
    assert article.category == ""
    assert article.warnings == [
        "No publication date found.",
        "No category found on the page.",
    ]


def test_page_without_any_date():
    html = page(
        f"<article><h1>Sở Ngoại vụ triển khai công tác năm 2017</h1>"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p></article>"
    )
    article = parse_html(html)
    assert article.published is None
    assert "No publication date found." in article.warnings


def test_markup_inside_paragraphs_becomes_plain_text():
    html = page(
        "<article><h1>Sở Ngoại vụ triển khai công tác năm 2017</h1>"
        "<p>Ngày 14/4, <b>Sở Ngoại vụ</b> tổ chức <a href='/hn'>hội nghị</a>&nbsp;triển "
        "khai công tác đối ngoại<script>document.write('x')</script> năm 2017 với các "
        "sở, ban, ngành.<!-- ghi chú nội bộ --></p>"
        f"<p>{PARAGRAPH_2}</p><style>p {{ color: red }}</style></article>"
    )
    article = parse_html(html)
    assert article.paragraphs[0] == (
        "Ngày 14/4, Sở Ngoại vụ tổ chức hội nghị triển khai công tác đối ngoại năm 2017 "
        "với các sở, ban, ngành."
    )
    assert_plain_text(article, "document.write", "ghi chú", "color")


def test_xml_declaration_and_nfd_are_accepted():
    html = '<?xml version="1.0" encoding="utf-8"?>' + page(
        f"<article><h1>Sở Ngoại vụ triển khai công tác năm 2017</h1>"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p></article>"
    )
    article = parse_html(unicodedata.normalize("NFD", html))
    assert article.title == "Sở Ngoại vụ triển khai công tác năm 2017"
    assert article.paragraphs == [PARAGRAPH, PARAGRAPH_2]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "<h1>Sở Ngoại vụ triển khai công tác</h1>",
                f"<p>{PARAGRAPH}</p>",
                "<p>Tue, 24/01/2017 07:00 | GMT +7</p>",
                "<p>Tác giả: | Nguồn:</p>",
                "<figure><figcaption>Ảnh</figcaption></figure>",
                "<table><tr><td><p>ô</p></td><td>x</td></tr></table>",
                '<script type="application/ld+json">{"datePublished": "2017-13-45"}</script>',
                '<meta property="article:published_time" content="garbage">',
                "<time datetime='9999-99-99'>x</time>",
                "<div class='breadcrumb'></div>",
                "</div></p><<>>&&",
            ]
        )
        | st.text(max_size=40),
        max_size=12,
    ).map("".join)
)
def test_parse_html_only_raises_article_parse_error(html):
    try:
        article = parse_html(html, path="fuzz.html")
    except ArticleParseError as error:
        assert error.path == "fuzz.html"
        return
    assert article.title
    json.dumps(article.as_json())
