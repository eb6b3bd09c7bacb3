"""Staff sessions end after 30 minutes without activity and 12 hours after
signing in (security reference SES-02); residents are not affected."""

import pytest

from openinclusie.accounts import session_timeouts
from openinclusie.accounts.models import Role
from openinclusie.reports.tests.flow import ANONYMOUS_ANSWERS, start_url, step_url

pytestmark = pytest.mark.django_db

MINUTE = 60


@pytest.fixture
def clock(monkeypatch):
    """The middleware's clock, moved by hand."""

    class Clock:
        offset = 0

        def __call__(self) -> float:
            return real_time() + self.offset

    real_time = session_timeouts.time.time
    fake = Clock()
    monkeypatch.setattr(session_timeouts.time, "time", fake)
    return fake


def _still_signed_in(client) -> bool:
    response = client.get("/start/")
    return response.status_code == 200


def test_a_session_in_use_stays_open_past_half_an_hour(world, client_for, clock):
    client = client_for(Role.ADV_CONSULTANT)
    for _ in range(3):
        clock.offset += 20 * MINUTE
        assert _still_signed_in(client)


def test_thirty_minutes_without_activity_end_the_session(world, client_for, clock):
    client = client_for(Role.ADV_CONSULTANT)
    assert _still_signed_in(client)
    clock.offset += 31 * MINUTE
    response = client.get("/start/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?next=/start/")
    # The session is gone on the server, not only refused once.
    clock.offset = 0
    assert not _still_signed_in(client)
    page = client.get(response["Location"]).content.decode()
    assert "30 minuten zonder activiteit" in page


def test_twelve_hours_after_signing_in_the_session_ends_even_when_in_use(world, client_for, clock):
    client = client_for(Role.PROGRAMME_OFFICER)
    for _ in range(12 * 60 // 25):
        clock.offset += 25 * MINUTE
        assert _still_signed_in(client)
    clock.offset += 25 * MINUTE
    response = client.get("/start/")
    assert response.status_code == 302
    assert "12 uur" in client.get(response["Location"]).content.decode()


def test_a_residents_draft_survives_a_long_pause(world, client, clock):
    """No account, no time-out: the report form keeps what was typed."""
    client.post(start_url())
    assert client.post(step_url(1), ANONYMOUS_ANSWERS[1]).status_code == 302
    clock.offset += 3 * 60 * MINUTE
    page = client.get(step_url(1)).content.decode()
    assert ANONYMOUS_ANSWERS[1]["description"] in page


def test_a_session_without_clocks_gets_them_and_times_out_too(world, client, clock):
    """A session signed in before the time-outs existed (or by force_login)
    is not exempt: its clocks start at its next request."""
    from openinclusie.accounts.tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    assert session_timeouts.SIGNED_IN_AT not in client.session
    client.get("/")
    assert session_timeouts.SIGNED_IN_AT in client.session
    clock.offset += 31 * MINUTE
    client.get("/")
    assert "_auth_user_id" not in client.session
