"""System checks for the field encryption keys (DATA-03)."""

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

from openinclusie.core.encryption import PUBLIC_KEYS, decode_key


@register(Tags.security)
def field_encryption_keys_valid(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Every configured key must be a 32-byte base64url key."""
    errors = []
    for position, text in enumerate(getattr(settings, "FIELD_ENCRYPTION_KEYS", ()), start=1):
        try:
            decode_key(text)
        except ImproperlyConfigured as error:
            errors.append(Error(f"Field encryption key {position}: {error}", id="core.E001"))
    return errors


@register(Tags.security, deploy=True)
def field_encryption_keys_deployed(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """In production a key is set, and it is not one of the public keys in
    the repository (development, tests, benchmark)."""
    keys = [key.strip() for key in getattr(settings, "FIELD_ENCRYPTION_KEYS", ())]
    if not keys:
        return [
            Error(
                "FIELD_ENCRYPTION_KEYS is empty: report content cannot be encrypted.",
                hint="Set DJANGO_FIELD_ENCRYPTION_KEYS (see the README's deployment section).",
                id="core.E002",
            )
        ]
    if PUBLIC_KEYS & set(keys):
        return [
            Error(
                "FIELD_ENCRYPTION_KEYS holds the public development or bench key.",
                hint="Generate a key of your own and keep it outside the database and the repository.",
                id="core.E003",
            )
        ]
    return []
