"""Is a saved page an article, or a listing, tag or category page?

A listing repeats what an article says once. The signals, counted on the
page's lines:

* several story leads opened by a source prefix ("VOV.VN - …", "(GLO)- …");
* several "read more" links ("Xem tiếp »", "Đọc thêm", "Tải thêm tin");
* headlines printed twice in a row (teaser title and link title);
* several time stamps on lines of their own ("08:33 08/02/2024");
* a tag or category banner ("… - Cật nhật Tin tức …", "Tin tức - Sự kiện");
* three or more teasers — a title line followed by its lead paragraph — on a
  page without any date line.

A page with :data:`LISTING_SIGNALS` or more of these repeated signals, a
banner, or three teasers is a listing. So is a page where the text importer finds no
headline followed by body text.
"""

import re

from ttdn.core.text import fold

from .base import clean
from .text import is_paragraph_like, parse_meta_line

LISTING_SIGNALS = 2
_SOURCE_PREFIX_RE = re.compile(
    r"^(?:[A-Z0-9][A-Z0-9.]{1,14}\s*[-–—]\s|\([A-Z0-9.]{2,14}\)\s*[-–—]?\s*)"
)
_READ_MORE_RE = re.compile(
    r"(?:xem tiep|doc them|doc tiep|tai them tin|xem chi tiet)\s*»?\s*$"
)
_STAMP_RE = re.compile(
    r"^\s*(?:\d{1,2}:\d{2}\s+\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2})\s*$"
)
_BANNERS = (
    "cat nhat tin tuc",
    "cap nhat tin tuc",
    "tin tuc - su kien",
    "tin tuc, hinh anh, video",
)


def listing_signals(text: str) -> dict[str, int]:
    lines = [clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    folded = [fold(line) for line in lines]
    prefixed = sum(1 for line in lines if _SOURCE_PREFIX_RE.match(line))
    read_more = sum(1 for line in folded if _READ_MORE_RE.search(line))
    titles = [line for line in lines if len(line.split()) >= 4]
    repeated = len(titles) - len(set(titles))
    has_date = any(parse_meta_line(line) for line in lines)
    teasers = sum(
        1
        for a, b in zip(lines, lines[1:], strict=False)
        if 4 <= len(a.split()) <= 25
        and not a.rstrip().endswith((".", ":", ";", "…", "»"))
        and is_paragraph_like(b)
    )
    stamps = sum(1 for line in lines if _STAMP_RE.match(line))
    banner = int(any(b in line for line in folded[:5] for b in _BANNERS))
    return {
        "source_prefixed_leads": prefixed,
        "read_more_links": read_more,
        "repeated_headlines": repeated,
        "time_stamps": stamps,
        "banner": banner,
        "teasers": 0 if has_date else teasers,
    }


def is_listing(text: str) -> bool:
    signals = listing_signals(text)
    repeated = sum(
        1
        for key in (
            "source_prefixed_leads",
            "read_more_links",
            "repeated_headlines",
            "time_stamps",
        )
        if signals[key] >= 2
    )
    strongest = max(signals["source_prefixed_leads"], signals["read_more_links"])
    return (
        repeated >= LISTING_SIGNALS
        or strongest >= 3
        # two titles printed twice (teaser and link); an article repeats at
        # most its lead or a caption once
        or signals["repeated_headlines"] >= 2
        or bool(signals["banner"])
        or signals["teasers"] >= 3
    )
