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

from django.conf import settings
from django.db import connection

from ttdn.core.search import vietnamese
from ttdn.core.search.vietnamese import ParsedQuery, facet
from ttdn.core.timefmt import VN_TZ

from ..models import ArticlePage, SearchEntry, SectionPage
from ..selectors import among_few

SORTS = ("relevance", "date")


def _key(day: dt.date) -> int:
    """The first rank key of *day* (midnight GMT+7)."""
    moment = dt.datetime.combine(day, dt.time.min, VN_TZ)
    return int(moment.timestamp()) * SearchEntry.RANK_SHIFT


@dataclass
class Filters:
    locale_id: int | None = None
    section_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive

    def terms(self, *, with_section: bool = True) -> tuple[str, ...]:
        """Language and section as index terms (see index.facets)."""
        terms = []
        if self.locale_id is not None:
            terms.append(facet("l", self.locale_id))
        if with_section and self.section_id is not None:
            terms.append(facet("s", self.section_id))
        return tuple(terms)

    def key_range(self) -> tuple[int | None, int | None]:
        """The date range as rank keys: [from, to)."""
        low = _key(self.date_from) if self.date_from else None
        high = _key(self.date_to + dt.timedelta(days=1)) if self.date_to else None
        return low, high


class _SQLite:
    """FTS5: rowid is the rank key, so newest-first is FTS5's own rowid order."""

    key = "rowid"
    source = "portal_searchentry_fts"
    match = "portal_searchentry_fts MATCH %s"
    expression = staticmethod(vietnamese.fts5_expression)


class _Postgres:
    """GIN over terms_vector, the terms as a generated tsvector without
    positions (migration 0003): no recheck, a cheap test per row."""

    key = "rank_key"
    source = "portal_searchentry"
    match = "terms_vector @@ %s::tsquery"
    expression = staticmethod(vietnamese.tsquery_expression)


def _backend():
    return _Postgres if connection.vendor == "postgresql" else _SQLite


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _where(include, exclude, filters: Filters, *, with_section=True):
    backend = _backend()
    include = tuple(include) + filters.terms(with_section=with_section)
    sql, params = backend.match, [backend.expression(include, exclude)]
    low, high = filters.key_range()
    if low is not None:
        sql += f" AND {backend.key} >= %s"
        params.append(low)
    if high is not None:
        sql += f" AND {backend.key} < %s"
        params.append(high)
    return f"FROM {backend.source} WHERE {sql}", params


def _ids(
    include, exclude, filters: Filters, *, limit: int, offset: int = 0
) -> list[int]:
    """Page ids of matches, newest first."""
    where, params = _where(include, exclude, filters)
    key = _backend().key
    rows = _fetch(
        f"SELECT {key} {where} ORDER BY {key} DESC LIMIT %s OFFSET %s",
        [*params, limit, offset],
    )
    return [row[0] % SearchEntry.RANK_SHIFT for row in rows]


# Counts stop here: counting 95,000 matches of a common word costs more than
# finding the ten best; readers page through at most this many results.
MAX_COUNT = 1000


# Counts per section stop lower: "100+" says enough beside a section's name.
MAX_SECTION_COUNT = 100


def _count(
    include, exclude, filters: Filters, *, with_section=True, cap: int = MAX_COUNT
) -> int:
    """Matches, counted up to cap + 1 (more means "more than cap")."""
    where, params = _where(include, exclude, filters, with_section=with_section)
    key = _backend().key
    return _fetch(
        f"SELECT COUNT(*) FROM (SELECT {key} {where} LIMIT %s) AS counted",
        [*params, cap + 1],
    )[0][0]


def _section_counts(include, filters: Filters) -> dict[int, int]:
    """Matches per section of the language, counted from the index alone."""
    sections = among_few(SectionPage).live().order_by()
    if filters.locale_id is not None:
        sections = sections.filter(locale_id=filters.locale_id)
    counts = {}
    for pk in sections.values_list("pk", flat=True):
        count = _count(
            tuple(include) + (facet("s", pk),),
            [],
            filters,
            with_section=False,
            cap=MAX_SECTION_COUNT,
        )
        if count:
            counts[pk] = count
    return counts


