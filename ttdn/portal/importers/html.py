"""Parse saved HTML article pages of Vietnamese news portals.

trafilatura finds the main text, title, author and a day; this module adds
what Vietnamese portals need:

Captions
    ``<figcaption>`` and elements whose class names a caption (``caption``,
    ``image_desc``, ``chu-thich`` …) replace their figure or image table by a
    plain ``<p>`` before extraction (trafilatura would drop them); their text
    is remembered so the paragraph becomes a ("caption", text) block.

Headline and date line
    The page is also read as visible text lines (scripts, styles, forms
    controls and comments removed; one line per block element). When
    trafilatura's title is one of those lines, the Vietnamese meta line (same
    parser as the text dumps) is looked for just below it (or two lines above
    it). Otherwise, as on old table layouts whose ``<title>`` is the site name,
    the text-dump layout rules pick the headline right above a meta line.

Publication date
    A precise time from ``<meta property="article:published_time">`` (and
    similar meta names), ``itemprop="datePublished"``, JSON-LD
    ``datePublished`` or ``<time datetime>``, converted to Asia/Ho_Chi_Minh,
    wins. Otherwise a day from that markup or from trafilatura, upgraded to the
    visible meta line's time when it is the same day; otherwise the visible
    meta line alone.

Body
    trafilatura's body is flattened (layout tables cell by cell, data tables
    row by row as "a | b"), everything up to the headline is dropped, and the
    rest goes through the text parser's body rules (chrome cut, by-lines,
    captions). Only text is kept: no markup survives. A page without a
    paragraph that reads as prose (8+ words ending a sentence, or 30+ words)
    has no main text.

Category
    trafilatura's category (``article:section``), else the last item of a
    breadcrumb, else the short line just above the headline.
"""

import copy
import datetime
import json
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from ttdn.core.text import fold

from .base import VN_TZ, ArticleParseError, ParsedArticle, clean
from .text import (
    Body,
    Entry,
    Fields,
    MetaLine,
    build_body,
    category_text,
    find_layout,
    is_chrome,
    is_paragraph_like,
    make_published,
    parse_meta_line,
)

_DATE_META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
)
_CAPTION_CLASS_RE = re.compile(
    r"caption|image[-_]?desc|img[-_]?desc|photo[-_]?desc|desc[-_]?(?:img|image|photo)"
    r"|chu[-_]?thich|(?:^|\s)image(?:\s|$)",
    re.IGNORECASE,
)
_CAPTION_MAX_WORDS = 80
_INVISIBLE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "iframe",
    "select",
    "option",
    "button",
    "textarea",
    "input",
    "object",
    "embed",
    "canvas",
)
_BLOCK_TAGS = frozenset(
    (
        *("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl"),
        *("dt", "dd", "table", "tr", "td", "th", "br", "hr", "section", "article"),
        *("header", "footer", "nav", "aside", "main", "figure", "figcaption"),
        *("blockquote", "address", "pre", "form", "center"),
    )
)
_BREADCRUMB_XPATH = (
    "//*[contains(translate(@class, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(@class, 'duong-dan') or contains(@class, 'duongdan')]"
)
_HOME = ("trang chu", "home")
_META_BELOW = 3
_META_ABOVE = 2
_VISIBLE_SCAN_LIMIT = 400
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse_html(html: str, *, path: str = "") -> ParsedArticle:
    """Parse a saved article page; raise ArticleParseError without headline/text."""
    if not html or not html.strip():
        raise ArticleParseError(path, _("The HTML page is empty."))
    tree = _load_tree(html, path)
    structured = _structured_published(tree)
    captions = _promote_captions(tree)
    lines = _visible_lines(tree)
    document = _extract(tree)
    head = _find_head(document, lines, tree)
    if not head.title:
        raise ArticleParseError(path, _("No headline found in the HTML page."))
    body = _body(document, head.title, captions)
    if not any(is_paragraph_like(text) for text in body.paragraphs):
        raise ArticleParseError(path, _("No main text found in the HTML page."))
    warnings: list[str] = []
    meta = head.meta or body.meta
    published = _published(structured, document, meta, warnings)
    fields = body.fields
    if meta is not None:
        fields.merge(meta.fields)
    fields.merge(Fields(author=clean(document.author or "") if document else ""))
    category = _category(document, tree, head)
    if not category:
        warnings.append(_("No category found on the page."))
    return ParsedArticle(
        path=path,
        title=head.title,
        published=published,
        author=fields.author,
        source=fields.source,
        poster=fields.poster,
        category=category,
        paragraphs=body.paragraphs,
        blocks=body.blocks,
        warnings=warnings,
    )


# ---------------------------------------------------------------------- loading


def _load_tree(html: str, path: str) -> HtmlElement:
    try:
        tree = trafilatura.load_html(_XML_DECLARATION_RE.sub("", html))
    except (ValueError, TypeError, etree.LxmlError) as error:
        raise ArticleParseError(path, _("Cannot parse the HTML page.")) from error
    if tree is None:
        raise ArticleParseError(path, _("Cannot parse the HTML page."))
    return tree


