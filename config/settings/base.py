"""Kopuro settings: one base, read from the environment, with safe embedded defaults.

With no environment at all Kopuro runs on SQLite with local files, the console e-mail backend
and an in-process cache: `make run` needs no services. Production mode (`KOPURO_PRODUCTION=1`)
turns on every security setting and refuses to start while a secret is missing.
See `.env.example` for every variable.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# KOPURO_ENV_FILE points at another file (a deployment's secrets); empty = read no file (tests).
ENV_FILE = env.str("KOPURO_ENV_FILE", default=str(BASE_DIR / ".env"))
if ENV_FILE:
    environ.Env.read_env(ENV_FILE, overwrite=False)

PRODUCTION = env.bool("KOPURO_PRODUCTION", default=False)


def required(name: str, **kwargs):
    """Read a secret: in production a missing (or empty) one stops start-up with a clear
    message, and the embedded default is never used."""
    if PRODUCTION:
        if not env.str(name, default="").strip():
            raise ImproperlyConfigured(
                f"Kopuro is in production mode (KOPURO_PRODUCTION=1) but {name} is not set. "
                f"Set it in the environment or in .env; see .env.example."
            )
        kwargs.pop("default", None)
    return env(name, **kwargs)


def strong_secret_key(key: str) -> str:
    """Refuse an obviously weak SECRET_KEY in production: it signs sessions, password-reset
    links and e-mail confirmations. The bar is Django's own (security.W009) and a little more:
    at least 50 characters, not Django's "insecure" prefix, and varied enough to look random."""
    if len(key) < 50 or len(set(key)) < 20 or "insecure" in key.lower():
        raise ImproperlyConfigured(
            "SECRET_KEY is too weak for production: use at least 50 random characters, e.g. "
            "the output of: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    return key


SECRET_KEY = required("SECRET_KEY", default="insecure-embedded-default-for-local-use-only")
if PRODUCTION:
    SECRET_KEY = strong_secret_key(SECRET_KEY)
DEBUG = env.bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = required("ALLOWED_HOSTS", cast=list, default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# --- Applications -----------------------------------------------------------------------------

INSTALLED_APPS = [
    "kopuro.core",
    "kopuro.accounts",
    "kopuro.newsroom",
    "kopuro.connect",
    "kopuro.learn",
    "kopuro.contribute",
    "kopuro.infodesk",
    "kopuro.insights",
    "kopuro.api",
    "ninja",  # django-ninja's own Swagger UI files for /api/v1/docs (no CDN)
    # Wagtail and translation
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
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
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    # Other
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous full-page cache: before sessions, so a hit skips the rest (kopuro/core/cache.py).
    "kopuro.core.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Pages for a signed-in person: Cache-Control private, no-store (kopuro/core/middleware.py).
    "kopuro.core.middleware.PrivateResponsesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "kopuro.accounts.middleware.StaffMFAMiddleware",
    "kopuro.accounts.middleware.MemberLanguageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: the request's cache reads in one round trip before the view, then Wagtail's site
    # lookup from what was read (kopuro/core/cache.py).
    "kopuro.core.cache.ReadAheadMiddleware",
    "kopuro.core.cache.CachedSiteMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------------------

DATABASES = {
    "default": env.db_url_config(
        required("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60 if PRODUCTION else 0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while a request writes; the timeout waits out short locks.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                # A Redis outage degrades the cache to misses instead of failing the request.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
            "KEY_PREFIX": "kopuro",
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {
    "default": {
        "BACKEND": env(
            "TASKS_BACKEND",
            default="django_tasks_db.DatabaseBackend"
            if PRODUCTION
            else "django_tasks.backends.immediate.ImmediateBackend",
        )
    }
}

# --- Accounts -----------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
# Django's and allauth's, with the signed-in member's account read from the cache
# (kopuro/accounts/auth_backends.py).
AUTHENTICATION_BACKENDS = [
    "kopuro.accounts.auth_backends.ModelBackend",
    "kopuro.accounts.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_SIGNUP_REDIRECT_URL = "accounts:onboarding"
ACCOUNT_FORMS = {"signup": "kopuro.accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "kopuro.accounts.adapters.AccountAdapter"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kopuro] "
# allauth's built-in rate limits (per IP and per key) stay on, with its defaults for login.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key", "signup": "20/m/ip"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="Kopuro")
# Staff must set up TOTP before they reach the Wagtail admin. On in production; the embedded
# demo's editor may skip it.
KOPURO_STAFF_MFA_REQUIRED = env.bool("KOPURO_STAFF_MFA_REQUIRED", default=PRODUCTION)

SOCIALACCOUNT_PROVIDERS: dict = {}
SOCIALACCOUNT_ADAPTER = "kopuro.accounts.adapters.SocialAccountAdapter"
# A first sign-in with a provider asks for the display name and the terms (never auto sign-up).
SOCIALACCOUNT_FORMS = {"signup": "kopuro.accounts.forms.SocialSignupForm"}
# A provider is offered only when its client id is set in the environment.
if env("GOOGLE_CLIENT_ID", default=""):
    INSTALLED_APPS.append("allauth.socialaccount.providers.google")
    SOCIALACCOUNT_PROVIDERS["google"] = {
        "APPS": [{"client_id": env("GOOGLE_CLIENT_ID"), "secret": env("GOOGLE_CLIENT_SECRET")}],
        "SCOPE": ["profile", "email"],
    }
if env("FACEBOOK_CLIENT_ID", default=""):
    INSTALLED_APPS.append("allauth.socialaccount.providers.facebook")
    SOCIALACCOUNT_PROVIDERS["facebook"] = {
        "APPS": [{"client_id": env("FACEBOOK_CLIENT_ID"), "secret": env("FACEBOOK_CLIENT_SECRET")}],
        "SCOPE": ["email", "public_profile"],
    }
if env("LINKEDIN_CLIENT_ID", default=""):
    INSTALLED_APPS.append("allauth.socialaccount.providers.openid_connect")
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": "linkedin",
                "name": "LinkedIn",
                "client_id": env("LINKEDIN_CLIENT_ID"),
                "secret": env("LINKEDIN_CLIENT_SECRET"),
                "settings": {"server_url": "https://www.linkedin.com/oauth"},
            }
        ]
    }

# Version of the terms and privacy notice that sign-up asks members to accept.
KOPURO_TERMS_VERSION = env("KOPURO_TERMS_VERSION", default="2026-11")

# --- E-mail -------------------------------------------------------------------------------------

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Kopuro <no-reply@kopuro.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages and time -------------------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский"), ("ky", "Кыргызча")]
# How each language writes dates ("DATE_FORMAT", "DATETIME_FORMAT"): kopuro/core/formats.
FORMAT_MODULE_PATH = ["kopuro.core.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", default="Asia/Bishkek")  # the office's time zone
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
COUNTRIES_FIRST = ["KG", "RU", "KZ", "TR", "KR", "AE", "US"]
COUNTRIES_FIRST_REPEAT = False

# --- Static and media ---------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Uploads: one policy for every upload field (kopuro.core.uploads).
KOPURO_UPLOAD_MAX_BYTES = env.int("KOPURO_UPLOAD_MAX_BYTES", default=5 * 1024 * 1024)
KOPURO_IMAGE_MAX_PIXELS = env.int("KOPURO_IMAGE_MAX_PIXELS", default=40_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# --- Wagtail ------------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Kopuro"
# The admin sends people who must sign in to allauth's page, which rate-limits failed attempts
# and asks for the second factor; Wagtail's own login form (no rate limit) is not routed.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = KOPURO_UPLOAD_MAX_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = KOPURO_IMAGE_MAX_PIXELS
# Wagtail's uploads go through Kopuro's upload policy too (kopuro.core.uploads): the form bases
# check content; the extension lists match what the policy accepts (no legacy .doc/.xls, which
# carry macros and cannot be told apart from other OLE files by a signature).
WAGTAILIMAGES_IMAGE_FORM_BASE = "kopuro.core.forms.PolicyImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "kopuro.core.forms.PolicyDocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv"]
# No Gravatar in the admin: it would send a hash of each editor's e-mail address to a third
# party from every admin page, and fail on closed networks. Wagtail's own avatars are used.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Security -----------------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# Content-Security-Policy (django-csp 4): no inline script; a nonce where a template needs one
# (`<script nonce="{{ request.csp_nonce }}">`). Wagtail's admin uses inline styles and scripts
# of its own, so /admin/ is left out of the policy by prefix; every other header still applies
# there (Wagtail's preview opts itself into X-Frame-Options: SAMEORIGIN).
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *env.list("CSP_IMG_SRC", default=[])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF, *env.list("CSP_FORM_ACTION", default=[])],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
}

# --- Performance --------------------------------------------------------------------------------

# Anonymous full-page cache (kopuro/core/cache.py): a page rendered for a visitor without a
# session is kept this many seconds in the default cache (Redis in production) and served to
# the next such visitor; publishing a page or changing a profile clears it at once. 0 = off.
KOPURO_PAGE_CACHE_SECONDS = env.int("KOPURO_PAGE_CACHE_SECONDS", default=60)
# The same clearing guards data every request reads (branding, the home page's community
# figures, profiles): kept this long at most in the cache (`kopuro.core.cache.cached_data`).
KOPURO_DATA_CACHE_SECONDS = 300
# The benchmark's framework floor: a bare view at /bench/floor served by the same workers
# (`make bench` turns it on). Off everywhere else: it would be a pointless public URL.
KOPURO_BENCH_FLOOR = env.bool("KOPURO_BENCH_FLOOR", default=False)

# --- Connect (member directory, connections, messages) -----------------------------------------

# Connection requests one member may send in 24 hours (against spam).
KOPURO_CONNECT_DAILY_REQUESTS = env.int("KOPURO_CONNECT_DAILY_REQUESTS", default=20)
# Open reports that hold a profile or message out of sight until a moderator reviews it.
KOPURO_REPORTS_TO_HIDE = env.int("KOPURO_REPORTS_TO_HIDE", default=3)
# API requests per minute (kopuro/api/auth.py): without a token, per address; for a signed-in
# member's session; per information terminal (its heartbeat, event batches and manifest). Each
# API token carries its own limit.
KOPURO_API_ANONYMOUS_PER_MINUTE = env.int("KOPURO_API_ANONYMOUS_PER_MINUTE", default=300)
KOPURO_API_MEMBER_PER_MINUTE = env.int("KOPURO_API_MEMBER_PER_MINUTE", default=120)
KOPURO_API_TERMINAL_PER_MINUTE = env.int("KOPURO_API_TERMINAL_PER_MINUTE", default=60)
# Map tiles for the members' map, e.g. https://tiles.example.org/{z}/{x}/{y}.png (also add the
# host to CSP_IMG_SRC). Empty: no tiles; the map shows its points and the list still works.
KOPURO_MAP_TILE_URL = env("KOPURO_MAP_TILE_URL", default="")
KOPURO_MAP_TILE_ATTRIBUTION = env("KOPURO_MAP_TILE_ATTRIBUTION", default="")

# --- Information service and terminals (kopuro/infodesk) --------------------------------------

# Seconds without a touch before a kiosk forgets its history and returns to the language choice.
KOPURO_KIOSK_IDLE_SECONDS = env.int("KOPURO_KIOSK_IDLE_SECONDS", default=90)
# How often a kiosk reports it is alive; a terminal silent for twice this is shown offline.
KOPURO_KIOSK_HEARTBEAT_SECONDS = env.int("KOPURO_KIOSK_HEARTBEAT_SECONDS", default=300)
# Largest event batch a kiosk may send: events per batch and bytes per request.
KOPURO_KIOSK_BATCH_MAX_EVENTS = env.int("KOPURO_KIOSK_BATCH_MAX_EVENTS", default=500)
KOPURO_KIOSK_BATCH_MAX_BYTES = env.int("KOPURO_KIOSK_BATCH_MAX_BYTES", default=256 * 1024)
# "Listen": spoken sections made with espeak-ng when a guide is published (off: no audio).
KOPURO_INFODESK_AUDIO = env.bool("KOPURO_INFODESK_AUDIO", default=True)
KOPURO_INFODESK_ESPEAK = env("KOPURO_INFODESK_ESPEAK", default="espeak-ng")

# --- Production: media storage, front-end cache, backups (docs/deployment.md) -----------------

# Uploads on local disk (MEDIA_ROOT, served by nginx) or in S3-compatible object storage through
# django-storages (https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html).
MEDIA_STORAGE = env("MEDIA_STORAGE", default="local")
if MEDIA_STORAGE == "s3":
    if not env("AWS_STORAGE_BUCKET_NAME", default=""):
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME; see .env.example."
        )
    _s3 = {
        "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
        "endpoint_url": env("AWS_S3_ENDPOINT_URL", default="") or None,
        "region_name": env("AWS_S3_REGION_NAME", default="") or None,
        "access_key": env("AWS_ACCESS_KEY_ID", default="") or None,
        "secret_key": env("AWS_SECRET_ACCESS_KEY", default="") or None,
        "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default="") or None,
        "location": env("AWS_LOCATION", default="media"),
        # Public URLs by default (as nginx serves MEDIA_ROOT); 1 = signed, expiring URLs.
        "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
        "default_acl": None,  # the bucket's policy decides, not a per-object ACL
        "file_overwrite": False,  # a new upload never replaces another one's file
        "object_parameters": {"CacheControl": "public, max-age=2592000"},
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {k: v for k, v in _s3.items() if v is not None},
    }
    # Pages show images from the bucket's host: the Content-Security-Policy must allow it.
    _media_origin = (
        f"https://{_s3['custom_domain']}"
        if _s3["custom_domain"]
        else _s3["endpoint_url"] or f"https://{_s3['bucket_name']}.s3.amazonaws.com"
    )
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_media_origin)
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured(f"MEDIA_STORAGE is {MEDIA_STORAGE!r}: use local or s3.")

# Front-end cache purging (off by default): a caching proxy in front of the anonymous pages
# (nginx with the cache-purge module, Varnish...) is sent an HTTP PURGE for each page Wagtail
# publishes or unpublishes, in every language. Comma-separated purge URLs, e.g.
# http://127.0.0.1:8080. https://docs.wagtail.org/en/stable/reference/contrib/frontendcache.html
FRONTEND_CACHE_PURGE_URLS = env.list("FRONTEND_CACHE_PURGE_URLS", default=[])
if FRONTEND_CACHE_PURGE_URLS:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        f"proxy{i}": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": url,
        }
        for i, url in enumerate(FRONTEND_CACHE_PURGE_URLS)
    }
    WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in LANGUAGES]

