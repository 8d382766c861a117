"""Vietnamese syllable matching shared by every search of the product.

Vietnamese writes one syllable per space-separated token; most words are two
syllables ("đầu tư", "lao động"). Matching therefore works on whole syllables and
on *syllable pairs* (bigrams): a document is described by a set of terms

* ``dau``        folded syllable (no diacritics, lower case)
* ``=đầu``       exact syllable (lower case, with its diacritics)
* ``dau_tu``     folded pair of adjacent syllables (the word "đầu tư")
* ``^dau`` ``^=đầu`` ``^dau_tu``   the same, in the title

and a query is a boolean expression over these terms. No term is ever matched as
part of another one, so "tu" cannot find "tục" and "đoàn" cannot find "doanh".
Because the terms are plain tokens, PostgreSQL (a GIN index over a tsvector
without positions) and SQLite (FTS5) answer the same expressions from their
indexes alone, without reading documents or computing a rank for every match.

Ranking (see :func:`tiers`) is a fixed order of tiers, newest first inside a
tier: exact phrase in the title, exact phrase anywhere, folded phrase in the
title, folded phrase anywhere, the phrase's words anywhere, every syllable in the
title, every syllable (exact) anywhere, every syllable anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ttdn.core.text import fold, nfc

# A syllable: letters and digits (no underscore, which the terms use).
SYLLABLE_RE = re.compile(r"[^\W_]+", re.UNICODE)
# Characters that end a phrase: no syllable pair is formed across them.
BREAK_RE = re.compile(r"[.,;:!?()\[\]{}\"“”‘’…/|\n\r\t•·–—-]+")

# Words that carry no meaning of their own in a query; they are not required to
# match (they still count inside a phrase). Exact forms, for accented queries.
STOP_WORDS = frozenset(
    [
        "và",
        "của",
        "các",
        "những",
        "là",
        "được",
        "cho",
        "với",
        "trong",
        "này",
        "có",
        "đã",
        "sẽ",
        "thì",
        "mà",
        "ở",
        "tại",
        "về",
        "từ",
        "theo",
        "một",
        "đến",
        "khi",
        "như",
        "để",
        "cũng",
        "nhưng",
        "hay",
        "hoặc",
        "rằng",
        "vào",
        "bị",
        "nên",
        "nếu",
        "vì",
        "bởi",
        "nhiều",
        "đó",
        "ấy",
        "nào",
        "gì",
        "việc",
        "the",
        "of",
        "and",
        "in",
        "to",
        "a",
        "an",
        "on",
        "for",
        "is",
        "are",
        "at",
        "by",
        "with",
        "from",
    ]
)
# Folded forms that are stop words whatever their diacritics would have been:
# only those whose other readings are rare ("la" is also the "La" of "Sơn La",
# "cho" also "chợ", "cua" also "cửa", so they are not here).
FOLDED_STOP_WORDS = frozenset(
    [
        "va",
        "cac",
        "duoc",
        "voi",
        "nay",
        "theo",
        "mot",
        "hoac",
        "vao",
        "nhieu",
        "nao",
        "boi",
        "the",
        "of",
        "and",
        "in",
        "to",
        "a",
        "an",
        "on",
        "for",
        "is",
        "are",
        "at",
        "by",
        "with",
        "from",
    ]
)

TITLE = "^"
EXACT = "="
PAIR = "_"
FACET = "_"


@dataclass(frozen=True)
class Syllable:
    exact: str  # lower case, NFC, with diacritics as typed / written
    folded: str

    @property
    def accented(self) -> bool:
        return self.exact != self.folded


def segments(text: str) -> list[list[Syllable]]:
    """Runs of syllables between punctuation, in order."""
    result = []
    for part in BREAK_RE.split(nfc(text or "").lower()):
        exact = SYLLABLE_RE.findall(part)
        if not exact:
            continue
        # Folding the whole run at once is much faster than syllable by syllable;
        # it keeps the syllable boundaries, else fold one by one.
        folded = SYLLABLE_RE.findall(fold(part))
        if len(folded) != len(exact):
            folded = [fold(s) for s in exact]
        result.append([Syllable(e, f) for e, f in zip(exact, folded, strict=True)])
    return result


def syllables(text: str) -> list[Syllable]:
    return [s for run in segments(text) for s in run]


def _terms_of(text: str, prefix: str = "") -> set[str]:
    terms: set[str] = set()
    for run in segments(text):
        for i, syllable in enumerate(run):
            terms.add(prefix + syllable.folded)
            terms.add(prefix + EXACT + syllable.exact)
            if i + 1 < len(run):
                terms.add(prefix + syllable.folded + PAIR + run[i + 1].folded)
    return terms


def document_terms(*, title: str, body: str, facets=()) -> str:
    """The space-separated terms a document is indexed under (sorted, unique).

    *facets*: filter terms added as they are (:func:`facet`)."""
    terms = _terms_of(title, TITLE) | _terms_of(title) | _terms_of(body)
    terms.update(facets)
    return " ".join(sorted(terms))


def facet(name: str, value) -> str:
    """A filter term (``_l3`` language 3, ``_s42`` section 42): it starts with
    "_", which no syllable or pair does."""
    return f"{FACET}{name}{value}"


# --- queries -------------------------------------------------------------------
# An expression is a list of alternatives (OR), each a tuple of terms (AND).
Expression = list[tuple[str, ...]]


@dataclass
class ParsedQuery:
    text: str
    syllables: list[Syllable]
    runs: list[list[Syllable]] = field(default_factory=list)

    @property
    def accented(self) -> bool:
        return any(s.accented for s in self.syllables)

    def is_stop(self, syllable: Syllable) -> bool:
        if self.accented:
            return syllable.exact in STOP_WORDS
        return syllable.folded in FOLDED_STOP_WORDS

    @property
    def required(self) -> list[Syllable]:
        """Syllables a document must contain (all of them if all are stop words)."""
        kept = [s for s in self.syllables if not self.is_stop(s)]
        return _unique(kept or self.syllables)

    def pairs(self, *, skip_stop: bool) -> list[str]:
        """Folded pairs of adjacent query syllables (within punctuation runs)."""
        result = []
        for run in self.runs:
            for a, b in zip(run, run[1:], strict=False):
                if skip_stop and (self.is_stop(a) or self.is_stop(b)):
                    continue
                result.append(a.folded + PAIR + b.folded)
        return list(dict.fromkeys(result))

    @property
    def single(self) -> bool:
        return len(self.syllables) == 1


def _unique(items):
    seen, result = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            result.append(item)
    return result


def parse(query: str, *, max_syllables: int = 12) -> ParsedQuery:
    runs, count = [], 0
    for run in segments(query):
        run = run[: max_syllables - count]
        if run:
            runs.append(run)
            count += len(run)
    return ParsedQuery(
        text=query, syllables=[s for run in runs for s in run], runs=runs
    )


def tiers(query: ParsedQuery) -> list[tuple[str, tuple[str, ...]]]:
    """The ranking tiers of a query, best first: (name, terms that must all match).

    The last tier is the match set; every earlier tier is a subset of it. Tiers
    identical to an earlier one are dropped.
    """
    if not query.syllables:
        return []
    exact = tuple(EXACT + s.exact for s in _unique(query.syllables))
    if query.single or not query.pairs(skip_stop=False):
        phrase = tuple(_unique(s.folded for s in query.syllables))
    else:
        phrase = tuple(query.pairs(skip_stop=False))
    words = tuple(query.pairs(skip_stop=True)) + tuple(s.folded for s in query.required)
    required = tuple(s.folded for s in query.required)
    required_exact = tuple(EXACT + s.exact for s in query.required)
    candidates = []
    if query.accented:
        candidates += [
            ("exact_phrase_title", _title(phrase + exact)),
            ("exact_phrase", phrase + exact),
        ]
    candidates += [
        ("phrase_title", _title(phrase)),
        ("phrase", phrase),
        ("words", words),
        ("all_title", _title(required)),
    ]
    if query.accented:
        candidates.append(("all_exact", required_exact))
    # The match set comes last; a tier equal to it or to an earlier tier adds
    # nothing and is dropped.
    result, seen = [], {frozenset(required)}
    for name, terms in candidates:
        terms = tuple(dict.fromkeys(terms + required))  # inside the match set
        key = frozenset(terms)
        if key in seen:
            continue
        seen.add(key)
        result.append((name, terms))
    result.append(("all", required))
    return result


def _title(terms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(TITLE + t for t in terms)


# --- rendering for the two databases ------------------------------------------
def _fts5_term(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _fts5_and(terms) -> str:
    return "(" + " AND ".join(_fts5_term(t) for t in terms) + ")"


def fts5_expression(include: tuple[str, ...], exclude: list[tuple[str, ...]]) -> str:
    """FTS5 MATCH text: all of *include*, none of the *exclude* alternatives."""
    expression = _fts5_and(include)
    if exclude:
        expression += " NOT (" + " OR ".join(_fts5_and(t) for t in exclude) + ")"
    return expression


def _ts_term(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _ts_and(terms) -> str:
    return "(" + " & ".join(_ts_term(t) for t in terms) + ")"


def tsquery_expression(include: tuple[str, ...], exclude: list[tuple[str, ...]]) -> str:
    """tsquery text (``::tsquery``): all of *include*, none of *exclude*."""
    expression = _ts_and(include)
    if exclude:
        expression += " & !(" + " | ".join(_ts_and(t) for t in exclude) + ")"
    return expression
