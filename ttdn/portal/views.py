"""Public views that are not Wagtail pages: search, robots.txt, error pages."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from .search import query as search_query
from .search.forms import SearchForm


@require_GET
def search(request):
    form = SearchForm(request.GET)
    valid = form.is_valid()
    data = form.cleaned_data if valid else {}
    query = data.get("q", "")
    active = Locale.get_active()
    locale = active
    if data.get("lang"):
        locale = Locale.objects.filter(language_code=data["lang"]).first() or active
    filters = search_query.Filters(
        locale_id=locale.pk,
        section_id=data.get("section"),
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )
    results = page_obj = None
    if query and valid:
        results = search_query.search(
            query, filters=filters, sort=data.get("sort") or "relevance"
        )
        if results.matches is not None:
            paginator = Paginator(
                results.matches, settings.TTDN_SEARCH_RESULTS_PER_PAGE
            )
            page_obj = paginator.get_page(request.GET.get("page"))
    filtered = bool(data.get("section") or data.get("date_from") or data.get("date_to"))
    return render(
        request,
        "portal/search.html",
        {
            "form": form,
            "query": query,
            "raw_query": request.GET.get("q", "")[:200],
            "results": results,
            "page_obj": page_obj,
            "filtered": filtered,
            "sort": data.get("sort") or "relevance",
            "search_locale": locale,
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
