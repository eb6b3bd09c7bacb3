"""Idle and absolute time-outs for signed-in staff (security reference
SES-02: 30 minutes idle, 12 hours at most). Django's own expiry slides with
every save of the session, so the absolute limit is kept here, counted from
the password step. Visitors without an account are not affected: a resident
writing a long report keeps their draft."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from . import security_log

SIGNED_IN_AT = "_signed_in_at"
LAST_SEEN_AT = "_last_seen_at"
# Writing the session on every request would cost a query each time; a
# minute's precision is enough for a 30-minute limit.
LAST_SEEN_PRECISION_SECONDS = 60


def start_clock(request: HttpRequest) -> None:
    """Called when the password step succeeds."""
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN_AT] = now


def _expired(request: HttpRequest, now: int) -> str | None:
    signed_in_at = request.session.get(SIGNED_IN_AT)
    last_seen_at = request.session.get(LAST_SEEN_AT)
    if not isinstance(signed_in_at, int) or not isinstance(last_seen_at, int):
        return None
    if now - signed_in_at > settings.STAFF_SESSION_MAX_SECONDS:
        return _("You have been logged out because you were signed in for more than %(hours)s hours.") % {
            "hours": settings.STAFF_SESSION_MAX_SECONDS // 3600
        }
    if now - last_seen_at > settings.STAFF_SESSION_IDLE_SECONDS:
        return _("You have been logged out after %(minutes)s minutes without activity.") % {
            "minutes": settings.STAFF_SESSION_IDLE_SECONDS // 60
        }
    return None


class SessionTimeoutMiddleware:
    """Ends a staff session that has been idle or open for too long, before
    any view sees it; the next request goes to the login page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Only a session with a signed-in user is looked at; for a visitor
        # without an account request.user costs no query.
        if request.user.is_authenticated:
            now = int(time.time())
            if SIGNED_IN_AT not in request.session:
                # Signed in some other way (a session from before this
                # middleware): the clocks start now.
                start_clock(request)
            reason = _expired(request, now)
            if reason is not None:
                security_log.record(request, security_log.TIMED_OUT)
                auth.logout(request)
                messages.info(request, reason)
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if now - request.session.get(LAST_SEEN_AT, 0) >= LAST_SEEN_PRECISION_SECONDS:
                request.session[LAST_SEEN_AT] = now
        return self.get_response(request)
