"""Login protection and the login audit (docs/security.md#login).

django-axes counts failed logins per account and per address and locks either
after ``AXES_FAILURE_LIMIT`` failures; this module gives it the reader's address
(as the analytics do: REMOTE_ADDR or the trusted proxy's header) and the
Vietnamese lockout page. Every login, failed login and logout also becomes an
audit entry on the account (unknown user names are kept by axes' failure log).
"""

import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from . import services


def client_ip(request) -> str:
    header = settings.TTDN_ANALYTICS.get("CLIENT_IP_HEADER") or ""
    value = request.META.get(header, "") if header else ""
    if value:
        return value.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "") or "0.0.0.0"


def lockout_response(request, original_response=None, credentials=None):
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    html = render_to_string(
        "accounts/locked_out.html",
        {
            "message": _(
                "Too many failed login attempts: this account or this network "
                "address is locked for %(minutes)s minutes. Try again later or "
                "ask an administrator to unlock it."
            )
            % {"minutes": minutes},
            "minutes": minutes,
        },
        request=request,
    )
    return HttpResponse(html, status=429)


def _user_named(username):
    if not username:
        return None
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


def on_logged_in(sender, request, user, **kwargs):
    services.log_login(user)


def on_login_failed(sender, credentials, request=None, **kwargs):
    user = _user_named((credentials or {}).get("username"))
    if user is not None:
        services.log_login_failed(user)


def on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        services.log_logout(user)
