"""A resident's unfinished report waits in the session: the session is
stored encrypted, so a database dump does not hold the draft's words."""

import base64
import zlib

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from openinclusie.core.sessions import SessionStore
from openinclusie.reports.tests.flow import ANONYMOUS_ANSWERS, start_url, step_url

pytestmark = pytest.mark.django_db

DRAFT = dict(ANONYMOUS_ANSWERS[1], description="Bij de bakker werd ik weggestuurd. SESSIEKANARIE")


def _readable(stored: str) -> str:
    """What someone with a dump could make of a plain Django session:
    the signed payload is base64 of (compressed) JSON."""
    payload = stored.split(":", 1)[0]
    raw = base64.urlsafe_b64decode(payload.lstrip(".") + "=" * (-len(payload.lstrip(".")) % 4))
    try:
        return zlib.decompress(raw).decode(errors="replace")
    except zlib.error:
        return raw.decode(errors="replace")


def test_a_draft_in_the_session_is_stored_encrypted(world):
    client = Client()
    client.post(start_url())
    assert client.post(step_url(1), DRAFT).status_code == 302
    (session,) = Session.objects.all()
    assert session.session_data.startswith("enc1:")
    assert "SESSIEKANARIE" not in session.session_data
    assert "SESSIEKANARIE" in str(SessionStore().decode(session.session_data))
    # The draft is still there for the resident.
    assert "SESSIEKANARIE" in client.get(step_url(1)).content.decode()


def test_the_plain_store_would_have_kept_it_readable(world, settings):
    """The reason for the encrypted store, shown: Django's own store keeps
    the words one base64 decode away."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    client = Client()
    client.post(start_url())
    client.post(step_url(1), DRAFT)
    (session,) = Session.objects.all()
    assert "SESSIEKANARIE" in _readable(session.session_data)


def test_a_session_that_cannot_be_decrypted_is_empty():
    store = SessionStore()
    assert store.decode("enc1:00000000:bm9uc2Vuc2U") == {}
    assert store.decode("not encrypted at all") == {}
