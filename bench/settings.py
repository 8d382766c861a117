"""The product as `make run` serves it, for `make bench` (bench/run.py).

Only two things differ from ttdn.settings.dev: a trivial view under /bench/ (the
framework's upper bound, measurement (4)) and that path kept out of the page
cache. The database, static files and the page-cache generation live under
TTDN_VAR_DIR (var/bench/product), never in the development database.
"""

from ttdn.settings.dev import *  # noqa: F403
from ttdn.settings.dev import TTDN_PAGE_CACHE

DEBUG = False
ROOT_URLCONF = "bench.urls"
TTDN_PAGE_CACHE = {
    **TTDN_PAGE_CACHE,
    "SKIP_PREFIXES": [*TTDN_PAGE_CACHE["SKIP_PREFIXES"], "/bench/"],
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}
# The pages measured need the portal's demo content (and its starting figures);
# other parts' demo data is not loaded into the bench database.
TTDN_DEMO_LOADERS = [
    "ttdn.portal.demo.loader.load_demo",
    "ttdn.analytics.demo.load",
]
