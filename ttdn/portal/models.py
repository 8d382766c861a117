"""Public portal pages: home, sections, articles, photo library, fixed pages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from ttdn.core.timefmt import format_publication
from ttdn.pagecache import generation
from ttdn.pagecache.routing import CachedRouteMixin

from .blocks import BodyBlock


class PortalPage(Page):
    """Behaviour every public page shares: breadcrumbs, social metadata."""

    social_image = models.ForeignKey(
        "core.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social sharing image"),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    class Meta:
        abstract = True

    def breadcrumbs(self):
        """Ancestors from the home page down, without the tree root (cached
        until content changes; the template asks twice)."""
        crumbs = self.__dict__.get("_breadcrumbs")
        if crumbs is None:
            crumbs = generation.cached(
                f"portal-crumbs:{self.pk}",
                lambda: list(self.get_ancestors().filter(depth__gt=1).live()),
            )
            self.__dict__["_breadcrumbs"] = crumbs
        return crumbs

    def get_meta_description(self):
        return self.search_description

    def get_social_image(self):
        return self.social_image


class HomePage(CachedRouteMixin, RoutablePageMixin, PortalPage):
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown under the site name.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = [
        "portal.SectionPage",
        "portal.GalleryIndexPage",
        "portal.StandardPage",
    ]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["section_blocks"] = selectors.home_sections(home=self)
        context["latest_articles"] = selectors.article_list(locale=self.locale)[:6]
        context["galleries"] = selectors.gallery_teaser(home=self)
        context["fixed_pages"] = selectors.fixed_pages(home=self)
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import ArticleFeed

        return ArticleFeed(home=self)(request)


class SectionPage(RoutablePageMixin, PortalPage):
    """A chuyên mục: its articles newest first, and an RSS feed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.ArticlePage"]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def get_context(self, request, *args, **kwargs):
        from django.conf import settings
        from django.core.paginator import Paginator

        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(
            selectors.section_listing(section=self), settings.TTDN_ARTICLES_PER_PAGE
        )
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import ArticleFeed

        return ArticleFeed(home=self.get_parent().specific, section=self)(request)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "portal.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(RoutablePageMixin, PortalPage):
    lead = models.TextField(
        _("lead"),
        help_text=_("The sapo: one or two sentences under the headline."),
        blank=True,
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Shown to readers (GMT+7). Empty: the time the article is first published."
        ),
    )
    published_time_known = models.BooleanField(
        _("time of day known"),
        default=True,
        help_text=_("Untick for old articles whose source gives only a date."),
    )
    author = models.CharField(_("author / pen name"), max_length=255, blank=True)
    poster = models.CharField(
        _("posted by"),
        max_length=255,
        blank=True,
        help_text=_("Empty: the name of the account that created the article."),
    )
    source = models.CharField(_("source"), max_length=255, blank=True)
    source_url = models.URLField(_("source address"), blank=True, max_length=500)
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown first in its section.")
    )
    listing_image = models.ForeignKey(
        "core.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("listing image"),
    )
    tags = ClusterTaggableManager(
        through=ArticlePageTag, blank=True, verbose_name=_("tags")
    )
    import_fingerprint = models.CharField(
        max_length=64, blank=True, db_index=True, editable=False
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("published_at"), FieldPanel("published_time_known")]
                ),
                FieldRowPanel([FieldPanel("author"), FieldPanel("poster")]),
                FieldRowPanel([FieldPanel("source"), FieldPanel("source_url")]),
                FieldPanel("tags"),
                FieldPanel("featured"),
            ],
            heading=_("Publication details"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
        index.SearchField("author"),
        index.SearchField("source"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.AutocompleteField("lead"),
        index.FilterField("published_at"),
        index.FilterField("featured"),
    ]
    parent_page_types = ["portal.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    # --- display helpers -------------------------------------------------------
    @property
    def display_date(self):
        return self.published_at or self.first_published_at or self.go_live_at

    @property
    def display_date_text(self) -> str:
        return format_publication(
            self.display_date,
            with_time=self.published_time_known or not self.published_at,
        )

    @property
    def display_poster(self) -> str:
        if self.poster:
            return self.poster
        if self.owner_id:
            return str(self.owner)
        return ""

    def get_social_image(self):
        return self.social_image or self.listing_image or self.first_body_image()

    def get_meta_description(self):
        return self.search_description or self.lead

    @property
    def plain_text(self) -> str:
        """Lead and body as plain text (search snippets, downloads)."""
        parts = [self.lead]
        for block in self.body:
            parts.extend(block.block.get_searchable_content(block.value))
        return " ".join(strip_tags(part) for part in parts if part)

    def first_body_image(self):
        for block in self.body:
            if block.block_type == "image":
                return block.value["image"]
        return None

    def clean(self):
        super().clean()
        if not self.published_time_known and not self.published_at:
            raise ValidationError(
                {
                    "published_time_known": _(
                        "Give the publication date before marking its time unknown."
                    )
                }
            )

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        # Read once (head, footer, related news), and only when a cached
        # fragment of the page does not already hold them.
        tags = SimpleLazyObject(lambda: list(self.tags.all()))
        context["article_tags"] = tags
        context["related_articles"] = SimpleLazyObject(
            lambda: selectors.related_articles(article=self, tags=tags)
        )
        return context

    # --- print and save (Decree 42/2022) ---------------------------------------
    @path("print/", name="print")
    def print_view(self, request):
        return self.render(request, template="portal/article_page_print.html")

    @path("save/", name="save")
    def save_view(self, request):
        html = render_to_string(
            "portal/article_page_save.html",
            {"page": self, "self": self, "request": request},
            request=request,
        )
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        filename = f"{slugify(self.slug) or 'bai-viet'}.html"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class GalleryIndexPage(PortalPage):
    """Thư viện ảnh: the albums, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.GalleryPage"]

    class Meta:
        verbose_name = _("photo library")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(selectors.gallery_list(index=self), 12)
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        return context


class GalleryPage(PortalPage):
    """An album of photos with captions."""

    date = models.DateField(_("date"), null=True, blank=True)
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        InlinePanel("photos", label=_("Photos"), min_num=1),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.GalleryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("photo album")
        verbose_name_plural = _("photo albums")

    def get_social_image(self):
        first = self.photos.first()
        return self.social_image or (first.image if first else None)


class GalleryPhoto(Orderable):
    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "core.PortalImage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("image"),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    @property
    def display_caption(self):
        return self.caption or self.image.caption


class StandardPage(PortalPage):
    """Fixed pages: giới thiệu, cơ cấu tổ chức, liên hệ."""

    lead = models.TextField(_("lead"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]
    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("fixed page")
        verbose_name_plural = _("fixed pages")


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """The portal footer, one per language: who runs the site and how to reach it."""

    organisation = models.CharField(_("organisation"), max_length=255)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("telephone"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    responsible = models.CharField(_("person responsible"), max_length=255, blank=True)
    licence = models.CharField(_("licence"), max_length=255, blank=True)
    notes = RichTextField(_("notes"), blank=True, features=["bold", "italic", "link"])

    panels = [
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("responsible"),
        FieldPanel("licence"),
        FieldPanel("notes"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return f"{self.organisation} ({self.locale})"


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Site-wide options editable by administrators."""

    articles_per_section_on_home = models.PositiveSmallIntegerField(
        _("articles per section on the home page"), default=5
    )

    panels = [FieldPanel("articles_per_section_on_home")]

    class Meta:
        verbose_name = _("portal settings")


class SearchEntry(models.Model):
    """One live, public article as the portal search and listings find it.

    Derived from the article by :mod:`ttdn.portal.search.index` whenever it is
    published, unpublished, moved, restricted or deleted, and rebuilt in bulk by
    ``manage.py update_portal_search``. ``terms`` holds the article's syllables
    and syllable pairs (:mod:`ttdn.core.search.vietnamese`) and its language and
    section as terms; PostgreSQL indexes it with a GIN index over the generated
    column ``terms_vector`` = ``array_to_tsvector(string_to_array(terms, ' '))``,
    SQLite with the FTS5 table
    ``portal_searchentry_fts`` (rowid = ``rank_key``) kept in step by triggers
    (migration 0003). ``rank_key`` orders by publication time, newest last:
    seconds since 1970 × 2²⁴ + page id, so "newest first" is one index walk.
    """

    RANK_SHIFT = 1 << 24

    page = models.OneToOneField(
        Page, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )
    section = models.ForeignKey(
        Page, null=True, on_delete=models.CASCADE, related_name="+"
    )
    display_at = models.DateTimeField()
    rank_key = models.BigIntegerField(unique=True)
    featured = models.BooleanField(default=False)
    title = models.TextField()
    terms = models.TextField()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            models.Index(
                fields=["locale", "-rank_key"], name="portal_search_locale_rank"
            ),
            models.Index(
                fields=["section", "-rank_key"], name="portal_search_section_rank"
            ),
            models.Index(
                fields=["section", "featured", "-rank_key"],
                name="portal_search_featured_rank",
            ),
        ]

    def __str__(self):
        return self.title

    @classmethod
    def rank_key_for(cls, moment, page_id: int) -> int:
        return int(moment.timestamp()) * cls.RANK_SHIFT + page_id % cls.RANK_SHIFT


class LinkKind(models.TextChoices):
    STATE_PORTAL = "state_portal", _("State portals")
    PUBLIC_SERVICES = "public_services", _("Public services")
    PROCEDURES = (
        "procedures",
        _("Administrative procedures of the foreign-affairs body"),
    )


@register_snippet
class StateLink(TranslatableMixin, models.Model):
    """A link in the footer's block of links (Decree 42/2022 Art. 7: correct
    links to other state portals; the national public-service portal and the
    foreign-affairs body's administrative procedures), one list per language."""

    kind = models.CharField(
        _("group"),
        max_length=20,
        choices=LinkKind.choices,
        default=LinkKind.STATE_PORTAL,
    )
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("address (URL)"), max_length=500)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("link to another portal")
        verbose_name_plural = _("links to other portals")
        ordering = ["kind", "sort_order", "pk"]

    def __str__(self):
        return f"{self.title} ({self.locale})"