# Where `manage.py backup` writes (one timestamped folder per backup).
KOPURO_BACKUP_DIR = env("KOPURO_BACKUP_DIR", default=str(BASE_DIR / "backups"))

# --- Learn and Contribute (kopuro/learn, kopuro/contribute) ----------------------------------

# A download from the same reader (address and browser, hashed; no cookie) is counted once
# within this many seconds.
KOPURO_DOWNLOAD_WINDOW_SECONDS = env.int("KOPURO_DOWNLOAD_WINDOW_SECONDS", default=600)
# How many fitting members a request for expertise proposes.
KOPURO_EXPERTISE_MATCHES = env.int("KOPURO_EXPERTISE_MATCHES", default=12)

# --- Logging ------------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.security.DisallowedHost": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
    },
}
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 default, opted into now
# A database outage answers 503 (kopuro.core.resilience): one line per request, no traceback.
LOGGING["filters"] = {
    "database_unavailable": {"()": "kopuro.core.resilience.DatabaseUnavailableLog"},
    "cache_unavailable": {"()": "kopuro.core.resilience.CacheUnavailableLog"},
}
LOGGING["loggers"]["django.request"]["filters"] = ["database_unavailable"]
# A Redis outage: one line every 10 s per process, not a traceback per cache call.
LOGGING["loggers"]["django_redis.cache"] = {"filters": ["cache_unavailable"]}
