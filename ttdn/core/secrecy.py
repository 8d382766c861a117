"""No state secrets on an internet-facing system (docs/security.md#state-secrets).

The Law on Protection of State Secrets (29/2018/QH14) and Decree 26/2020/NĐ-CP
forbid keeping or sending state secrets on a system connected to the internet; a
secret document carries its secrecy stamp ("MẬT", "TỐI MẬT", "TUYỆT MẬT") as a
line of its own. Every upload is read here and refused when such a stamp line
is found in a DOCX (body, tables, headers), PDF (text of the first pages), XLSX
(cells of the first rows) or text file; the uploader also declares the file
holds no state secret (``forms.NoSecretsDeclarationMixin``).
"""

import io
import re
import unicodedata
import zipfile

STAMPS = ("TUYỆT MẬT", "TỐI MẬT", "MẬT")
# A stamp line: the stamp alone, possibly framed or followed by a copy number
# ("MẬT", "- TỐI MẬT -", "TUYỆT MẬT   Bản số: 02").
STAMP_LINE = re.compile(
    r"^[\s\W_]*(TUYỆT MẬT|TỐI MẬT|MẬT)[\s\W_]*(?:(?i:bản số)\W*\d+)?[\s\W_]*$"
)
PDF_PAGES = 3
XLSX_ROWS = 30
TEXT_BYTES = 2 * 1024 * 1024


class SecrecyStamp(Exception):
    def __init__(self, stamp: str):
        super().__init__(stamp)
        self.stamp = stamp


def stamp_in_lines(lines) -> str | None:
    for line in lines:
        text = unicodedata.normalize("NFC", str(line or "")).strip()
        if not text or len(text) > 40:
            continue
        match = STAMP_LINE.match(text)
        if match:
            return match.group(1)
    return None


def _lines(text: str):
    return text.splitlines()


def _docx_lines(data: bytes):
    import docx

    document = docx.Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        yield from _lines(paragraph.text)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from _lines(cell.text)
    for section in document.sections:
        for part in (section.header, section.first_page_header):
            for paragraph in part.paragraphs:
                yield from _lines(paragraph.text)
            for table in part.tables:
                for row in table.rows:
                    for cell in row.cells:
                        yield from _lines(cell.text)


def _pdf_lines(data: bytes):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages[:PDF_PAGES]:
        yield from _lines(page.extract_text() or "")


def _xlsx_lines(data: bytes):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            for row in sheet.iter_rows(max_row=XLSX_ROWS, values_only=True):
                for value in row:
                    if isinstance(value, str):
                        yield from _lines(value)
    finally:
        book.close()


def _text_lines(data: bytes):
    for encoding in ("utf-8-sig", "utf-16", "cp1258"):
        try:
            return _lines(data[:TEXT_BYTES].decode(encoding))
        except UnicodeDecodeError:
            continue
    return []


def find_stamp(name: str, data: bytes) -> str | None:
    """The secrecy stamp found in a file's text (None: none, or a format not
    read). A file that cannot be parsed is left to the format checks."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    readers = {
        "docx": _docx_lines,
        "pdf": _pdf_lines,
        "xlsx": _xlsx_lines,
        "txt": _text_lines,
        "csv": _text_lines,
        "md": _text_lines,
    }
    reader = readers.get(extension)
    if reader is None:
        return None
    try:
        return stamp_in_lines(reader(data))
    except (zipfile.BadZipFile, ValueError, KeyError, OSError, Exception):
        return None


def check_upload(upload) -> None:
    """Raise :class:`SecrecyStamp` when *upload* (a Django UploadedFile) carries
    a secrecy stamp."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    data = upload.read()
    upload.seek(position)
    stamp = find_stamp(upload.name or "", data)
    if stamp:
        raise SecrecyStamp(stamp)


def check_text(text: str) -> None:
    stamp = stamp_in_lines(_lines(text or ""))
    if stamp:
        raise SecrecyStamp(stamp)
