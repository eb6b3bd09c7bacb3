"""Fixed-window rate limits kept in the cache.

Keys are keyed hashes that change every window, so a cache dump holds no
e-mail address or client address and entries expire within minutes."""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _bucket_key(scope: str, identifier: str, window_seconds: int, now: float) -> str:
    window = int(now // window_seconds)
    digest = hmac.new(
        settings.SECRET_KEY.encode(),
        f"{scope}|{window}|{identifier}".encode(),
        hashlib.sha256,
    ).hexdigest()
    return f"rl:{scope}:{digest[:32]}"


def is_limited(*, scope: str, identifier: str, limit: int, window_seconds: int, now: float | None = None) -> bool:
    """Count one attempt; True when this attempt exceeds the limit.
    ``RATE_LIMIT_SCALE`` multiplies every limit (the benchmark raises it to
    send many submissions from one address)."""
    limit *= getattr(settings, "RATE_LIMIT_SCALE", 1)
    key = _bucket_key(scope, identifier, window_seconds, time.time() if now is None else now)
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count > limit


def client_identifier(request: HttpRequest) -> str:
    """The transient identity of a client for rate limiting only; never stored
    with any record. Behind a proxy the proxy's address would lump everyone
    together, so the deployment's proxy must set REMOTE_ADDR correctly."""
    return request.META.get("REMOTE_ADDR", "unknown")