def _extract(tree: HtmlElement):
    """trafilatura's Document (title, author, date, body) or None."""
    try:
        return trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            # Dates come from markup only; visible Vietnamese dates are read here.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, etree.LxmlError):
        return None


# ------------------------------------------------------------------------ dates


def _structured_published(tree: HtmlElement) -> datetime.date | None:
    """The first datetime (else the first date) found in date markup."""
    values = _meta_dates(tree)
    values += [
        el.get("datetime") or el.get("content") or el.text_content()
        for el in tree.xpath('//*[@itemprop="datePublished"]')
    ]
    values += _json_ld_dates(tree)
    values += [el.get("datetime") for el in tree.iter("time") if el.get("datetime")]
    parsed = [value for value in map(_parse_date_value, values) if value is not None]
    precise = [value for value in parsed if isinstance(value, datetime.datetime)]
    return (precise or parsed or [None])[0]


def _meta_dates(tree: HtmlElement) -> list[str]:
    found = []
    for meta in tree.iter("meta"):
        name = (
            (meta.get("property") or meta.get("name") or meta.get("itemprop") or "")
            .strip()
            .lower()
        )
        if name in _DATE_META_NAMES and meta.get("content"):
            found.append((_DATE_META_NAMES.index(name), meta.get("content")))
    return [value for _rank, value in sorted(found, key=lambda item: item[0])]


def _json_ld_dates(tree: HtmlElement) -> list[str]:
    dates: list[str] = []
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        _collect_key(data, "datePublished", dates)
    return dates


def _collect_key(data, key: str, found: list[str], depth: int = 0) -> None:
    if depth > 8:
        return
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, str):
            found.append(value)
        for child in data.values():
            _collect_key(child, key, found, depth + 1)
    elif isinstance(data, list):
        for child in data:
            _collect_key(child, key, found, depth + 1)


def _parse_date_value(value: str | None) -> datetime.date | None:
    """ISO 8601 (any offset, converted to GMT+7) or a Vietnamese date."""
    value = clean(value or "")
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            parsed = datetime.date.fromisoformat(value)
        except ValueError:
            return None
        return make_published(parsed.year, parsed.month, parsed.day)
    try:
        moment = datetime.datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        meta = parse_meta_line(value)
        return meta.published if meta else None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VN_TZ)
    if not 1900 <= moment.year <= 2100:
        return None
    return moment.astimezone(VN_TZ)


def _published(
    structured: datetime.date | None,
    document,
    meta: MetaLine | None,
    warnings: list[str],
) -> datetime.date | None:
    if isinstance(structured, datetime.datetime):
        return structured
    day = structured or (_parse_date_value(document.date) if document else None)
    visible = meta.published if meta else None
    if meta is not None and visible is None:
        warnings.append(
            _("The date line “%(line)s” does not hold a valid date; it is ignored.")
            % {"line": meta.text}
        )
    if day is not None:
        same_day = isinstance(visible, datetime.datetime) and visible.date() == day
        return visible if same_day else day
    if visible is None:
        warnings.append(_("No publication date found."))
    return visible


# --------------------------------------------------------------------- captions


def _promote_captions(tree: HtmlElement) -> set[str]:
    """Replace captioned figures by ``<p>caption</p>``; return the folded captions."""
    candidates = list(tree.iter("figcaption")) + [
        el
        for el in tree.iter()
        if isinstance(el.tag, str) and _CAPTION_CLASS_RE.search(el.get("class") or "")
    ]
    captions: set[str] = set()
    for element in candidates:
        if not _is_attached(element, tree):
            continue
        text = clean(element.text_content())
        if not text or len(text.split()) > _CAPTION_MAX_WORDS:
            continue
        captions.add(fold(text))
        _replace_with_paragraph(_image_container(element), text)
    return captions


def _is_attached(element: HtmlElement, root: HtmlElement) -> bool:
    while element is not None:
        if element is root:
            return True
        element = element.getparent()
    return False


def _image_container(element: HtmlElement) -> HtmlElement:
    """The figure or image table around a caption, else the caption itself."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "figure":
            return ancestor
        if ancestor.tag == "table":
            return (
                ancestor
                if ancestor.xpath(".//img") and len(ancestor.xpath(".//tr")) <= 3
                else element
            )
    return element


def _replace_with_paragraph(element: HtmlElement, text: str) -> None:
    parent = element.getparent()
    if parent is None:
        return
    paragraph = element.makeelement("p", {})
    paragraph.text = text
    paragraph.tail = element.tail
    parent.replace(element, paragraph)


# ---------------------------------------------------------------- visible lines


def _visible_lines(tree: HtmlElement) -> list[str]:
    """The page's visible text, one cleaned line per block element."""
    tree = copy.deepcopy(tree)
    for element in tree.xpath("//comment() | //processing-instruction()"):
        _drop(element)
    for element in list(tree.iter(*_INVISIBLE_TAGS)):
        _drop(element)
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    text = "".join(tree.itertext())
    return [line for line in map(clean, text.split("\n")) if line]


