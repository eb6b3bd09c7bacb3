"""The public reporting form (meldpunt) and the receipt-code follow-up page.

Every page is public, works without JavaScript and is never cached
(``no_store``). No view reads the client address except through
``core.ratelimit.client_identifier``, which only feeds a keyed, expiring
rate-limit counter; nothing about the client is stored with a report."""

from .follow_up import (
    CODE_ATTEMPTS_PER_WINDOW,
    MESSAGES_PER_HOUR,
    follow_up,
    follow_up_close,
    follow_up_login,
)
from .form import SUBMISSIONS_PER_HOUR, report_check, report_sent, report_start, report_step

__all__ = [
    "CODE_ATTEMPTS_PER_WINDOW",
    "MESSAGES_PER_HOUR",
    "SUBMISSIONS_PER_HOUR",
    "follow_up",
    "follow_up_close",
    "follow_up_login",
    "report_check",
    "report_sent",
    "report_start",
    "report_step",
]
