"""The reports demo: a draft half-year review to download as DOCX, an issued
annual review with its stored file; a second run changes nothing."""

import io

import pytest
from docx import Document

from ttdn.directory import services as directory_services
from ttdn.directory.demo.loader import load_demo as load_directory
from ttdn.planning.demo.loader import load_demo as load_planning
from ttdn.reports import services
from ttdn.reports.choices import ReportKind
from ttdn.reports.demo.loader import load_demo
from ttdn.reports.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home):
    directory_services.load_reference_data(province_codes=["14"])
    load_directory()
    load_planning()
    return load_demo()


def test_the_half_year_review_downloads_as_a_docx(demo):
    assert demo == 3
    review = Report.objects.get(kind=ReportKind.TTDN_H1)
    document = Document(io.BytesIO(services.render_document(review)))
    texts = [p.text for p in document.paragraphs]
    assert texts[:2] == ["DỰ THẢO", "BÁO CÁO"] or "BÁO CÁO" in texts
    assert document.tables[0].cell(0, 0).paragraphs[0].text == "UBND TỈNH SƠN LA"
    assert document.tables[0].cell(0, 0).paragraphs[1].text == "SỞ NGOẠI VỤ"
    assert "I. KẾT QUẢ ĐẠT ĐƯỢC" in texts


def test_the_annual_review_is_issued_with_an_intact_file(demo):
    annual = Report.objects.get(kind=ReportKind.TTDN_ANNUAL)
    assert annual.is_issued
    assert annual.document_number == "01/BC-SNgV"
    assert annual.place_name == "Sơn La"
    assert services.file_intact(annual)


def test_a_second_run_changes_nothing(demo):
    assert load_demo() == 0
    assert Report.objects.count() == 3