def _drop(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


# ------------------------------------------------------------------------- head


@dataclass
class _Head:
    title: str = ""
    meta: MetaLine | None = None
    category: str = ""  # from the line above the headline


def _find_head(document, lines: list[str], tree: HtmlElement) -> _Head:
    """Headline, visible meta line and nearby category line of the page."""
    title = clean(document.title or "") if document else ""
    head = _head_at_title(title, lines)
    if head is not None and head.meta is not None:
        return head
    if head is None or _is_weak_title(title, document, tree):
        anchored = _head_above_meta_line(lines)
        if anchored is not None:
            return anchored
    return head or _Head(title or _first_h1(tree))


def _head_at_title(title: str, lines: list[str]) -> _Head | None:
    folded = [fold(line) for line in lines]
    if not title or fold(title) not in folded:
        return None
    return _head_at(lines, folded.index(fold(title)))


def _head_above_meta_line(lines: list[str]) -> _Head | None:
    """The text-dump layout rules applied to the visible lines."""
    entries = [Entry("text", line) for line in lines]
    layout = find_layout(entries, scan_limit=_VISIBLE_SCAN_LIMIT)
    if layout is None or layout.meta is None or layout.meta_away:
        return None
    above = lines[layout.category] if layout.category is not None else ""
    return _Head(
        lines[layout.headline],
        parse_meta_line(lines[layout.meta]),
        category_text(above),
    )


def _first_h1(tree: HtmlElement) -> str:
    return next(
        (text for text in (clean(h1.text_content()) for h1 in tree.iter("h1")) if text),
        "",
    )


def _is_weak_title(title: str, document, tree: HtmlElement) -> bool:
    """A title that is just the page's <title> or the site name."""
    names = [clean(element.text_content()) for element in tree.iter("title")]
    names.append(clean(document.sitename or "") if document else "")
    return fold(title) in {fold(name) for name in names if name}


def _head_at(lines: list[str], index: int) -> _Head:
    meta = None
    nearby = (
        lines[index + 1 : index + 1 + _META_BELOW]
        + lines[max(0, index - _META_ABOVE) : index][::-1]
    )
    for line in nearby:
        meta = parse_meta_line(line)
        if meta is not None:
            break
    above = [
        line
        for line in lines[max(0, index - _META_ABOVE) : index]
        if not is_chrome(line) and parse_meta_line(line) is None
    ]
    category = category_text(above[-1]) if above else ""
    return _Head(lines[index], meta, category)


def _category(document, tree: HtmlElement, head: _Head) -> str:
    for candidate in (document.categories or []) if document else []:
        text = category_text(candidate)
        if text:
            return text
    return _breadcrumb(tree) or head.category


def _breadcrumb(tree: HtmlElement) -> str:
    for element in tree.xpath(_BREADCRUMB_XPATH):
        items = [clean(el.text_content()) for el in element.iter("a", "li", "span")]
        items = [item for item in items if item and fold(item) not in _HOME]
        if items:
            return category_text(items[-1])
        text = category_text(element.text_content())
        if text and fold(text) not in _HOME:
            return text
    return ""


# ------------------------------------------------------------------------- body


def _body(document, title: str, captions: set[str]) -> Body:
    entries: list[Entry] = []
    if document is not None and document.body is not None:
        for element in document.body:
            _flatten(element, entries)
    folded_title = fold(title)
    starts = [i for i, entry in enumerate(entries) if fold(entry.text) == folded_title]
    if starts:
        entries = entries[starts[0] + 1 :]
    body = build_body(entries, headline=title)
    body.blocks = [
        ("caption", text)
        if kind == "paragraph" and fold(text) in captions
        else (kind, text)
        for kind, text in body.blocks
    ]
    return body


def _flatten(element, entries: list[Entry]) -> None:
    """Text entries of one element of trafilatura's output tree."""
    if not isinstance(element.tag, str):
        return
    if element.tag == "list":
        for item in element.iterchildren("item"):
            _add_text(_text_of(item), entries)
    elif element.tag == "table":
        for row in element.iter("row"):
            _flatten_row(row, entries)
    elif element.tag == "graphic":
        entries.append(Entry("photo"))
    else:
        _add_text(_text_of(element), entries)


def _flatten_row(row, entries: list[Entry]) -> None:
    cells = row.findall("cell")
    if not any(len(cell) for cell in cells):
        _add_text(" | ".join(filter(None, (_text_of(cell) for cell in cells))), entries)
        return
    for cell in cells:  # a layout table: its cells hold paragraphs
        _add_text(cell.text or "", entries)
        for child in cell:
            _flatten(child, entries)
            _add_text(child.tail or "", entries)


def _text_of(element) -> str:
    return clean("".join(element.itertext()))


def _add_text(text: str, entries: list[Entry]) -> None:
    text = clean(text)
    if text:
        entries.append(Entry("text", text))
