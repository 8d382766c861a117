"""A report generated as DOCX and read back with python-docx: page, fonts and
sizes, the header block, number and date line, headings, signature, "Nơi nhận",
and page numbers that are not on the first page (Decree 30/2020)."""

import datetime as dt
import io

from django.utils import timezone

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ttdn.core.indicators import Period
from ttdn.reports import services
from ttdn.reports.choices import ReportKind
from ttdn.reports.documents.decree30 import date_text, estimate_width_cm, number_text
from ttdn.reports.tests.factories import make_tasks_in_every_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(world):
    make_tasks_in_every_status(world)
    report = services.report_create(
        kind=ReportKind.TTDN_H1,
        period=Period.half(timezone.localdate().year, 1),
        issuing_organisation=world.sngv,
        signer_name="Nguyễn Văn Thử",
        recipients="Ban Chỉ đạo công tác TTĐN tỉnh\nThường trực Tỉnh ủy",
        drafting_unit="HTQT",
        copies=5,
    )
    services.report_issue(
        report, issued_on=dt.date(2026, 7, 5), number=12, user=world.officer
    )
    report.refresh_from_db()
    return report


@pytest.fixture
def document(issued):
    with issued.file.open("rb") as handle:
        return Document(io.BytesIO(handle.read()))


def _runs(paragraphs):
    return [
        run for paragraph in paragraphs for run in paragraph.runs if run.text.strip()
    ]


def _all_paragraphs(document):
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    return found


def test_the_page_is_a4_portrait_with_the_prescribed_margins(document):
    [section] = document.sections
    # DOCX stores lengths in twentieths of a point: compare to 0.1 mm.
    measured = [
        round(length.mm, 1)
        for length in (
            section.page_width,
            section.page_height,
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    ]
    assert measured == [210.0, 297.0, 20.0, 20.0, 30.0, 15.0]
    assert section.page_width < section.page_height


def test_every_run_is_times_new_roman_in_a_prescribed_size(document):
    runs = _runs(_all_paragraphs(document))
    assert runs
    assert {run.font.name for run in runs} == {"Times New Roman"}
    assert {
        run._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for run in runs
    } == {"Times New Roman"}
    assert {run.font.size.pt for run in runs} <= {11.0, 12.0, 13.0, 14.0}


def test_the_header_block(document):
    table = document.tables[0]
    left = list(table.cell(0, 0).paragraphs)
    right = list(table.cell(0, 1).paragraphs)
    # Superior body (regular) over the issuing body (bold), 13 pt, capitals.
    assert [
        (p.text, p.runs[0].font.bold, p.runs[0].font.size.pt) for p in left[:2]
    ] == [
        ("UBND TỈNH THỬ NGHIỆM", False, 13.0),
        ("SỞ NGOẠI VỤ", True, 13.0),
    ]
    # National name (12 pt bold capitals) and motto (13 pt bold).
    assert [
        (p.text, p.runs[0].font.bold, p.runs[0].font.size.pt) for p in right[:2]
    ] == [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, 12.0),
        ("Độc lập - Tự do - Hạnh phúc", True, 13.0),
    ]
    # The short rule under the issuing body: 1/3 to 1/2 of the name's width.
    rule = left[2]
    assert (
        rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "single"
    )
    width = 6.0 - 2 * rule.paragraph_format.left_indent.cm
    name = estimate_width_cm("SỞ NGOẠI VỤ", 13, bold=True)
    assert name / 3 <= width <= name / 2
    # The rule under the motto is as long as the motto.
    motto_rule = right[2]
    motto_width = 10.5 - 2 * motto_rule.paragraph_format.left_indent.cm
    assert motto_width == pytest.approx(
        estimate_width_cm("Độc lập - Tự do - Hạnh phúc", 13, bold=True), abs=0.01
    )


def test_number_code_and_the_italic_date_line(document):
    table = document.tables[0]
    number = table.cell(1, 0).paragraphs[0]
    date = table.cell(1, 1).paragraphs[0]
    assert number.text == "Số: 12/BC-SNgV"
    assert number.runs[0].font.size.pt == 13.0
    assert date.text == "Thử Nghiệm, ngày 05 tháng 7 năm 2026"
    assert (date.runs[0].font.italic, date.runs[0].font.size.pt) == (True, 14.0)


