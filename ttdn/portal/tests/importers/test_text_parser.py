"""parse_text on the five seed dumps, other portals' dumps and arbitrary text."""

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
    parse_text,
    read_input,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
SEEDS = Path(__file__).resolve().parents[2] / "demo" / "seeds"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"

BODY_1 = (
    "Sáng nay, Sở Ngoại vụ tổ chức hội nghị tổng kết công tác đối ngoại năm 2016 và "
    "triển khai nhiệm vụ trọng tâm năm 2017 với sự tham dự của các sở, ngành."
)
BODY_2 = (
    "Năm 2017, tỉnh tiếp tục đẩy mạnh ngoại giao kinh tế, tăng cường quảng bá hình ảnh "
    "địa phương và nâng cao hiệu quả công tác thông tin đối ngoại."
)
HEADLINE = "Sở Ngoại vụ tổng kết công tác đối ngoại năm 2016"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def parse_seed(prefix: str) -> ParsedArticle:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return parse_text(read_input(path, max_bytes=1_000_000), path=str(path))


def parse_fixture(name: str) -> ParsedArticle:
    path = FIXTURES / name
    return parse_text(read_input(path, max_bytes=1_000_000), path=str(path))


def article_text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def vn(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=VN)


def all_strings(article: ParsedArticle) -> list[str]:
    data = article.as_json()
    return [
        data["title"],
        data["author"],
        data["source"],
        data["poster"],
        data["category"],
        *data["paragraphs"],
        *data["captions"],
        *data["warnings"],
    ]


def assert_clean(article: ParsedArticle) -> None:
    """Every string is NFC, whitespace-squashed and stripped."""
    for value in all_strings(article):
        assert unicodedata.is_normalized("NFC", value), value
        assert value == " ".join(value.split()), value
        assert "\u00a0" not in value
    assert article.paragraphs == [
        text for kind, text in article.blocks if kind == "paragraph"
    ]


# ------------------------------------------------------------------------ seeds


def test_seed_000():
    article = parse_seed("000")
    assert (
        article.title
        == "Đẩy mạnh công tác thông tin đối ngoại trên địa bàn tỉnh Sơn La"
    )
    assert article.published == vn(2017, 1, 24, 7, 0)
    assert article.published_iso() == "2017-01-24T07:00:00+07:00"
    assert article.author == "Lê Hồng"
    assert article.category == "Thông tin đối ngoại"
    assert (article.source, article.poster) == ("", "")
    assert len(article.paragraphs) == 3
    assert "154 đoàn khách 932 lượt người" in article.paragraphs[1]
    assert article.paragraphs[0].startswith("Xác định công tác thông tin đối ngoại")
    assert article.paragraphs[2].endswith("bảo vệ vững chắc chủ quyền quốc gia.")
    assert article.warnings == []
    dumped = json.dumps(article.as_json(), ensure_ascii=False)
    for chrome in ("THÔNG TIN CẢI CÁCH", "THỐNG KÊ TRUY CẬP", "41466892", "truy cập:"):
        assert chrome not in dumped
    assert_clean(article)


@pytest.mark.parametrize(
    ("prefix", "title", "author", "count", "last_words"),
    [
        (
            "001",
            "Hành động triển khai công tác đối ngoại tỉnh Sơn La giai đoạn 2017 – 2018",
            "Lê Hồng",
            6,
            "công tác đối ngoại và hội nhập quốc tế.",
        ),
        (
            "002",
            "Huyện Vân Hồ tiếp tục quan tâm đẩy mạnh công tác thông tin đối ngoại",
            "Diệp Hương",
            3,
            "trong thới kỳ hội nhập quốc tế.",
        ),
    ],
)
def test_seeds_001_002(prefix, title, author, count, last_words):
    article = parse_seed(prefix)
    assert article.title == title
    assert article.published == vn(2017, 4, 14, 14, 0)
    assert article.published_iso() == "2017-04-14T14:00:00+07:00"
    assert article.author == author
    assert article.category == "Thông tin đối ngoại"
    assert len(article.paragraphs) == count
    assert article.paragraphs[-1].endswith(last_words)
    assert article.blocks == [("paragraph", text) for text in article.paragraphs]
    assert article.warnings == []
    assert_clean(article)


