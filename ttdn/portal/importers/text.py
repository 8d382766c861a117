"""Parse plain-text dumps of Vietnamese news-portal article pages.

Long by design: one parser whose heuristics, documented below in the order they
run, share one line model and read best in one file (the page-kind, cleaning and
evaluation helpers live in textclean.py, pagekind.py, textparse.py, evaluation.py).

A dump is what "select all, copy" gives on an article page: a category line,
the headline, a date/meta line, body paragraphs, a by-line and then page chrome
(visit counters, "Các tin khác", "Thư viện ảnh" …). The heuristics, in order:

Lines
    Every non-empty line is one entry; blank lines only separate. A line made
    only of non-ASCII whitespace (typically U+00A0) is a *photo placeholder*;
    if such lines are so frequent that they are evidently spacers (at least 3
    and 40 % of the text lines) they count as blank. When the dump is
    *evidently hard-wrapped* (no line over 100 characters and at least two
    lines filled to ~70 % of the widest line without ending a sentence), a
    filled line that does not end a sentence is joined with the next line.

Meta line
    A short line (≤ 200 characters) holding a valid-looking date (d/m/yyyy,
    d-m-yyyy, d.m.yyyy, yyyy-m-d, "ngày d tháng m năm yyyy"), optionally a time
    (hh:mm[:ss], hhhmm, "h giờ m", AM/PM, SA/CH) where, once the date, time,
    labelled fields ("Người đăng: …", "Tác giả: …", "Nguồn: …") and meta words
    (weekdays, "Cập nhật lúc", "GMT+7", "Số lượt xem" …) are taken away, at most
    two words remain. Day/month/year, never month/day; Asia/Ho_Chi_Minh time.
    An impossible date (31/02) still marks the line, but leaves the date empty.

Layout
    The first meta line found before the second body-like paragraph decides:
    usually the headline is the line just above it and the category the short
    line above the headline; when the line above is a short label and the line
    below is a headline followed by a paragraph, the date sits above the
    headline (VnExpress style). Without any meta line, the short lines before
    the first paragraph-like line are the header: the last one is the headline,
    the one before it the category (a warning when there is none). Breadcrumbs
    ("Trang chủ » Tin tức » Đối ngoại") keep their last part and a category
    printed twice ("Đối ngoại Đối ngoại") is printed once.

Body
    Chrome lines and extra meta/by-lines before the first paragraph are
    skipped; the first chrome line after it ends the body. Chrome markers are
    whole lines, "marker: …" labels or "marker: 123" counters, matched on
    folded text (no case, no diacritics), with Material icon names such as
    "perm_identity" ignored. At the end of the body up to three by-lines are
    taken off: "Tác giả: X | Nguồn: Y", "Bài, ảnh: X", "Nguồn: Y", "Theo Y",
    "(Theo Y)", "X/Y" or a bare name or pen name ("Lê Hồng", "K. Phượng",
    "PV", "Minh Anh (tổng hợp)"): title-case words or initials, no digits and
    no final full stop.

Captions
    The text line right after a photo placeholder (≤ 80 words) is a caption, as
    is a photo credit ("Ảnh: …", "(Ảnh minh họa)") and a short line (≤ 15
    words) between paragraphs that opens like a caption ("Toàn cảnh …",
    "Các đại biểu …", "Đồng chí …").

Missing date
    Without a meta line the date is inferred from the lead ("Ngày 6/7",
    "Sáng 6/7", "ngày 6 tháng 7") with the year from the same lead ("năm 2018",
    or the only year mentioned); without a year the date stays empty. Either
    way a warning says so.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ttdn.core.text import fold, fold_aligned

from .base import VN_TZ, clean

# --------------------------------------------------------------------------- lines

_ASCII_BLANK = " \t\f\v"
_SENTENCE_END = (".", "!", "?", "…", ":", ";")
_PARAGRAPH_END = (".", "…", ":", ";")
_CLOSERS = " )]\"'”’»"
_SPACER_MIN = 3
_SPACER_RATIO = 0.4
_WRAP_MAX_WIDTH = 100
_WRAP_MIN_WIDTH = 50
_WRAP_FILL = 0.7


@dataclass(frozen=True)
class Entry:
    kind: str  # "text" or "photo"
    text: str = ""


def split_entries(text: str) -> list[Entry]:
    """Non-blank lines of a dump as entries (see the module docstring)."""
    lines: list[Entry | None] = []  # None marks a blank line
    for raw in text.splitlines():
        visible = clean(raw)
        if visible:
            lines.append(Entry("text", visible))
        elif raw.strip(_ASCII_BLANK):
            lines.append(Entry("photo"))
        else:
            lines.append(None)
    texts = [line.text for line in lines if line and line.kind == "text"]
    photos = sum(1 for line in lines if line and line.kind == "photo")
    if photos >= _SPACER_MIN and photos >= len(texts) * _SPACER_RATIO:
        lines = [line if line and line.kind == "text" else None for line in lines]
    if _is_hard_wrapped(lines):
        return _join_wrapped(lines)
    return [line for line in lines if line is not None]


def _ends_sentence(text: str, endings: tuple[str, ...] = _SENTENCE_END) -> bool:
    return text.rstrip(_CLOSERS).endswith(endings)


def _wrap_width(lines: list[Entry | None]) -> int:
    return max(
        (len(line.text) for line in lines if line and line.kind == "text"), default=0
    )


def _is_wrapped_line(line: Entry | None, following: Entry | None, width: int) -> bool:
    """A line filled to the wrap width whose text runs on into *following*."""
    return (
        line is not None
        and following is not None
        and line.kind == following.kind == "text"
        and len(line.text) >= width * _WRAP_FILL
        and not _ends_sentence(line.text)
        and not _stands_alone(following.text)
    )


def _stands_alone(text: str) -> bool:
    """Lines that are never the continuation of a wrapped line."""
    return (
        parse_meta_line(text) is not None
        or is_chrome(text)
        or parse_byline(text, names=False) is not None
    )


def _is_hard_wrapped(lines: list[Entry | None]) -> bool:
    width = _wrap_width(lines)
    if not _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH:
        return False
    pairs = zip(lines, lines[1:], strict=False)
    return sum(1 for a, b in pairs if _is_wrapped_line(a, b, width)) >= 2


def _join_wrapped(lines: list[Entry | None]) -> list[Entry]:
    width = _wrap_width(lines)
    entries: list[Entry] = []
    joining = False
    for index, line in enumerate(lines):
        if line is None:
            joining = False
            continue
        if joining:
            entries[-1] = Entry("text", f"{entries[-1].text} {line.text}")
        else:
            entries.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else None
        joining = _is_wrapped_line(line, following, width)
    return entries


def _words(text: str) -> int:
    return len(text.split())


def is_clearly_paragraph(text: str) -> bool:
    return _words(text) >= 30 or len(text) > 250


def is_paragraph_like(text: str) -> bool:
    """Body text rather than a headline: long, or a sentence of 8+ words."""
    if is_clearly_paragraph(text):
        return True
    return _words(text) >= 8 and _ends_sentence(text, _PARAGRAPH_END)


# ------------------------------------------------------------ meta lines and dates

_META_MAX_CHARS = 200
_META_MAX_RESIDUE_WORDS = 2
# Before Vietnamese news portals: "Ngày 12/11/1936" in a page is history.
_MIN_YEAR, _MAX_YEAR = 1995, 2100

# All patterns run on fold_aligned() text: lower-case, no diacritics, same length.
_DMY_RE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-]?\d)")
_YMD_RE = re.compile(r"(?<![\d/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-]?\d)")
_VERBAL_RE = re.compile(
    r"(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,\s*|\s)(?:nam\s+)?(\d{4})(?!\d)"
)
_TIME_RE = re.compile(
    r"(?<![\d:+.-])(\d{1,2})\s*(?::|h|gio)\s*(\d{2})(?:\s*:\s*(\d{2}))?(?!\d)"
    r"(?:\s*(am|pm|sa|ch)\b)?"
)
_META_WORD_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])",
            r"chu\s+nhat",
            r"cn|t[2-7]",
            r"(?:mon|tues|wednes|thurs|fri|satur|sun)day",
            r"mon|tue|wed|thu|fri|sat|sun",
            r"ngay|thang|nam|dang|cap\s+nhat|luc|vao|gio|phut|giay",
            r"sang|trua|chieu|toi|dem|hom\s+nay",
            r"gmt|utc|ict|so\s+luot\s+xem|luot\s+xem|luot\s+doc|luot|xem|views?|lan",
            r"am|pm|sa|ch|posted|updated|published|on|at|thoi\s+gian",
            r"chia\s+se|in\s+bai(?:\s+viet)?|ban\s+in|gui\s+email|email|binh\s+luan",
            r"facebook|zalo|twitter|print",
        ]
    )
    + r")\b"
)

# Labels of "label: value" fields; the kinds below say what the value is.
_FIELD_LABELS = {
    "poster": [
        r"nguoi\s+dang",
        r"dang\s+boi",
        r"nguoi\s+dua\s+tin",
        r"nguoi\s+cap\s+nhat",
    ],
    "author": [
        r"tac\s+gia(?:\s+bai\s+viet)?",
        r"but\s+danh",
        r"nguoi\s+viet",
        r"(?:nhom\s+)?phong\s+vien",
        r"thuc\s+hien",
        r"(?:bai|tin)\s*(?:,|va|&|-)?\s*anh",
        r"bai",
        r"tin",
    ],
    "source": [r"nguon\s+tin", r"nguon"],
    # Credits whose value is read and thrown away.
    "credit": [
        r"nguon\s+anh",
        r"anh",
        r"video",
        r"do\s+hoa",
        r"bien\s+tap",
        r"hieu\s+dinh",
        r"dich",
    ],
    # Labels of the date itself or counters: they have no text value.
    "label": [
        r"(?:ngay\s+)?cap\s+nhat(?:\s+luc)?",
        r"ngay\s+dang",
        r"dang\s+(?:ngay|luc)",
        r"thoi\s+gian(?:\s+dang)?",
        r"(?:so\s+)?luot\s+(?:xem|doc)",
        r"ngay",
    ],
}
_LABEL_KIND_OF = {}
_LABEL_PARTS = []
for _kind, _patterns in _FIELD_LABELS.items():
    for _pattern in _patterns:
        _LABEL_PARTS.append(f"(?P<{_kind}{len(_LABEL_PARTS)}>{_pattern})")
        _LABEL_KIND_OF[f"{_kind}{len(_LABEL_PARTS) - 1}"] = _kind
_LABEL_RE = re.compile(r"(?<!\w)(?:" + "|".join(_LABEL_PARTS) + r")\s*:")
_VALUE_TRIM = " -–—,;|"


@dataclass
class Fields:
    author: str = ""
    source: str = ""
    poster: str = ""

    def merge(self, other: "Fields") -> bool:
        """Fill empty fields from *other*; True when something was new."""
        changed = False
        for name in ("author", "source", "poster"):
            value = getattr(other, name)
            if value and not getattr(self, name):
                setattr(self, name, value)
                changed = True
        return changed


@dataclass
class MetaLine:
    text: str
    published: datetime.date | None
    fields: Fields = field(default_factory=Fields)


def make_published(
    year: int,
    month: int,
    day: int,
    time: tuple[int, int, int] | None = None,
) -> datetime.date | None:
    """A date, or an aware Asia/Ho_Chi_Minh datetime with *time*; None if invalid."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        if time is None:
            return datetime.date(year, month, day)
        return datetime.datetime(year, month, day, *time, tzinfo=VN_TZ)
    except ValueError:
        return None


