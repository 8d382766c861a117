"""A generated report converts to PDF with LibreOffice (skipped when ``soffice``
is not installed):

    soffice --headless --convert-to pdf --outdir OUT report.docx
"""

import datetime as dt
import shutil
import subprocess

from django.utils import timezone

import pytest

from ttdn.core.indicators import Period
from ttdn.reports import services
from ttdn.reports.choices import ReportKind
from ttdn.reports.tests.factories import make_tasks_in_every_status

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        SOFFICE is None, reason="LibreOffice (soffice) is not installed"
    ),
]


def test_a_report_converts_to_a_pdf(world, tmp_path):
    make_tasks_in_every_status(world)
    today = timezone.localdate()
    report = services.report_create(
        kind=ReportKind.TASK_STATUS,
        period=Period(dt.date(today.year, 1, 1), today),
        issuing_organisation=world.sngv,
        signer_name="Nguyễn Văn Thử",
    )
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(services.render_document(report))

    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )

    pdf = tmp_path / "bao-cao.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    if PDFTOTEXT:
        text = subprocess.run(
            [PDFTOTEXT, "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Số:" in text and "/BC-SNgV" in text
        assert "Nguyễn Văn Thử" in text
