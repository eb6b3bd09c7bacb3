"""Local development: SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import FIELD_ENCRYPTION_KEYS, SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# Development only: a public key (core.encryption.DEVELOPMENT_KEY); the
# deploy check refuses it.
FIELD_ENCRYPTION_KEYS = FIELD_ENCRYPTION_KEYS or ["b3BlbmluY2x1c2llLWRldmVsb3BtZW50LW9ubHkhISE"]