SEED_003_CAPTION_1 = (
    "Các đồng chí: Trần Đức Vương - Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh "
    "ủy, Phó trưởng Ban Thường trực Ban Chỉ đạo công tác TTĐN tỉnh; Tống Thanh Hải - "
    "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh, Phó Ban Chỉ đạo "
    "công tác TTĐN tỉnh dự và chỉ đạo Hội nghị."
)


def test_seed_003_without_date_line():
    article = parse_seed("003")
    assert article.title == "Triển khai nhiệm vụ công tác thông tin đối ngoại"
    # The lead dates the event; without a date line the page has no date.
    assert article.published is None
    assert article.published_iso() is None
    assert article.author == "K. Phượng"
    assert article.category == ""
    assert article.warnings == [
        "No category line found before the headline.",
        "No date line found; the lead dates the event 2018-07-06, which need not "
        "be the publication date, so the publication date is left empty.",
    ]
    assert_clean(article)


def test_seed_003_captions():
    article = parse_seed("003")
    assert article.as_json()["captions"] == [
        SEED_003_CAPTION_1,
        "Các đại biểu dự Hội nghị.",
    ]
    assert [kind for kind, _text in article.blocks] == [
        "paragraph",
        "caption",
        "paragraph",
        "caption",
        *["paragraph"] * 5,
    ]
    assert len(article.paragraphs) == 7
    assert article.paragraphs[0].startswith("(BLC) - Ngày 6/7, Ban Chỉ đạo")
    assert SEED_003_CAPTION_1 not in article.paragraphs
    assert article.paragraphs[-1].endswith("tháng 9/2018…")
    assert "Các tin tức khác" not in json.dumps(article.as_json(), ensure_ascii=False)


def test_seed_004():
    article = parse_seed("004")
    assert article.title == "Hoạt động thông tin đối ngoại tỉnh Phú Yên năm 2020"
    assert article.published == vn(2020, 1, 20, 9, 34, 22)
    assert article.published_iso() == "2020-01-20T09:34:22+07:00"
    assert article.author == "Thủy Loan"
    assert article.source == "Cổng thông tin điện tử Phú Yên"
    assert article.poster == "Trình Minh Ky"
    assert article.category == "Đối ngoại"
    assert len(article.paragraphs) == 6
    # The U+00A0 inside "hình\xa0ảnh" is squashed to a plain space.
    assert "quảng bá hình ảnh của địa phương" in article.paragraphs[1]
    joined = "\n".join(article.paragraphs)
    for chrome in ("Thư viện ảnh", "Tổng truy cập", "Trong ngày", "Tác giả", "3970"):
        assert chrome not in joined
    assert article.warnings == []
    assert_clean(article)


def test_seed_crlf_line_endings_give_the_same_result():
    path = next(SEEDS.glob("000_*.txt"))
    text = path.read_text(encoding="utf-8")
    assert parse_text(text.replace("\n", "\r\n")) == parse_text(text)


def test_as_json_shape():
    data = parse_seed("003").as_json()
    assert list(data) == [
        "path",
        "title",
        "published",
        "author",
        "source",
        "poster",
        "category",
        "paragraphs",
        "captions",
        "warnings",
    ]
    assert data["published"] is None  # the lead's date is not the page's
    assert data["path"].endswith(".txt")
    json.dumps(data)


def test_published_iso_none():
    assert ParsedArticle(path="", title="x", published=None).published_iso() is None


# ------------------------------------------------------- other portals' dumps


def test_breadcrumb_weekday_gmt_dump():
    article = parse_fixture("text_breadcrumb_weekday_gmt.txt")
    assert article.title == (
        "Quảng Trị trao đổi kinh nghiệm quản lý biên giới với tỉnh Savannakhet"
    )
    assert article.category == "Đối ngoại"
    assert article.published == vn(2017, 1, 24, 7, 0)
    assert article.author == "Minh Anh"
    assert article.captions == ["Toàn cảnh buổi làm việc."]
    assert len(article.paragraphs) == 3
    joined = "\n".join(all_strings(article))
    for chrome in ("Tin liên quan", "Quảng Trị tổng kết", "Bình luận", "(tổng hợp)"):
        assert chrome not in joined
    assert article.warnings == []


