"""Production settings and security headers (issue 11, defect 9): CSP with
nonces, HTTPS redirect on by default, no silent console e-mail, frames denied,
idle sessions ended after 30 minutes; `check --deploy` clean."""

import os
import secrets
import subprocess
import sys
import time

from django.conf import settings as django_settings

import pytest

from ttdn.core.middleware import LAST_SEEN

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "ttdn.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "EMAIL_HOST": "smtp.example.gov.vn",
    "ALLOWED_HOSTS": "ttdn.example.gov.vn",
    "CSRF_TRUSTED_ORIGINS": "https://ttdn.example.gov.vn",
}
PRINT = (
    "import django;django.setup();from django.conf import settings as s;"
    "print(s.SECURE_SSL_REDIRECT, s.X_FRAME_OPTIONS, s.SESSION_COOKIE_SECURE,"
    " s.MAILERS['default']['BACKEND'], s.TTDN_SESSION_IDLE_SECONDS)"
)


def _run(args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("SECURE_SSL_REDIRECT",)}
    return subprocess.run(
        [sys.executable, *args],
        cwd=django_settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_defaults():
    result = _run(["-c", PRINT], **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "DENY",
        "True",
        "django.core.mail.backends.smtp.EmailBackend",
        "1800",
    ]


def test_production_refuses_to_start_without_email():
    env = {**PRODUCTION_ENV, "EMAIL_HOST": ""}
    result = _run(["-c", PRINT], **env)
    assert result.returncode != 0
    assert "EMAIL_HOST must be set in production" in result.stderr


def test_check_deploy_is_clean_with_the_documented_settings():
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_portal_has_a_strict_csp_and_denies_frames(client, home):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_csp_nonce_is_offered_to_templates(rf):
    from django.middleware.csp import ContentSecurityPolicyMiddleware
    from django.template import engines

    template = engines["django"].from_string(
        '<script nonce="{{ csp_nonce }}"></script>'
    )
    request = rf.get("/")

    def view(request):
        from django.http import HttpResponse

        return HttpResponse(template.render({}, request))

    response = ContentSecurityPolicyMiddleware(view)(request)
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert len(nonce) >= 16
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_back_office_gets_its_own_policy(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_idle_session_is_ended(client, superuser):
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_active_session_is_kept(client, superuser):
    client.force_login(superuser)
    client.get("/admin/")
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 29 * 60
    session.save()
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_security_middleware_keeps_portal_pages_cacheable(client, home):
    """Idle timeout, 2FA and password expiry never touch an anonymous reader's
    session: no "Vary: Cookie", so the page cache keeps the page."""
    first = client.get("/")
    assert "cookie" not in first.get("Vary", "").lower()
    assert first["X-Cache"] == "MISS"
    assert client.get("/")["X-Cache"] == "HIT"
