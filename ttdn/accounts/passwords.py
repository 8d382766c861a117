"""Password policy of TCVN 11930 level 3 (docs/security.md#passwords).

* Length and character classes: ``MinimumLengthValidator`` (settings) and
  :class:`CharacterClassesValidator` (letters, digits and another character).
* History: :class:`PasswordHistoryValidator` refuses the last
  ``TTDN_PASSWORD_POLICY["HISTORY"]`` passwords and records every new one (its
  ``password_changed`` is called by Django whenever a password is saved).
* Expiry: after ``MAX_AGE_DAYS`` a signed-in user is sent to the change-password
  page until they change it (:class:`PasswordExpiryMiddleware`); 0 turns it off.
* Logout everywhere: Django's session hash changes with the password, so every
  other session of the user ends at its next request.
"""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PasswordRecord


def policy() -> dict:
    return {"HISTORY": 5, "MAX_AGE_DAYS": 90, **settings.TTDN_PASSWORD_POLICY}


class CharacterClassesValidator:
    """At least one letter, one digit and one other character."""

    def validate(self, password, user=None):
        has_letter = any(c.isalpha() for c in password)
        has_digit = any(c.isdigit() for c in password)
        has_other = any(not c.isalnum() for c in password)
        if not (has_letter and has_digit and has_other):
            raise ValidationError(
                _(
                    "Password: it must contain letters, digits and at least one "
                    "other character (e.g. ! @ # -)."
                ),
                code="password_classes",
            )

    def get_help_text(self):
        return _("Your password must contain letters, digits and another character.")


class PasswordHistoryValidator:
    """Refuses the user's last HISTORY passwords; records each new one."""

    def validate(self, password, user=None):
        count = policy()["HISTORY"]
        if user is None or user.pk is None or not count:
            return
        recent = PasswordRecord.objects.filter(user=user)[:count]
        if any(check_password(password, record.password) for record in recent):
            raise ValidationError(
                _("Password: it must differ from your last %(count)s passwords.")
                % {"count": count},
                code="password_reused",
            )

    def password_changed(self, password, user=None):
        if user is None or user.pk is None:
            return
        PasswordRecord.objects.create(user=user, password=user.password)
        keep = max(policy()["HISTORY"], 1)
        old = PasswordRecord.objects.filter(user=user).values_list("pk", flat=True)[
            keep:
        ]
        PasswordRecord.objects.filter(pk__in=list(old)).delete()

    def get_help_text(self):
        return _("Your password must differ from your recent passwords.")


def password_changed_at(user):
    record = PasswordRecord.objects.filter(user=user).first()
    if record is not None:
        return record.changed_at
    return user.date_joined


def password_expired(user, *, now=None) -> bool:
    days = policy()["MAX_AGE_DAYS"]
    if not days or not user.is_authenticated or not user.has_usable_password():
        return False
    changed = password_changed_at(user)
    return changed is not None and (now or timezone.now()) - changed > dt.timedelta(
        days=days
    )


class PasswordExpiryMiddleware:
    """Sends a user whose password has expired to their account page (where
    Wagtail changes passwords) until they change it."""

    # Back-office pages that stay reachable: the account page (changing the
    # password), logging in and out, password reset, translations.
    ALLOWED_PREFIXES = (
        "/admin/account/",
        "/admin/login/",
        "/admin/logout/",
        "/admin/password_reset/",
        "/admin/jsi18n/",
        "/admin/sprite/",
        "/admin/2fa/",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        # The path first: the portal's readers' sessions are never touched.
        if (
            request.path.startswith("/admin/")
            and not request.path.startswith(self.ALLOWED_PREFIXES)
            and user is not None
            and user.is_authenticated
            and password_expired(user)
        ):
            messages.warning(
                request,
                _(
                    "Your password is more than %(days)s days old: choose a new "
                    "one to continue."
                )
                % {"days": policy()["MAX_AGE_DAYS"]},
            )
            return redirect(reverse("wagtailadmin_account"))
        return self.get_response(request)
