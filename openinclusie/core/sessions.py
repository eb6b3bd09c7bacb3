"""Sessions in the database, encrypted with the field keys (ADR 0009).
A resident's unfinished report lives in the session until it is sent, so
without this a database dump would hold the draft's words in a signed but
readable form. A session that cannot be decrypted (a rotated-away key,
tampering) is treated as empty, as Django treats a bad signature."""

import logging
from typing import Any

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

from . import encryption

logger = logging.getLogger("django.security.SuspiciousSession")


class SessionStore(DatabaseSessionStore):
    def encode(self, session_dict: dict[str, Any]) -> str:
        return encryption.encrypt(super().encode(session_dict))

    def decode(self, session_data: bytes | str) -> dict[str, Any]:
        if isinstance(session_data, bytes):
            session_data = session_data.decode()
        try:
            signed = encryption.decrypt(session_data)
        except encryption.EncryptionError:
            logger.warning("Session data could not be decrypted")
            return {}
        return super().decode(signed)
