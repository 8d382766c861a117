"""Production: every secret from the environment, HTTPS, real e-mail."""

from django.core.exceptions import ImproperlyConfigured

from . import env
from .base import *  # noqa: F403

if not env.SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

DEBUG = False
SECRET_KEY = env.SECRET_KEY
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.SECURE_SSL_REDIRECT
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading binds every subdomain of the province's domain to HTTPS for good:
# the province's IT department decides (TTDN_HSTS_PRELOAD=true); until then the
# check that recommends it is silenced (docs/security.md#deployment-checklist).
SECURE_HSTS_PRELOAD = env.HSTS_PRELOAD
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
if not env.EMAIL_HOST:
    # Never keep the console backend silently: notices and password resets
    # would be lost.
    raise ImproperlyConfigured("EMAIL_HOST must be set in production.")
if env.EMAIL_HOST:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env.EMAIL_HOST,
                "port": env.EMAIL_PORT,
                "username": env.EMAIL_HOST_USER,
                "password": env.EMAIL_HOST_PASSWORD,
                "use_tls": env.EMAIL_USE_TLS,
            },
        }
    }
