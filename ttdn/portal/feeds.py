"""RSS 2.0 feeds: one per section and one for the whole site, per language."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from . import selectors

FEED_LENGTH = 20


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, *, home, section=None):
        super().__init__()
        self.home = home
        self.section = section
        self.language = home.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        if self.section is not None:
            return f"{self.section.title} — {self.home.title}"
        return self.home.title

    def link(self):
        return (self.section or self.home).get_url(request=self.request)

    def description(self):
        if self.section is not None:
            return _("Latest articles in %(section)s") % {"section": self.section.title}
        return _("Latest articles")

    def feed_url(self):
        page = self.section or self.home
        return page.get_url(request=self.request) + "feed/"

    def items(self):
        articles = selectors.article_list(
            locale=self.home.locale, section=self.section
        ).prefetch_related("tags")
        return articles[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_guid(self, item):
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return item.display_date

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
