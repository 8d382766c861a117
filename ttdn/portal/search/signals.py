"""Keep the search index current whatever publishes, unpublishes, moves,
restricts or deletes an article: the admin, an import, the demo loader, the
scheduler. The index is derived data (like Wagtail's own search index); it is
written synchronously, so it is complete when the action returns, with or
without a worker."""

from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import index


def _published(sender, instance, **kwargs):
    index.index_article(instance)


def _unpublished(sender, instance, **kwargs):
    index.remove_pages([instance.pk])


def _moved(sender, instance, **kwargs):
    index.index_subtree(instance)


def _restriction_changed(sender, instance, **kwargs):
    # After commit: a restriction is also deleted when its page is, and the
    # subtree must then be read as it is once the deletion is over.
    page_path = instance.page.path
    transaction.on_commit(lambda: index.index_path(page_path))


def _migrated(sender, **kwargs):
    index.rebuild_if_empty()


def connect(app_config=None):
    if app_config is not None:
        post_migrate.connect(
            _migrated, sender=app_config, dispatch_uid="portal_search_migrated"
        )
    page_published.connect(_published, dispatch_uid="portal_search_published")
    page_unpublished.connect(_unpublished, dispatch_uid="portal_search_unpublished")
    post_page_move.connect(_moved, dispatch_uid="portal_search_moved")
    post_save.connect(
        _restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="portal_search_restriction_saved",
    )
    post_delete.connect(
        _restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="portal_search_restriction_deleted",
    )
