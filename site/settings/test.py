"""Tests: fast and self-contained, but on the real database engine in use.

DATABASE_URL and REDIS_URL are honoured, so the same suite runs on SQLite with a
local-memory cache and on PostgreSQL with Redis (see .ci/run).
"""

from .base import *  # noqa: F403
from .base import BASE_DIR, REDIS_URL, env

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run inline unless a test starts a real worker (tests/test_celery_worker.py).
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
STAFF_MFA_REQUIRED = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: concurrency tests need separate connections that really contend
    # for the write lock, as they do on a server (an in-memory database shares one).
    # TEST_SQLITE_NAME lets a second run (e.g. a few tests beside the full suite) use its own file.
    test_name = env("TEST_SQLITE_NAME", default=str(BASE_DIR / ".test-db.sqlite3"))  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": test_name}  # noqa: F405
if REDIS_URL:
    CACHES["default"]["KEY_PREFIX"] = "welkomhuis-test"  # noqa: F405
# Tests don't need the npm build: serve whatever the finders see, unhashed.
STATICFILES_DIRS = [p for p in [BASE_DIR / "static"] if p.exists()]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False}
