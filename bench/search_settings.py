"""bench/search_scale.py: the development settings with the page cache off,
tasks run in-process and quiet logging (the database comes from the script)."""

from ttdn.settings.dev import *  # noqa: F403

DEBUG = False
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}
# No collectstatic for the bench: plain static URLs.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
