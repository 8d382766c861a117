"""Invalidate cached pages when public content changes.

Publishing, unpublishing, moving or deleting a page bumps the generation (every
page of our own cache is missed at once) and purges the page and the listings
that show it from an external proxy/CDN when one is configured. Editing content
that every page shows (footer, settings, sites, locales, redirects, images)
bumps the generation too. Draft saves change nothing public and bump nothing.

Bumps happen at once and again after the transaction commits, so a request that
read the old rows just before the commit cannot cache them under the new
generation.
"""

import logging

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import generation, purge

logger = logging.getLogger(__name__)

# Models whose rows appear on every public page (besides pages themselves).
WATCHED = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailredirects.redirect",
    "portal.footertext",
    "core.portalimage",
}


def _bump_after_commit() -> None:
    generation.bump()


def invalidate() -> None:
    """Bump now, and once more after the transaction commits (registered once per
    transaction, however many pages a deletion or a bulk action touches)."""
    generation.bump()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        entry[1] is _bump_after_commit for entry in connection.run_on_commit
    ):
        transaction.on_commit(_bump_after_commit)


def _is_setting(sender) -> bool:
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return issubclass(sender, BaseSiteSetting | BaseGenericSetting)


def _watched(sender) -> bool:
    return sender._meta.label_lower in WATCHED or _is_setting(sender)


def _page_changed(sender, instance, **kwargs):
    invalidate()
    _purge_later([instance])


def _page_moved(sender, instance, parent_page_before=None, url_path_before=None, **kw):
    invalidate()
    pages = [instance]
    if parent_page_before is not None:
        pages.append(parent_page_before)
    _purge_later(pages)


def _page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page) and sender is type(instance) and purge.enabled():
        # After deletion the page has no URL any more: collect them now.
        instance._ttdn_purge_urls = purge.urls_for(instance)


def _page_deleted(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        if _watched(sender):
            invalidate()
        return
    invalidate()
    urls = getattr(instance, "_ttdn_purge_urls", None)
    if urls:
        transaction.on_commit(lambda: purge.purge_urls(urls))


def _saved(sender, instance, created=False, **kwargs):
    if isinstance(instance, Page) or not _watched(sender):
        return
    if created and _is_setting(sender):
        # Settings rows are created with their defaults the first time a page
        # reads them: nothing public changes.
        return
    invalidate()


def _purge_later(pages):
    if purge.enabled():
        transaction.on_commit(lambda: _safe_purge(pages))


def _safe_purge(pages):
    try:
        purge.purge_pages(pages)
    except Exception:  # a CDN outage must not break publishing
        logger.exception("Front-end cache purge failed")


def after_migrate(sender, **kwargs):
    generation.bump()


def connect() -> None:
    page_published.connect(_page_changed, dispatch_uid="ttdn.pagecache.published")
    page_unpublished.connect(_page_changed, dispatch_uid="ttdn.pagecache.unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="ttdn.pagecache.moved")
    pre_delete.connect(_page_deleting, dispatch_uid="ttdn.pagecache.deleting")
    post_delete.connect(_page_deleted, dispatch_uid="ttdn.pagecache.deleted")
    post_save.connect(_saved, dispatch_uid="ttdn.pagecache.saved")
    # Make sure every watched model exists (a typo would silently watch nothing).
    for label in WATCHED:
        apps.get_model(label)
