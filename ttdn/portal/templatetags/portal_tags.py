import datetime as dt

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Page, Site

from ttdn.core import timefmt
from ttdn.core.search import highlight as search_highlight
from ttdn.pagecache import generation

register = template.Library()


def _urls_by_language(page, request) -> dict[str, str]:
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {t.locale.language_code: t.get_url(request) for t in translations}


def _home_urls(site, request) -> dict[str, str]:
    return {
        home.locale.language_code: home.get_url(request)
        for home in site.root_page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
    }


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per content language: the page's translation, else that home."""
    request = context.get("request")
    page = context.get("page")
    active = get_language()
    urls: dict[str, str] = {}
    if isinstance(page, Page) and page.pk and not getattr(request, "is_preview", 0):
        # The same for every reader of the page: cached until content changes.
        urls = generation.cached(
            f"portal-translations:{page.pk}", lambda: _urls_by_language(page, request)
        )
    site = Site.find_for_request(request) if request else None
    homes = {}
    if site:
        # The same for every page of the site: cached until content changes.
        homes = generation.cached(
            f"portal-homes:{site.pk}", lambda: _home_urls(site, request)
        )
    links = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if not isinstance(page, Page) and request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = urls.get(code) or homes.get(code)
        if url:
            links.append(
                {"code": code, "name": name, "url": url, "active": code == active}
            )
    return links


@register.filter
def highlight(value, query):
    return search_highlight.highlight(value or "", query or "")


@register.filter
def excerpt(value, query=""):
    return search_highlight.excerpt(value or "", query or "")


@register.filter
def short_date(value):
    return timefmt.format_short(value)


@register.filter
def publication(value):
    return timefmt.format_publication(value)


@register.filter
def sitemap_urls(urls):
    """The <url> elements of a sitemap page, written directly: a template loop
    over 10,000 URLs costs more than building the rest of the page."""
    parts = []
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        lastmod = url.get("lastmod")
        if lastmod:
            if isinstance(lastmod, dt.datetime) and timezone.is_aware(lastmod):
                lastmod = timezone.localtime(lastmod)
            parts.append(f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>")
        for alternate in url.get("alternates") or ():
            lang, href = escape(alternate["lang_code"]), escape(alternate["location"])
            parts.append(
                f'<xhtml:link rel="alternate" hreflang="{lang}" href="{href}"/>'
            )
        parts.append("</url>\n")
    return mark_safe("".join(parts))
