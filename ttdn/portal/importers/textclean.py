"""Tidy the head of a plain-text dump before its layout is read.

Real pages put things around the headline that are neither headline, date nor
body (measured on the evaluation corpus, docs/portal.md#evaluation-corpus):

* page furniture: "image banner", "No title…", "Skip to main content",
  "Powered by …", a font-size switch ("aa", "Xem với cỡ chữ"), "Breaking News",
  "Chú thích ảnh", view counters ("Lượt xem: 1082") and breadcrumbs
  ("Trang chủ Việt kiều Nhịp sống cộng đồng") — dropped;
* a date line without a year ("Ngày đăng: 30/10, 16:18") — dropped: it gives
  no publication date and is not a headline;
* the same line printed twice in a row (a category above its own copy, a
  headline repeated as a link) — printed once;
* a headline that carries its date ("Tây Ninh mở rộng hợp tác … 29/11/2025
  11:57", "Triển vọng phục hồi kinh tế   9/5/2022") — split into headline and
  date line;
* a by-line next to the headline or the date line: a name alone ("Gia Huy",
  "QUANG MINH"), a name ending in "|" or "," ("Nguyễn Minh Đức |", "Trần Quốc
  Khánh,"), a name followed by the writer's title or unit ("Phan Đức Ngữ" /
  "Chuyên viên cao cấp"), or a name before the date ("Lê Đình Dũng | 13/10/2017,
  19:54") — taken out as the author.

Only the lines before the first body paragraph are touched.
"""

import re

from ttdn.core.text import fold

from .base import clean
from .text import Entry, is_paragraph_like, parse_meta_line

_NOISE_LINES = frozenset(
    {
        "aa",
        "a a",
        "image banner",
        "image advertisement",
        "anh tin bai",
        "breaking news",
        "skip ribbon commands",
        "skip to main content",
        "sharepoint",
        "chu thich anh",
        "danh muc",
        "video cung chuyen muc",
        ".",
    }
)
_NOISE_RE = re.compile(
    r"^(?:no title(?:\.\.\.|…)?(?:\s*no title(?:\.\.\.|…)?)*"
    r"|powered by\b.*"
    r"|xem voi co chu.*"
    r"|co chu\s*:.*"
    r"|(?:so\s+)?luot xem\s*:?\s*[\d.,]+"
    r"|trang chu(?:\s+[^\s»›>|/]+){1,6}"
    r"|(?:ngay dang|dang ngay|ngay cap nhat|cap nhat)\s*:?\s*"
    r"\d{1,2}[/.-]\d{1,2}(?:\s*,\s*\d{1,2}:\d{2})?"
    r")$"
)
_TRAILING_DATE_RE = re.compile(
    r"^(?P<title>.{12,}?)\s+(?P<date>\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s+\d{1,2}:\d{2})?)$"
)
_NAME_BEFORE_DATE_RE = re.compile(r"^(?P<name>[^|]{3,40}?)\s*\|\s*(?P<rest>.*\d{4}.*)$")
_UNIT_OPENERS = (
    "ban ",
    "so ",
    "phong ",
    "trung tam ",
    "chuyen vien",
    "pho giao su",
    "giao su",
    "tien si",
    "thac si",
    "nha bao",
    "phong vien",
    "truong ",
    "vien ",
    "hoc vien",
    "tinh uy",
    "uy ban",
)
_NOT_NAMES = (
    "bao ",
    "dai ",
    "tap chi",
    "cong thong tin",
    "theo ",
    "nguon",
    "trang chu",
    "tin tuc",
    "thoi su",
    "bo ",
    "uy ban",
    "cong hoa",
    "doc lap",
)
_NAME_WORD_RE = re.compile(r"^[A-ZÀ-Ỹ][\wÀ-ỹ]*$")


