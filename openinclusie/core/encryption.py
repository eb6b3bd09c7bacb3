"""Application-level encryption of the top class of data (DATA-03): the
reporter's words and contact details, messages and notes.

AES-256-GCM (authenticated: a changed or foreign value fails to decrypt, it
never comes back as garbage). A stored value reads::

    enc1:<key id>:<base64url(nonce || ciphertext || tag)>

``enc1`` is the format version, so a plaintext value (written before
encryption, or by a tool that bypassed the field) is recognised. The key id
is eight hex digits of a hash of the key; it names the key without
revealing it, picks the key for decryption, and lets ``rotate_field_keys``
find every value not yet under the current key.

The keys come from ``settings.FIELD_ENCRYPTION_KEYS``: a list of base64url
encoded 32-byte keys. The first encrypts; all decrypt, so a key can be
rotated (prepend the new key, run ``rotate_field_keys``, then drop the old
one). Production reads them from ``DJANGO_FIELD_ENCRYPTION_KEYS``; they are
never in the database or the repository (except the public development and
bench keys below, which the deploy check refuses).

The empty string is stored as the empty string: a blank field says only
that the reporter left it blank, and ``exclude(email="")`` and the
``~Q(email="")`` constraints keep working in SQL."""

import base64
import binascii
import hashlib
import os
import secrets
from dataclasses import dataclass
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "enc1:"
KEY_BYTES = 32
NONCE_BYTES = 12

# Public keys, for development, tests and the benchmark only. Anyone can
# read them here, so the deploy check refuses them (core.checks).
DEVELOPMENT_KEY = "b3BlbmluY2x1c2llLWRldmVsb3BtZW50LW9ubHkhISE"  # "openinclusie-development-only!!!"
BENCH_KEY = "b3BlbmluY2x1c2llLWJlbmNoLW9ubHkta2V5ISEhISE"  # "openinclusie-bench-only-key!!!!!"
PUBLIC_KEYS = frozenset({DEVELOPMENT_KEY, BENCH_KEY})


class EncryptionError(Exception):
    """A stored value could not be decrypted: a plaintext, damaged or
    tampered value, or one encrypted with a key that is not configured."""


def generate_key() -> str:
    """A new key, as it goes into DJANGO_FIELD_ENCRYPTION_KEYS."""
    return base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode().rstrip("=")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def decode_key(text: str) -> bytes:
    try:
        raw = _b64decode(text.strip())
    except (binascii.Error, ValueError) as error:
        raise ImproperlyConfigured("A field encryption key is not valid base64url.") from error
    if len(raw) != KEY_BYTES:
        raise ImproperlyConfigured(f"A field encryption key must be {KEY_BYTES} bytes (got {len(raw)}).")
    return raw


def key_id(raw_key: bytes) -> str:
    return hashlib.sha256(b"openinclusie field key id\x00" + raw_key).hexdigest()[:8]


@dataclass(frozen=True)
class Keyring:
    current_id: str
    ciphers: dict[str, AESGCM]

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self.ciphers[self.current_id].encrypt(nonce, plaintext.encode(), None)
        return f"{PREFIX}{self.current_id}:{base64.urlsafe_b64encode(nonce + sealed).decode().rstrip('=')}"

    def decrypt(self, stored: str) -> str:
        if not stored.startswith(PREFIX):
            raise EncryptionError("Not an encrypted value (no 'enc1:' prefix): plaintext or damaged.")
        kid, sep, payload = stored[len(PREFIX) :].partition(":")
        if not sep:
            raise EncryptionError("Damaged encrypted value: no key id.")
        cipher = self.ciphers.get(kid)
        if cipher is None:
            raise EncryptionError(
                f"Value encrypted with key {kid}, which is not in FIELD_ENCRYPTION_KEYS "
                f"(configured: {', '.join(self.ciphers)})."
            )
        try:
            blob = _b64decode(payload)
            if len(blob) < NONCE_BYTES + 16:
                raise ValueError("too short")
            return cipher.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], None).decode()
        except (InvalidTag, ValueError, binascii.Error) as error:
            raise EncryptionError(f"Damaged or tampered encrypted value (key {kid}).") from error


@lru_cache(maxsize=8)
def _keyring_for(keys: tuple[str, ...]) -> Keyring:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty; set DJANGO_FIELD_ENCRYPTION_KEYS.")
    ciphers: dict[str, AESGCM] = {}
    for text in keys:
        raw = decode_key(text)
        kid = key_id(raw)
        if kid in ciphers:
            raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS lists key {kid} twice.")
        ciphers[kid] = AESGCM(raw)
    return Keyring(current_id=key_id(decode_key(keys[0])), ciphers=ciphers)


def keyring() -> Keyring:
    """The keys in the settings (parsed once per distinct list)."""
    return _keyring_for(tuple(getattr(settings, "FIELD_ENCRYPTION_KEYS", ())))


def encrypt(plaintext: str) -> str:
    """Encrypt with the current (first) key. The empty string stays empty."""
    if plaintext == "":
        return ""
    return keyring().encrypt(plaintext)


def decrypt(stored: str) -> str:
    """Decrypt with whichever configured key the value names. The empty
    string stays empty; anything else that is not a valid value of ours
    raises EncryptionError."""
    if stored == "":
        return ""
    return keyring().decrypt(stored)


def is_encrypted(stored: str) -> bool:
    return stored.startswith(PREFIX)


def stored_key_id(stored: str) -> str | None:
    """The key id a stored value names, or None for a plaintext value."""
    if not is_encrypted(stored):
        return None
    return stored[len(PREFIX) :].partition(":")[0]


def current_prefix() -> str:
    """Every value under the current key starts with this."""
    return f"{PREFIX}{keyring().current_id}:"
