"""The back office's security headers and idle-session timeout
(docs/security.md#sessions-and-headers).

* ``/admin/`` gets ``settings.TTDN_ADMIN_CSP`` (Wagtail's admin runs inline
  scripts) instead of the portal's nonce-based policy, and may frame itself
  (page previews); every other page keeps ``X-Frame-Options: DENY``.
* A signed-in session ends after ``TTDN_SESSION_IDLE_SECONDS`` without a request:
  the user is signed out and sent to the login page with a message.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"
LAST_SEEN = "_ttdn_last_seen"
# The session is written at most this often only to move the idle clock.
TOUCH_SECONDS = 60


class BackOfficeSecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        expired = self._idle_expired(request)
        if expired is not None:
            return expired
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX):
            if not hasattr(response, "_csp_config"):
                response._csp_config = settings.TTDN_ADMIN_CSP
            response.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response

    def _idle_expired(self, request):
        # Anonymous readers have no session cookie: their session (and user) is
        # never touched, so cached pages stay cacheable (no "Vary: Cookie").
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if session is None or user is None or not user.is_authenticated:
            return None
        limit = settings.TTDN_SESSION_IDLE_SECONDS
        now = int(time.time())
        last_seen = session.get(LAST_SEEN)
        if limit and last_seen is not None and now - last_seen > limit:
            logout(request)
            messages.warning(
                request,
                _(
                    "You were signed out after %(minutes)s minutes without "
                    "activity. Please sign in again."
                )
                % {"minutes": limit // 60},
            )
            return redirect_to_login(request.get_full_path())
        if last_seen is None or now - last_seen >= TOUCH_SECONDS:
            session[LAST_SEEN] = now
        return None