def test_date_above_headline_dump():
    article = parse_fixture("text_date_above_headline.txt")
    assert (
        article.title == "Đà Nẵng đón đoàn doanh nghiệp Hàn Quốc tìm hiểu cơ hội đầu tư"
    )
    assert article.category == "Thời sự"
    assert article.published == vn(2023, 3, 12, 10, 15)
    assert article.author == "Hoàng Thùy"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("Hơn 40 doanh nghiệp Hàn Quốc")
    assert not any(
        "Trở lại" in text or "Chia sẻ" in text for text in article.paragraphs
    )


def test_hard_wrapped_dump_joins_lines():
    article = parse_fixture("text_hard_wrapped_ngay_dang.txt")
    assert (
        article.title
        == "Ninh Thuận tổ chức Hội nghị triển khai công tác đối ngoại năm 2017"
    )
    assert article.category == "Tin tức - Sự kiện"
    assert article.published == datetime.date(2017, 1, 24)
    assert type(article.published) is datetime.date
    assert article.author == "Phạm Hưng"
    assert article.paragraphs[0] == (
        "Sáng nay, UBND tỉnh Ninh Thuận tổ chức Hội nghị tổng kết công tác đối ngoại "
        "năm 2016 và triển khai nhiệm vụ năm 2017. Dự hội nghị có đại diện lãnh đạo "
        "các sở, ban, ngành và UBND các huyện, thành phố trong tỉnh."
    )
    assert len(article.paragraphs) == 3
    assert article.paragraphs[2].endswith("thông tin đối ngoại.")
    assert article.warnings == []


def test_verbal_date_and_two_bylines_dump():
    article = parse_fixture("text_verbal_date_two_bylines.txt")
    assert article.title == (
        "Điện Biên: Giao lưu hữu nghị với thanh niên ba nước Việt Nam – Lào – Trung Quốc"
    )
    assert article.published == datetime.date(2017, 1, 24)
    assert article.author == "Hoàng Nam"
    assert article.source == "Báo Điện Biên Phủ"
    assert article.category == "Đối ngoại nhân dân"
    assert article.captions == ["Quang cảnh buổi giao lưu văn nghệ."]
    assert len(article.paragraphs) == 3
    assert "Đang truy cập" not in "\n".join(all_strings(article))


def test_iso_date_photo_placeholder_and_theo_dump():
    article = parse_fixture("text_iso_date_theo_ttxvn.txt")
    assert (
        article.title
        == "Hội thảo quốc tế về phát triển du lịch bền vững tại Quảng Ninh"
    )
    assert article.published == vn(2017, 1, 24, 7, 0)
    assert (article.author, article.source) == ("", "TTXVN")
    assert article.category == "Hợp tác quốc tế"
    assert article.captions == ["Đại biểu trao đổi bên lề hội thảo.", "(Ảnh minh họa)"]
    assert len(article.paragraphs) == 3
    assert not any("Tags" in text or "TTXVN" in text for text in article.paragraphs)


def test_updated_line_and_leading_labelled_byline_dump():
    article = parse_fixture("text_updated_labelled_byline.txt")
    assert (
        article.title == "Bình Định xúc tiến xuất khẩu nông sản sang thị trường châu Âu"
    )
    assert article.published == vn(2017, 1, 24, 15, 30)
    assert article.author == "Nguyễn Thị Lan"
    assert article.category == "Kinh tế đối ngoại"
    assert article.captions == [
        "Lãnh đạo Sở Công Thương thăm gian hàng của doanh nghiệp Bình Định."
    ]
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("Trong khuôn khổ chương trình")
    joined = "\n".join(article.paragraphs)
    assert "Lượt xem" not in joined and "Từ khóa" not in joined


