"""Settings shared by every environment. Values that differ per deployment
come from the environment, read here once."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
# Keys that encrypt report content in the database (core.encryption, ADR
# 0009): comma-separated; the first encrypts, all decrypt (rotation).
FIELD_ENCRYPTION_KEYS = env_list("DJANGO_FIELD_ENCRYPTION_KEYS")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "openinclusie.core",
    "openinclusie.organisations",
    "openinclusie.accounts",
    "openinclusie.classification",
    "openinclusie.cases",
    "openinclusie.figures",
    "openinclusie.reports",
    "openinclusie.programme",
    "openinclusie.public",
    "openinclusie.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the messages, so a time-out can say why it logged someone out.
    "openinclusie.accounts.session_timeouts.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "openinclusie.accounts.middleware.AccessPolicyMiddleware",
    "openinclusie.core.middleware.PrivacyHeadersMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "openinclusie" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "openinclusie.accounts.context_processors.navigation",
            ],
        },
    },
]

# SQLite is the embedded default so a newcomer needs no server; production
# and CI set DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's SQLite backend, with a flush that lifts the project's DELETE
    # triggers for its own transaction (see the module).
    DATABASES["default"]["ENGINE"] = "openinclusie.core.sqlite_backend"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:start"
LOGOUT_REDIRECT_URL = "public:index"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "openinclusie" / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "openinclusie" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "media"

# Sessions: a staff session ends after 30 minutes without activity, 12 hours
# after signing in, or when the browser closes (security reference SES-02;
# accounts.session_timeouts).
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", str(30 * 60)))
STAFF_SESSION_MAX_SECONDS = int(os.environ.get("STAFF_SESSION_MAX_SECONDS", str(12 * 60 * 60)))
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# In the database, encrypted like report content: a resident's unfinished
# report waits in the session (core.sessions, ADR 0009).
SESSION_ENGINE = "openinclusie.core.sessions"
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie; forms carry the token, htmx requests send
# it from the page (hx-headers), so the cookie can be HttpOnly everywhere.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# The cache holds rate-limit counters; the database keeps them shared between
# web processes without another service.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "openinclusie_cache",
    }
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Mail goes through Django's MAILERS (6.1); development prints it.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@openinclusie.localhost")

# No page may load anything from another host, and no script or style may be
# inline: everything comes from our own static files.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Open Inclusie API",
    "DESCRIPTION": "Open data and integration API of Open Inclusie.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # Request logs carry client addresses; public submissions must leave none.
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}

# Name shown in the header and browser title of staff pages.
PLATFORM_NAME = os.environ.get("PLATFORM_NAME", "Open Inclusie")
OTP_TOTP_ISSUER = PLATFORM_NAME
# Where residents reach the site; links in e-mail sent by background tasks
# (which have no request to take the host from) start with it.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
RATE_LIMIT_SCALE = 1
# Published in /.well-known/security.txt (RFC 9116): how to report a
# vulnerability (the municipality's coordinated vulnerability disclosure).
SECURITY_CONTACT = os.environ.get(
    "SECURITY_CONTACT", f"mailto:security@{urlsplit(PUBLIC_BASE_URL).hostname or 'localhost'}"
)
SECURITY_POLICY_URL = os.environ.get("SECURITY_POLICY_URL", "")
# A public report sent sooner than this after its first step is refused
# once (with its answers kept): a barrier against scripts that needs no
# JavaScript and no third party (security reference VAL-06).
REPORT_MINIMUM_SECONDS = int(os.environ.get("REPORT_MINIMUM_SECONDS", "15"))
# The browser proves some work before sending a public report (VAL-06,
# reports.proof_of_work): leading zero bits of a SHA-256, 2**bits hashes on
# average. Reports without a proof (no JavaScript) share this many per
# municipality per hour.
REPORT_PROOF_OF_WORK_BITS = int(os.environ.get("REPORT_PROOF_OF_WORK_BITS", "17"))
REPORT_UNPROVEN_PER_HOUR = int(os.environ.get("REPORT_UNPROVEN_PER_HOUR", "30"))
# Form posts without files are small; larger bodies are refused (VAL-07).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000_000

# Receipt codes are stored as argon2id hashes (cases.receipts). About 80 ms
# per hash on a 2-core machine with these values; every follow-up login
# costs one hash, so lookups are rate-limited.
RECEIPT_HASH_TIME_COST = int(os.environ.get("RECEIPT_HASH_TIME_COST", "3"))
RECEIPT_HASH_MEMORY_KIB = int(os.environ.get("RECEIPT_HASH_MEMORY_KIB", "32768"))
RECEIPT_HASH_PARALLELISM = 1
