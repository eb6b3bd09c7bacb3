"""Local development: SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