def test_lead_without_year_leaves_the_date_empty():
    article = parse_fixture("text_no_date_no_year.txt")
    assert (
        article.title
        == "Đoàn công tác tỉnh Cao Bằng thăm và làm việc tại tỉnh Quảng Tây"
    )
    assert article.category == "Tin hoạt động"
    assert article.published is None
    assert article.author == "PV"
    assert article.warnings == [
        "No date line found; the lead mentions “Sáng 15/3” but no year, so the "
        "publication date is left empty."
    ]


def test_impossible_date_is_not_guessed():
    article = parse_fixture("text_invalid_date.txt")
    assert (
        article.title == "Lạng Sơn phổ biến quy định mới về quản lý cửa khẩu biên giới"
    )
    assert article.published is None
    assert article.author == "Lê Thu"
    assert article.warnings == [
        "The date line “Thứ Ba, 31/02/2017 07:00 (GMT+7)” does not hold a valid date; "
        "the publication date is left empty."
    ]


def test_only_chrome_has_no_headline():
    path = FIXTURES / "text_only_chrome.txt"
    with pytest.raises(ArticleParseError) as caught:
        parse_text(read_input(path, max_bytes=10_000), path=str(path))
    assert caught.value.reason == "No headline found."
    assert str(caught.value) == f"{path}: No headline found."


@pytest.mark.parametrize(
    "text", ["", "   \n\n", "\u00a0\n\u00a0", "24/01/2017 07:00\n"]
)
def test_nothing_to_parse_has_no_headline(text):
    with pytest.raises(ArticleParseError, match="No headline found"):
        parse_text(text, path="x.txt")


# ------------------------------------------------------------------- meta lines


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ("Tue, 24/01/2017 07:00 | GMT +7", vn(2017, 1, 24, 7, 0)),
        ("Thứ Ba, 24/01/2017 07:00 (GMT+7)", vn(2017, 1, 24, 7, 0)),
        ("Thứ hai, ngày 24/01/2017 - 07:00", vn(2017, 1, 24, 7, 0)),
        ("Chủ nhật, 12/3/2023, 10:15 (GMT+7)", vn(2023, 3, 12, 10, 15)),
        ("24/01/2017 07:00", vn(2017, 1, 24, 7, 0)),
        ("07:00 | 24/01/2017", vn(2017, 1, 24, 7, 0)),
        ("Ngày đăng: 24-01-2017", datetime.date(2017, 1, 24)),
        ("Đăng ngày 24 tháng 01 năm 2017", datetime.date(2017, 1, 24)),
        ("2017-01-24 07:00", vn(2017, 1, 24, 7, 0)),
        ("Ngày 24/01/2017 | 07:00", vn(2017, 1, 24, 7, 0)),
        ("(Cập nhật: 15:30 24/01/2017)", vn(2017, 1, 24, 15, 30)),
        ("24.01.2017", datetime.date(2017, 1, 24)),
        ("05/06/2017 08:30", vn(2017, 6, 5, 8, 30)),  # day/month, never month/day
        ("Thứ Sáu, 14/04/2017 14:00:59", vn(2017, 4, 14, 14, 0, 59)),
        ("24/01/2017 07:30 PM", vn(2017, 1, 24, 19, 30)),
        ("Lúc 7 giờ 30, ngày 24 tháng 1, 2017", vn(2017, 1, 24, 7, 30)),
        ("Thứ năm, 24/01/2017 07h00", vn(2017, 1, 24, 7, 0)),
        ("24/01/2017 07:00 | Chia sẻ | In bài", vn(2017, 1, 24, 7, 0)),
    ],
)
def test_meta_line_styles(meta, expected):
    article = parse_text(
        article_text("Đối ngoại", "", HEADLINE, meta, BODY_1, "", BODY_2)
    )
    assert article.title == HEADLINE
    assert article.category == "Đối ngoại"
    assert article.published == expected
    assert type(article.published) is type(expected)
    if isinstance(expected, datetime.datetime):
        assert article.published.utcoffset() == datetime.timedelta(hours=7)
    assert article.paragraphs == [BODY_1, BODY_2]
    assert article.warnings == []


