"""Vietnamese text helpers: NFC normalisation, diacritic folding.

Highlights and excerpts are in :mod:`ttdn.core.search.highlight`."""

import datetime as dt
import re
import unicodedata

_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_SPACE_RE = re.compile(r"\s+", re.UNICODE)


def nfc(value: str) -> str:
    """Composed Unicode (NFC), the form every stored Vietnamese string uses."""
    return unicodedata.normalize("NFC", value)


def fold_char(char: str) -> str:
    """One character without its diacritics (``ố`` → ``o``, ``đ`` → ``d``)."""
    decomposed = unicodedata.normalize("NFD", char.translate(_EXTRA_FOLDS))
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base or char


def fold(value: str) -> str:
    """Lower-case text without diacritics: ``Đắk Lắk`` → ``dak lak``.

    Works on NFC and NFD input alike. Used on both sides of every search.
    """
    decomposed = unicodedata.normalize("NFD", value.translate(_EXTRA_FOLDS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).lower()


def fold_aligned(value: str) -> str:
    """Like :func:`fold` but keeps one output character per input character.

    Input must be NFC. Index *i* of the result corresponds to index *i* of the input,
    which lets a match found in folded text be marked in the original.
    """
    return "".join(fold_char(c).lower()[:1] or c for c in value)


def squash_spaces(value: str) -> str:
    return _SPACE_RE.sub(" ", value).strip()


def query_terms(query: str) -> list[str]:
    """Folded words of a search query, longest first, without duplicates."""
    terms = {t for t in _WORD_RE.findall(fold(nfc(query))) if t}
    return sorted(terms, key=lambda t: (-len(t), t))


def format_cell(value) -> str:
    """A table cell in Vietnamese style: numbers with thousands separators
    (1.234; 1.234,5), dates as 27/03/2017, booleans as "x", ``None`` as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        return text.replace(",", "#").replace(".", ",").replace("#", ".")
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return str(value)
