"""Settings shared by every environment; environment values come from env.py."""

import datetime as dt

from django.utils.csp import CSP

import dj_database_url

from . import env
from .opensearch import opensearch_backend

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
    # wagtail.users with the user forms of ttdn.accounts (position, organisation).
    "ttdn.accounts.wagtail_users.UsersAppConfig",
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
    # Login lockout and two-factor login (docs/security.md).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "ttdn.directory",
    "ttdn.analytics",
    "ttdn.pagecache",
    "ttdn.documents",
    "ttdn.monitoring",
    "ttdn.affairs",
    "ttdn.planning",
    "ttdn.reports",
    "ttdn.finder",
    "ttdn.questions",
    # Last: its post_migrate handler grants role permissions once every other
    # app's permissions exist (see accounts/apps.py).
    "ttdn.accounts",
]

MIDDLEWARE = [
    # The visit-statistics beacon needs none of what follows (ttdn/analytics).
    "ttdn.analytics.middleware.BeaconMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the cache before sessions load (ttdn/pagecache).
    "ttdn.pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Second login factor (ttdn/accounts/twofactor.py).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy (SECURE_CSP below; docs/security.md).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # After the two above: the back office's own CSP and frame rules, the idle
    # session timeout.
    "ttdn.core.middleware.BackOfficeSecurityMiddleware",
    "ttdn.accounts.twofactor_views.TwoFactorMiddleware",
    # Expired passwords must be changed before anything else (accounts/passwords).
    "ttdn.accounts.passwords.PasswordExpiryMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: refuses logins of locked-out accounts and addresses (django-axes).
    "axes.middleware.AxesMiddleware",
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
                "django.template.context_processors.csp",
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
        url or f"sqlite:///{SQLITE_PATH}",
        # Persistent connections (env DB_CONN_MAX_AGE): opening one costs more
        # than rendering a page (measured in docs/performance.md).
        conn_max_age=env.DB_CONN_MAX_AGE,
        conn_health_checks=True,
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
# Recovery of tasks whose worker died (ttdn/core/worker.py): a task RUNNING on a
# worker of another machine for STALE_AFTER seconds is requeued; a task is run at
# most MAX_ATTEMPTS times.
TTDN_TASKS = {"STALE_AFTER": 3600, "MAX_ATTEMPTS": 3}

# --- Users, authentication ------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
# Password policy (TCVN 11930 level 3; ttdn/accounts/passwords.py): length,
# letters + digits + another character, not one of the last HISTORY passwords,
# changed every MAX_AGE_DAYS (0: never).
TTDN_PASSWORD_POLICY = {
    "MIN_LENGTH": env.PASSWORD_MIN_LENGTH,
    "HISTORY": env.PASSWORD_HISTORY,
    "MAX_AGE_DAYS": env.PASSWORD_MAX_AGE_DAYS,
}
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": TTDN_PASSWORD_POLICY["MIN_LENGTH"]},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "ttdn.accounts.passwords.CharacterClassesValidator"},
    {"NAME": "ttdn.accounts.passwords.PasswordHistoryValidator"},
]
LOGIN_URL = "wagtailadmin_login"
AUTHENTICATION_BACKENDS = [
    # Counts failures and refuses locked accounts/addresses before checking.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# --- Login lockout (django-axes, docs/security.md#login) ----------------------------
# After AXES_FAILURE_LIMIT failures in a row for one account, or from one address,
# that account (or address) is locked for AXES_COOLOFF_TIME; an administrator
# can unlock it earlier (Settings → Locked logins).
AXES_ENABLED = env.AXES_ENABLED
AXES_FAILURE_LIMIT = env.LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "ttdn.accounts.login.lockout_response"
AXES_CLIENT_IP_CALLABLE = "ttdn.accounts.login.client_ip"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
# Two-factor login (TOTP, ttdn/accounts/twofactor.py): required for these roles
# (and superusers) unless TTDN_2FA_REQUIRED=false; anyone may enrol.
TTDN_2FA = {"REQUIRED": env.TWO_FACTOR_REQUIRED, "ROLES": env.TWO_FACTOR_ROLES}
OTP_TOTP_ISSUER = env.SITE_NAME
# Password reset requests per network address and per e-mail address per hour.
TTDN_PASSWORD_RESET_LIMIT = 5

# --- Internationalisation -------------------------------------------------------
LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Each app keeps its catalogue in <app>/locale; this folder overrides Wagtail's
# incomplete vi catalogues (scripts/wagtail_vi_gaps.py, docs/development.md).
LOCALE_PATHS = [BASE_DIR / "ttdn" / "core" / "locale_wagtail"]

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
# Day-first date input and display in every language (ttdn/core/formats/).
FORMAT_MODULE_PATH = ["ttdn.core.formats"]
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
# Documents are always sent by the checked view (/documents/<id>/<name>, see
# ttdn/core/files.py), never by a direct /media/ address.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every upload declares it holds no state secret; documents with a secrecy stamp
# are refused (ttdn/core/secrecy.py, docs/security.md#state-secrets).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "ttdn.core.forms.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "ttdn.core.forms.ImageForm"
TTDN_SENDFILE = env.SENDFILE
TTDN_SENDFILE_URL = env.SENDFILE_URL
if TTDN_SENDFILE in ("nginx", "xsendfile"):
    SENDFILE_BACKEND = "ttdn.core.files"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "ttdn.core.search",
        # Used on PostgreSQL: unaccent + simple, created by core's migration 0002.
        "SEARCH_CONFIG": "vietnamese_unaccent",
    }
}
# Scale-out: TTDN_OPENSEARCH_URL moves Wagtail's search (admin, and the portal
# when TTDN_PORTAL_SEARCH=wagtail) to OpenSearch (docs/deployment.md).
if env.OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {"default": opensearch_backend(env.OPENSEARCH_URL)}
# "index": the portal's own syllable index (default); "wagtail": Wagtail's backend.
TTDN_PORTAL_SEARCH = env.PORTAL_SEARCH
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