def _titles(include, filters: Filters, limit: int) -> list[str]:
    ids = _ids(include, [], filters, limit=limit)
    return list(
        SearchEntry.objects.filter(page_id__in=ids).values_list("title", flat=True)
    )


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
        by_id = ArticlePage.objects.select_related("locale").in_bulk(ids)
        section_of = dict(
            SearchEntry.objects.filter(page_id__in=ids).values_list(
                "page_id", "section_id"
            )
        )
        articles = []
        for pk in ids:
            article = by_id.get(pk)
            if article is not None:
                article.search_section = self.sections.get(section_of.get(pk))
                articles.append(article)
        return articles


@dataclass
class SearchResults:
    query: ParsedQuery
    matches: Matches | None = None
    total: int = 0
    capped: bool = False  # more than MAX_COUNT matches; total is MAX_COUNT
    max_count: int = MAX_COUNT
    # (section, matches, more than that)
    sections: list[tuple[SectionPage, int, bool]] = field(default_factory=list)
    did_you_mean: str = ""


def ranked_ids(
    query: ParsedQuery, filters: Filters, *, offset: int, limit: int
) -> list[int]:
    """Page ids of the matches from *offset*, tier by tier, newest first in a
    tier."""
    ids: list[int] = []
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


def did_you_mean(query: ParsedQuery, filters: Filters, *, sample: int = 100) -> str:
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


class WagtailMatches:
    """Matches from Wagtail's search backend (OpenSearch when scaled out), as a
    lazy sequence for the Paginator."""

    def __init__(self, results, sections):
        self.results, self.sections = results, sections
        self.total = results.count()

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, item):
        articles = list(self.results[item])
        for article in articles:
            parent_path = article.path[: -article.steplen]
            article.search_section = next(
                (s for s in self.sections.values() if s.path == parent_path), None
            )
        return articles


def _wagtail_search(query: str, filters: Filters, sort: str) -> SearchResults:
    """The same query through Wagtail's backend (settings.TTDN_PORTAL_SEARCH =
    "wagtail"): folding and pairs come from the backend's analyzer
    (docs/deployment.md); section counts are not computed."""
    parsed = vietnamese.parse(query)
    results = SearchResults(query=parsed)
    if not parsed.syllables:
        return results
    articles = ArticlePage.objects.live().public()
    if filters.locale_id is not None:
        articles = articles.filter(locale_id=filters.locale_id)
    if filters.section_id is not None:
        section = SectionPage.objects.filter(pk=filters.section_id).first()
        articles = articles.child_of(section) if section else articles.none()
    if filters.date_from:
        articles = articles.filter(published_at__gte=filters.date_from)
    if filters.date_to:
        articles = articles.filter(
            published_at__lt=filters.date_to + dt.timedelta(days=1)
        )
    if sort == "date":
        articles = articles.order_by("-published_at")
    found = articles.search(query, operator="and", order_by_relevance=sort != "date")
    sections = SectionPage.objects.in_bulk()
    results.matches = WagtailMatches(found, sections)
    results.total = results.matches.total
    return results


def search(query: str, *, filters: Filters, sort: str = "relevance") -> SearchResults:
    """Facets, total and lazy matches of a query (paginate ``results.matches``)."""
    if settings.TTDN_PORTAL_SEARCH == "wagtail":
        return _wagtail_search(query, filters, sort)
    parsed = vietnamese.parse(query)
    results = SearchResults(query=parsed)
    tiers = vietnamese.tiers(parsed)
    if not tiers:
        return results
    counts = _section_counts(tiers[-1][1], filters)
    counted = _count(tiers[-1][1], [], filters)
    results.total = min(counted, MAX_COUNT)
    results.capped = counted > MAX_COUNT
    results.max_count = MAX_COUNT
    sections = SectionPage.objects.in_bulk([pk for pk in counts if pk is not None])
    results.sections = sorted(
        (
            (sections[pk], min(n, MAX_SECTION_COUNT), n > MAX_SECTION_COUNT)
            for pk, n in counts.items()
            if pk in sections
        ),
        key=lambda item: (-item[1], item[0].title),
    )
    results.matches = Matches(
        parsed, filters, sort=sort, total=results.total, sections=sections
    )
    if results.total:
        results.did_you_mean = did_you_mean(parsed, filters)
    return results
