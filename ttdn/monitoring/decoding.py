"""Bytes → text for fetched pages, including the legacy encodings Vietnamese sites
still use.

Order: a byte-order mark wins; then, when the bytes are valid UTF-8 and not plain
ASCII, UTF-8 (a page labelled ISO-8859-1 or Windows-1252 that decodes as UTF-8 is
mislabelled: real Latin-1 text is almost never valid UTF-8); then the charset of the
``Content-Type`` header, then the one in a ``<meta>`` tag or XML declaration; then a
guess by charset-normalizer. Windows-1258 writes tone marks as combining characters
(``ê`` + U+0301), so every result is normalised to NFC (``ế``).
"""

import codecs
import re

from ttdn.core.text import nfc

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(
    rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# WHATWG: a page labelled Latin-1 is decoded as Windows-1252.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1258": "cp1258",
    "x-viet-windows": "cp1258",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "ignore") if match else None


def decode(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """The text of *data* (NFC) and the codec used."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return nfc(data[len(bom) :].decode(name, errors="replace")), name
    if not data.isascii():
        try:
            return nfc(data.decode("utf-8")), "utf-8"
        except UnicodeDecodeError:
            pass
    for label in (header_charset(content_type), declared_charset(data)):
        name = _codec(label)
        if name is None or name == "utf-8":
            continue
        try:
            return nfc(data.decode(name)), name
        except UnicodeDecodeError:
            continue
    if data.isascii():
        return data.decode("ascii"), "ascii"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return nfc(str(best)), best.encoding
    return nfc(data.decode("utf-8", errors="replace")), "utf-8"


def encode_cp1258(text: str) -> bytes:
    """Vietnamese text in Windows-1258 (the tone marks as combining characters).
    Used to build test pages; the decoder above reads them back."""
    out = bytearray()
    import unicodedata

    for char in nfc(text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        # cp1258 has the vowels with their shape marks precomposed (â ê ô ơ ư ă)
        # and the tone marks as combining characters: combine the base with the
        # mark that gives a cp1258 letter, keep the others combining.
        for index, mark in enumerate(marks):
            head = unicodedata.normalize("NFC", base + mark)
            rest = marks[:index] + marks[index + 1 :]
            try:
                out += head.encode("cp1258") + rest.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += decomposed.encode("cp1258", errors="replace")
    return bytes(out)
