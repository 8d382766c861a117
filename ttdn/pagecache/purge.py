"""What to purge from an external proxy or CDN (wagtail.contrib.frontend_cache)
when a page changes: the page, every listing that shows it — its section (all of
its pagination pages), the home page, their RSS feeds — and the sitemap.

Wagtail's own handler purges the page itself on publish/unpublish; this adds the
listings (the recipe in Wagtail's frontend-cache documentation).
"""

import math

from django.conf import settings

from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page


def enabled() -> bool:
    return bool(get_backends())


def urls_for(page: Page) -> set[str]:
    """Full URLs that show ``page`` (including the page itself)."""
    urls: set[str] = set()
    page = page.specific_deferred
    page_url = page.get_full_url()
    if page_url:
        urls.update(page_url + path.lstrip("/") for path in page.get_cached_paths())
        # Routable sub-pages (print/, save/) of articles.
        urls.update(page_url + suffix for suffix in ("print/", "save/"))
    per_page = getattr(settings, "TTDN_ARTICLES_PER_PAGE", 10)
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        base = ancestor.get_full_url()
        if not base:
            continue
        urls.update({base, base + "feed/"})
        children = ancestor.get_children().live().count()
        for number in range(2, math.ceil(children / per_page) + 2):
            urls.add(f"{base}?page={number}")
        site = ancestor.get_site()
        if site is not None and ancestor.depth == 2:
            urls.add(site.root_url + "/sitemap.xml")
    return urls


def purge_pages(pages) -> None:
    """Send one purge batch for every URL that shows any of ``pages``."""
    if not enabled():
        return
    batch = PurgeBatch()
    for page in pages:
        batch.add_urls(urls_for(page))
    batch.purge()


def purge_urls(urls) -> None:
    if urls and enabled():
        PurgeBatch(urls).purge()
