"""DOCX documents in the format of Decree 30/2020/NĐ-CP (Annex I) with python-docx
(docs/reports.md#decree-302020-format, docs/domain.md (e)).

What is implemented, with the rule it follows:

* A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (top and
  bottom 20–25, left 30–35, right 15–20);
* Times New Roman throughout, black; body 14 pt (13–14), justified, first line
  indented 1.27 cm, 6 pt after each paragraph, line spacing 1.15 (single to 1.5);
* the header block, two columns without borders: left the superior body (13 pt,
  capitals, regular) over the issuing body (13 pt, capitals, bold) with a short
  solid rule under it (about 40 % of the name's width, within 1/3–1/2), then
  "Số: 12/BC-UBND" (13 pt, numbers below 10 with a leading zero); right the
  national name "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12 pt bold capitals) over the
  motto "Độc lập - Tự do - Hạnh phúc" (13 pt bold) with a rule as long as the
  motto, then the place-and-date line (14 pt italic, "Sơn La, ngày 05 tháng 7 năm
  2026": days below 10 and months 1 and 2 with a leading zero);
* the type ("BÁO CÁO", 14 pt bold capitals) and the subject (14 pt bold) centred,
  a short rule under the subject; "Kính gửi:" when there are addressees;
* body headings "I." (bold capitals), "1." (bold), "a)" (italic), numbered
  automatically;
* the signature block: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"
  (14 pt bold capitals) and the signer's name (14 pt bold); the "Nơi nhận:" block
  on its left (label 12 pt bold italic, list 11 pt, "- Lưu: VT, HTQT.");
* page numbers: Arabic, 14 pt, centred in the top margin, not on the first page
  (a different, empty first-page header).
"""

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from ttdn.core.text import format_cell

FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM = Mm(20), Mm(20)
MARGIN_LEFT, MARGIN_RIGHT = Mm(30), Mm(15)
HEADER_DISTANCE = Mm(10)
TEXT_WIDTH_CM = 16.5  # 210 − 30 − 15 mm

# Sizes (points) — Decree 30/2020, Annex I.
SIZE_BODY = 14
SIZE_BODY_NAMES = 13  # superior and issuing body, cell 2 (12–13)
SIZE_NUMBER = 13  # "Số:", cell 3
SIZE_NATIONAL_NAME = 12  # cell 1 (12–13)
SIZE_MOTTO = 13  # cell 1 (13–14)
SIZE_DATE = 14  # cell 4 (13–14)
SIZE_TYPE = 14  # cell 5a (13–14)
SIZE_SIGNATURE = 14  # cells 7a–7c (13–14)
SIZE_RECIPIENTS_LABEL = 12  # cell 9b
SIZE_RECIPIENTS = 11  # cell 9b
SIZE_PAGE_NUMBER = 14  # 13–14
SIZE_TABLE = 13

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
LEFT_COLUMN_CM = 6.0
RIGHT_COLUMN_CM = TEXT_WIDTH_CM - LEFT_COLUMN_CM
ROMAN = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
]
LETTERS = "abcdđeghiklmnopqrstuvxy"


# --- text rules -----------------------------------------------------------------
def number_text(number: int | None, code: str) -> str:
    """``Số: 05/BC-UBND`` (numbers below 10 padded); a draft has a blank
    number: ``Số:      /BC-UBND``."""
    if number is None:
        return f"Số:      /{code}"
    return f"Số: {number:02d}/{code}"


def date_text(place: str, day: dt.date | None, *, year: int | None = None) -> str:
    """``Sơn La, ngày 05 tháng 7 năm 2026``: a leading zero for days below 10
    and for months 1 and 2 (Decree 30/2020, Annex I, cell 4). Without a day (a
    draft), the day and month are left blank for the signature date."""
    if day is None:
        return f"{place}, ngày      tháng      năm {year or ''}".rstrip()
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def vn_upper(text: str) -> str:
    return (text or "").upper()


