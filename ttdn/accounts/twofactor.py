"""Two-factor login for staff (docs/security.md#two-factor-login; ADR 0010).

After the password, a user whose roles require it (``TTDN_2FA["ROLES"]``:
administrators and foreign-affairs officers by default), or who enrolled of
their own accord, gives a 6-digit code from an authenticator app (TOTP,
django-otp) or one of their single-use recovery codes. A user without a device
is led through enrolment first: a QR code drawn on the server (segno, no
external service), the secret for typing in, a code to confirm, and ten recovery
codes shown once. ``TTDN_2FA_REQUIRED=false`` switches the requirement off (a
local demo, the test settings).
"""

import base64

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

import segno
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ttdn.core import audit

from . import selectors

ENROL = "ttdn.2fa_enrol"
VERIFY_FAILED = "ttdn.2fa_failed"
RESET = "ttdn.2fa_reset"
RECOVERY_CODES = 10
DEVICE_NAME = "authenticator"
RECOVERY_NAME = "recovery"


def config() -> dict:
    return settings.TTDN_2FA


def required_for(user) -> bool:
    """Must *user* give a second factor? (Also anyone who enrolled.)"""
    if not user.is_authenticated:
        return False
    if has_device(user):
        return True
    if not config()["REQUIRED"]:
        return False
    if user.is_superuser:
        return True
    return bool(selectors.user_roles(user) & set(config()["ROLES"]))


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The user's enrolment in progress (an unconfirmed device), created once."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (drawn here, offline)."""
    qr = segno.make(device.config_url, error="m")
    return qr.svg_inline(scale=5, dark="#000", light="#fff")


@transaction.atomic
def confirm_enrolment(request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm *device* with a code from the app; returns the new recovery codes
    (shown once) or None for a wrong code."""
    if not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(device.user)
    otp_login(request, device)
    audit.log(instance=device.user, action=ENROL, user=device.user)
    return codes


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODES new ones."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(
        [StaticToken(device=device, token=code) for code in codes]
    )
    return codes


def verify(request, token: str) -> bool:
    """Check a code from the app or a recovery code; a success marks the
    session verified, a failure is an audit entry."""
    token = "".join((token or "").split())
    device = match_token(request.user, token) if token else None
    if device is None:
        # The user itself, not the request's lazy wrapper (Wagtail logs by type).
        user = get_user_model()._default_manager.get(pk=request.user.pk)
        audit.log(instance=user, action=VERIFY_FAILED, user=None)
        return False
    otp_login(request, device)
    return True


@transaction.atomic
def reset(user, *, by) -> None:
    """Remove *user*'s devices (a lost phone): they enrol again at next login."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    audit.log(instance=user, action=RESET, user=audit.actor(by))


def message_wrong_code() -> str:
    return _(
        "Code: not valid. Enter the 6 digits your app shows now, or a recovery code."
    )
