"""``manage.py generate_report``: DOCX and XLSX of a period; a bad kind, period
or path is refused with a clear message and writes nothing."""

import io

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

import pytest
from docx import Document
from openpyxl import load_workbook

from ttdn.reports.models import Report
from ttdn.reports.tests.factories import make_tasks_in_every_status

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("generate_report", *args, stdout=out)
    return out.getvalue()


def test_writes_a_half_year_review_as_docx(world, tmp_path):
    make_tasks_in_every_status(world)
    target = tmp_path / "so-ket.docx"
    year = timezone.localdate().year

    output = run(
        "ttdn_h1",
        "--from",
        f"{year}-01-01",
        "--to",
        f"30/06/{year}",
        "--output",
        str(target),
    )

    document = Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts
    assert "I. KẾT QUẢ ĐẠT ĐƯỢC" in texts
    assert texts[0] == "DỰ THẢO"
    assert output.startswith(f"Đã ghi {target}: Báo cáo sơ kết 6 tháng công tác TTĐN")
    assert Report.objects.count() == 0
    assert [p.name for p in tmp_path.iterdir()] == ["so-ket.docx"]


def test_writes_the_task_status_spreadsheet(world, tmp_path):
    make_tasks_in_every_status(world)
    target = tmp_path / "nhiem-vu.xlsx"
    year = timezone.localdate().year
    run(
        "task_status",
        "--from",
        f"{year}-01-01",
        "--to",
        f"{timezone.localdate():%Y-%m-%d}",
        "--output",
        str(target),
    )
    book = load_workbook(target)
    assert book.sheetnames == ["Theo đơn vị", "Chi tiết"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["bao_cao_khac", "--from", "2026-01-01", "--to", "2026-06-30"],
            "Không có loại báo cáo “bao_cao_khac”; chọn một trong: ttdn_h1, "
            "ttdn_annual, foreign_affairs, task_status.",
        ),
        (
            ["ttdn_h1", "--from", "31/02/2026", "--to", "2026-06-30"],
            "--from: “31/02/2026” không phải là ngày; hãy viết dạng 2026-06-30 hoặc "
            "30/06/2026.",
        ),
        (
            ["ttdn_h1", "--from", "2026-07-01", "--to", "2026-06-30"],
            "Kỳ báo cáo: ngày cuối (30/06/2026) trước ngày đầu (01/07/2026).",
        ),
        (
            ["ttdn_h1", "--from", "2026-01-01", "--to", "2026-06-30", "--xlsx"],
            None,
        ),
    ],
)
def test_bad_kind_or_period_is_refused(world, tmp_path, args, message):
    target = tmp_path / "out.docx"
    if message is None:
        target = tmp_path / "out.xlsx"
        args = args[:-1]
        message = (
            "--output: báo cáo “ttdn_h1” không có dạng bảng tính; hãy ghi tệp .docx."
        )
    with pytest.raises(CommandError) as caught:
        run(*args, "--output", str(target))
    assert str(caught.value) == message
    assert list(tmp_path.iterdir()) == []


def test_bad_paths_are_refused(world, tmp_path):
    period = ["ttdn_h1", "--from", "2026-01-01", "--to", "2026-06-30"]
    with pytest.raises(CommandError) as caught:
        run(*period, "--output", str(tmp_path / "missing" / "out.docx"))
    assert (
        str(caught.value)
        == f"--output: thư mục “{tmp_path / 'missing'}” không tồn tại."
    )
    with pytest.raises(CommandError) as caught:
        run(*period, "--output", str(tmp_path / "out.pdf"))
    assert (
        str(caught.value)
        == f"--output: “{tmp_path / 'out.pdf'}” phải có phần mở rộng .docx hoặc .xlsx."
    )
    existing = tmp_path / "old.docx"
    existing.write_bytes(b"old")
    with pytest.raises(CommandError):
        run(*period, "--output", str(existing))
    assert existing.read_bytes() == b"old"
    run(*period, "--output", str(existing), "--overwrite")
    assert existing.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.docx"]
