"""Settings shared by every environment; environment values come from env.py."""

import dj_database_url

from . import env

BASE_DIR = env.BASE_DIR
PROJECT_DIR = BASE_DIR / "ttdn"
VAR_DIR = env.VAR_DIR

SECRET_KEY = env.SECRET_KEY
DEBUG = env.DEBUG
ALLOWED_HOSTS = env.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    "ttdn.core",
    "ttdn.portal",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    # Last: its post_migrate handler grants role permissions once every other
    # app's permissions exist (see accounts/apps.py).
    "ttdn.accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "ttdn.urls"
WSGI_APPLICATION = "ttdn.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "ttdn.portal.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------
SQLITE_PATH = VAR_DIR / "db.sqlite3"


def database_config(url: str) -> dict:
    """DATABASE_URL → DATABASES entry; SQLite gets WAL mode and a busy timeout."""
    config = dj_database_url.parse(
        url or f"sqlite:///{SQLITE_PATH}", conn_max_age=0, conn_health_checks=True
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            # WAL lets readers and one writer work at once; IMMEDIATE avoids
            # "database is locked" on lock upgrades; the timeout makes writers wait.
            "init_command": (
                "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config


DATABASES = {"default": database_config(env.DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------
if env.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.REDIS_URL,
            "KEY_PREFIX": "ttdn",
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ttdn",
            "TIMEOUT": 300,
        }
    }

# --- Background tasks -----------------------------------------------------------
# Django's tasks API and Wagtail's django_tasks backport both read TASKS; the
# database backend runs them in `manage.py db_worker` (see Procfile).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Users, authentication ------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# --- Internationalisation -------------------------------------------------------
LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS: list = []  # each app keeps its catalogue in <app>/locale

# Names of every language the portal may offer; TTDN_CONTENT_LANGUAGES picks the
# active ones (the first is the default and has unprefixed URLs).
KNOWN_LANGUAGES = {
    "vi": "Tiếng Việt",
    "en": "English",
    "lo": "ພາສາລາວ",
    "zh-hans": "简体中文",
    "fr": "Français",
    "ja": "日本語",
    "ko": "한국어",
    "ru": "Русский",
}
CONTENT_LANGUAGE_CODES = [
    code for code in env.CONTENT_LANGUAGES if code in KNOWN_LANGUAGES
] or ["vi", "en"]
if CONTENT_LANGUAGE_CODES[0] != LANGUAGE_CODE:
    LANGUAGE_CODE = CONTENT_LANGUAGE_CODES[0]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    (code, KNOWN_LANGUAGES[code]) for code in CONTENT_LANGUAGE_CODES
]
WAGTAIL_I18N_ENABLED = True
# The admin interface is offered in Vietnamese and English.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# --- Static and media files -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.STATIC_ROOT
STATICFILES_DIRS: list = []
MEDIA_URL = "/media/"
MEDIA_ROOT = env.MEDIA_ROOT
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644

# --- Wagtail --------------------------------------------------------------------
WAGTAIL_SITE_NAME = env.SITE_NAME
WAGTAILADMIN_BASE_URL = env.SITE_BASE_URL
WAGTAILIMAGES_IMAGE_MODEL = "core.PortalImage"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "ttdn.core.search",
        # Used on PostgreSQL: unaccent + simple, created by core's migration 0002.
        "SEARCH_CONFIG": "vietnamese_unaccent",
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "hr"]
        },
    }
}

# --- Security -------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

# --- E-mail ---------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env.DEFAULT_FROM_EMAIL
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# --- Logging: no request bodies, no IP addresses --------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.LOG_LEVEL},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "django.db.backends": {"level": "WARNING"},
        # One line per task run and per redirect is noise at INFO.
        "django.tasks": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail.contrib.redirects": {"level": "WARNING"},
    },
}

# --- TTĐN -----------------------------------------------------------------------
TTDN_SERVE_MEDIA = env.SERVE_MEDIA
TTDN_ARTICLES_PER_PAGE = 10
TTDN_SEARCH_RESULTS_PER_PAGE = 10
TTDN_IMPORT_MAX_BYTES = 5 * 1024 * 1024
# Periodic jobs the scheduler enqueues (name → task path, interval in seconds).
TTDN_PERIODIC_TASKS = {
    "publish_scheduled": {
        "task": "ttdn.portal.tasks.publish_scheduled_pages",
        "every": 60,
    },
}
# Demo data `make run` loads (manage.py load_demo), in order. Each is a callable
# load(stdout=None) -> number of objects created or changed; each is idempotent.
TTDN_DEMO_LOADERS = [
    "ttdn.portal.demo.loader.load_demo",
]
