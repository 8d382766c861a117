"""sitemap.xml: an index of pages of at most 10,000 URLs over every language
tree, with hreflang alternates."""

from collections import defaultdict
from urllib.parse import quote

from django.db.models import Max, Q
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page, Site

# What reverse() leaves unquoted in a path (RFC 3986 sub-delimiters and /~:@).
URL_SAFE = "!$&'()*+,;=/~:@"


class PortalSitemap(WagtailSitemap):
    # Pages of the sitemap index (sitemap.xml): small enough to answer quickly
    # and to keep a worker's memory flat; search engines accept up to 50,000.
    limit = 10_000

    def _pages(self):
        site = self.get_wagtail_site()
        in_site = Q()
        for root in site.root_page.get_translations(inclusive=True):
            in_site |= Q(path__startswith=root.path)
        return Page.objects.live().public().filter(in_site)

    def items(self):
        # Rows, not page objects: building 10,000 pages (and their URLs through
        # Page.get_url_parts) costs ten times what the sitemap needs.
        return (
            self._pages()
            .order_by("path")
            .values_list(
                "path",
                "url_path",
                "translation_key",
                "locale__language_code",
                "last_published_at",
                "latest_revision_created_at",
            )
        )

    def get_latest_lastmod(self):
        # Django's default reads every item of every page for the index; one
        # aggregate answers the same question.
        return self._pages().aggregate(latest=Max("last_published_at"))["latest"]

    def _locator(self):
        """url_path → full URL, as Page.get_full_url gives it (same site root
        paths, same language prefix), with one reverse() per language."""
        roots = Site.get_site_root_paths()
        prefixes = {}

        def location(url_path: str) -> str | None:
            for _site_id, root_path, root_url, language in roots:
                if url_path.startswith(root_path):
                    if language not in prefixes:
                        with translation.override(language):
                            prefixes[language] = reverse("wagtail_serve", args=("",))
                    relative = quote(url_path[len(root_path) :], safe=URL_SAFE)
                    return root_url + prefixes[language] + relative
            return None

        return location

    def _urls(self, page, protocol, domain):
        paginator_page = self.paginator.page(page)
        rows = list(paginator_page.object_list)
        if not rows:
            return []
        location = self._locator()
        # Language versions: those on this sitemap page, and the others (outside
        # its path range, so only real translations are read).
        groups = defaultdict(list)
        for _path, url_path, key, language, *_ in rows:
            groups[key].append((language, url_path))
        start = (paginator_page.number - 1) * self.paginator.per_page
        keys_here = self.items()[start : start + len(rows)].values("translation_key")
        others = (
            self._pages()
            .filter(translation_key__in=keys_here)
            .exclude(path__gte=rows[0][0], path__lte=rows[-1][0])
            .values_list("translation_key", "locale__language_code", "url_path")
        )
        for key, language, url_path in others:
            groups[key].append((language, url_path))
        urls, last_mods = [], set()
        for _path, url_path, key, _language, published, revised in rows:
            url = location(url_path)
            if url is None:
                continue
            lastmod = published or revised
            url_info = {"location": url, "lastmod": lastmod}
            group = sorted(groups[key])
            if len(group) > 1:
                url_info["alternates"] = [
                    {"lang_code": language, "location": location(other)}
                    for language, other in group
                ]
            urls.append(url_info)
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