# --- Security (docs/security.md) --------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No page may be framed by another site; the back office frames its own page
# previews (ttdn.core.middleware sets SAMEORIGIN there).
X_FRAME_OPTIONS = "DENY"
# Sessions: a browser session ends after this many seconds without a request
# (TCVN 11930 level 3: idle timeout), and at most after SESSION_COOKIE_AGE.
SESSION_COOKIE_AGE = 12 * 3600
SESSION_SAVE_EVERY_REQUEST = False
TTDN_SESSION_IDLE_SECONDS = env.SESSION_IDLE_SECONDS
# Content-Security-Policy (Django's built-in middleware). The portal runs no
# inline script (a nonce is offered for any that must); the back office
# (Wagtail's admin) needs inline scripts, so it gets TTDN_ADMIN_CSP.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    # Video embeds (Wagtail embeds) on articles.
    "frame-src": [
        CSP.SELF,
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
    ],
    "frame-ancestors": [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
}
TTDN_ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "frame-ancestors": [CSP.SELF],
    "frame-src": [CSP.SELF, "https:"],
    "img-src": [CSP.SELF, "data:", "blob:"],
}

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
    # Requeue the tasks of workers that died (ttdn/core/worker.py).
    "tasks_recover": {"task": "ttdn.core.tasks.recover_stale_tasks", "every": 60},
    "publish_scheduled": {
        "task": "ttdn.portal.tasks.publish_scheduled_pages",
        "every": 60,
    },
    # Redis counter backend: write counts to the daily tables (no-op otherwise).
    "analytics_flush": {"task": "ttdn.analytics.tasks.flush_counters", "every": 60},
    "analytics_prune": {
        "task": "ttdn.analytics.tasks.prune_visitor_state",
        "every": 3600,
    },
    # Information monitoring (ttdn/monitoring, docs/monitoring.md).
    "monitoring_fetch": {
        "task": "ttdn.monitoring.tasks.fetch_due_sources",
        "every": 60,
    },
    "monitoring_spikes": {"task": "ttdn.monitoring.tasks.detect_spikes", "every": 300},
    "monitoring_retrain": {
        "task": "ttdn.monitoring.tasks.retrain_classifier",
        "every": 24 * 3600,
    },
    # Deadline reminders of the foreign-affairs register (docs/affairs.md);
    # idempotent: each reminder is sent once per deadline and stage.
    "affairs_reminders": {
        "task": "ttdn.affairs.tasks.send_deadline_reminders",
        "every": 24 * 3600,
    },
    # Task reminders before deadlines and escalations after (ttdn/planning).
    "planning_reminders": {
        "task": "ttdn.planning.tasks.send_deadline_reminders",
        "every": 3600,
    },
}
# Demo data `make run` loads (manage.py load_demo), in order. Each is a callable
# load(stdout=None) -> number of objects created or changed; each is idempotent.
# The demo accounts' password (generated into var/demo-password when empty).
TTDN_DEMO_PASSWORD = env.DEMO_PASSWORD
TTDN_DEMO_LOADERS = [
    "ttdn.portal.demo.loader.load_demo",
    "ttdn.directory.demo.loader.load_demo",
    "ttdn.documents.demo.loader.load_demo",
    "ttdn.affairs.demo.loader.load_demo",
    "ttdn.analytics.demo.load",
    "ttdn.monitoring.demo.loader.load_demo",
    "ttdn.planning.demo.loader.load_demo",
    "ttdn.reports.demo.loader.load_demo",
    "ttdn.questions.demo.loader.load_demo",
]

