import datetime as dt
import re

from django.test import override_settings

import pytest

from ttdn.core.timefmt import VN_TZ
from ttdn.portal.tests.factories import (
    ArticlePageFactory,
    SectionPageFactory,
    paragraphs,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Thông tin đối ngoại", slug="ttdn")


def test_search_without_diacritics_highlights_matches(client, section):
    ArticlePageFactory(
        parent=section,
        title="Đẩy mạnh công tác thông tin đối ngoại",
        lead="Tỉnh Sơn La đón 154 đoàn khách.",
        body=paragraphs("Công tác đối ngoại được triển khai đồng bộ."),
    )
    ArticlePageFactory(parent=section, title="Thu hút đầu tư")
    response = client.get("/tim-kiem/", {"q": "doi ngoai"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 tin bài phù hợp với “doi ngoai”." in html
    assert "thông tin <mark>đối</mark> <mark>ngoại</mark></a>" in html
    assert "Công tác <mark>đối</mark> <mark>ngoại</mark> được" in html
    assert "Thu hút đầu tư" not in html


@override_settings(TTDN_SEARCH_RESULTS_PER_PAGE=2)
def test_search_results_are_paginated(client, section):
    for n in range(5):
        ArticlePageFactory(parent=section, title=f"Đầu tư nước ngoài {n}")
    html = client.get("/tim-kiem/", {"q": "dau tu"}).content.decode()
    assert "5 tin bài phù hợp" in html
    assert html.count('class="search-result"') == 2
    assert 'href="?q=dau+tu&amp;page=2"' in html
    page3 = client.get("/tim-kiem/", {"q": "dau tu", "page": 3}).content.decode()
    assert page3.count('class="search-result"') == 1


def test_empty_query_explains_how_to_search(client, section):
    html = client.get("/tim-kiem/").content.decode()
    assert "“doi ngoai” tìm được “đối ngoại”" in html
    assert 'class="search-result"' not in html


def test_punctuation_only_query_asks_for_a_word(client, section):
    html = client.get("/tim-kiem/", {"q": " ?!. "}).content.decode()
    assert "Hãy nhập ít nhất một từ hoặc một số để tìm." in html


def test_no_results_state(client, section):
    ArticlePageFactory(parent=section, title="Đối ngoại")
    html = client.get("/tim-kiem/", {"q": "khong co gi"}).content.decode()
    assert "Không có tin bài nào phù hợp với “khong co gi”." in html


def test_search_only_finds_live_articles_of_the_active_language(
    client, section, en_home
):
    ArticlePageFactory(parent=section, title="Đối ngoại nháp", publish=False)
    html = client.get("/en/search/", {"q": "doi ngoai"}).content.decode()
    assert "No articles match" in html
    html = client.get("/tim-kiem/", {"q": "doi ngoai"}).content.decode()
    assert "Không có tin bài nào phù hợp" in html


def test_search_is_get_only(client):
    assert client.post("/tim-kiem/", {"q": "x"}).status_code == 405


def result_titles(html: str) -> list[str]:
    """Titles of the results, in order, without their marks."""
    titles = re.findall(r'class="search-result__title"><a [^>]*>(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", t) for t in titles]


def test_accented_query_ranks_exact_diacritics_above_folded(client, section):
    ArticlePageFactory(
        parent=section,
        title="Sinh viên Lào đông vui đón Tết",
        published_at=dt.datetime(2025, 5, 1, tzinfo=VN_TZ),
    )
    ArticlePageFactory(
        parent=section,
        title="Thị trường lao động phục hồi",
        published_at=dt.datetime(2020, 5, 1, tzinfo=VN_TZ),
    )
    html = client.get("/tim-kiem/", {"q": "lao động"}).content.decode()
    assert result_titles(html) == [
        "Thị trường lao động phục hồi",
        "Sinh viên Lào đông vui đón Tết",
    ]
    assert "Thị trường <mark>lao</mark> <mark>động</mark> phục hồi" in html
    # The reader typed diacritics: "Lào" and "đông" are not marked.
    assert "Sinh viên Lào đông vui" in html


def test_place_name_is_not_its_syllables_apart(client, section):
    ArticlePageFactory(
        parent=section,
        title="Văn hóa miền Nam",
        published_at=dt.datetime(2025, 5, 1, tzinfo=VN_TZ),
    )
    ArticlePageFactory(
        parent=section,
        title="Tỉnh Vân Nam mở đường bay",
        published_at=dt.datetime(2020, 5, 1, tzinfo=VN_TZ),
    )
    for query in ("Vân Nam", "van nam"):
        html = client.get("/tim-kiem/", {"q": query}).content.decode()
        assert result_titles(html) == ["Tỉnh Vân Nam mở đường bay", "Văn hóa miền Nam"]


def test_phrase_ranks_above_syllables_apart_and_title_above_body(client, section):
    ArticlePageFactory(
        parent=section,
        title="Đầu năm, tư vấn pháp luật cho dân",
        published_at=dt.datetime(2025, 1, 1, tzinfo=VN_TZ),
    )
    ArticlePageFactory(
        parent=section,
        title="Hội nghị tỉnh",
        body=paragraphs("Tỉnh tiếp tục thu hút đầu tư vào nông nghiệp."),
        published_at=dt.datetime(2024, 1, 1, tzinfo=VN_TZ),
    )
    ArticlePageFactory(
        parent=section,
        title="Thu hút đầu tư nước ngoài",
        published_at=dt.datetime(2019, 1, 1, tzinfo=VN_TZ),
    )
    html = client.get("/tim-kiem/", {"q": "dau tu"}).content.decode()
    assert result_titles(html) == [
        "Thu hút đầu tư nước ngoài",
        "Hội nghị tỉnh",
        "Đầu năm, tư vấn pháp luật cho dân",
    ]
    # The excerpt is centred on the phrase, marked as whole syllables.
    assert "thu hút <mark>đầu</mark> <mark>tư</mark> vào nông nghiệp" in html


def test_no_fragment_matches_or_highlights(client, section):
    ArticlePageFactory(
        parent=section,
        title="Phong tục và hiện tượng ở Tuyên Quang",
        body=paragraphs("Doanh nghiệp trong giai đoạn mới."),
    )
    ArticlePageFactory(parent=section, title="Đoàn công tác thăm doanh nghiệp")
    html = client.get("/tim-kiem/", {"q": "tu"}).content.decode()
    assert "Không có tin bài nào phù hợp với “tu”." in html
    html = client.get("/tim-kiem/", {"q": "đoàn"}).content.decode()
    assert result_titles(html) == [
        "Đoàn công tác thăm doanh nghiệp",
        "Phong tục và hiện tượng ở Tuyên Quang",
    ]
    assert "<mark>Đoàn</mark> công tác thăm doanh nghiệp</a>" in html
    assert "<mark>doan" not in html.lower()
    assert "giai đoạn mới" in html


def test_section_counts_filter_and_sort(client, home, section):
    other = SectionPageFactory(parent=home, title="Kinh tế", slug="kinh-te")
    ArticlePageFactory(
        parent=section,
        title="Hợp tác với Lào",
        published_at=dt.datetime(2023, 1, 1, tzinfo=VN_TZ),
    )
    ArticlePageFactory(
        parent=other,
        title="Thương mại với Lào",
        published_at=dt.datetime(2024, 6, 1, tzinfo=VN_TZ),
    )
    ArticlePageFactory(
        parent=other,
        title="Cửa khẩu sang Lào",
        published_at=dt.datetime(2022, 1, 1, tzinfo=VN_TZ),
    )
    html = client.get("/tim-kiem/", {"q": "lao"}).content.decode()
    assert "3 tin bài phù hợp" in html
    assert f'<a href="?q=lao&amp;section={other.pk}">Kinh tế</a> (2)' in html
    assert (
        f'<a href="?q=lao&amp;section={section.pk}">Thông tin đối ngoại</a> (1)' in html
    )
    html = client.get("/tim-kiem/", {"q": "lao", "section": other.pk}).content.decode()
    assert result_titles(html) == ["Thương mại với Lào", "Cửa khẩu sang Lào"]
    assert '<strong aria-current="true">Kinh tế (2)</strong>' in html
    html = client.get(
        "/tim-kiem/", {"q": "lao", "date_from": "01/01/2023", "date_to": "31/12/2023"}
    ).content.decode()
    assert result_titles(html) == ["Hợp tác với Lào"]
    html = client.get("/tim-kiem/", {"q": "lao", "sort": "date"}).content.decode()
    assert result_titles(html) == [
        "Thương mại với Lào",
        "Hợp tác với Lào",
        "Cửa khẩu sang Lào",
    ]


def test_bad_dates_are_named_and_nothing_is_searched(client, section):
    ArticlePageFactory(parent=section, title="Hợp tác với Lào")
    html = client.get(
        "/tim-kiem/", {"q": "lao", "date_from": "31/02/2024"}
    ).content.decode()
    assert "Từ ngày: Nhập ngày theo dạng ngày/tháng/năm, ví dụ 25/12/2025." in html
    assert "Vui lòng sửa bộ lọc ở trên." in html
    assert 'class="search-result"' not in html
    html = client.get(
        "/tim-kiem/", {"q": "lao", "date_from": "02/01/2024", "date_to": "01/01/2024"}
    ).content.decode()
    assert "Đến ngày: Ngày kết thúc không được trước ngày bắt đầu." in html


def test_no_results_in_filters_offers_to_drop_them(client, section):
    ArticlePageFactory(
        parent=section,
        title="Hợp tác với Lào",
        published_at=dt.datetime(2020, 1, 1, tzinfo=VN_TZ),
    )
    html = client.get(
        "/tim-kiem/", {"q": "lao", "date_from": "01/01/2024"}
    ).content.decode()
    assert "Không có tin bài nào phù hợp với “lao”." in html
    assert '<a href="?q=lao">Tìm lại, bỏ bộ lọc</a>' in html


def test_did_you_mean_offers_the_frequent_accented_form(client, section):
    for n in range(3):
        ArticlePageFactory(parent=section, title=f"Thu hút đầu tư {n}")
    ArticlePageFactory(parent=section, title="Dầu tự nhiên")
    html = client.get("/tim-kiem/", {"q": "dau tu"}).content.decode()
    assert (
        'Có phải bạn muốn tìm <a href="?q=%C4%91%E1%BA%A7u+t%C6%B0">đầu tư</a>?' in html
    )
    # Typed with diacritics, or no form clearly more frequent: no suggestion.
    assert (
        "Có phải bạn muốn tìm"
        not in client.get("/tim-kiem/", {"q": "đầu tư"}).content.decode()
    )
    assert (
        "Có phải bạn muốn tìm"
        not in client.get("/tim-kiem/", {"q": "dau tu nhien"}).content.decode()
    )


def test_search_in_another_language(client, section, en_home):
    ArticlePageFactory(parent=section, title="Hợp tác với Lào")
    html = client.get("/tim-kiem/", {"q": "lao", "lang": "en"}).content.decode()
    assert "Không có tin bài nào phù hợp với “lao”." in html
    html = client.get("/tim-kiem/", {"q": "lao", "lang": "xx"}).content.decode()
    assert "Vui lòng sửa bộ lọc ở trên." in html


def test_search_through_wagtails_backend_when_configured(client, section, settings):
    settings.TTDN_PORTAL_SEARCH = "wagtail"
    ArticlePageFactory(parent=section, title="Hợp tác với Lào")
    ArticlePageFactory(parent=section, title="Thu hút đầu tư")
    html = client.get("/tim-kiem/", {"q": "hop tac"}).content.decode()
    assert result_titles(html) == ["Hợp tác với Lào"]
    assert "1 tin bài phù hợp" in html


def test_counts_stop_at_their_caps(client, section, monkeypatch):
    from ttdn.portal.search import query

    monkeypatch.setattr(query, "MAX_COUNT", 2)
    monkeypatch.setattr(query, "MAX_SECTION_COUNT", 1)
    for n in range(3):
        ArticlePageFactory(parent=section, title=f"Hợp tác với Lào {n}")
    html = client.get("/tim-kiem/", {"q": "lao"}).content.decode()
    assert "Hơn 2 tin bài phù hợp với “lao”; danh sách hiển thị 2 tin đầu tiên." in html
    assert (
        f'<a href="?q=lao&amp;section={section.pk}">Thông tin đối ngoại</a> (1+)'
        in html
    )
    assert html.count('class="search-result"') == 2