def _find_date(folded: str) -> tuple[re.Match, tuple[int, int, int]] | None:
    """The earliest date in folded text as (match, (year, month, day))."""
    found = []
    for pattern, order in (
        (_DMY_RE, (4, 3, 1)),
        (_YMD_RE, (1, 3, 4)),
        (_VERBAL_RE, (3, 2, 1)),
    ):
        match = pattern.search(folded)
        if match:
            found.append(
                (match.start(), match, tuple(int(match.group(i)) for i in order))
            )
    if not found:
        return None
    _start, match, ymd = min(found, key=lambda item: item[0])
    return match, ymd


def _find_time(folded: str, avoid: tuple[int, int]) -> tuple[re.Match, tuple] | None:
    for match in _TIME_RE.finditer(folded):
        if match.start() < avoid[1] and avoid[0] < match.end():
            continue
        hour, minute = int(match.group(1)), int(match.group(2))
        second = int(match.group(3) or 0)
        marker = match.group(4)
        if marker in ("pm", "ch") and hour < 12:
            hour += 12
        elif marker in ("am", "sa") and hour == 12:
            hour = 0
        return match, (hour, minute, second)
    return None


def _label_matches(folded: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every "label:" in folded text."""
    return [
        (_LABEL_KIND_OF[match.lastgroup], match.start(), match.end())
        for match in _LABEL_RE.finditer(folded)
    ]


def _field_values(
    text: str, folded: str, stops: list[int]
) -> tuple[Fields, list[tuple[int, int]]]:
    """Values of "label: value" fields and the spans they cover.

    A value runs to the next label, ``|``, or any position in *stops*.
    """
    fields = Fields()
    spans = []
    labels = _label_matches(folded)
    bars = [index for index, char in enumerate(folded) if char == "|"]
    for kind, start, end in labels:
        if kind == "label":
            spans.append((start, end))
            continue
        limits = [s for _kind, s, _end in labels] + bars + stops + [len(text)]
        value_end = min(limit for limit in limits if limit >= end)
        value = _trim_value(text[end:value_end])
        spans.append((start, value_end))
        if kind != "credit" and value and not getattr(fields, kind):
            setattr(fields, kind, value)
    return fields, spans


def _trim_value(value: str) -> str:
    value = value.strip(_VALUE_TRIM)
    if value.endswith(")") and "(" not in value:
        value = value[:-1]
    if value.startswith("(") and ")" not in value:
        value = value[1:]
    return clean(value.strip(_VALUE_TRIM))


def _blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def parse_meta_line(line: str) -> MetaLine | None:
    """The date/meta line of an article, or None if *line* is not one."""
    text = clean(line)
    if not text or len(text) > _META_MAX_CHARS:
        return None
    folded = fold_aligned(text)
    date = _find_date(folded)
    if date is None:
        return None
    date_match, (year, month, day) = date
    spans = [date_match.span()]
    time = _find_time(folded, date_match.span())
    if time is not None:
        spans.append(time[0].span())
    fields, field_spans = _field_values(text, folded, [start for start, _end in spans])
    residue = _META_WORD_RE.sub(" ", _blank_out(folded, spans + field_spans))
    if len(re.findall(r"[^\W\d_]+", residue)) > _META_MAX_RESIDUE_WORDS:
        return None
    published = make_published(year, month, day, time[1] if time else None)
    return MetaLine(text=text, published=published, fields=fields)


# ------------------------------------------------------------------------- chrome


def _phrases(text: str) -> frozenset[str]:
    """A set from a "|"-separated list spread over several lines."""
    return frozenset(item.strip() for item in text.split("|")) - {""}


_CHROME_LINES = _phrases(
    """
    chu thich anh|
    thong tin cai cach|thong ke truy cap|thong ke|so luot truy cap|luot truy cap|
    cac tin tuc khac|cac tin khac|tin tuc khac|tin khac|cac bai khac|bai viet khac|
    tin bai khac|cac tin da dua|tin da dua|tin lien quan|bai viet lien quan|
    bai lien quan|tin cung chuyen muc|cung chuyen muc|tin moi|tin moi nhat|
    tin moi hon|tin cu hon|tin doc nhieu|doc nhieu nhat|xem nhieu nhat|tin noi bat|
    tin tieu diem|thu vien anh|thu vien video|video|videos|album anh|binh luan|
    y kien ban doc|y kien|gui binh luan|gui y kien|chia se|chia se bai viet|in|
    in bai|in bai viet|in trang|ban in|gui email|gui mail|gui cho ban be|email|
    luu tin|luot xem|tu khoa|tags|tag|lien ket website|lien ket web|lien ket|
    xem them|tro ve|quay lai|tro lai|ve dau trang|len dau trang|dau trang|
    trang chu|dang truy cap|dang online|truc tuyen|hom nay|hom qua|trong ngay|
    trong tuan|tuan nay|trong thang|thang nay|trong nam|nam nay|tong truy cap|
    tong luot truy cap|tong so luot truy cap|so nguoi dang truy cap|facebook|zalo|
    twitter|tweet|share|like|print|back|top|related|comments|lien he|ban quyen|
    copyright|dong gop y kien|danh gia|danh gia bai viet|quang cao|lien ket nhanh|
    tien ich|co chu|phong chu|nghe doc bai|doc bai|audio|bai viet cung chuyen muc
    """
)
# "marker: 123" (the colon may be left out only for unambiguous markers).
_COUNTER_RE = re.compile(
    r"^(?:(?:(?:tong\s+)?(?:so\s+)?(?:luot|nguoi)\s+(?:dang\s+)?(?:truy\s+cap|online|xem)"
    r"|tong\s+(?:luot\s+)?truy\s+cap|dang\s+(?:truy\s+cap|online)|truc\s+tuyen)\s*:?"
    r"|(?:trong\s+(?:ngay|tuan|thang|nam)|hom\s+(?:nay|qua)|(?:tuan|thang|nam)\s+(?:nay|truoc)"
    r"|tat\s+ca|tong(?:\s+cong)?|khach|thanh\s+vien|online)\s*:)\s*[\d.,\s]+$"
)
# "marker: anything short" (tags, share bars …).
_LABEL_CHROME_RE = re.compile(
    r"^(?:tu\s+khoa|tags?|chia\s+se|tin\s+lien\s+quan|bai\s+viet\s+lien\s+quan|xem\s+them"
    r"|lien\s+ket(?:\s+website)?|binh\s+luan|y\s+kien\s+ban\s+doc|luot\s+xem|tin\s+khac"
    r"|cac\s+tin\s+khac|doc\s+them)\s*:"
)
# Navigation links: "Trở lại Thời sự", "Quay lại trang trước", "Xem tiếp".
_NAVIGATION_RE = re.compile(
    r"^(?:tro\s+(?:lai|ve)|quay\s+lai|ve\s+trang|xem\s+tiep|xem\s+them|doc\s+tiep)\b"
)
_NAVIGATION_MAX_WORDS = 6
_CHROME_PREFIXES = (
    "©",
    "copyright",
    "ban quyen thuoc",
    "co quan chu quan",
    "chiu trach nhiem",
)
_ICON_RE = re.compile(
    r"^(?:[a-z]+(?:_[a-z]+)+|accessibility|visibility|person|people|group|public|today"
    r"|event|schedule|home|equalizer|timeline|language|star)\s+(?=\S)"
)
_CHROME_STRIP = " :|-–—•·»>›*#"
_LABEL_CHROME_MAX_WORDS = 25


def is_chrome(line: str) -> bool:
    """Whether a line is page chrome (counters, related-news headings, share bars)."""
    folded = _ICON_RE.sub("", fold(clean(line)))
    core = folded.strip(_CHROME_STRIP)
    if not core:
        return False
    if _is_chrome_item(core):
        return True
    parts = [part for part in re.split(r"\s*[|•·]\s*", core) if part]
    if len(parts) > 1 and all(_is_chrome_item(part) for part in parts):
        return True
    if _LABEL_CHROME_RE.match(core) and _words(core) <= _LABEL_CHROME_MAX_WORDS:
        return True
    if _NAVIGATION_RE.match(core) and _words(core) <= _NAVIGATION_MAX_WORDS:
        return True
    return core.startswith(_CHROME_PREFIXES)


def _is_chrome_item(core: str) -> bool:
    core = core.strip(_CHROME_STRIP)
    without_count = re.sub(r"\s*\(\d+\)$", "", core)
    return (
        core in _CHROME_LINES
        or without_count in _CHROME_LINES
        or bool(_COUNTER_RE.match(core))
    )


# ----------------------------------------------------------------------- by-lines

_BYLINE_MAX_CHARS = 160
_BYLINE_MAX_VALUE_WORDS = 12
_NAME_MAX_CHARS = 50
_NAME_MAX_WORDS = 6
_NAME_PART_MAX_WORDS = 5
_SOURCE_MAX_WORDS = 10
_THEO_RE = re.compile(
    r"^\(?\s*theo\s+(?P<source>[^()]{2,100}?)\s*\)?\s*\.?$", re.IGNORECASE
)
_ROLE_RE = re.compile(r"\s*\((?P<role>[^()]{1,40})\)\s*$")
_NAME_SEPARATOR_RE = re.compile(r"\s*(?:,|\s[-–]\s|&|\svà\s)\s*")


def parse_byline(line: str, *, names: bool = True) -> Fields | None:
    """Author/source/poster of a by-line, or None if *line* is not a by-line.

    With ``names=False`` only labelled forms ("Tác giả: …", "Theo …") count.
    """
    text = clean(line)
    if not text or len(text) > _BYLINE_MAX_CHARS or is_chrome(text):
        return None
    labelled = _labelled_byline(text)
    if labelled is not None:
        return labelled
    source = _theo_source(text) or _nguon_source(text)
    if source:
        return Fields(source=source)
    if names:
        return _name_byline(text)
    return None


def _labelled_byline(text: str) -> Fields | None:
    """ "Tác giả : X | Nguồn : Y", "Bài, ảnh: X", "Nguồn: Y" …"""
    stripped = text.lstrip("(")
    folded = fold_aligned(stripped)
    labels = _label_matches(folded)
    if (
        not labels
        or labels[0][1] != 0
        or any(kind == "label" for kind, _start, _end in labels)
    ):
        return None
    fields, spans = _field_values(stripped, folded, [])
    if _blank_out(folded, spans).strip(_VALUE_TRIM + "()."):
        return None
    values = [fields.author, fields.source, fields.poster]
    if not any(values) or any(
        _words(value) > _BYLINE_MAX_VALUE_WORDS for value in values
    ):
        return None
    return fields


def _theo_source(text: str) -> str:
    match = _THEO_RE.match(text)
    if not match:
        return ""
    source = match.group("source").strip()
    if not source[:1].isupper() or _words(source) > _SOURCE_MAX_WORDS or ", " in source:
        return ""
    return source


# "Nguồn VTV: http://…", "Nguồn SGGP", "Nguồn Tổ Quốc: https://…"
_NGUON_RE = re.compile(
    r"^\(?\s*ngu[ồo]n\s+(?P<source>[^:()]{2,60}?)(?:\s*:\s*https?://\S+)?\s*\)?\.?$",
    re.IGNORECASE,
)
# A by-line naming an outlet is a source credit, not a writer ("Báo Sơn La").
_OUTLET_OPENERS = ("bao ", "dai ", "tap chi ", "cong thong tin", "truyen hinh ")
_INITIALS_RE = re.compile(r"^[A-ZĐ](?:\.[A-ZĐ])+\.?$")


def _nguon_source(text: str) -> str:
    match = _NGUON_RE.match(text)
    if not match:
        return ""
    source = match.group("source").strip()
    if not source[:1].isupper() or _words(source) > _SOURCE_MAX_WORDS:
        return ""
    return source


def _name_byline(text: str) -> Fields | None:
    """ "Lê Hồng", "K. Phượng", "PV", "Minh Anh (tổng hợp)", "Hồng Hà/TTXVN"."""
    fields = Fields()
    role = _ROLE_RE.search(text)
    if role:
        text = text[: role.start()]
        role_text = clean(role.group("role"))
        source = _theo_source(role_text)
        if source:
            fields.source = source
        elif fold(role_text).startswith("nguon"):
            fields.source = clean(role_text.split(":", 1)[-1])
    if "/" in text:
        text, source = (clean(part) for part in text.split("/", 1))
        if not _is_source_name(source):
            return None
        fields.source = fields.source or source
    if fold(text).startswith(_OUTLET_OPENERS):
        return Fields(source=clean(text)) if _words(text) <= _SOURCE_MAX_WORDS else None
    if _INITIALS_RE.match(clean(text)):
        return Fields(author=clean(text))  # "P.V", "N.T.K"
    if not _looks_like_name(text):
        return None
    fields.author = clean(text)
    return fields


def _is_source_name(text: str) -> bool:
    return bool(text) and _words(text) <= _SOURCE_MAX_WORDS and text[:1].isupper()


def _looks_like_name(text: str) -> bool:
    text = clean(text)
    if not text or len(text) > _NAME_MAX_CHARS or _words(text) > _NAME_MAX_WORDS:
        return False
    if any(char.isdigit() for char in text) or text.endswith((".", ":", ";", "!", "?")):
        return False
    parts = [part for part in _NAME_SEPARATOR_RE.split(text) if part]
    if not parts:
        return False
    if all(_is_abbreviation(part) for part in parts):
        return True
    return all(_is_person_name(part) for part in parts)


def _is_abbreviation(part: str) -> bool:
    """ "PV", "CTV", "TTXVN": one upper-case word of 2–6 letters."""
    return 2 <= len(part) <= 6 and part.isalpha() and part.isupper()


def _is_person_name(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= _NAME_PART_MAX_WORDS and all(
        _is_name_word(w) for w in words
    )


def _is_name_word(word: str) -> bool:
    if len(word) == 2 and word[0].isupper() and word[0].isalpha() and word[1] == ".":
        return True  # an initial: "K."
    pieces = re.split(r"['’-]", word)
    return all(
        piece[:1].isupper()
        and piece.isalpha()
        and (piece[1:].islower() or len(piece) == 1)
        for piece in pieces
    )


# ----------------------------------------------------------------------- captions

_CAPTION_MAX_WORDS_AFTER_PHOTO = 80
_CAPTION_MAX_WORDS = 15
_CAPTION_OPENERS = (
    "toan canh",
    "quang canh",
    "cac dai bieu",
    "dai bieu",
    "cac dong chi",
    "dong chi",
    "lanh dao",
    "doan cong tac",
    "hinh anh",
    "anh minh hoa",
    "anh tu lieu",
)
_PHOTO_CREDIT_RE = re.compile(
    r"^\(?\s*(?:anh|hinh|nguon\s+anh)\s*:|\(\s*(?:anh|nguon\s+anh)\s*:"
    r"|\banh\s+(?:minh\s+hoa|tu\s+lieu)\b|\(\s*anh\s*\)"
    r"|\(\s*anh\s+[^)]{1,20}\)\s*$|\banh\s*:\s*[^.]{2,40}$"
)


_TRAILING_CREDIT_RE = re.compile(r"\(\s*anh\s+[^)]{1,20}\)\s*$")


def _is_photo_credit(text: str) -> bool:
    folded = fold(text)
    if _words(text) <= 40 and _TRAILING_CREDIT_RE.search(folded):
        return True  # "Vịnh Hạ Long … thế giới. (Ảnh K.T)"
    return _words(text) <= _CAPTION_MAX_WORDS and bool(_PHOTO_CREDIT_RE.search(folded))


def _opens_like_caption(text: str) -> bool:
    return _words(text) <= _CAPTION_MAX_WORDS and fold(text).lstrip("(").startswith(
        _CAPTION_OPENERS
    )


# --------------------------------------------------------------------------- body


@dataclass
class Body:
    blocks: list[tuple[str, str]] = field(default_factory=list)
    fields: Fields = field(default_factory=Fields)
    meta: MetaLine | None = None
    lead_date: datetime.date | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [text for kind, text in self.blocks if kind == "paragraph"]


def build_body(entries: list[Entry], *, headline: str = "") -> Body:
    """Body blocks from the entries after the headline (see the module docstring)."""
    body = Body()
    items = _cut_chrome(entries, body, fold(headline))
    _take_trailing_bylines(items, body)
    body.blocks = _classify(items)
    return body


def _cut_chrome(entries: list[Entry], body: Body, folded_headline: str) -> list[Entry]:
    items: list[Entry] = []
    started = False
    for entry in entries:
        if entry.kind == "photo":
            items.append(entry)
        elif started:
            if is_chrome(entry.text):
                break
            items.append(entry)
        elif not _is_leading_noise(entry.text, body, folded_headline):
            started = True
            items.append(entry)
    return items


def _is_leading_noise(text: str, body: Body, folded_headline: str) -> bool:
    """Chrome, the headline again, a meta line or a labelled by-line before the text."""
    if is_chrome(text) or (folded_headline and fold(text) == folded_headline):
        return True
    meta = parse_meta_line(text)
    if meta is not None:
        body.meta = body.meta or meta
        return True
    byline = parse_byline(text, names=False)
    if byline is not None:
        body.fields.merge(byline)
        return True
    return False


def _take_trailing_bylines(items: list[Entry], body: Body, limit: int = 3) -> None:
    for _attempt in range(limit):
        while items and items[-1].kind == "photo":
            items.pop()
        if sum(1 for item in items if item.kind == "text") < 2:
            return
        byline = parse_byline(items[-1].text)
        if byline is None or not body.fields.merge(byline):
            return
        items.pop()


def _classify(items: list[Entry]) -> list[tuple[str, str]]:
    """("paragraph" | "caption", text) blocks; photo placeholders leave none."""
    blocks: list[tuple[str, str]] = []
    texts = [index for index, item in enumerate(items) if item.kind == "text"]
    last_text = texts[-1] if texts else -1
    after_photo = False
    for index, item in enumerate(items):
        if item.kind == "photo":
            after_photo = True
            continue
        between_paragraphs = (
            bool(blocks) and blocks[-1][0] == "paragraph" and index < last_text
        )
        caption = (
            (after_photo and _words(item.text) <= _CAPTION_MAX_WORDS_AFTER_PHOTO)
            or _is_photo_credit(item.text)
            or (between_paragraphs and _opens_like_caption(item.text))
        )
        blocks.append(("caption" if caption else "paragraph", item.text))
        after_photo = False
    return blocks


# ------------------------------------------------------------------------- layout

_HEADER_SCAN_LIMIT = 30
_CATEGORY_MAX_WORDS = 10
_CATEGORY_MAX_CHARS = 80
_LABEL_ABOVE_MAX_WORDS = 5
_BREADCRUMB_RE = re.compile(r"\s*(?:»|›|>|\s/\s|\|)\s*")


@dataclass
class Layout:
    headline: int
    category: int | None
    meta: int | None
    body: list[int]
    meta_away: bool = False  # the meta line is not next to the headline


def _is_header_text(entry: Entry) -> bool:
    return (
        entry.kind == "text"
        and not is_chrome(entry.text)
        and parse_meta_line(entry.text) is None
        and not _is_photo_credit(entry.text)
    )


def _header_texts(entries: list[Entry], indexes) -> list[int]:
    return [i for i in indexes if _is_header_text(entries[i])]


def _scan_limit(entries: list[Entry], limit: int) -> int:
    """Index of the second paragraph-like entry (the header cannot reach it)."""
    seen = 0
    for index, entry in enumerate(entries[:limit]):
        if entry.kind == "text" and is_paragraph_like(entry.text):
            seen += 1
            if seen == 2:
                return index
    return min(len(entries), limit)


def find_layout(
    entries: list[Entry], *, scan_limit: int = _HEADER_SCAN_LIMIT
) -> Layout | None:
    """Where headline, category, meta line and body are (None: no headline)."""
    limit = _scan_limit(entries, scan_limit)
    metas = [
        i
        for i in range(limit)
        if entries[i].kind == "text" and parse_meta_line(entries[i].text)
    ]
    for meta in metas:
        layout = _layout_around(entries, meta)
        if layout is not None:
            return layout
    layout = _layout_without_meta(entries)
    if layout is not None and metas:
        layout.meta, layout.meta_away = metas[0], True
        layout.body = [i for i in layout.body if i != metas[0]]
    return layout


def _layout_around(entries: list[Entry], meta: int) -> Layout | None:
    before = _header_texts(entries, range(meta - 1, -1, -1))
    after = _header_texts(entries, range(meta + 1, len(entries)))
    rest = list(range(meta + 1, len(entries)))
    # Date above the headline: "Thời sự" / date / headline / lead.
    if (
        len(after) >= 2
        and not is_paragraph_like(entries[after[0]].text)
        and is_paragraph_like(entries[after[1]].text)
        and (not before or _words(entries[before[0]].text) <= _LABEL_ABOVE_MAX_WORDS)
        and _words(entries[after[0]].text)
        >= _words(entries[before[0]].text if before else "") + 3
    ):
        body = [i for i in rest if i > after[0]]
        return Layout(after[0], before[0] if before else None, meta, body)
    if not before:
        return None
    headline, lead = before[0], []
    if is_clearly_paragraph(entries[headline].text):
        if len(before) < 2 or is_clearly_paragraph(entries[before[1]].text):
            return None
        headline, lead = before[1], [before[0]]
    category = next((i for i in before if i < headline), None)
    return Layout(headline, category, meta, lead + rest)


def _layout_without_meta(entries: list[Entry]) -> Layout | None:
    first_paragraph = next(
        (
            i
            for i, e in enumerate(entries)
            if e.kind == "text" and is_paragraph_like(e.text)
        ),
        len(entries),
    )
    header = _header_texts(entries, range(min(first_paragraph, _HEADER_SCAN_LIMIT)))
    if not header and _is_long_headline(entries, first_paragraph):
        # A headline longer than a line: no sentence end, a paragraph below.
        header = [first_paragraph]
        first_paragraph += 1
    if not header:
        texts = _header_texts(entries, range(len(entries)))
        if len(texts) < 2 or is_clearly_paragraph(entries[texts[0]].text):
            return None
        header = texts[:1]
    headline = header[-1]
    category = header[-2] if len(header) >= 2 else None
    return Layout(headline, category, None, list(range(headline + 1, len(entries))))


_LONG_HEADLINE_MAX_WORDS = 45


def _is_long_headline(entries: list[Entry], index: int) -> bool:
    if index + 1 >= len(entries) or entries[index].kind != "text":
        return False
    text = entries[index].text
    following = [e for e in entries[index + 1 :] if e.kind == "text"]
    return (
        _words(text) <= _LONG_HEADLINE_MAX_WORDS
        and not _ends_sentence(text)
        and index < 3
        and bool(following)
        and is_paragraph_like(following[0].text)
    )


def category_text(line: str) -> str:
    """The category of a category/breadcrumb line, or "" if it is not one."""
    parts = [part for part in _BREADCRUMB_RE.split(clean(line)) if part]
    if not parts:
        return ""
    text = clean(parts[-1])
    words = text.split()
    half = len(words) // 2
    if (
        len(words) % 2 == 0
        and half
        and fold(" ".join(words[:half])) == fold(" ".join(words[half:]))
    ):
        text = " ".join(words[:half])
    if (
        _words(text) > _CATEGORY_MAX_WORDS
        or len(text) > _CATEGORY_MAX_CHARS
        or is_paragraph_like(text)
    ):
        return ""
    return text


# ---------------------------------------------------------------- date inference

_LEAD_DATE_RE = re.compile(
    r"(?<!\w)(?:ngay|sang|trua|chieu|toi|dem|hom)\s+(?:ngay\s+)?"
    r"(?:(\d{1,2})\s*([/-])\s*(\d{1,2})(?:\2(\d{4}))?(?![\d/-])"
    r"|(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:,\s*|\s)(?:nam\s+)?(\d{4}))?(?!\d))"
)
_NAM_YEAR_RE = re.compile(r"\bnam\s+((?:19|20)\d{2})\b")


_LEAD_DATE_MAX_START = 24  # characters: room for a source prefix "(BLC) - "
_LEAD_DATE_MIN_YEAR = 1995  # before Vietnamese news portals: a date in history


def infer_date(lead: str) -> tuple[datetime.date | None, str]:
    """(date, warning) inferred from the lead paragraph of an undated article."""
    folded = fold_aligned(lead)
    match = _LEAD_DATE_RE.search(folded)
    # Only a date that opens the lead ("Sáng 20/5, …", "(BLC) - Ngày 6/7, …") says
    # when the news happened; a date further on belongs to something the lead
    # cites (a circular "ngày 17/10/2017").
    if match is None or match.start() > _LEAD_DATE_MAX_START:
        return None, _("No date line found; the publication date is unknown.")
    day, month, year = (
        (match.group(1), match.group(3), match.group(4))
        if match.group(1)
        else (match.group(5), match.group(6), match.group(7))
    )
    phrase = lead[match.start() : match.end()]
    if year is None:
        year, year_phrase = _lead_year(lead, folded)
        if year is None:
            return None, _(
                "No date line found; the lead mentions “%(text)s” but no year, "
                "so the publication date is left empty."
            ) % {"text": phrase}
        phrase = f"{phrase} … {year_phrase}"
    published = make_published(int(year), int(month), int(day))
    if published is not None and published.year < _LEAD_DATE_MIN_YEAR:
        return None, _(
            "No date line found; “%(text)s” in the lead is a date in history, "
            "not a publication date."
        ) % {"text": phrase}
    if published is None:
        return None, _(
            "No date line found; “%(text)s” in the lead is not a valid date."
        ) % {"text": phrase}
    return published, _(
        "No date line found; inferred %(date)s from the lead “%(text)s”."
    ) % {
        "date": published.isoformat(),
        "text": phrase,
    }


def _lead_year(lead: str, folded: str) -> tuple[str | None, str]:
    # Only "năm 2018" names the year of the lead's date; a bare year elsewhere in
    # the lead ("Tết Kỷ Hợi 2019", "giai đoạn 2017 – 2018") may be another.
    for pattern in (_NAM_YEAR_RE,):
        matches = list(pattern.finditer(folded))
        if len({m.group(1) for m in matches}) == 1:
            return matches[0].group(1), lead[matches[0].start() : matches[0].end()]
    return None, ""