def estimate_width_cm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """An estimate of the printed width of *text* in Times New Roman (average
    advance widths by character class, measured on the metric-compatible
    Liberation Serif: capitals ≈ 0.68 em, small letters ≈ 0.47 em)."""
    em = 0.0
    for char in text:
        if char == " ":
            em += 0.25
        elif char in "-.,:;/()":
            em += 0.3
        elif char.isdigit():
            em += 0.5
        elif char.isupper():
            em += 0.72 if bold else 0.68
        else:
            em += 0.5 if bold else 0.47
    return em * size_pt / 72 * 2.54


# --- low-level helpers ----------------------------------------------------------
def _set_run_font(run, *, size: float, bold=False, italic=False):
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.color.rgb = BLACK
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _format_paragraph(
    paragraph,
    *,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    first_line: float | None = None,
    before: float = 0,
    after: float = 0,
    spacing: float = 1.0,
    keep_with_next: bool = False,
):
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(first_line) if first_line else Cm(0)
    fmt.left_indent = Cm(0)
    fmt.right_indent = Cm(0)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = spacing
    fmt.keep_with_next = keep_with_next
    fmt.widow_control = True


def _add_text(paragraph, text: str, *, size: float, bold=False, italic=False):
    run = paragraph.add_run(text)
    _set_run_font(run, size=size, bold=bold, italic=italic)
    return run


def _cell_paragraph(cell, *, first=False):
    return cell.paragraphs[0] if first else cell.add_paragraph()


def _rule(cell_or_document, *, width_cm: float, container_cm: float, first=False):
    """A short solid line, centred: an empty paragraph with a bottom border,
    indented so that the border is *width_cm* long."""
    if hasattr(cell_or_document, "add_paragraph") and first:
        paragraph = cell_or_document.paragraphs[0]
    else:
        paragraph = cell_or_document.add_paragraph()
    width_cm = max(0.5, min(width_cm, container_cm))
    side = max(0.0, (container_cm - width_cm) / 2)
    _format_paragraph(paragraph, spacing=1.0)
    paragraph.paragraph_format.left_indent = Cm(side)
    paragraph.paragraph_format.right_indent = Cm(side)
    # A tiny run keeps the empty line low.
    _set_run_font(paragraph.add_run(""), size=2)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")  # eighths of a point: 0.75 pt
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    ppr.append(borders)
    mark = ppr.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        ppr.append(mark)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")
    mark.append(size)
    paragraph.rule_width_cm = width_cm
    return paragraph


def _no_cell_margins(table):
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        node = OxmlElement(f"w:{side}")
        node.set(qn("w:w"), "0")
        node.set(qn("w:type"), "dxa")
        margins.append(node)
    tbl_pr.append(margins)


def _fixed_widths(table, widths_cm: Sequence[float]):
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for index, width in enumerate(widths_cm):
        table.columns[index].width = Cm(width)
        for cell in table.columns[index].cells:
            cell.width = Cm(width)


def _page_number_field(paragraph):
    """A PAGE field (Arabic numerals)."""

    def _char(kind):
        run = paragraph.add_run()
        _set_run_font(run, size=SIZE_PAGE_NUMBER)
        node = OxmlElement("w:fldChar")
        node.set(qn("w:fldCharType"), kind)
        run._r.append(node)
        return run

    _char("begin")
    instruction = paragraph.add_run()
    _set_run_font(instruction, size=SIZE_PAGE_NUMBER)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = " PAGE "
    instruction._r.append(text)
    _char("separate")
    shown = paragraph.add_run("2")
    _set_run_font(shown, size=SIZE_PAGE_NUMBER)
    _char("end")


# --- the document ---------------------------------------------------------------
@dataclass
class Signature:
    """Decree 30/2020 cells 7a–7c: ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` /
    ``PHÓ CHỦ TỊCH`` / signer."""

    head_position: str
    authority: str = ""  # "", "KT.", "TL.", "TUQ.", "Q."
    collective_name: str = ""
    signer_position: str = ""
    signer_name: str = ""

    def lines(self) -> list[str]:
        lines = []
        if self.collective_name:
            lines.append(f"TM. {vn_upper(self.collective_name)}")
        head = vn_upper(self.head_position)
        if not self.authority:
            lines.append(head)
        elif self.authority == "Q.":
            lines.append(f"Q. {head}")
        else:
            lines.append(f"{self.authority} {head}")
            if self.signer_position:
                lines.append(vn_upper(self.signer_position))
        return lines