def test_type_subject_and_headings(document):
    texts = [p.text for p in document.paragraphs]
    title = document.paragraphs[texts.index("BÁO CÁO")]
    subject = document.paragraphs[texts.index("BÁO CÁO") + 1]
    assert (title.runs[0].font.bold, title.runs[0].font.size.pt) == (True, 14.0)
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert subject.text.startswith(
        "Kết quả công tác thông tin đối ngoại 6 tháng đầu năm"
    )
    assert subject.runs[0].font.bold
    assert "I. KẾT QUẢ ĐẠT ĐƯỢC" in texts
    assert "1. Công tác lãnh đạo, chỉ đạo, triển khai" in texts
    assert "II. HẠN CHẾ, NGUYÊN NHÂN" in texts
    body = document.paragraphs[texts.index("I. KẾT QUẢ ĐẠT ĐƯỢC") + 2]
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert body.paragraph_format.first_line_indent == Cm(1.27)
    assert body.paragraph_format.space_after == Pt(6)
    assert body.runs[0].font.size.pt == 14.0


def test_signature_and_recipients(document):
    table = document.tables[-1]
    left = [p for p in table.cell(0, 0).paragraphs if p.text]
    right = [p for p in table.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in right] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Thử"]
    assert all(p.runs[0].font.bold and p.runs[0].font.size.pt == 14.0 for p in right)
    assert [p.text for p in left] == [
        "Nơi nhận:",
        "- Ban Chỉ đạo công tác TTĐN tỉnh;",
        "- Thường trực Tỉnh ủy;",
        "- Lưu: VT, HTQT, 05b.",
    ]
    label = left[0].runs[0].font
    assert (label.bold, label.italic, label.size.pt) == (True, True, 12.0)
    assert {p.runs[0].font.size.pt for p in left[1:]} == {11.0}


def test_page_numbers_are_centred_at_the_top_but_not_on_page_one(document):
    [section] = document.sections
    assert section.different_first_page_header_footer is True
    first = section.first_page_header._element.xml
    other = section.header._element.xml
    assert "PAGE" not in first
    assert "<w:instrText" in other and " PAGE " in other
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_a_draft_is_marked_and_has_no_number_or_date(world):
    make_tasks_in_every_status(world)
    report = services.report_create(
        kind=ReportKind.TASK_STATUS,
        period=Period(dt.date(2026, 1, 1), timezone.localdate()),
        issuing_organisation=world.sngv,
    )
    document = Document(io.BytesIO(services.render_document(report)))
    table = document.tables[0]
    assert document.paragraphs[0].text == "DỰ THẢO"
    assert table.cell(1, 0).paragraphs[0].text == "Số:      /BC-SNgV"
    assert table.cell(1, 1).paragraphs[0].text == (
        f"Thử Nghiệm, ngày      tháng      năm {timezone.localdate().year}"
    )


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 7, 5), "Sơn La, ngày 05 tháng 7 năm 2026"),
        (dt.date(2020, 1, 5), "Sơn La, ngày 05 tháng 01 năm 2020"),
        (dt.date(2026, 2, 28), "Sơn La, ngày 28 tháng 02 năm 2026"),
        (dt.date(2026, 3, 10), "Sơn La, ngày 10 tháng 3 năm 2026"),
        (dt.date(2026, 12, 31), "Sơn La, ngày 31 tháng 12 năm 2026"),
    ],
)
def test_leading_zeros_for_days_below_10_and_months_1_and_2(day, expected):
    assert date_text("Sơn La", day) == expected


def test_numbers_below_10_have_a_leading_zero():
    assert number_text(5, "BC-UBND") == "Số: 05/BC-UBND"
    assert number_text(12, "BC-UBND") == "Số: 12/BC-UBND"
    assert number_text(None, "BC-UBND") == "Số:      /BC-UBND"


def test_the_place_is_the_current_name_of_the_unit(world):
    # A body of a province that was merged prints its successor's name.
    from ttdn.directory import services as directory_services
    from ttdn.directory.choices import OrganisationKind
    from ttdn.directory.tests.factories import (
        END_2025,
        OrganisationFactory,
        ProvinceFactory,
    )

    successor = ProvinceFactory(name="Tỉnh Đắk Lắk Thử", code="97")
    old = ProvinceFactory(name="Tỉnh Phú Yên Thử", code="96")
    directory_services.end_unit(old, valid_to=END_2025, successors=[successor])
    body = OrganisationFactory(
        name="Sở Thử", kind=OrganisationKind.DEPARTMENT, administrative_unit=old
    )
    assert services.place_name(body, on=dt.date(2026, 1, 1)) == "Đắk Lắk Thử"
    assert services.place_name(world.sngv) == "Thử Nghiệm"
