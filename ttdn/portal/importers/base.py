"""Shared pieces of the article importers: the result type, the error and file input.

``read_input`` turns a file on disk into NFC text or refuses it with an
:class:`ArticleParseError` whose reason is translated (English msgids, the
product's default language is Vietnamese):

* missing, unreadable or not a regular file;
* 0 bytes, or nothing but whitespace once decoded;
* larger than ``max_bytes`` (checked with ``stat`` before anything is read);
* binary: a NUL byte, or more than 10 % control bytes;
* undecodable: not UTF-8 (with or without BOM, or UTF-16 with a BOM) and no
  legacy single-byte encoding gives sensible text.

Legacy decoding takes Windows-1258 when it gives combining tone marks and
every one of them follows a Vietnamese vowel (``a ă â e ê i o ô ơ u ư y``);
otherwise Windows-1252, then Windows-1258 as a last resort, each only when the
result is mostly letters with few symbols or control characters. Windows-1258
writes tone marks as combining characters, so the result is always NFC-normalised.
"""

import datetime
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from ttdn.core.text import nfc, squash_spaces

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# Characters that take no room on screen; they are dropped from every string.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Control bytes that never occur in text files (tab, newlines and form feed do).
_CONTROL_BYTES = frozenset(set(range(32)) - {9, 10, 12, 13} | {127})
_BINARY_CONTROL_RATIO = 0.10
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VIETNAMESE_VOWELS = frozenset("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")


def clean(value: str) -> str:
    """NFC, no invisible characters, whitespace runs (incl. nbsp) squashed, stripped."""
    return squash_spaces(nfc(value).translate(_INVISIBLE))


@dataclass
class ParsedArticle:
    path: str
    title: str
    # Aware datetime (Asia/Ho_Chi_Minh) when a time is known, a date when only
    # the day is known, None when unknown.
    published: datetime.datetime | datetime.date | None
    author: str = ""
    source: str = ""
    poster: str = ""
    category: str = ""
    paragraphs: list[str] = field(default_factory=list)
    blocks: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # The date that opens the lead ("Ngày 6/7 … năm 2018"): the day of the event,
    # never taken as the publication date by the parser; an importer may use it
    # when asked to (``import_articles --date-from-lead``).
    lead_date: datetime.date | None = None

    def with_lead_date(self) -> "ParsedArticle":
        """Use the lead's date as the publication date when the page has none."""
        if self.published is None and self.lead_date is not None:
            self.published = self.lead_date
        return self

    @property
    def captions(self) -> list[str]:
        return [text for kind, text in self.blocks if kind == "caption"]

    def published_iso(self) -> str | None:
        if self.published is None:
            return None
        return self.published.isoformat()

    def as_json(self) -> dict:
        return {
            "path": self.path,
            "title": self.title,
            "published": self.published_iso(),
            "author": self.author,
            "source": self.source,
            "poster": self.poster,
            "category": self.category,
            "paragraphs": list(self.paragraphs),
            "captions": self.captions,
            "warnings": list(self.warnings),
        }


class ArticleParseError(Exception):
    def __init__(self, path: str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def read_input(path: str | Path, *, max_bytes: int) -> str:
    """Read a file and return NFC text, or raise :class:`ArticleParseError`."""
    name = str(path)
    data = _read_bytes(Path(path), name, max_bytes)
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleParseError(
            name, _("The file looks binary: it contains NUL bytes.")
        )
    text = _decode(data, name)
    if not text.strip():
        raise ArticleParseError(name, _("The file contains only whitespace."))
    return nfc(text)


def _read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ArticleParseError(name, _("Not a regular file."))
        if size == 0:
            raise ArticleParseError(name, _("The file is empty."))
        if size > max_bytes:
            raise ArticleParseError(name, _too_large(size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as error:
        raise ArticleParseError(name, _("File not found.")) from error
    except OSError as error:
        raise ArticleParseError(
            name,
            _("Cannot read the file: %(error)s") % {"error": error.strerror or error},
        ) from error
    if len(data) > max_bytes:  # grew after stat()
        raise ArticleParseError(name, _too_large(len(data), max_bytes))
    if not data:
        raise ArticleParseError(name, _("The file is empty."))
    return data


def _too_large(size: int, limit: int) -> str:
    return _(
        "The file is too large: %(size)s bytes (the limit is %(limit)s bytes)."
    ) % {
        "size": size,
        "limit": limit,
    }


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ArticleParseError(name, _undecodable()) from error
    controls = sum(1 for byte in data if byte in _CONTROL_BYTES)
    if controls > len(data) * _BINARY_CONTROL_RATIO:
        raise ArticleParseError(
            name, _("The file looks binary: it is mostly control characters.")
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = _decode_legacy(data)
    if text is None:
        raise ArticleParseError(name, _undecodable())
    return text


def _undecodable() -> str:
    return _("Cannot decode the file as UTF-8, Windows-1258 or Windows-1252 text.")


def _decode_legacy(data: bytes) -> str | None:
    candidates = {}
    for encoding in ("cp1258", "cp1252"):
        try:
            candidates[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raw = candidates.get("cp1258")
    if raw is not None and _is_vietnamese(raw) and _is_sensible(nfc(raw)):
        return nfc(raw)
    for text in (candidates.get("cp1252"), raw):
        if text is not None and _is_sensible(nfc(text)):
            return nfc(text)
    return None


def _is_vietnamese(raw: str) -> bool:
    """cp1258-decoded text with tone marks, each written after a vowel."""
    tones = 0
    for previous, char in zip(" " + raw, raw, strict=False):
        if char in _TONE_MARKS:
            if previous not in _VIETNAMESE_VOWELS:
                return False
            tones += 1
    return tones > 0


def _is_sensible(text: str) -> bool:
    """Mostly letters, digits, spaces and ordinary punctuation."""
    visible = [char for char in text if not char.isspace()]
    if not visible:
        return True
    odd = sum(1 for char in visible if unicodedata.category(char)[0] in "CSM")
    letters = sum(1 for char in visible if char.isalnum())
    return odd <= len(visible) * 0.05 and letters >= len(visible) * 0.5
