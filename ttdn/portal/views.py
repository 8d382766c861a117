"""Public views that are not Wagtail pages: search, robots.txt, error pages."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from . import selectors


@require_GET
def search(request):
    query = selectors.normalise_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    page_obj = None
    if query:
        results = selectors.search_articles(query=query, locale=locale)
        paginator = Paginator(results, settings.TTDN_SEARCH_RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "portal/search.html",
        {
            "query": query,
            "raw_query": request.GET.get("q", "")[:200],
            "page_obj": page_obj,
        },
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /tim-kiem/",
        "Disallow: /en/search/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
