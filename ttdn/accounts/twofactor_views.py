"""The second step of the back-office login: enrolment and verification
(twofactor.py), in the look of Wagtail's login page."""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View

from . import twofactor

SETUP_PREFIX = "/admin/2fa/"
EXEMPT_PREFIXES = (
    "/admin/login/",
    "/admin/logout/",
    SETUP_PREFIX,
    "/admin/jsi18n/",
    "/admin/password_reset/",
    # Wagtail's icon sprite, fetched by every admin page (the second step's too).
    "/admin/sprite/",
)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                   "autofocus": True}
        ),
    )  # fmt: skip


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


class TwoFactorMiddleware:
    """Sends a signed-in user who must give a second factor, and has not yet in
    this session, to verification (or to enrolment when they have no device)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        # The path first: the portal's readers' sessions are never touched.
        if (
            request.path.startswith("/admin/")
            and not request.path.startswith(EXEMPT_PREFIXES)
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and twofactor.required_for(user)
        ):
            name = (
                "accounts_2fa_verify"
                if twofactor.has_device(user)
                else "accounts_2fa_setup"
            )
            return redirect(f"{reverse(name)}?next={request.get_full_path()}")
        return self.get_response(request)


class _SignedIn(View):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)


class SetupView(_SignedIn):
    template_name = "accounts/2fa/setup.html"

    def _render(self, request, form, status=200):
        device = twofactor.pending_device(request.user)
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "qr": twofactor.qr_svg(device),
                "secret": twofactor.secret_base32(device),
                "next": _next(request),
            },
            status=status,
        )

    def get(self, request):
        if twofactor.has_device(request.user) and not request.user.is_verified():
            return redirect(reverse("accounts_2fa_verify"))
        return self._render(request, CodeForm())

    def post(self, request):
        if twofactor.has_device(request.user) and not request.user.is_verified():
            return redirect(reverse("accounts_2fa_verify"))
        form = CodeForm(request.POST)
        if form.is_valid():
            device = twofactor.pending_device(request.user)
            codes = twofactor.confirm_enrolment(
                request, device, form.cleaned_data["code"].strip()
            )
            if codes is not None:
                return render(
                    request,
                    "accounts/2fa/recovery_codes.html",
                    {"codes": codes, "next": _next(request)},
                )
            form.add_error("code", twofactor.message_wrong_code())
        return self._render(request, form, status=200)


class VerifyView(_SignedIn):
    template_name = "accounts/2fa/verify.html"

    def get(self, request):
        if not twofactor.has_device(request.user):
            return redirect(reverse("accounts_2fa_setup"))
        return render(
            request, self.template_name, {"form": CodeForm(), "next": _next(request)}
        )

    def post(self, request):
        form = CodeForm(request.POST)
        if form.is_valid() and twofactor.verify(request, form.cleaned_data["code"]):
            return redirect(_next(request))
        if form.is_valid():
            form.add_error("code", twofactor.message_wrong_code())
        return render(
            request, self.template_name, {"form": form, "next": _next(request)}
        )