def test_meta_line_with_views_and_poster():
    meta = "Cập nhật lúc:\u00a0 09:34:22 - 20/01/2020 Số lượt xem:\u00a0 3970 Người đăng: Hà Vy"
    article = parse_text(article_text("Đối ngoại", HEADLINE, meta, BODY_1))
    assert article.published == vn(2020, 1, 20, 9, 34, 22)
    assert article.poster == "Hà Vy"
    assert article.paragraphs == [BODY_1]


def test_long_sentence_with_a_date_is_not_the_date_line():
    lead = (
        "Ngày 27/03/2017, UBND tỉnh Sơn La đã ban hành Kế hoạch số 51/KH-UBND về hành "
        "động triển khai công tác đối ngoại tỉnh Sơn La giai đoạn 2017 – 2018."
    )
    article = parse_text(
        article_text("Thông tin đối ngoại", "", HEADLINE, lead, "", BODY_2)
    )
    assert article.title == HEADLINE
    assert article.category == "Thông tin đối ngoại"
    assert article.paragraphs == [lead, BODY_2]
    assert article.published is None
    assert article.warnings == [
        "No date line found; the lead dates the event 2017-03-27, which need not "
        "be the publication date, so the publication date is left empty."
    ]


def test_no_date_line_two_short_lines_are_category_and_headline():
    lead = "(BLC) - Chiều 20/5, Sở Ngoại vụ tổ chức hội nghị sơ kết công tác năm 2022."
    article = parse_text(
        article_text("Thông tin đối ngoại", "", HEADLINE, "", lead, BODY_2)
    )
    assert (article.category, article.title) == ("Thông tin đối ngoại", HEADLINE)
    assert article.published is None
    assert article.warnings == [
        "No date line found; the lead dates the event 2022-05-20, which need not "
        "be the publication date, so the publication date is left empty."
    ]


def test_no_date_and_nothing_to_infer_from():
    article = parse_text(article_text("Đối ngoại", HEADLINE, BODY_1, BODY_2))
    assert article.published is None
    assert article.warnings == ["No date line found; the publication date is unknown."]


def test_several_years_in_the_lead_are_not_guessed():
    lead = (
        "Ngày 6/7, tỉnh sơ kết giai đoạn 2017 – 2018 và triển khai kế hoạch đến 2020."
    )
    article = parse_text(article_text("Đối ngoại", HEADLINE, lead, BODY_2))
    assert article.published is None
    assert article.warnings == [
        "No date line found; the lead mentions “Ngày 6/7” but no year, so the "
        "publication date is left empty."
    ]


def test_site_date_banner_above_the_header_is_not_the_date_line():
    text = article_text(
        "Thứ Sáu, 24/11/2023",
        "Cổng thông tin điện tử tỉnh Lào Cai",
        "Đối ngoại",
        HEADLINE,
        "14/04/2017 14:00",
        BODY_1,
    )
    article = parse_text(text)
    assert (article.title, article.category) == (HEADLINE, "Đối ngoại")
    assert article.published == vn(2017, 4, 14, 14, 0)


# ---------------------------------------------------------------------- by-lines


@pytest.mark.parametrize(
    ("byline", "author", "source"),
    [
        ("Lê Hồng", "Lê Hồng", ""),
        ("Diệp Hương", "Diệp Hương", ""),
        ("K. Phượng", "K. Phượng", ""),
        ("PV", "PV", ""),
        ("Minh Anh (tổng hợp)", "Minh Anh", ""),
        ("H'Hen Niê", "H'Hen Niê", ""),
        (
            "Tác giả : Thủy Loan | Nguồn : Cổng thông tin điện tử Phú Yên",
            "Thủy Loan",
            "Cổng thông tin điện tử Phú Yên",
        ),
        ("Tác giả: Thủy Loan", "Thủy Loan", ""),
        ("Nguồn: Báo Sơn La", "", "Báo Sơn La"),
        ("Theo Báo Nhân Dân", "", "Báo Nhân Dân"),
        ("(Theo TTXVN)", "", "TTXVN"),
        ("Bài, ảnh: Hoàng Nam", "Hoàng Nam", ""),
        ("Tin, ảnh: Thu Hà", "Thu Hà", ""),
        ("Tin và ảnh: Phạm Hưng", "Phạm Hưng", ""),
        ("Bài: Minh Anh - Ảnh: Quốc Tuấn", "Minh Anh", ""),
        ("Hồng Hà/TTXVN", "Hồng Hà", "TTXVN"),
        ("Minh Anh (Theo VOV)", "Minh Anh", "VOV"),
    ],
)
def test_bylines(byline, author, source):
    article = parse_text(
        article_text("Đối ngoại", HEADLINE, "24/01/2017", BODY_1, BODY_2, byline)
    )
    assert (article.author, article.source) == (author, source)
    assert article.paragraphs == [BODY_1, BODY_2]


