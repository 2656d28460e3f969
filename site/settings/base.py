"""Settings shared by every environment.

Everything that differs between a laptop and production comes from environment
variables (read with django-environ) and has a working default for development:
SQLite, a local-memory cache, Celery tasks run inline and email on the console.
"""

from pathlib import Path

import django.conf.locale
import environ
from celery.schedules import crontab

CONFIG_DIR = Path(__file__).resolve().parent.parent  # site/
BASE_DIR = CONFIG_DIR.parent  # the repository

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Our apps first, so their templates override those of the packages below.
    "accounts",
    "home",
    "locations",
    "activities",
    "volunteers",
    "monitoring",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: languages staff can translate into
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "django_filters",
    "leaflet",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # No django.contrib.admin: Wagtail's admin is the admin, and django-leaflet's
    # admin module would import django.contrib.gis, which needs GDAL.
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are compressed here (static files come compressed from WhiteNoise, above it).
    # Django's GZip pads its output against BREACH, and public pages carry no CSRF token.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "home.middleware.VisitorLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffMFARequiredMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "welkomhuis.urls"
WSGI_APPLICATION = "welkomhuis.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_context",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
# DATABASE_URL=postgres://user@127.0.0.1:5432/name switches to PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for each other instead of failing with "database is locked";
    # IMMEDIATE transactions take the write lock up front, which is what lets
    # SQLite serialise concurrent writers (room bookings, registrations).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------
# allauth's rate limits live in the cache; they only hold across processes
# with a shared cache such as Redis (REDIS_URL=redis://127.0.0.1:6379/1).
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="welkomhuis"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery -------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
# Without a broker, tasks run inline in the web process.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # a task killed mid-run is delivered again
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_BEAT_SCHEDULE = {
    "match-check-ins": {
        "task": "volunteers.tasks.send_match_check_ins",
        "schedule": crontab(hour=9, minute=30),
    },
    "purge-unverified-accounts": {
        "task": "accounts.tasks.purge_unverified_accounts",
        "schedule": crontab(hour=3, minute=15),
    },
    "refresh-occurrences": {
        "task": "activities.tasks.refresh_occurrences",
        "schedule": crontab(hour=2, minute=30),
    },
    "check-running-series": {
        "task": "activities.tasks.check_running_series",
        "schedule": crontab(hour=7, minute=0),
    },
    "import-partner-calendars": {
        "task": "activities.tasks.import_partner_calendars",
        "schedule": crontab(minute=10),
    },
    "send-reminders": {
        "task": "activities.tasks.send_reminders",
        "schedule": crontab(hour=10, minute=0),
    },
    # Before the purge below (which also takes them first, to be sure of the order).
    "store-figure-snapshots": {
        "task": "monitoring.tasks.store_figure_snapshots",
        "schedule": crontab(hour=3, minute=20),
    },
    "purge-registration-data": {
        "task": "activities.tasks.purge_registration_data",
        "schedule": crontab(hour=3, minute=30),
    },
}

# --- Accounts (django-allauth) ---------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:overview"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True  # "send me a code": no password needed
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False  # a link works on any device
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Welkomhuis] "
# Rate limits are on (these are allauth's defaults made explicit, slightly
# stricter for codes): they count in the cache, so production needs Redis.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "request_login_code": "20/m/ip,3/m/key",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    "change_phone": "1/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Welkomhuis Utrecht"
# Staff handle personal data, so an account with admin access must set up
# multi-factor authentication before it can use the admin. The production
# settings force this on; development may switch it off for the demo admin.
STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=True)
# Accounts that never verified their email address are removed after this.
UNVERIFIED_ACCOUNT_RETENTION_DAYS = env.int("UNVERIFIED_ACCOUNT_RETENTION_DAYS", default=14)