@dataclass
class Header:
    issuing_name: str
    code: str
    place: str
    doc_type: str
    subject: str
    superior_name: str = ""
    number: int | None = None
    issued_on: dt.date | None = None
    year: int | None = None
    draft: bool = False


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Paragraph:
    text: str
    italic: bool = False
    bold: bool = False
    indent: bool = True


@dataclass
class Table:
    columns: Sequence[str]
    rows: Sequence[Sequence]
    widths_cm: Sequence[float] = ()
    numeric: Sequence[int] = ()  # column indexes aligned right
    bold_last_row: bool = False
    caption: str = ""


@dataclass
class Decree30Document:
    header: Header
    signature: Signature
    recipients: Sequence[str] = ()
    archive: str = "Lưu: VT."
    addressees: Sequence[str] = ()
    blocks: list = field(default_factory=list)

    # --- content API -------------------------------------------------------------
    def heading(self, level: int, text: str) -> "Decree30Document":
        self.blocks.append(Heading(level, text))
        return self

    def paragraph(self, text: str, **kwargs) -> "Decree30Document":
        self.blocks.append(Paragraph(text, **kwargs))
        return self

    def paragraphs(self, text: str) -> "Decree30Document":
        """One paragraph per non-empty line of *text*."""
        for line in (text or "").splitlines():
            if line.strip():
                self.blocks.append(Paragraph(line.strip()))
        return self

    def table(self, **kwargs) -> "Decree30Document":
        self.blocks.append(Table(**kwargs))
        return self

    # --- rendering ---------------------------------------------------------------
    def render(self) -> bytes:
        document = Document()
        self._setup(document)
        self._draft_mark(document)
        self._header_block(document)
        self._title(document)
        self._addressees(document)
        counters = [0, 0, 0]
        for block in self.blocks:
            if isinstance(block, Heading):
                self._heading(document, block, counters)
            elif isinstance(block, Paragraph):
                self._body_paragraph(document, block)
            elif isinstance(block, Table):
                self._table(document, block)
        self._signature_block(document)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    def _setup(self, document):
        properties = document.core_properties
        properties.title = f"{self.header.doc_type} {self.header.subject}"
        properties.author = self.header.issuing_name
        properties.language = "vi-VN"
        # Fixed metadata times keep a rendering reproducible.
        stamp = dt.datetime.combine(
            self.header.issued_on or dt.date(self.header.year or 2000, 1, 1),
            dt.time(0, 0),
        )
        properties.created = stamp
        properties.modified = stamp
        properties.last_modified_by = ""
        properties.revision = 1

        section = document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
        section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
        section.header_distance = HEADER_DISTANCE
        section.footer_distance = HEADER_DISTANCE

        normal = document.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(SIZE_BODY)
        normal.font.color.rgb = BLACK
        fonts = normal.element.rPr.find(qn("w:rFonts"))
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), "vi-VN")
        normal.element.rPr.append(language)

        # Page numbers: centred at the top, not on the first page.
        section.different_first_page_header_footer = True
        first = section.first_page_header.paragraphs[0]
        _format_paragraph(first)
        header = section.header.paragraphs[0]
        _format_paragraph(header)
        _page_number_field(header)

    def _draft_mark(self, document):
        if not self.header.draft:
            return
        paragraph = document.add_paragraph()
        _format_paragraph(paragraph, align=WD_ALIGN_PARAGRAPH.LEFT, after=3)
        _add_text(paragraph, "DỰ THẢO", size=SIZE_BODY_NAMES, bold=True)

    def _header_block(self, document):
        header = self.header
        table = document.add_table(rows=2, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _no_cell_margins(table)
        _fixed_widths(table, (LEFT_COLUMN_CM, RIGHT_COLUMN_CM))
        left, right = table.cell(0, 0), table.cell(0, 1)

        # Left column: superior body, issuing body, rule.
        lines = []
        if header.superior_name:
            lines.append((vn_upper(header.superior_name), False))
        lines.append((vn_upper(header.issuing_name), True))
        for index, (text, bold) in enumerate(lines):
            paragraph = _cell_paragraph(left, first=index == 0)
            _format_paragraph(paragraph)
            for part_index, part in enumerate(text.split("\n")):
                if part_index:
                    paragraph.add_run().add_break()
                _add_text(paragraph, part, size=SIZE_BODY_NAMES, bold=bold)
        longest = max(
            estimate_width_cm(part, SIZE_BODY_NAMES, bold=True)
            for part in vn_upper(header.issuing_name).split("\n")
        )
        _rule(
            left,
            width_cm=0.4 * min(longest, LEFT_COLUMN_CM),
            container_cm=LEFT_COLUMN_CM,
        )

        # Right column: national name, motto, rule as long as the motto.
        paragraph = _cell_paragraph(right, first=True)
        _format_paragraph(paragraph)
        _add_text(paragraph, NATIONAL_NAME, size=SIZE_NATIONAL_NAME, bold=True)
        paragraph = _cell_paragraph(right)
        _format_paragraph(paragraph)
        _add_text(paragraph, MOTTO, size=SIZE_MOTTO, bold=True)
        _rule(
            right,
            width_cm=estimate_width_cm(MOTTO, SIZE_MOTTO, bold=True),
            container_cm=RIGHT_COLUMN_CM,
        )

        # Second row: number and code; place and date.
        paragraph = _cell_paragraph(table.cell(1, 0), first=True)
        _format_paragraph(paragraph, before=6)
        _add_text(paragraph, number_text(header.number, header.code), size=SIZE_NUMBER)
        paragraph = _cell_paragraph(table.cell(1, 1), first=True)
        _format_paragraph(paragraph, before=6)
        _add_text(
            paragraph,
            date_text(header.place, header.issued_on, year=header.year),
            size=SIZE_DATE,
            italic=True,
        )

    def _title(self, document):
        paragraph = document.add_paragraph()
        _format_paragraph(paragraph, before=18, keep_with_next=True)
        _add_text(paragraph, vn_upper(self.header.doc_type), size=SIZE_TYPE, bold=True)
        paragraph = document.add_paragraph()
        _format_paragraph(paragraph, keep_with_next=True)
        _add_text(paragraph, self.header.subject, size=SIZE_TYPE, bold=True)
        width = min(
            estimate_width_cm(self.header.subject, SIZE_TYPE, bold=True), TEXT_WIDTH_CM
        )
        rule = _rule(document, width_cm=0.4 * width, container_cm=TEXT_WIDTH_CM)
        rule.paragraph_format.space_after = Pt(12)

    def _addressees(self, document):
        names = [a.strip() for a in self.addressees if a.strip()]
        if not names:
            return
        if len(names) == 1:
            paragraph = document.add_paragraph()
            _format_paragraph(paragraph, after=6)
            _add_text(paragraph, f"Kính gửi: {names[0]}.", size=SIZE_BODY)
            return
        paragraph = document.add_paragraph()
        _format_paragraph(paragraph, align=WD_ALIGN_PARAGRAPH.LEFT)
        paragraph.paragraph_format.left_indent = Cm(3.5)
        _add_text(paragraph, "Kính gửi:", size=SIZE_BODY)
        for index, name in enumerate(names):
            paragraph = document.add_paragraph()
            last = index == len(names) - 1
            _format_paragraph(
                paragraph, align=WD_ALIGN_PARAGRAPH.LEFT, after=6 if last else 0
            )
            paragraph.paragraph_format.left_indent = Cm(5.5)
            _add_text(paragraph, f"- {name}{'.' if last else ';'}", size=SIZE_BODY)

    def _heading(self, document, block: Heading, counters: list[int]):
        level = min(max(block.level, 1), 3)
        counters[level - 1] += 1
        for deeper in range(level, 3):
            counters[deeper] = 0
        number = counters[level - 1]
        paragraph = document.add_paragraph()
        _format_paragraph(
            paragraph,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            first_line=1.27,
            before=6,
            after=6,
            spacing=1.15,
            keep_with_next=True,
        )
        if level == 1:
            text = f"{ROMAN[(number - 1) % len(ROMAN)]}. {vn_upper(block.text)}"
            _add_text(paragraph, text, size=SIZE_BODY, bold=True)
        elif level == 2:
            _add_text(paragraph, f"{number}. {block.text}", size=SIZE_BODY, bold=True)
        else:
            letter = LETTERS[(number - 1) % len(LETTERS)]
            _add_text(paragraph, f"{letter}) {block.text}", size=SIZE_BODY, italic=True)

    def _body_paragraph(self, document, block: Paragraph):
        paragraph = document.add_paragraph()
        _format_paragraph(
            paragraph,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            first_line=1.27 if block.indent else None,
            after=6,
            spacing=1.15,
        )
        _add_text(
            paragraph, block.text, size=SIZE_BODY, bold=block.bold, italic=block.italic
        )

    def _table(self, document, block: Table):
        if block.caption:
            paragraph = document.add_paragraph()
            _format_paragraph(paragraph, after=3, keep_with_next=True)
            _add_text(paragraph, block.caption, size=SIZE_TABLE, italic=True)
        columns = len(block.columns)
        table = document.add_table(rows=1 + len(block.rows), cols=columns)
        table.style = document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        widths = list(block.widths_cm) or [TEXT_WIDTH_CM / columns] * columns
        _fixed_widths(table, widths)
        for index, title in enumerate(block.columns):
            cell = table.cell(0, index)
            paragraph = cell.paragraphs[0]
            _format_paragraph(paragraph, before=2, after=2)
            _add_text(paragraph, str(title), size=SIZE_TABLE, bold=True)
        # The header row repeats on every page.
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
        for row_index, row in enumerate(block.rows, start=1):
            bold = block.bold_last_row and row_index == len(block.rows)
            for index, value in enumerate(row):
                paragraph = table.cell(row_index, index).paragraphs[0]
                numeric = index in block.numeric
                _format_paragraph(
                    paragraph,
                    align=WD_ALIGN_PARAGRAPH.RIGHT
                    if numeric
                    else WD_ALIGN_PARAGRAPH.LEFT,
                    before=2,
                    after=2,
                )
                _add_text(paragraph, format_cell(value), size=SIZE_TABLE, bold=bold)
        spacer = document.add_paragraph()
        _format_paragraph(spacer, after=6)

    def _signature_block(self, document):
        table = document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _no_cell_margins(table)
        _fixed_widths(table, (8.0, TEXT_WIDTH_CM - 8.0))
        left, right = table.cell(0, 0), table.cell(0, 1)

        paragraph = _cell_paragraph(left, first=True)
        _format_paragraph(paragraph, align=WD_ALIGN_PARAGRAPH.LEFT, before=12)
        _add_text(
            paragraph, "Nơi nhận:", size=SIZE_RECIPIENTS_LABEL, bold=True, italic=True
        )
        items = [r.strip() for r in self.recipients if r.strip()]
        for item in items:
            paragraph = _cell_paragraph(left)
            _format_paragraph(paragraph, align=WD_ALIGN_PARAGRAPH.LEFT)
            _add_text(paragraph, f"- {item.rstrip(';.')};", size=SIZE_RECIPIENTS)
        paragraph = _cell_paragraph(left)
        _format_paragraph(paragraph, align=WD_ALIGN_PARAGRAPH.LEFT)
        _add_text(paragraph, f"- {self.archive}", size=SIZE_RECIPIENTS)

        for index, line in enumerate(self.signature.lines()):
            paragraph = _cell_paragraph(right, first=index == 0)
            _format_paragraph(paragraph, before=12 if index == 0 else 0)
            _add_text(paragraph, line, size=SIZE_SIGNATURE, bold=True)
        # Room for the signature and the seal.
        for _i in range(4):
            paragraph = _cell_paragraph(right)
            _format_paragraph(paragraph)
            _add_text(paragraph, "", size=SIZE_SIGNATURE)
        paragraph = _cell_paragraph(right)
        _format_paragraph(paragraph)
        _add_text(paragraph, self.signature.signer_name, size=SIZE_SIGNATURE, bold=True)