def looks_like_person(text: str) -> bool:
    """2–4 capitalised words ("Gia Huy", "QUANG MINH"), no digits."""
    text = clean(text).rstrip(" |,")
    words = text.split()
    if not 2 <= len(words) <= 4 or any(c.isdigit() for c in text):
        return False
    if fold(text).startswith(_NOT_NAMES):
        return False
    return all(
        _NAME_WORD_RE.match(w) and (w.isupper() or w[1:].islower()) for w in words
    )


def _is_unit_line(text: str) -> bool:
    return len(text.split()) <= 8 and fold(text).startswith(_UNIT_OPENERS)


def _is_noise(text: str) -> bool:
    folded = fold(clean(text)).strip(" |:")
    return folded in _NOISE_LINES or bool(_NOISE_RE.match(folded))


def tidy_head(entries: list[Entry]) -> tuple[list[Entry], str]:
    """(entries with a tidy head, author found next to the headline or "")."""
    # The head runs to the second body paragraph: some pages print the lead
    # above the headline (1thegioi.vn).
    paragraphs = [
        i
        for i, e in enumerate(entries)
        if e.kind == "text" and is_paragraph_like(e.text) and not _is_noise(e.text)
    ]
    first_paragraph = paragraphs[1] if len(paragraphs) > 1 else len(entries)
    head, rest = entries[:first_paragraph], entries[first_paragraph:]
    tidied: list[Entry] = []
    for entry in head:
        if entry.kind != "text":
            tidied.append(entry)
            continue
        text = entry.text
        if _is_noise(text):
            continue
        if tidied and tidied[-1].kind == "text" and fold(tidied[-1].text) == fold(text):
            continue
        split = _TRAILING_DATE_RE.match(text)
        if (
            split
            and not tidied_has_meta(tidied)
            and parse_meta_line(split.group("date")) is not None
            and parse_meta_line(text) is None
        ):
            tidied += [
                Entry("text", clean(split.group("title"))),
                Entry("text", split.group("date")),
            ]
            continue
        before = _NAME_BEFORE_DATE_RE.match(text)
        if (
            before
            and looks_like_person(before.group("name"))
            and parse_meta_line(before.group("rest"))
        ):
            tidied += [
                Entry("byline", clean(before.group("name"))),
                Entry("text", before.group("rest")),
            ]
            continue
        tidied.append(entry)
    author = ""
    kept: list[Entry] = []
    for index, entry in enumerate(tidied):
        if entry.kind == "byline":
            author = author or entry.text
            continue
        if entry.kind != "text" or author:
            kept.append(entry)
            continue
        previous = _previous_text(tidied, index)
        following = _next_text(tidied, index) or (rest[0].text if rest else "")
        if _is_byline(entry.text, previous, following):
            author = clean(entry.text).rstrip(" |,")
            if following and _is_unit_line(following):
                # drop the writer's unit or title on the next line
                tidied = [*tidied]
                skip = _next_index(tidied, index)
                if skip is not None:
                    tidied[skip] = Entry("skip")
            continue
        kept.append(entry)
    kept = [e for e in kept if e.kind != "skip"]
    return kept + rest, author


def tidied_has_meta(entries: list[Entry]) -> bool:
    return any(e.kind == "text" and parse_meta_line(e.text) for e in entries)


def _is_byline(text: str, previous: str, following: str) -> bool:
    if not looks_like_person(text):
        return False
    marked = text.rstrip().endswith(("|", ",")) or clean(text).isupper()
    after_headline = bool(previous) and (
        parse_meta_line(previous) is not None or len(previous.split()) >= 5
    )
    before_date = bool(following) and parse_meta_line(following) is not None
    before_unit = bool(following) and _is_unit_line(following)
    return after_headline and (marked or before_date or before_unit)


def _previous_text(entries: list[Entry], index: int) -> str:
    for entry in reversed(entries[:index]):
        if entry.kind == "text":
            return entry.text
    return ""


def _next_index(entries: list[Entry], index: int) -> int | None:
    for i in range(index + 1, len(entries)):
        if entries[i].kind == "text":
            return i
    return None


def _next_text(entries: list[Entry], index: int) -> str:
    i = _next_index(entries, index)
    return entries[i].text if i is not None else ""