@pytest.mark.parametrize(
    "last_line",
    [
        "Hội nghị kết thúc tốt đẹp.",
        "Theo đó, các đơn vị triển khai ngay",
        "Kết quả nổi bật năm 2016",
    ],
)
def test_short_sentences_are_not_bylines(last_line):
    article = parse_text(
        article_text("Đối ngoại", HEADLINE, "24/01/2017", BODY_1, BODY_2, last_line)
    )
    assert (article.author, article.source) == ("", "")
    assert article.paragraphs == [BODY_1, BODY_2, last_line]


def test_byline_and_source_on_separate_lines():
    text = article_text(HEADLINE, "24/01/2017", BODY_1, "Lê Hồng", "Nguồn: Báo Sơn La")
    article = parse_text(text)
    assert (article.author, article.source) == ("Lê Hồng", "Báo Sơn La")
    assert article.paragraphs == [BODY_1]


# ------------------------------------------------------------------------ chrome


@pytest.mark.parametrize(
    "chrome",
    [
        "THÔNG TIN CẢI CÁCH",
        "THỐNG KÊ TRUY CẬP",
        "Các tin tức khác",
        "Thư viện ảnh",
        "Số Lượt Truy Cập",
        "perm_identity Trong ngày: 24",
        "Tổng số lượt truy cập: 41466892",
        "Số người đang truy cập: 77",
        "Tin liên quan",
        "TIN LIÊN QUAN",
        "tin lien quan",
        "Tin cùng chuyên mục",
        "Các tin khác",
        "Bình luận",
        "Bình luận (3)",
        "Chia sẻ",
        "In bài viết",
        "Gửi email",
        "In bài viết | Gửi email | Trở về",
        "Lượt xem: 1.234",
        "Từ khóa: đối ngoại, Sơn La",
        "Tags: hợp tác quốc tế",
        "Liên kết website",
        "Video",
        "Xem thêm",
        "Trở về",
        "Bản in",
        "Đang truy cập: 5",
        "Hôm nay",
        "Hôm qua: 98",
        "Trong tuần: 700",
        "Trong tháng: 4.734",
        "Trong năm: 40.000",
        "supervisor_account Tổng truy cập: 118.570",
        "© Bản quyền thuộc Sở Ngoại vụ",
    ],
)
def test_chrome_ends_the_body(chrome):
    text = article_text(
        "Đối ngoại",
        HEADLINE,
        "24/01/2017 07:00",
        BODY_1,
        BODY_2,
        "Lê Hồng",
        "",
        chrome,
        "Sơn La đón đoàn cán bộ tỉnh Luang Prabang sang thăm và làm việc",
        "Hội nghị giao ban công tác biên giới quý I năm 2017",
    )
    article = parse_text(text)
    assert article.paragraphs == [BODY_1, BODY_2]
    assert article.author == "Lê Hồng"
    assert article.captions == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "Trong năm 2016",
        "Hôm nay, tỉnh tiếp đoàn công tác của tỉnh Hủa Phăn sang thăm và làm việc.",
        "Video giới thiệu tiềm năng du lịch được trình chiếu tại hội nghị.",
        "Bình luận về kết quả này, đại diện Sở Ngoại vụ cho biết tỉnh sẽ tiếp tục.",
    ],
)
def test_chrome_words_inside_body_text_do_not_cut_it(paragraph):
    article = parse_text(
        article_text(HEADLINE, "24/01/2017", BODY_1, paragraph, BODY_2)
    )
    assert article.paragraphs == [BODY_1, paragraph, BODY_2]


