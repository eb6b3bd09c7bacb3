"""Receipt codes: the resident's only key to their report.

A code is 16 characters in four groups (``K7QM-2XW9-HC4T-PBN3``), drawn with
``secrets`` from Crockford's base-32 alphabet: digits and capitals without
I, L, O and U. 32 symbols x 16 positions = 80 bits of randomness. The
alphabet has no two symbols that look alike; when a resident types one of
the left-out look-alikes anyway (O for 0, I or L for 1), it is read as the
symbol they meant, so case, spaces, dashes and look-alikes never matter.

Only a slow keyed hash is stored (``Report.receipt_digest``): argon2id with
a salt derived from ``SECRET_KEY``. The salt is the same for every code, so
a code can be found with one hash and the unique index; the secret key
keeps a stolen database from being searched offline. The code itself is
shown once and never stored, logged or mailed."""

import hashlib
import hmac
import secrets

from argon2.low_level import Type, hash_secret_raw
from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 4
GROUP_LENGTH = 4
CODE_LENGTH = GROUPS * GROUP_LENGTH
# What a resident may type for a symbol that is not in the alphabet.
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
# Separators people type or copy along with a code.
_IGNORED = frozenset(" -_.\u00a0\u2010\u2011\u2012\u2013\u2014\t\r\n")
DIGEST_PREFIX = "a2id$"
_SALT_CONTEXT = b"openinclusie.cases.receipts.salt.v1"


def new_code() -> str:
    """A fresh code, grouped for reading aloud."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return format_code(raw)


def format_code(raw: str) -> str:
    return "-".join(raw[i : i + GROUP_LENGTH] for i in range(0, len(raw), GROUP_LENGTH))


def normalise(typed: str) -> str | None:
    """The 16 symbols of a typed code, or None when it cannot be a code."""
    if len(typed) > 100:
        return None
    cleaned = "".join(ch for ch in typed if ch not in _IGNORED).upper().translate(_LOOK_ALIKES)
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


def _salt(secret_key: str) -> bytes:
    return hmac.new(secret_key.encode(), _SALT_CONTEXT, hashlib.sha256).digest()[:16]


def _digest_with(normalised: str, secret_key: str) -> str:
    raw = hash_secret_raw(
        secret=normalised.encode("ascii"),
        salt=_salt(secret_key),
        time_cost=settings.RECEIPT_HASH_TIME_COST,
        memory_cost=settings.RECEIPT_HASH_MEMORY_KIB,
        parallelism=settings.RECEIPT_HASH_PARALLELISM,
        hash_len=32,
        type=Type.ID,
    )
    return DIGEST_PREFIX + raw.hex()


def digest(code: str) -> str:
    """The stored form of a code (or of anything typed that normalises to it)."""
    normalised = normalise(code)
    if normalised is None:
        raise ValueError("Not a receipt code.")
    return _digest_with(normalised, settings.SECRET_KEY)


def candidate_digests(typed: str) -> list[str]:
    """Digests to look up for a typed code: one per secret key still
    accepted (``SECRET_KEY`` first, then ``SECRET_KEY_FALLBACKS``), so codes
    survive a key rotation. Empty when the input cannot be a code, so no
    hash is spent on it."""
    normalised = normalise(typed)
    if normalised is None:
        return []
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [_digest_with(normalised, key) for key in keys]
