"""Security events of staff sign-in, written to the ``openinclusie.audit``
log (security reference LOG-02/LOG-03): when, who, what, with what result
and from where. Staff events carry the client address; public submissions
never log one. No passwords, codes or session keys; an e-mail address that
matches no account is logged only as a keyed hash, so repeated guesses can
be correlated without storing what was typed."""

import hashlib
import hmac
import logging
from datetime import UTC, datetime

from django.conf import settings
from django.http import HttpRequest

from .models import User

audit_logger = logging.getLogger("openinclusie.audit")

PASSWORD_ACCEPTED = "login.password_accepted"  # noqa: S105 - an event name, not a password
PASSWORD_REFUSED = "login.password_refused"  # noqa: S105 - an event name, not a password
CODE_ACCEPTED = "login.code_accepted"
CODE_REFUSED = "login.code_refused"
AUTHENTICATOR_ENROLLED = "login.authenticator_enrolled"
THROTTLED = "login.throttled"
LOGGED_OUT = "logout"
TIMED_OUT = "session.timed_out"


def identifier_digest(value: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()[:16]


def record(request: HttpRequest, event: str, *, user: User | None = None, attempted: str = "") -> None:
    actor = user if user is not None else getattr(request, "user", None)
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    fields = {
        "event": event,
        "actor_id": actor_id,
        "attempted": identifier_digest(attempted) if attempted and actor_id is None else "",
        "origin": request.META.get("REMOTE_ADDR", ""),
        "at": datetime.now(UTC).isoformat(),
    }
    audit_logger.info("%s actor=%s", event, actor_id, extra=fields)
