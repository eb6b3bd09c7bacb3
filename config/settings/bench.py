"""Benchmark settings: production behaviour (no debug, persistent
connections) on a local PostgreSQL, plus a bare view to compare against."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
# The public bench key (core.encryption.BENCH_KEY); the deploy check refuses it.
os.environ.setdefault("DJANGO_FIELD_ENCRYPTION_KEYS", "b3BlbmluY2x1c2llLWJlbmNoLW9ubHkta2V5ISEhISE")

from .production import *  # noqa: F403
from .production import DATABASES

ROOT_URLCONF = "config.bench_urls"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"
SECURE_HSTS_SECONDS = 0
DATABASES["default"]["CONN_MAX_AGE"] = 60
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "ERROR", "handlers": []}}
# The load generator sends everything from one address.
RATE_LIMIT_SCALE = 100_000
# The benchmark sends reports at machine speed to measure the form itself.
REPORT_MINIMUM_SECONDS = 0