# --- Citizens' questions (ttdn/questions, docs/documents.md) ---------------------
TTDN_QUESTIONS = {
    # Deadline of an answer, in working days after the question is received.
    "ANSWER_WORKING_DAYS": 15,
    # At most RATE_LIMIT questions per address (a keyed hash, never stored) and
    # RATE_WINDOW seconds.
    "RATE_LIMIT": 5,
    "RATE_WINDOW": 3600,
    # A form sent sooner than MIN_SECONDS after it was shown is a robot's; one
    # older than MAX_FORM_AGE seconds has expired.
    "MIN_SECONDS": 3,
    "MAX_FORM_AGE": 2 * 3600,
    "ATTACHMENT_EXTENSIONS": ["pdf", "docx", "jpg", "jpeg", "png"],
    "ATTACHMENT_MAX_BYTES": 5 * 1024 * 1024,
}

# --- Audience statistics (ttdn/analytics, docs/analytics.md) --------------------
TTDN_ANALYTICS = {
    "BACKEND": env.ANALYTICS_BACKEND,  # "database" or "redis"
    "REDIS_URL": env.ANALYTICS_REDIS_URL or env.REDIS_URL,
    "KEY_PREFIX": "ttdn:analytics",
    "CLIENT_IP_HEADER": env.CLIENT_IP_HEADER,
    "VISIT_TIMEOUT": 30 * 60,  # a new visit after 30 minutes without a hit
    "VIEW_WINDOW": 30 * 60,  # a page counts once per visitor per 30 minutes
    # …and at most this many times per network address per VIEW_WINDOW (a keyed
    # hash in the cache, never the address): a client changing its User-Agent
    # on every request cannot inflate a count.
    "VIEWS_PER_ADDRESS": 5,
    "ONLINE_WINDOW": 5 * 60,  # "online now": a hit in the last 5 minutes
    # Database backend: a process reuses its "online now" count this long (when
    # over 200 readers are online), and the beacon's figures for this long.
    "ONLINE_CACHE_SECONDS": 2,
    "BEACON_FIGURES_SECONDS": 1,
}