# ---------------------------------------------------------------------- captions


@pytest.mark.parametrize("placeholder", ["\u00a0", " \u00a0 ", "\u2003", "\u200b"])
def test_line_after_photo_placeholder_is_a_caption(placeholder):
    # Only the placeholder makes this a caption (it does not open like one).
    caption = "Ông Nguyễn Văn Nam, Giám đốc Sở Ngoại vụ, phát biểu tại hội nghị."
    text = article_text(
        HEADLINE, "24/01/2017", BODY_1, "", placeholder, "", caption, BODY_2
    )
    article = parse_text(text)
    assert article.blocks == [
        ("paragraph", BODY_1),
        ("caption", caption),
        ("paragraph", BODY_2),
    ]


@pytest.mark.parametrize(
    "caption",
    [
        "Toàn cảnh hội nghị",
        "Các đại biểu dự Hội nghị.",
        "Ảnh: Quốc Tuấn",
        "(Ảnh minh họa)",
    ],
)
def test_short_caption_between_paragraphs(caption):
    article = parse_text(article_text(HEADLINE, "24/01/2017", BODY_1, caption, BODY_2))
    assert article.captions == [caption]
    assert article.paragraphs == [BODY_1, BODY_2]


def test_short_subheading_between_paragraphs_stays_a_paragraph():
    article = parse_text(
        article_text(HEADLINE, "24/01/2017", BODY_1, "Kết quả nổi bật", BODY_2)
    )
    assert article.captions == []
    assert article.paragraphs == [BODY_1, "Kết quả nổi bật", BODY_2]


def test_frequent_nbsp_lines_are_spacers_not_photos():
    third = "Hội nghị đã thống nhất các nhiệm vụ trọng tâm cần tập trung chỉ đạo."
    text = article_text(
        HEADLINE, "24/01/2017", BODY_1, "\u00a0", BODY_2, "\u00a0", third, "\u00a0"
    )
    article = parse_text(text)
    assert article.captions == []
    assert article.paragraphs == [BODY_1, BODY_2, third]


# --------------------------------------------------------------- normalisation


def test_nfd_input_and_space_runs_are_normalised():
    text = article_text("Đối  ngoại", f"  {HEADLINE}\u00a0 ", "24/01/2017", BODY_1)
    article = parse_text(unicodedata.normalize("NFD", text))
    assert article.title == HEADLINE
    assert article.category == "Đối ngoại"
    assert article.paragraphs == [BODY_1]
    assert_clean(article)


# ------------------------------------------------------------------- property

FRAGMENTS = [
    "",
    "\u00a0",
    HEADLINE,
    BODY_1,
    "Đối ngoại Đối ngoại",
    "Tue, 24/01/2017 07:00 | GMT +7",
    "Thứ Ba, 31/02/2017 07:00",
    "Cập nhật lúc: 09:34:22 - 20/01/2020 Người đăng: Hà Vy",
    "(BLC) - Ngày 6/7, hội nghị sơ kết năm 2018.",
    "Ngày 99/99, năm 2018",
    "Lê Hồng",
    "Tác giả : | Nguồn :",
    "Theo ()",
    "(Theo",
    "Bài, ảnh:",
    "THÔNG TIN CẢI CÁCH",
    "perm_identity Trong ngày: 24",
    "Trang chủ » » Đối ngoại",
    "2017-13-45 25:61",
    "9999-01-01 00:00",
    "0/0/0000",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=400),
        st.lists(
            st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=60)), max_size=25
        ).map("\n".join),
    )
)
def test_parse_text_only_raises_article_parse_error(text):
    try:
        article = parse_text(text, path="fuzz.txt")
    except ArticleParseError as error:
        assert error.path == "fuzz.txt"
        return
    assert article.title
    assert article.path == "fuzz.txt"
    assert_clean(article)
    assert article.published is None or isinstance(article.published, datetime.date)
    if isinstance(article.published, datetime.datetime):
        assert article.published.utcoffset() == datetime.timedelta(hours=7)
    json.dumps(article.as_json())
