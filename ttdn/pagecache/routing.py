"""Page routing without walking the tree on every request.

Wagtail resolves ``/section/article/`` by loading every page on the way (two
queries per level). The route a walk finds depends only on the live page tree,
and every change to it (publish, unpublish, move, delete, site edits) bumps the
content generation, so the result — the page object — can be remembered under
the generation: the next request takes it from the cache (no query) and lets it
finish the route (its own sub-routes such as ``print/``).

A route not remembered yet is looked up by ``url_path`` — the page and its
ancestors in one query, then the page as its own type — unless an ancestor's
sub-routes (``feed/``…) would answer the path first, as Wagtail's walk lets
them; then, and for anything not found, Wagtail walks the tree as usual.
Misses (404) are not remembered.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import Resolver404

from wagtail.contrib.routable_page.models import RoutablePageMixin

from . import generation

_MISSING = object()


def _sub_route_answers(model, components) -> bool:
    """Would a routable page of this type answer these remaining components?"""
    if not issubclass(model, RoutablePageMixin):
        return False
    try:
        model.get_resolver().resolve("/" + "/".join(components) + "/")
    except (Resolver404, Http404):
        return False
    return True


class CachedRouteMixin:
    """Put first in the bases of the site's root page type (the home page)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        path = "/".join(path_components)
        digest = hashlib.sha256(path.encode()).hexdigest()[:32]
        key = f"pagecache:{generation.current()}:route:{self.pk}:{digest}"
        store = generation.cache()
        found = generation.safe_get(store, key, _MISSING)
        if found is not _MISSING:
            page, consumed = found
            return page.route(request, path_components[consumed:])
        page = self._find_by_url_path(path_components)
        if page is not None:
            result = page.route(request, [])
        else:
            result = super().route(request, path_components)
            page = result.page
        consumed = page.depth - self.depth
        if page.pk != self.pk and 0 < consumed <= len(path_components):
            store.set(key, (page, consumed), 300)
        return result

    def _find_by_url_path(self, path_components):
        """The page at exactly this path, as its own type, or None when Wagtail's
        walk must decide (a sub-route could answer first, or nothing is there)."""
        from wagtail.models import Page

        if _sub_route_answers(type(self), path_components):
            return None
        prefixes = [
            self.url_path + "/".join(path_components[:n]) + "/"
            for n in range(1, len(path_components) + 1)
        ]
        rows = list(
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
            .order_by("depth")
            .values_list("pk", "depth", "content_type_id")
        )
        if len(rows) != len(path_components) or rows[-1][1] != self.depth + len(rows):
            return None
        for index, (_pk, _depth, content_type_id) in enumerate(rows[:-1]):
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None or _sub_route_answers(model, path_components[index + 1 :]):
                return None
        pk, _depth, content_type_id = rows[-1]
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        return model.objects.filter(pk=pk).first() if model else None
