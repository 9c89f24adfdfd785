"""Test overrides: fast hashing, no outside services unless DATABASE_URL / REDIS_URL say so."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

SECRET_KEY = "test-secret-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not env("REDIS_URL", default=""):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# The anonymous page cache is off in tests; kopuro/core/tests/test_cache.py turns it on.
KOPURO_PAGE_CACHE_SECONDS = 0
KOPURO_DATA_CACHE_SECONDS = 0
