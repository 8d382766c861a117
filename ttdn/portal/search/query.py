"""Reads of the portal search index: ranked, filtered, paginated, with facets.

Relevance order is a fixed sequence of tiers
(:func:`ttdn.core.search.vietnamese.tiers`), newest first inside a tier. A page
of results is read tier by tier with
``ORDER BY display_at DESC LIMIT``; nothing is ranked beyond the rows shown and
every condition is answered by the term index (GIN on PostgreSQL, FTS5 on SQLite).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection

from ttdn.core.search import vietnamese
from ttdn.core.search.vietnamese import ParsedQuery
from ttdn.core.timefmt import VN_TZ

from ..models import ArticlePage, SectionPage

SORTS = ("relevance", "date")


def _moment(day: dt.date):
    """Midnight GMT+7 starting *day*, as the database stores datetimes."""
    moment = dt.datetime.combine(day, dt.time.min, VN_TZ)
    return connection.ops.adapt_datetimefield_value(moment)


@dataclass
class Filters:
    locale_id: int | None = None
    section_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive

    def sql(self, *, with_section: bool = True) -> tuple[str, list]:
        conditions, params = [], []
        if self.locale_id is not None:
            conditions.append("e.locale_id = %s")
            params.append(self.locale_id)
        if with_section and self.section_id is not None:
            conditions.append("e.section_id = %s")
            params.append(self.section_id)
        if self.date_from is not None:
            conditions.append("e.display_at >= %s")
            params.append(_moment(self.date_from))
        if self.date_to is not None:
            conditions.append("e.display_at < %s")
            params.append(_moment(self.date_to + dt.timedelta(days=1)))
        return "".join(f" AND {c}" for c in conditions), params


class _SQLite:
    source = (
        "portal_searchentry_fts JOIN portal_searchentry e"
        " ON e.page_id = portal_searchentry_fts.rowid"
    )
    match = "portal_searchentry_fts MATCH %s"
    expression = staticmethod(vietnamese.fts5_expression)


class _Postgres:
    source = "portal_searchentry e"
    match = "array_to_tsvector(string_to_array(e.terms, ' ')) @@ %s::tsquery"
    expression = staticmethod(vietnamese.tsquery_expression)


def _backend():
    return _Postgres if connection.vendor == "postgresql" else _SQLite


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _where(include, exclude, filters: Filters, *, with_section=True):
    backend = _backend()
    filter_sql, filter_params = filters.sql(with_section=with_section)
    return (
        f"FROM {backend.source} WHERE {backend.match}{filter_sql}",
        [backend.expression(include, exclude), *filter_params],
    )


def _ids(
    include, exclude, filters: Filters, *, limit: int, offset: int = 0
) -> list[tuple[int, int | None]]:
    """(page id, section id) of matches, newest first."""
    where, params = _where(include, exclude, filters)
    rows = _fetch(
        f"SELECT e.page_id, e.section_id {where}"
        " ORDER BY e.display_at DESC, e.page_id DESC LIMIT %s OFFSET %s",
        [*params, limit, offset],
    )
    return [tuple(row) for row in rows]


def _count(include, exclude, filters: Filters) -> int:
    where, params = _where(include, exclude, filters)
    return _fetch(f"SELECT COUNT(*) {where}", params)[0][0]


def _section_counts(include, filters: Filters) -> dict[int | None, int]:
    where, params = _where(include, [], filters, with_section=False)
    return dict(
        _fetch(f"SELECT e.section_id, COUNT(*) {where} GROUP BY e.section_id", params)
    )


def _titles(include, filters: Filters, limit: int) -> list[str]:
    where, params = _where(include, [], filters, with_section=False)
    rows = _fetch(
        f"SELECT e.title {where} ORDER BY e.display_at DESC LIMIT %s", [*params, limit]
    )
    return [row[0] for row in rows]


class Matches:
    """The matches of a query as a lazy sequence for Django's Paginator: its
    length is the total, a slice reads only that page from the index."""

    def __init__(
        self, query: ParsedQuery, filters: Filters, *, sort: str, total: int, sections
    ):
        self.query, self.filters, self.sort = query, filters, sort
        self.total, self.sections = total, sections

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, item):
        if not isinstance(item, slice):
            raise TypeError("Matches only supports slices")
        offset = item.start or 0
        limit = (item.stop if item.stop is not None else self.total) - offset
        if limit <= 0:
            return []
        tiers = vietnamese.tiers(self.query)
        if self.sort == "date":
            ids = _ids(tiers[-1][1], [], self.filters, limit=limit, offset=offset)
        else:
            ids = ranked_ids(self.query, self.filters, offset=offset, limit=limit)
        by_id = ArticlePage.objects.select_related("locale").in_bulk(
            [pk for pk, _ in ids]
        )
        articles = []
        for pk, section_id in ids:
            article = by_id.get(pk)
            if article is not None:
                article.search_section = self.sections.get(section_id)
                articles.append(article)
        return articles


@dataclass
class SearchResults:
    query: ParsedQuery
    matches: Matches | None = None
    total: int = 0
    sections: list[tuple[SectionPage, int]] = field(default_factory=list)
    did_you_mean: str = ""


def ranked_ids(
    query: ParsedQuery, filters: Filters, *, offset: int, limit: int
) -> list[tuple[int, int | None]]:
    """(page id, section id) of the matches from *offset*, tier by tier, newest
    first in a tier."""
    ids: list[tuple[int, int | None]] = []
    previous: list[tuple[str, ...]] = []
    for _name, terms in vietnamese.tiers(query):
        if len(ids) >= limit:
            break
        if offset:
            size = _count(terms, previous, filters)
            if size <= offset:
                offset -= size
                previous.append(terms)
                continue
        ids += _ids(terms, previous, filters, limit=limit - len(ids), offset=offset)
        offset = 0
        previous.append(terms)
    return ids


def did_you_mean(query: ParsedQuery, filters: Filters, *, sample: int = 200) -> str:
    """The accented form of a query typed without diacritics, when the titles
    that contain it as a phrase write it one way much more often than any other."""
    if query.accented or not query.syllables:
        return ""
    tiers = dict(vietnamese.tiers(query))
    phrase = tiers.get("phrase") or tiers.get("all")
    wanted = [s.folded for s in query.syllables]
    forms: Counter[str] = Counter()
    for title in _titles(phrase, filters, sample):
        tokens = vietnamese.syllables(title)
        for i in range(len(tokens) - len(wanted) + 1):
            window = tokens[i : i + len(wanted)]
            if [s.folded for s in window] == wanted:
                forms[" ".join(s.exact for s in window)] += 1
    if not forms:
        return ""
    (best, count), *rest = forms.most_common(2)
    runner_up = rest[0][1] if rest else 0
    if count >= 3 and count >= 3 * runner_up and best != " ".join(wanted):
        return best
    return ""


def search(query: str, *, filters: Filters, sort: str = "relevance") -> SearchResults:
    """Facets, total and lazy matches of a query (paginate ``results.matches``)."""
    parsed = vietnamese.parse(query)
    results = SearchResults(query=parsed)
    tiers = vietnamese.tiers(parsed)
    if not tiers:
        return results
    counts = _section_counts(tiers[-1][1], filters)
    results.total = (
        counts.get(filters.section_id, 0)
        if filters.section_id is not None
        else sum(counts.values())
    )
    sections = SectionPage.objects.in_bulk([pk for pk in counts if pk is not None])
    results.sections = sorted(
        ((sections[pk], n) for pk, n in counts.items() if pk in sections),
        key=lambda item: (-item[1], item[0].title),
    )
    results.matches = Matches(
        parsed, filters, sort=sort, total=results.total, sections=sections
    )
    if results.total:
        results.did_you_mean = did_you_mean(parsed, filters)
    return results
