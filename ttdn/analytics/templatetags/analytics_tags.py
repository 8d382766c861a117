from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.translation import get_language

from wagtail.models import Page

from .. import selectors
from ..formatting import format_count
from ..tokens import page_token

register = template.Library()


def _page_id(page) -> int | None:
    return page.pk if isinstance(page, Page) and page.pk else None


@register.filter
def count(value):
    """41466892 → 41.466.892 (vi), 41,466,892 (en)."""
    return format_count(value)


@register.inclusion_tag("analytics/widget.html", takes_context=True)
def visit_statistics(context):
    """The "Thống kê truy cập" box and the beacon that counts this page."""
    request = context.get("request")
    page_id = _page_id(context.get("page"))
    figures = selectors.request_figures(request, page_id=page_id)
    query = {"l": get_language() or ""}
    if page_id is not None:
        query = {"p": page_token(page_id), **query}
    return {
        "figures": figures,
        "display": {name: format_count(v) for name, v in figures.widget().items()},
        "beacon_url": f"{reverse('analytics:hit')}?{urlencode(query)}",
    }


@register.inclusion_tag("analytics/page_views.html", takes_context=True)
def page_views(context, page):
    """ "Số lượt xem: 3.970" for an article (refreshed by the beacon)."""
    figures = selectors.request_figures(context.get("request"), page_id=_page_id(page))
    return {"views": figures.page_views or 0}
