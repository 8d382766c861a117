"""The text importer on real pages: the evaluation corpus, its figures, and the
phenomena behind them (docs/portal.md#evaluation-corpus)."""

import datetime

import pytest

from ttdn.portal.importers import evaluation, parse_text
from ttdn.portal.importers.pagekind import is_listing
from ttdn.portal.importers.text import parse_byline, parse_meta_line


def test_corpus_size_and_sources():
    pages = evaluation.load_corpus("all")
    articles = [p for p in pages if p["is_article"]]
    assert len(articles) == 52
    assert len({p["site"] for p in articles}) == 43
    assert len([p for p in pages if not p["is_article"]]) == 15
    assert all(p["url"].startswith("http") and p["reuse"] for p in pages)
    report_sites = {p["site"] for p in pages if p["split"] == "report"}
    tune_sites = {p["site"] for p in pages if p["split"] == "tune"}
    assert not report_sites & tune_sites  # the report part holds unseen sites


def test_figures_on_the_report_part():
    report = evaluation.evaluate("report")
    fields = report.fields
    assert (report.pages, report.articles, report.listings) == (31, 23, 8)
    assert (fields["headline"].correct, fields["headline"].expected) == (21, 23)
    assert (fields["published"].correct, fields["published"].expected) == (11, 12)
    assert (fields["author"].correct, fields["author"].expected) == (4, 5)
    assert (fields["not_article"].correct, fields["not_article"].expected) == (7, 8)
    # Nothing invented: no date and no author the page does not give.
    assert fields["published"].invented == 0
    assert fields["author"].invented == 0


def test_tune_part_meets_the_date_author_and_page_kind_targets():
    report = evaluation.evaluate("tune")
    assert report.fields["published"].recall >= evaluation.TARGETS["published"]
    assert report.fields["author"].recall >= evaluation.TARGETS["author"]
    assert report.fields["not_article"].recall >= evaluation.TARGETS["not_article"]
    assert report.fields["published"].invented == 0


@pytest.mark.xfail(
    strict=True,
    reason="measured shortfall on unseen sites: headline 0.913, date 0.917, "
    "author 0.800, listing pages 0.875 (docs/portal.md#evaluation-corpus)",
)
def test_report_part_meets_every_target():
    assert evaluation.evaluate("report").shortfalls() == []


def test_import_evaluate_command_prints_every_field(capsys):
    from django.core.management import call_command

    call_command("import_evaluate", "--part", "report")
    out = capsys.readouterr().out
    assert "31 trang, 23 bài, 8 trang danh sách, 24 trang web" in out
    assert "Tiêu đề" in out and "CHƯA ĐẠT" in out


HEAD = "Tây Ninh mở rộng hợp tác nhiều lĩnh vực với các tỉnh của Campuchia"
LEAD = (
    "Trong hai ngày 28 và 29-11, Đoàn công tác của tỉnh Tây Ninh tham dự Hội nghị "
    "Hợp tác và Phát triển các tỉnh biên giới Việt Nam - Campuchia lần thứ 13."
)
BODY = (
    "Tại hội nghị, ông Kiên cho rằng phát triển vùng biên không chỉ là nhiệm vụ "
    "kinh tế mà còn là yêu cầu chính trị, gắn với mục tiêu giữ vững đường biên."
)


def test_headline_carrying_its_date_is_split():
    article = parse_text(f"{HEAD} 29/11/2025 11:57\n\n{LEAD}\n\n{BODY}\n")
    assert article.title == HEAD
    assert article.published.isoformat() == "2025-11-29T11:57:00+07:00"


def test_byline_between_headline_and_date_line():
    article = parse_text(
        f"{HEAD}\n\nGia Huy\n\n18/12/2025 19:42 GMT+7\n\n{LEAD}\n\n{BODY}\n"
    )
    assert (article.title, article.author) == (HEAD, "Gia Huy")


def test_byline_on_the_date_line():
    text = f"{LEAD}\n\n{HEAD}\n\nLê Đình Dũng | 13/10/2017, 19:54\n\n{LEAD}\n\n{BODY}\n"
    article = parse_text(text)
    assert (article.title, article.author) == (HEAD, "Lê Đình Dũng")
    assert article.published == datetime.datetime.fromisoformat(
        "2017-10-13T19:54:00+07:00"
    )


def test_page_furniture_is_not_the_headline():
    text = f"image banner\nTrang chủ Việt kiều\n{HEAD}\naa\n{LEAD}\n\n{BODY}\n"
    assert parse_text(text).title == HEAD


def test_credits_are_sources_not_authors():
    assert parse_byline("Nguồn Tổ Quốc: https://toquoc.vn/a.htm").source == "Tổ Quốc"
    assert parse_byline("Báo Sơn La").author == ""
    assert parse_byline("P.V").author == "P.V"
    assert parse_byline("Tác giả bài viết: Minh Hiển").author == "Minh Hiển"


def test_a_date_in_history_is_not_a_date_line():
    assert parse_meta_line("Ngày 12/11/1936").published is None
    assert parse_meta_line("Ngày 12/11/2023").published == datetime.date(2023, 11, 12)


def test_lead_date_is_not_the_publication_date():
    article = parse_text(f"{HEAD}\n\nNgày 18/5/2021, {LEAD}\n\n{BODY}\n")
    assert article.published is None
    assert "2021-05-18" in article.warnings[-1]


def test_listing_pages():
    teasers = "\n".join(f"VOV.VN - Tin thứ {n}: {LEAD}" for n in range(1, 4))
    assert is_listing(teasers)
    assert is_listing(f"Hà Tĩnh - Cật nhật Tin tức mới nhất\n\n{HEAD}\n\n{LEAD}\n")
    assert not is_listing(f"{HEAD}\n\n18/12/2025 19:42\n\n{LEAD}\n\n{BODY}\n")