# --- Page cache and front-end cache (ttdn/pagecache, docs/deployment.md) --------
TTDN_PAGE_CACHE = {
    "ALIAS": "default",
    "TTL": env.PAGE_CACHE_TTL,
    # Never cached, and "private, no-store" for everyone.
    "PRIVATE_PREFIXES": ["/admin/", "/django-admin/"],
    # Never cached (served as usual).
    "SKIP_PREFIXES": ["/documents/", "/analytics/", "/media/", "/static/"],
    # Query parameters a cached page may have; any other one bypasses the cache.
    "QUERY_PARAMETERS": ["page"],
    # Local-memory cache: the content generation shared by this machine's
    # processes (see ttdn/pagecache/generation.py).
    "GENERATION_FILE": VAR_DIR / "page-cache-generation",
}
WAGTAILFRONTENDCACHE: dict = {}
if env.FRONTEND_CACHE_URLS:
    for _number, _url in enumerate(env.FRONTEND_CACHE_URLS):
        WAGTAILFRONTENDCACHE[f"proxy{_number}"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": _url,
        }
if env.CLOUDFLARE_API_TOKEN and env.CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.CLOUDFLARE_API_TOKEN,
        "ZONEID": env.CLOUDFLARE_ZONE_ID,
    }
# Page URLs already carry their language (each language has its own page tree).
WAGTAILFRONTENDCACHE_LANGUAGES: list = []
if WAGTAILFRONTENDCACHE:
    # Wagtail's purge-on-publish handlers; ttdn/pagecache adds the listings.
    INSTALLED_APPS.insert(
        INSTALLED_APPS.index("ttdn.accounts"), "wagtail.contrib.frontend_cache"
    )

# --- Information monitoring (ttdn/monitoring, docs/monitoring.md) ---------------
TTDN_MONITORING = {
    # Fetching: connect/read timeout and total time per request (seconds), body
    # size limit, redirects followed, minimum seconds between two requests to one
    # host, article pages fetched per feed or listing run.
    "TIMEOUT": 10,
    "TOTAL_TIMEOUT": 30,
    "MAX_BYTES": 5 * 1024 * 1024,
    "MAX_REDIRECTS": 5,
    "HOST_INTERVAL": 2.0,
    "MAX_ARTICLES_PER_RUN": 30,
    # A failing source waits interval × 2^failures, at most this many minutes.
    "MAX_BACKOFF_MINUTES": 24 * 60,
    "USER_AGENT": "TTDN-monitor/1.0 (+https://example.org/ttdn)",
    # Only public addresses are fetched (ttdn/monitoring/addresses.py); these
    # host names, addresses or networks are allowed all the same.
    "ALLOWED_ADDRESSES": env.MONITORING_ALLOWED_ADDRESSES,
    # Near-duplicates: MinHash LSH over word 3-grams of the folded text.
    "NEAR_DUPLICATE_THRESHOLD": 0.4,
    "MINHASH_PERMUTATIONS": 128,
    "SHINGLE_WORDS": 3,
    "STORY_WINDOW_DAYS": 14,
    # Language identification: the languages the sources write in.
    "LANGUAGES": ["vi", "en", "lo", "zh", "km", "th", "fr", "ru", "ja", "ko", "de"],
    # Topic classifier: where the trained model is kept; characters read.
    "MODEL_PATH": VAR_DIR / "monitoring" / "topic-model.joblib",
    "TOPIC_TEXT_CHARS": 1000,
    # Spikes: at least MIN items and more than FACTOR × the usual number.
    "SPIKE_HOUR_MIN": 3,
    "SPIKE_HOUR_FACTOR": 3.0,
    "SPIKE_DAY_MIN": 5,
    "SPIKE_DAY_FACTOR": 2.0,
    "INBOX_PER_PAGE": 25,
    "FETCH_RUNS_KEPT_DAYS": 30,
}
