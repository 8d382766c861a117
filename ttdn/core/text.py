"""Vietnamese text helpers: NFC normalisation, diacritic folding, highlighting."""

import datetime as dt
import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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


def highlight(text: str, query: str) -> SafeString:
    """Escape *text* and wrap every word matching a query term in ``<mark>``.

    Matching ignores diacritics and case, so ``doi ngoai`` marks ``đối ngoại``.
    """
    text = nfc(text or "")
    terms = query_terms(query)
    if not terms or not text:
        return mark_safe(escape(text))
    folded = fold_aligned(text)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(t) for t in terms) + r")", re.UNICODE
    )
    parts: list[str] = []
    position = 0
    for match in pattern.finditer(folded):
        start, end = match.span()
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def excerpt(text: str, query: str, width: int = 240) -> str:
    """A window of *text* around the first query term (or its start)."""
    text = squash_spaces(nfc(text or ""))
    if len(text) <= width:
        return text
    folded = fold_aligned(text)
    first = min(
        (i for i in (folded.find(t) for t in query_terms(query)) if i >= 0),
        default=0,
    )
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return ("… " if start else "") + text[start:end] + (" …" if end < len(text) else "")


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
