"""Answer the beacon before the rest of the middleware stack.

The beacon needs no session, user, CSRF token, locale negotiation or page cache;
every public page load sends one, so it is the busiest URL of the site. This
middleware (first in MIDDLEWARE) hands it straight to the view, which sets the
one security header its answers need. The URL stays in the URLconf, so the view
also works without the middleware.
"""

from django.urls import reverse

from . import views


class BeaconMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._path = None

    def __call__(self, request):
        if self._path is None:
            self._path = reverse("analytics:hit")
        if request.path_info == self._path:
            return views.hit(request)
        return self.get_response(request)
