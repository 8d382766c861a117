"""``parse_text``: a plain-text dump of an article page → :class:`ParsedArticle`.

The heuristics live in :mod:`.text` (lines, meta lines, chrome, by-lines, body,
layout) and :mod:`.textclean` (the head of real pages: furniture, headlines
carrying their date, by-lines next to the headline); this module puts them
together.
"""

import datetime

from django.utils.translation import gettext as _

from .base import ArticleParseError, ParsedArticle
from .text import (
    Body,
    Fields,
    MetaLine,
    build_body,
    category_text,
    find_layout,
    infer_date,
    parse_meta_line,
    split_entries,
)
from .textclean import tidy_head

# --------------------------------------------------------------------- parse_text


def parse_text(text: str, *, path: str = "") -> ParsedArticle:
    """Parse a plain-text article dump; raise ArticleParseError without a headline."""
    entries, head_author = tidy_head(split_entries(text))
    layout = find_layout(entries) if entries else None
    if layout is None:
        raise ArticleParseError(path, _("No headline found."))
    warnings: list[str] = []
    title = entries[layout.headline].text
    category = (
        category_text(entries[layout.category].text)
        if layout.category is not None
        else ""
    )
    if not category:
        warnings.append(_("No category line found before the headline."))
    body = build_body([entries[i] for i in layout.body], headline=title)
    meta = (
        parse_meta_line(entries[layout.meta].text)
        if layout.meta is not None
        else body.meta
    )
    fields = body.fields
    if meta is not None:
        fields.merge(meta.fields)
    fields.merge(Fields(author=head_author))
    published = _published(meta, body, warnings, away=layout.meta_away)
    if not body.paragraphs:
        warnings.append(_("No body paragraphs found."))
    return ParsedArticle(
        path=path,
        title=title,
        published=published,
        author=fields.author,
        source=fields.source,
        poster=fields.poster,
        category=category,
        paragraphs=body.paragraphs,
        blocks=body.blocks,
        warnings=warnings,
        lead_date=body.lead_date,
    )


def _published(
    meta: MetaLine | None, body: Body, warnings: list[str], *, away: bool = False
) -> datetime.date | None:
    if meta is not None:
        if meta.published is None:
            warnings.append(
                _(
                    "The date line “%(line)s” does not hold a valid date; "
                    "the publication date is left empty."
                )
                % {"line": meta.text}
            )
        elif away:
            warnings.append(
                _(
                    "The date line “%(line)s” is not next to the headline; "
                    "using it anyway."
                )
                % {"line": meta.text}
            )
        return meta.published
    paragraphs = body.paragraphs
    lead_date, warning = infer_date(paragraphs[0]) if paragraphs else (None, None)
    body.lead_date = lead_date
    if lead_date is not None:
        # The lead dates the event, not the page: a date taken from it was wrong
        # on real pages (docs/portal.md#evaluation-corpus), so it is only shown.
        warning = _(
            "No date line found; the lead dates the event %(date)s, which need not "
            "be the publication date, so the publication date is left empty."
        ) % {"date": lead_date.isoformat()}
    warnings.append(
        warning or _("No date line found; the publication date is unknown.")
    )
    return None