# --- Email --------------------------------------------------------------------
# EMAIL_URL=smtp+tls://user:password@smtp.example.org:587 for real delivery.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Welkomhuis Utrecht <noreply@welkomhuis.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages ----------------------------------------------------------------
# Dutch is the default and has no URL prefix; the others live under /en/, /ar/, ...
# Each language is named in its own script, as its readers look for it.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("ti", "ትግርኛ"),
    ("tr", "Türkçe"),
    ("fa", "فارسی"),
]
LANGUAGES_BIDI = ["ar", "fa", "he", "ur"]
# Django ships no Tigrinya; get_language_info() and the language switcher need it.
django.conf.locale.LANG_INFO.setdefault(
    "ti", {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"}
)
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True
# The admin is for staff: Wagtail's own interface exists in these, not in Tigrinya.
# Staff translate page content into each of these (wagtail-localize); see home/translation.py.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (code, name) for code, name in LANGUAGES if code in {"nl", "en", "ar", "uk"}
]

# --- Static files and media -----------------------------------------------------
# `npm run build` writes the design system bundle into static/ (git-ignored);
# collectstatic gathers everything into staticfiles/, served by WhiteNoise.
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Files browsers ask for at the root (/favicon.ico), served as they are by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "frontend" / "public"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Wagtail --------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Welkomhuis Utrecht"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# The admin's login and logout go through allauth (email verification, login by
# code, multi-factor authentication).
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: it would send a hash of every staff member's email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Maps -----------------------------------------------------------------------
# Any XYZ tile server works. For the Dutch government basemap (PDOK) use
# MAP_TILE_URL=https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png
# MAP_TILE_ATTRIBUTION=Kaartgegevens &copy; Kadaster
MAP_TILE_URL = env("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env(
    "MAP_TILE_ATTRIBUTION",
    default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (52.0907, 5.1214),  # Utrecht, Domtoren
    "DEFAULT_ZOOM": 12,
    "MIN_ZOOM": 8,
    "MAX_ZOOM": 18,
    "TILES": [("", MAP_TILE_URL, {"attribution": MAP_TILE_ATTRIBUTION, "maxZoom": 19})],
    "ATTRIBUTION_PREFIX": "Leaflet",
    "RESET_VIEW": False,
    "NO_GLOBALS": False,
    "PLUGINS": {
        # Groups markers that overlap; copied from npm into static/vendor by `npm run build`.
        "markercluster": {
            "css": [
                "vendor/markercluster/MarkerCluster.css",
                "vendor/markercluster/MarkerCluster.Default.css",
            ],
            "js": ["vendor/markercluster/leaflet.markercluster.js"],
            "auto-include": False,
        },
    },
}

# --- Registrations ---------------------------------------------------------------
# Days after a date that registrants' names and contact details are kept; then only counts remain.
REGISTRATION_RETENTION_DAYS = env.int("REGISTRATION_RETENTION_DAYS", default=30)
# The public site's address, for links in emails sent from tasks (no request to take it from).
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", default="http://127.0.0.1:8000")

# --- Calendars -------------------------------------------------------------------
# The domain in the UIDs of our .ics events: keep it the same forever, or every
# subscribed calendar sees all events as new.
CALENDAR_UID_DOMAIN = env("CALENDAR_UID_DOMAIN", default="welkomhuis.utrecht.nl")
# Partner calendars: largest feed accepted, and how long to wait for it.
CALENDAR_IMPORT_MAX_BYTES = env.int("CALENDAR_IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
CALENDAR_IMPORT_TIMEOUT = env.int("CALENDAR_IMPORT_TIMEOUT", default=20)
# Partner calendars must be on the public internet (staff must not reach internal services through us).
CALENDAR_IMPORT_ALLOW_PRIVATE_ADDRESSES = env.bool("CALENDAR_IMPORT_ALLOW_PRIVATE_ADDRESSES", default=False)

# --- Security -------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview panel uses an iframe
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Wagtail runs its search-index and reference-index updates as tasks and
        # logs every page action at INFO; that drowns out everything else.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
