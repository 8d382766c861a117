"""The beacon: every public page reports itself here (JavaScript POST, or a 1×1
image inside <noscript>), so that pages served from a cache are counted too."""

import base64
import json

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .formatting import format_count
from .tokens import page_from_token

# A transparent 1×1 GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
NO_STORE = "no-store, no-cache, must-revalidate, max-age=0, private"


def _language(code: str) -> str:
    languages = dict(settings.LANGUAGES)
    return code if code in languages else settings.LANGUAGE_CODE


def _no_store(response):
    """Never kept by a browser or a proxy: every load must reach the server."""
    response["Cache-Control"] = NO_STORE
    response["Expires"] = "0"
    # Answered before SecurityMiddleware (BeaconMiddleware): its header here.
    response["X-Content-Type-Options"] = "nosniff"
    return response


@csrf_exempt  # cached pages carry no CSRF token; the beacon only counts
@require_http_methods(["GET", "POST"])
def hit(request):
    page_id = page_from_token(request.GET.get("p", ""))
    if request.method == "GET":  # the <noscript> image
        services.count_request(request, page_id=page_id)
        return _no_store(HttpResponse(PIXEL, content_type="image/gif"))
    result = services.count_request(request, page_id=page_id, with_figures=True)
    figures = (
        result.figures
        if result is not None
        else selectors.site_figures(page_id=page_id)  # a bot: shown, not counted
    )
    language = _language(request.GET.get("l", ""))
    widget = figures.widget()
    data = {
        "counted": result is not None,
        "figures": widget,
        "display": {name: format_count(v, language) for name, v in widget.items()},
    }
    if page_id is not None:
        data["views"] = figures.page_views
        data["views_display"] = format_count(figures.page_views, language)
    return _no_store(HttpResponse(json.dumps(data), content_type="application/json"))
