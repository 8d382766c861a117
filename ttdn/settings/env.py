"""Every environment variable the project reads, in one place.

`.env.example` lists the same variables with their defaults. Settings modules import
values from here; nothing else in the code base reads ``os.environ``.
"""

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("TTDN_VAR_DIR", BASE_DIR / "var"))


def _str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def _bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in _str(name, default).split(",") if item.strip()]


def persistent_secret_key() -> str:
    """A development secret kept in var/secret_key so sessions survive restarts."""
    path = VAR_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


SECRET_KEY = _str("SECRET_KEY")
DEBUG = _bool("DEBUG", False)
ALLOWED_HOSTS = _list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = _list("CSRF_TRUSTED_ORIGINS")
# Database: SQLite file under var/ unless DATABASE_URL says otherwise (postgres://…).
DATABASE_URL = _str("DATABASE_URL")
# [60] Seconds a database connection is kept for the next request (0: one per
# request).
DB_CONN_MAX_AGE = _int("DB_CONN_MAX_AGE", 60)
# Redis: cache (and later counters) when set; local memory otherwise.
REDIS_URL = _str("REDIS_URL")
# Content languages, default first: e.g. "vi,en" or "vi,en,lo,zh-hans".
CONTENT_LANGUAGES = _list("TTDN_CONTENT_LANGUAGES", "vi,en")
SITE_BASE_URL = _str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
SITE_NAME = _str("TTDN_SITE_NAME", "Cổng thông tin đối ngoại")
MEDIA_ROOT = Path(_str("MEDIA_ROOT") or VAR_DIR / "media")
STATIC_ROOT = Path(_str("STATIC_ROOT") or VAR_DIR / "static")
EMAIL_HOST = _str("EMAIL_HOST")
EMAIL_PORT = _int("EMAIL_PORT", 587)
EMAIL_HOST_USER = _str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = _str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = _bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = _str("DEFAULT_FROM_EMAIL", "ttdn@localhost")
# Password given to the demo accounts `make run` creates; generated when empty.
DEMO_PASSWORD = _str("TTDN_DEMO_PASSWORD")
# Tests: fail instead of skipping when PostgreSQL/Redis or Chromium are missing.
REQUIRE_SERVICES = _bool("TTDN_REQUIRE_SERVICES", False)
REQUIRE_BROWSER = _bool("TTDN_REQUIRE_BROWSER", False)
CHROMIUM_PATH = _str("TTDN_CHROMIUM", "/usr/bin/chromium")
SERVE_MEDIA = _bool("TTDN_SERVE_MEDIA", True)
LOG_LEVEL = _str("LOG_LEVEL", "INFO")
# [true] Production redirects HTTP to HTTPS (false only behind a proxy that does).
SECURE_SSL_REDIRECT = _bool("SECURE_SSL_REDIRECT", True)
# [false] Production: ask browsers to preload HSTS for the whole domain.
HSTS_PRELOAD = _bool("TTDN_HSTS_PRELOAD", False)
# [1800] Back-office sessions end after this many seconds without a request.
SESSION_IDLE_SECONDS = _int("TTDN_SESSION_IDLE_SECONDS", 30 * 60)
# Files (documents, issued reports) the application has checked are handed to the
# web server to send: "" (Django streams them), "nginx" (X-Accel-Redirect to
# TTDN_SENDFILE_URL, an internal location) or "xsendfile" (Apache, Caddy).
SENDFILE = _str("TTDN_SENDFILE")
SENDFILE_URL = _str("TTDN_SENDFILE_URL", "/protected-media/")
# Login lockout: failures in a row before an account or address is locked, and
# for how many minutes; TTDN_LOGIN_LOCKOUT=false turns it off (tests only).
AXES_ENABLED = _bool("TTDN_LOGIN_LOCKOUT", True)
LOGIN_FAILURE_LIMIT = _int("TTDN_LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_MINUTES = _int("TTDN_LOGIN_LOCKOUT_MINUTES", 30)
# Two-factor login: [true] required for the roles below (false: a local demo or
# a test run); [administrator,foreign_affairs_officer] the roles that need it.
TWO_FACTOR_REQUIRED = _bool("TTDN_2FA_REQUIRED", True)
TWO_FACTOR_ROLES = _list("TTDN_2FA_ROLES", "administrator,foreign_affairs_officer")
# Password policy (docs/security.md#passwords): [12] minimum length, [5] earlier
# passwords that may not be reused, [90] days before a password must be changed
# (0: never).
PASSWORD_MIN_LENGTH = _int("TTDN_PASSWORD_MIN_LENGTH", 12)
PASSWORD_HISTORY = _int("TTDN_PASSWORD_HISTORY", 5)
PASSWORD_MAX_AGE_DAYS = _int("TTDN_PASSWORD_MAX_AGE_DAYS", 90)
# Monitoring: local or private host names, addresses or networks (comma-separated)
# the fetcher may reach all the same; empty: public addresses only.
MONITORING_ALLOWED_ADDRESSES = _list("TTDN_MONITORING_ALLOWED_ADDRESSES")
# Audience statistics (docs/analytics.md): counter backend "database" (default) or
# "redis" (needs TTDN_ANALYTICS_REDIS_URL or REDIS_URL).
ANALYTICS_BACKEND = _str("TTDN_ANALYTICS_BACKEND", "database")
ANALYTICS_REDIS_URL = _str("TTDN_ANALYTICS_REDIS_URL")
# Header a trusted reverse proxy puts the reader's address in, as Django names it
# (e.g. HTTP_X_REAL_IP); empty: REMOTE_ADDR. Used only to hash visitors.
CLIENT_IP_HEADER = _str("TTDN_CLIENT_IP_HEADER")
# Full-page cache for anonymous readers (docs/deployment.md); 0 turns it off.
PAGE_CACHE_TTL = _int("TTDN_PAGE_CACHE_TTL", 300)
# External proxy/CDN purged on publish (wagtail.contrib.frontend_cache); off when
# empty. HTTP PURGE (nginx, Varnish): comma-separated base URLs of the caches.
FRONTEND_CACHE_URLS = _list("TTDN_FRONTEND_CACHE_URLS")
# Cloudflare: an API token with "Cache Purge" permission and the zone id.
CLOUDFLARE_API_TOKEN = _str("TTDN_CLOUDFLARE_API_TOKEN")
CLOUDFLARE_ZONE_ID = _str("TTDN_CLOUDFLARE_ZONE_ID")

# Search scale-out (docs/deployment.md): an OpenSearch server for Wagtail's search.
OPENSEARCH_URL = _str("TTDN_OPENSEARCH_URL")
PORTAL_SEARCH = _str("TTDN_PORTAL_SEARCH", "index")
