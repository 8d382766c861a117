"""sitemap.xml: an index of pages of at most 10,000 URLs over every language
tree, with hreflang alternates."""

from collections import defaultdict

from django.db.models import Max, Q

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page


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
        return self._pages().order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        # Django's default reads every item of every page for the index; one
        # aggregate answers the same question.
        return self._pages().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for translation in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={p.translation_key for p in pages})
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            translations[translation.translation_key].append(translation)
        urls, last_mods = [], set()
        for item in pages:
            group = translations.get(item.translation_key, [])
            for url_info in item.get_sitemap_urls(self.request):
                if len(group) > 1:
                    url_info["alternates"] = [
                        {
                            "lang_code": t.locale.language_code,
                            "location": t.get_full_url(self.request),
                        }
                        for t in group
                    ]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
