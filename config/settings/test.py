"""Test settings: fast hashers, in-memory mail, tasks run at once."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
# The public development key (core.encryption.DEVELOPMENT_KEY), never the environment's.
FIELD_ENCRYPTION_KEYS = ["b3BlbmluY2x1c2llLWRldmVsb3BtZW50LW9ubHkhISE"]
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# PostgreSQL: empty tables between transactional tests with DELETE, not
# TRUNCATE (~2 s per test on our machines); see the backend's docstring.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "openinclusie.tests.postgresql_backend"
# Receipt hashes: the same algorithm, cheap parameters.
RECEIPT_HASH_TIME_COST = 1
RECEIPT_HASH_MEMORY_KIB = 8
# Tests send reports at machine speed; the barrier has its own tests.
REPORT_MINIMUM_SECONDS = 0
