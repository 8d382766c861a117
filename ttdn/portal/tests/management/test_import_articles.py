import json
import shutil
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from ttdn.portal.demo.content import SEEDS_DIR
from ttdn.portal.models import ArticlePage
from ttdn.portal.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db

SEED_000 = SEEDS_DIR / "000_753c8b9398f451b8.txt"
SEED_003 = SEEDS_DIR / "003_452e74658c99dd9b.txt"
SEED_004 = SEEDS_DIR / "004_392c24ca53242d86.txt"


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Thông tin đối ngoại", slug="ttdn")


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_json_prints_one_object_per_file_and_creates_nothing(section):
    out, _ = run(SEED_000, SEED_004, "--section", "ttdn", "--dry-run", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["path"] for line in lines] == [str(SEED_000), str(SEED_004)]
    first, second = lines
    assert first["title"] == (
        "Đẩy mạnh công tác thông tin đối ngoại trên địa bàn tỉnh Sơn La"
    )
    assert first["published"] == "2017-01-24T07:00:00+07:00"
    assert first["author"] == "Lê Hồng"
    assert first["category"] == "Thông tin đối ngoại"
    assert isinstance(first["paragraphs"], list) and first["warnings"] == []
    assert second["source"] == "Cổng thông tin điện tử Phú Yên"
    assert second["published"] == "2020-01-20T09:34:22+07:00"
    assert set(first) >= {
        "path",
        "title",
        "published",
        "author",
        "source",
        "category",
        "paragraphs",
        "warnings",
    }
    assert not ArticlePage.objects.exists()


def test_import_creates_published_article_with_metadata(client, section):
    out, _ = run(SEED_004, "--section", "ttdn")
    article = ArticlePage.objects.get()
    assert article.live
    assert article.title == "Hoạt động thông tin đối ngoại tỉnh Phú Yên năm 2020"
    assert article.author == "Thủy Loan"
    assert article.poster == "Trình Minh Ky"
    assert article.source == "Cổng thông tin điện tử Phú Yên"
    assert article.published_at.isoformat() == "2020-01-20T02:34:22+00:00"
    assert article.lead.startswith("UBND tỉnh vừa ban hành Kế hoạch")
    assert "1 / 1 tệp đã xử lý, 0 lỗi." in out
    html = client.get(article.url).content.decode()
    assert "Thứ Hai, 20/01/2020 09:34 (GMT+7)" in html


def test_date_only_article_keeps_only_its_date(section, tmp_path):
    # Seed 003 with a date line (no time) under its headline.
    headline, rest = SEED_003.read_text(encoding="utf-8").split("\n", 1)
    dated = tmp_path / "003_dated.txt"
    dated.write_text(f"{headline}\nNgày 06/07/2018\n{rest}", encoding="utf-8")
    out, _ = run(dated, "--section", "ttdn", "--source", "Báo Lai Châu")
    article = ArticlePage.objects.get()
    assert article.published_time_known is False
    assert article.display_date_text == "Thứ Sáu, 06/07/2018"
    assert article.source == "Báo Lai Châu"
    assert [b.block_type for b in article.body].count("caption") == 2
    assert "  ! " in out  # the warning (no category line) is shown


def test_undated_article_is_imported_without_a_date(section):
    out, _ = run(SEED_003, "--section", "ttdn")
    article = ArticlePage.objects.get()
    assert article.published_at is None
    assert "the lead dates the event 2018-07-06" in out or "2018-07-06" in out


def test_date_from_lead_is_an_explicit_choice(section):
    run(SEED_003, "--section", "ttdn", "--date-from-lead")
    article = ArticlePage.objects.get()
    assert article.display_date_text == "Thứ Sáu, 06/07/2018"
    assert article.published_time_known is False


def test_reimport_creates_no_duplicate(section):
    run(SEED_000, "--section", "ttdn")
    out, _ = run(SEED_000, "--section", "ttdn")
    assert ArticlePage.objects.count() == 1
    assert "đã được nhập trước đó" in out


def test_bad_files_are_reported_while_good_ones_import(section, tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "anh.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    good = tmp_path / "tot.txt"
    shutil.copy(SEED_000, good)
    with pytest.raises(CommandError) as error:
        run(empty, binary, good, "--section", "ttdn")
    assert error.value.returncode == 1
    assert ArticlePage.objects.count() == 1
    assert "2 tệp không nhập được." in str(error.value)


def test_error_lines_name_path_and_reason(section, tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    from io import StringIO

    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_articles",
            str(empty),
            "--section",
            "ttdn",
            stdout=StringIO(),
            stderr=err,
        )
    line = err.getvalue().strip()
    assert line.startswith(f"✗ {empty}: ")
    assert len(line) > len(f"✗ {empty}: ")


def test_json_output_reports_errors_per_file(section, tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    from io import StringIO

    out = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_articles",
            str(empty),
            str(SEED_000),
            "--section",
            "ttdn",
            "--json",
            stdout=out,
            stderr=StringIO(),
        )
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0]["path"] == str(empty) and lines[0]["status"] == "error"
    assert lines[0]["error"]
    assert lines[1]["status"] == "created" and lines[1]["page_id"]


def test_unknown_section_is_a_clear_error(section):
    with pytest.raises(CommandError) as error:
        run(SEED_000, "--section", "khong-co")
    assert "--section" in str(error.value) and "khong-co" in str(error.value)
    assert "ttdn" in str(error.value)


def test_draft_option_keeps_article_unpublished(section):
    run(SEED_000, "--section", "ttdn", "--draft")
    assert not ArticlePage.objects.get().live


def test_html_format_imports_saved_page(section, tmp_path):
    page = Path(tmp_path / "bai.html")
    page.write_text(
        """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
        <title>Sơn La đón đoàn công tác tỉnh Luang Prabang | Cổng TTĐT</title>
        <meta property="article:published_time" content="2026-03-02T08:15:00+07:00">
        </head><body><nav>Trang chủ | Tin tức</nav><article>
        <h1>Sơn La đón đoàn công tác tỉnh Luang Prabang</h1>
        <p>Ngày 2/3, UBND tỉnh Sơn La tiếp đoàn công tác của tỉnh Luang Prabang
        (Lào) do Phó Tỉnh trưởng dẫn đầu sang thăm và làm việc.</p>
        <p>Hai bên trao đổi về hợp tác nông nghiệp, giáo dục và thương mại biên
        giới trong năm 2026, thống nhất tăng cường trao đổi đoàn các cấp.</p>
        <p>Tác giả: Minh Anh</p><script>alert(1)</script></article>
        <footer>Thống kê truy cập</footer></body></html>""",
        encoding="utf-8",
    )
    run(page, "--section", "ttdn", "--format", "html")
    article = ArticlePage.objects.get()
    assert article.title == "Sơn La đón đoàn công tác tỉnh Luang Prabang"
    assert article.published_at.isoformat() == "2026-03-02T01:15:00+00:00"
    text = article.plain_text
    assert "alert" not in text and "<script" not in text
