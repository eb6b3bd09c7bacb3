"""What the resident has typed so far, kept in their server-side session
between the steps of the form, and the short-lived state after sending.

Nothing here is written to the database as a report: the draft lives only in
the session (and disappears with it). Only the fields of each step are kept,
each value capped, so a session cannot be filled with arbitrary data."""

import time
import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.utils.datastructures import MultiValueDict

from openinclusie.reports import proof_of_work

STEP_COUNT = 4
# A little more than the longest field accepts, so a too-long text is kept
# for the resident to shorten, but nothing bigger lands in the session.
MAX_VALUE_LENGTH = 12_000
MAX_VALUES_PER_FIELD = 20
# How long the code waits in the session for the confirmation page.
RECEIPT_PENDING_SECONDS = 10 * 60
# How long a follow-up page stays open without activity.
FOLLOW_UP_IDLE_SECONDS = 30 * 60


def _draft_key(slug: str) -> str:
    return f"reports.draft:{slug}"


def _sent_key(slug: str) -> str:
    return f"reports.sent:{slug}"


FOLLOW_UP_KEY = "reports.follow_up"


@dataclass
class Draft:
    session: SessionBase
    slug: str
    state: dict[str, Any]

    @classmethod
    def start(cls, session: SessionBase, slug: str) -> "Draft":
        """A new draft with a fresh submission token; an unfinished draft of
        the same municipality is kept, so a second click on "start" loses
        nothing."""
        existing = cls.load(session, slug)
        if existing is not None:
            return existing
        state = {"token": str(uuid.uuid4()), "steps": {}, "started_at": time.time()}
        session[_draft_key(slug)] = state
        return cls(session, slug, state)

    @classmethod
    def load(cls, session: SessionBase, slug: str) -> "Draft | None":
        state = session.get(_draft_key(slug))
        if not isinstance(state, dict) or "token" not in state:
            return None
        return cls(session, slug, state)

    def seconds_since_start(self, now: float) -> float:
        """How long ago this draft began. A draft from before the start was
        recorded counts as old enough."""
        started_at = self.state.get("started_at")
        return now - started_at if isinstance(started_at, int | float) else float("inf")

    def work_challenge(self) -> str:
        """The proof-of-work challenge of this draft, made on first use. It
        lives and dies with the draft, so one proof sends one report."""
        challenge = self.state.get("challenge")
        if not isinstance(challenge, str):
            challenge = proof_of_work.new_challenge()
            self.state["challenge"] = challenge
            self.session.modified = True
        return challenge

    @property
    def token(self) -> uuid.UUID:
        return uuid.UUID(self.state["token"])

    def data(self, step: int) -> MultiValueDict[str, str] | None:
        saved = self.state["steps"].get(str(step))
        return MultiValueDict(saved["data"]) if saved else None

    def is_complete(self, step: int) -> bool:
        saved = self.state["steps"].get(str(step))
        return bool(saved and saved["complete"])

    def first_incomplete(self) -> int | None:
        return next((step for step in range(1, STEP_COUNT + 1) if not self.is_complete(step)), None)

    def save_step(self, step: int, posted: Any, field_names: list[str], *, complete: bool) -> None:
        kept = {
            name: [str(value)[:MAX_VALUE_LENGTH] for value in posted.getlist(name)[:MAX_VALUES_PER_FIELD]]
            for name in field_names
            if name in posted
        }
        self.state["steps"][str(step)] = {"data": kept, "complete": complete}
        self.session.modified = True

    def discard(self) -> None:
        self.session.pop(_draft_key(self.slug), None)


def remember_sent(session: SessionBase, slug: str, *, code: str, reference: str, request_type: str) -> None:
    """Keep the code just long enough to show it once on the confirmation."""
    session[_sent_key(slug)] = {
        "code": code,
        "reference": reference,
        "request_type": request_type,
        "at": time.time(),
    }


def take_sent(session: SessionBase, slug: str) -> tuple[dict[str, Any] | None, str | None]:
    """The last confirmation, and the code if it has not been shown yet. The
    code is removed from the session in the same step."""
    sent = session.get(_sent_key(slug))
    if not isinstance(sent, dict):
        return None, None
    code = sent.pop("code", None)
    if code is not None:
        session[_sent_key(slug)] = sent
        if time.time() - sent.get("at", 0) > RECEIPT_PENDING_SECONDS:
            code = None
    return sent, code


def start_follow_up_session(session: SessionBase, report_id: int) -> None:
    # A new session key, so a key seen before the code was typed is useless.
    session.cycle_key()
    session[FOLLOW_UP_KEY] = {"report": report_id, "seen": time.time()}


def follow_up_session_report(session: SessionBase) -> tuple[int | None, bool]:
    """The report this session may follow up, and whether it timed out.
    Each call counts as activity."""
    state = session.get(FOLLOW_UP_KEY)
    if not isinstance(state, dict):
        return None, False
    if time.time() - state.get("seen", 0) > FOLLOW_UP_IDLE_SECONDS:
        session.pop(FOLLOW_UP_KEY, None)
        return None, True
    state["seen"] = time.time()
    session[FOLLOW_UP_KEY] = state
    return int(state["report"]), False


def end_follow_up_session(session: SessionBase) -> None:
    session.pop(FOLLOW_UP_KEY, None)
    session.cycle_key()
