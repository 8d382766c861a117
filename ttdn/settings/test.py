"""Tests: the database comes from DATABASE_URL (SQLite by default), tasks run inline."""

import os

from .base import *  # noqa: F403
from .base import CACHES, VAR_DIR

SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
DEBUG = False
ALLOWED_HOSTS = ["*"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = VAR_DIR / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Two-factor login off except in its own tests (ttdn/accounts/tests/security/).
TTDN_2FA = {**TTDN_2FA, "REQUIRED": False}  # noqa: F405
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Several test runs may share this machine (and its PostgreSQL and Redis): each run
# gets its own database and cache key prefix.
RUN_ID = os.getpid()
# A fresh clone has no var/ yet: the SQLite test database and the page-cache
# generation file live there.
VAR_DIR.mkdir(parents=True, exist_ok=True)
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    CACHES["default"]["KEY_PREFIX"] = f"ttdn-test-{RUN_ID}"
WAGTAILADMIN_BASE_URL = "http://testserver"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A real file (not :memory:) so WAL mode and concurrent writers behave as in use.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(VAR_DIR / f"test-db-{RUN_ID}.sqlite3")
    }
else:
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": f"test_{DATABASES['default']['NAME']}_{RUN_ID}"  # noqa: F405
    }
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
# Per-run page-cache generation file and analytics Redis keys (runs may share
# this machine and its Redis).
TTDN_PAGE_CACHE = {
    **TTDN_PAGE_CACHE,  # noqa: F405
    "GENERATION_FILE": VAR_DIR / f"test-page-cache-generation-{RUN_ID}",
}
TTDN_ANALYTICS = {
    **TTDN_ANALYTICS,  # noqa: F405
    "BACKEND": "database",
    "KEY_PREFIX": f"ttdn-test-{RUN_ID}:analytics",
    "ONLINE_CACHE_SECONDS": 0,
    "BEACON_FIGURES_SECONDS": 0,
}
