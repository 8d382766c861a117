"""Whole-syllable highlights and excerpts around the best phrase match."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ttdn.core.text import fold, nfc, squash_spaces

from .vietnamese import SYLLABLE_RE, ParsedQuery, parse


def _tokens(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, exact lower, folded) of every syllable of an NFC text."""
    matches = list(SYLLABLE_RE.finditer(text))
    # Fold the whole text once (it keeps syllable boundaries), else one by one.
    folded = SYLLABLE_RE.findall(fold(text))
    if len(folded) != len(matches):
        folded = [fold(m.group()) for m in matches]
    return [
        (m.start(), m.end(), m.group().lower(), f)
        for m, f in zip(matches, folded, strict=True)
    ]


def _marked_syllables(query: ParsedQuery):
    marked = [s for s in query.syllables if not query.is_stop(s)] or query.syllables
    return {s.exact for s in marked}, {s.folded for s in marked}


def _exact_mode(query: ParsedQuery, tokens) -> bool:
    """Match diacritics as typed when the reader typed any."""
    return query.accented


def highlight(text: str, query: str | ParsedQuery) -> SafeString:
    """Escape *text* and wrap every whole syllable matching the query in ``<mark>``.

    A query typed without diacritics marks syllables whatever their diacritics
    ("doi ngoai" marks "đối ngoại"); one typed with them marks only the same
    syllables ("đoàn" marks "đoàn", never "đoạn" or "doanh"; an article found
    only through folded syllables shows no marks). Stop words are not marked
    unless the query has nothing else.
    """
    text = nfc(text or "")
    parsed = parse(query) if isinstance(query, str) else query
    if not parsed.syllables or not text:
        return mark_safe(escape(text))
    tokens = _tokens(text)
    exact_set, folded_set = _marked_syllables(parsed)
    exact_mode = _exact_mode(parsed, tokens)
    parts: list[str] = []
    position = 0
    for start, end, exact, folded in tokens:
        if (exact in exact_set) if exact_mode else (folded in folded_set):
            parts.append(escape(text[position:start]))
            parts.append(f"<mark>{escape(text[start:end])}</mark>")
            position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def _phrase_at(tokens, query: ParsedQuery, *, exact: bool) -> int | None:
    """Index of the first token where the whole query occurs as a phrase."""
    wanted = [s.exact if exact else s.folded for s in query.syllables]
    n = len(wanted)
    key = 2 if exact else 3
    for i in range(len(tokens) - n + 1):
        if all(tokens[i + j][key] == wanted[j] for j in range(n)):
            return i
    return None


def _best_token(tokens, query: ParsedQuery) -> int | None:
    """Where to centre an excerpt: the exact phrase, the folded phrase, else the
    densest run of query syllables."""
    if query.accented:
        found = _phrase_at(tokens, query, exact=True)
        if found is not None:
            return found
    found = _phrase_at(tokens, query, exact=False)
    if found is not None:
        return found
    exact_set, folded_set = _marked_syllables(query)
    exact_mode = _exact_mode(query, tokens)
    hits = [
        i
        for i, (_, _, exact, folded) in enumerate(tokens)
        if ((exact in exact_set) if exact_mode else (folded in folded_set))
    ]
    if not hits:
        return None
    # The hit with the most other hits within the next 12 syllables.
    return max(hits, key=lambda i: (sum(1 for h in hits if i <= h < i + 12), -i))


def excerpt(text: str, query: str | ParsedQuery, width: int = 240) -> str:
    """About *width* characters of *text* around the best phrase match, cut at
    syllable boundaries, with "…" where text was left out."""
    text = squash_spaces(nfc(text or ""))
    if len(text) <= width:
        return text
    parsed = parse(query) if isinstance(query, str) else query
    tokens = _tokens(text)
    best = _best_token(tokens, parsed) if parsed.syllables else None
    first = tokens[best][0] if best is not None else 0
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return prefix + text[start:end] + suffix
