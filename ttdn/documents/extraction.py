"""Text of a document's file, for search: PDF through pypdf, DOCX through
python-docx, plain text as it is. A file that cannot be read gives no text
(the document is still filed; search then finds it by its fields only)."""

import io
import logging

from ttdn.core.text import nfc, squash_spaces

logger = logging.getLogger(__name__)

# Enough for any administrative document; a scanned 300-page annex is cut.
MAX_PAGES = 200
MAX_CHARS = 300_000


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts = []
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES:
            break
        parts.append(page.extract_text() or "")
    return "\n".join(parts)


def _docx(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _txt(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


READERS = {"pdf": _pdf, "docx": _docx, "txt": _txt}


def extract_text(data: bytes, extension: str) -> str:
    """The text of a file's *data* (NFC, spaces squashed, at most MAX_CHARS);
    empty for a type without a reader or a file that cannot be read."""
    reader = READERS.get(extension.lower().lstrip("."))
    if reader is None:
        return ""
    try:
        text = reader(data)
    except Exception as error:  # a damaged or encrypted file: no text
        logger.warning(
            "Could not read the text of a .%s file: %s", extension, type(error).__name__
        )
        return ""
    return squash_spaces(nfc(text))[:MAX_CHARS]


def file_text(document) -> str:
    """The text of a Wagtail document's file."""
    with document.open_file() as handle:
        data = handle.read()
    return extract_text(data, document.file_extension)
