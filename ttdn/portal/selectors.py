"""Reads for the public portal. Every query the templates need lives here."""

import datetime as dt

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from wagtail.models import Locale, Page

from ttdn.core.models import PortalRendition
from ttdn.core.timefmt import local_range

from .models import (
    ArticlePage,
    GalleryPage,
    PortalSettings,
    SearchEntry,
    SectionPage,
    StandardPage,
)

# Rendition specs the listings use; prefetching only these keeps queries flat.
LISTING_RENDITIONS = ("fill-480x320", "fill-960x640")
# Album covers: the home-page teaser and the photo library.
GALLERY_RENDITIONS = ("fill-320x200", "fill-400x300", "fill-800x600")


def _with_listing_images(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("listing_image").prefetch_related(
        Prefetch(
            "listing_image__renditions",
            queryset=PortalRendition.objects.filter(filter_spec__in=LISTING_RENDITIONS),
        )
    )


def default_home():
    """The default site's home page (default language)."""
    from wagtail.models import Site

    site = Site.objects.select_related("root_page").get(is_default_site=True)
    return site.root_page.specific


def article_list(
    *, locale: Locale, section: Page | None = None, tag: str | None = None
) -> QuerySet[ArticlePage]:
    """Live, public articles of a language, newest publication first.

    Read through the articles' search entries (one per live, public article,
    kept by :mod:`ttdn.portal.search.index`): their ``rank_key`` orders by
    publication time and is indexed per language and per section, so the newest
    articles are an index walk, not a sort of every article."""
    locale_id = locale.pk if isinstance(locale, Locale) else locale
    if section is not None:
        queryset = ArticlePage.objects.filter(search_entry__section_id=section.pk)
    else:
        queryset = ArticlePage.objects.filter(search_entry__locale_id=locale_id)
    queryset = queryset.filter(locale_id=locale_id)
    if tag:
        queryset = queryset.filter(tags__name=tag)
    queryset = queryset.order_by("-search_entry__rank_key")
    return _with_listing_images(queryset)


class CountedListing:
    """A listing for Django's Paginator whose count comes from the search
    entries' section index rather than from counting the joined queryset."""

    def __init__(self, queryset: QuerySet, count: int):
        self.queryset, self._count = queryset, count

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, item):
        return self.queryset[item]


def section_listing(*, section: Page) -> CountedListing:
    """The articles of a section, newest first, ready to paginate."""
    return CountedListing(
        article_list(locale=section.locale_id, section=section),
        SearchEntry.objects.filter(section_id=section.pk).count(),
    )


def featured_article(*, section: Page) -> ArticlePage | None:
    """The newest featured article of a section, else its newest one (each one
    index lookup on the section's entries)."""
    entries = SearchEntry.objects.filter(section_id=section.pk)
    page_id = (
        entries.filter(featured=True)
        .order_by("-rank_key")
        .values_list("page_id", flat=True)
        .first()
    ) or entries.order_by("-rank_key").values_list("page_id", flat=True).first()
    if page_id is None:
        return None
    found = _with_listing_images(ArticlePage.objects.filter(pk=page_id).order_by())
    return next(iter(found), None)


def home_sections(*, home: Page) -> list[dict]:
    """Per section of the home page: its featured article and the latest others."""
    site = home.get_site()
    per_section = (
        PortalSettings.for_site(site).articles_per_section_on_home if site else 5
    )
    blocks = []
    for section in among_few(SectionPage).live().public().child_of(home):
        articles = article_list(locale=home.locale, section=section)
        featured = featured_article(section=section)
        latest = list(
            articles.exclude(pk=featured.pk)[: per_section - 1] if featured else []
        )
        blocks.append({"section": section, "featured": featured, "latest": latest})
    return blocks


def related_articles(
    *, article: ArticlePage, limit: int = 5, tags=None
) -> list[ArticlePage]:
    """ "Các tin khác": same section or a shared tag, newest first, never itself.

    ``tags``: the article's tags when the caller already read them."""
    parent_path = article.path[: -article.steplen]
    condition = Q(path__startswith=parent_path, depth=article.depth)
    tag_ids = [tag.pk for tag in (article.tags.all() if tags is None else tags)]
    if tag_ids:
        condition |= Q(tagged_items__tag_id__in=tag_ids)
    candidates = (
        article_list(locale=article.locale_id)
        .filter(condition)
        .exclude(pk=article.pk)
        .distinct()
        # Titles and dates only: no listing images to load.
        .select_related(None)
        .prefetch_related(None)
    )
    return list(candidates[:limit])


def _with_photo_renditions(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(
        "photos__image",
        Prefetch(
            "photos__image__renditions",
            queryset=PortalRendition.objects.filter(filter_spec__in=GALLERY_RENDITIONS),
        ),
    )


def gallery_list(*, index: Page) -> QuerySet[GalleryPage]:
    return _with_photo_renditions(
        GalleryPage.objects.live()
        .public()
        .child_of(index)
        .order_by("-date", "-first_published_at")
    )


def among_few(model):
    """Pages of a page type with few rows (albums, fixed pages), found from that
    type's own table: a tree filter (child_of, descendant_of) on its own makes
    SQLite walk the path index, which at 100,000 articles is mostly articles."""
    return model.objects.filter(
        pk__in=list(model.objects.order_by().values_list("pk", flat=True))
    )


def gallery_teaser(*, home: Page, limit: int = 3) -> list[GalleryPage]:
    return list(
        _with_photo_renditions(
            among_few(GalleryPage)
            .live()
            .public()
            .descendant_of(home)
            .order_by("-date", "-first_published_at")
        )[:limit]
    )


def fixed_pages(*, home: Page) -> QuerySet[StandardPage]:
    return among_few(StandardPage).live().public().child_of(home)


def menu_sections(*, home: Page) -> QuerySet[Page]:
    return home.get_children().live().public().in_menu()


def published_articles(start: dt.date, end: dt.date):
    """Live, public articles whose publication time (shown to readers) falls
    within *start*…*end* (GMT+7), oldest first."""
    first, after = local_range(start, end)
    return (
        ArticlePage.objects.live()
        .public()
        .annotate(display_at=Coalesce("published_at", "first_published_at"))
        .filter(display_at__gte=first, display_at__lt=after)
        .select_related("locale")
        .order_by("display_at", "pk")
    )
