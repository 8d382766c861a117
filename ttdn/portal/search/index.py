"""Writes to the portal search index. Each call costs the same whatever the size
of the index: one article's row is replaced (and, on SQLite, its FTS5 postings
by trigger); nothing is recomputed over the whole index."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from ttdn.core.search.vietnamese import document_terms, facet

from ..models import ArticlePage, SearchEntry


def _searchable_text(article: ArticlePage) -> str:
    parts = [article.plain_text, article.author, article.source]
    parts.extend(tag.name for tag in article.tags.all())
    return "\n".join(part for part in parts if part)


def entry_for(
    article: ArticlePage, *, restricted_paths=None, section_ids=None
) -> SearchEntry | None:
    """The entry an article should have, or None if search must not find it."""
    if not article.live or article.pk is None:
        return None
    if restricted_paths is None:
        if article.get_view_restrictions().exists():
            return None
    elif any(article.path.startswith(path) for path in restricted_paths):
        return None
    section_id = (
        section_ids.get(article.path[: -article.steplen])
        if section_ids is not None
        else article.get_parent().pk
    )
    display_at = (
        article.published_at
        or article.first_published_at
        or article.last_published_at
        or timezone.now()
    )
    return SearchEntry(
        page_id=article.pk,
        locale_id=article.locale_id,
        section_id=section_id,
        display_at=display_at,
        rank_key=SearchEntry.rank_key_for(display_at, article.pk),
        featured=article.featured,
        title=article.title,
        terms=document_terms(
            title=article.title,
            body=_searchable_text(article),
            facets=facets(locale_id=article.locale_id, section_id=section_id),
        ),
    )


def facets(*, locale_id: int, section_id: int | None) -> list[str]:
    """The filter terms of an entry: its language and its section."""
    return [facet("l", locale_id), facet("s", section_id or 0)]


@transaction.atomic
def index_article(article: Page) -> bool:
    """Add, refresh or remove one article's entry. True if it is now searchable."""
    article = article.specific
    if not isinstance(article, ArticlePage):
        return False
    entry = entry_for(article)
    if entry is None:
        SearchEntry.objects.filter(page_id=article.pk).delete()
        return False
    entry.save()  # UPDATE or INSERT by primary key
    return True


def remove_pages(page_ids: Iterable[int]) -> int:
    deleted, _ = SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()
    return deleted


def index_subtree(page: Page) -> int:
    """Re-index every article at or below *page* (after a move or a change of
    view restriction). Returns how many are searchable."""
    count = 0
    for article in ArticlePage.objects.descendant_of(page, inclusive=True):
        count += index_article(article)
    return count


def index_path(path: str) -> int:
    """Re-index every article at or below the page at *path*, if it still exists."""
    page = Page.objects.filter(path=path).first()
    return index_subtree(page) if page is not None else 0


def _restricted_paths() -> list[str]:
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


@transaction.atomic
def rebuild(*, batch_size: int = 500, stdout=None) -> int:
    """Rebuild the whole index from the live, public articles (all or nothing)."""
    restricted = _restricted_paths()
    # Parents by path: one query instead of one per article.
    section_ids = dict(Page.objects.filter(numchild__gt=0).values_list("path", "pk"))
    SearchEntry.objects.all().delete()
    total = 0
    articles = (
        ArticlePage.objects.live()
        .select_related("locale")
        .prefetch_related("tags")
        .order_by("pk")
    )
    batch: list[SearchEntry] = []
    for article in articles.iterator(chunk_size=batch_size):
        entry = entry_for(article, restricted_paths=restricted, section_ids=section_ids)
        if entry is not None:
            batch.append(entry)
        if len(batch) >= batch_size:
            SearchEntry.objects.bulk_create(batch)
            total += len(batch)
            batch = []
            if stdout is not None:
                stdout.write(f"{total} articles indexed…")
    SearchEntry.objects.bulk_create(batch)
    return total + len(batch)


def rebuild_if_empty(**kwargs) -> int:
    """After ``migrate``: fill the index once on a database that has live articles
    but no entries (an installation upgraded to the version that added it), so
    that listings and search work without a manual ``update_portal_search``."""
    if SearchEntry.objects.exists() or not ArticlePage.objects.live().exists():
        return 0
    return rebuild()
