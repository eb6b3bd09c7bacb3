"""Sign-in events reach the audit log with who, what, result and origin,
and never what was typed (security reference LOG-02..LOG-05)."""

import json
import logging

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinclusie.accounts import security_log
from openinclusie.accounts.models import Role
from openinclusie.accounts.services import current_totp_token, grant_membership
from openinclusie.accounts.tests.factories import PASSWORD, UserFactory
from openinclusie.core.logging import JsonFormatter

pytestmark = pytest.mark.django_db


def _events(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "openinclusie.audit"]


@pytest.fixture
def staff_member(world):
    user = UserFactory()
    grant_membership(user=user, organisation=world["adv_a"], role=Role.ADV_CONSULTANT)
    return user


def test_a_whole_sign_in_and_out_is_logged_step_by_step(staff_member, caplog):
    caplog.set_level(logging.INFO, logger="openinclusie.audit")
    client = Client(REMOTE_ADDR="198.51.100.7")
    client.post("/inloggen/", {"username": staff_member.email, "password": PASSWORD})
    client.post("/inloggen/code/", {"token": "000000"})
    device = TOTPDevice.objects.get(user=staff_member)
    device.throttle_reset()  # django-otp makes the next try wait after a wrong code
    client.post("/inloggen/code/", {"token": current_totp_token(device)})
    client.post("/uitloggen/")
    events = _events(caplog)
    assert [r.event for r in events] == [
        security_log.PASSWORD_ACCEPTED,
        security_log.CODE_REFUSED,
        security_log.CODE_ACCEPTED,
        security_log.LOGGED_OUT,
    ]
    assert {r.actor_id for r in events} == {staff_member.pk}
    assert {r.origin for r in events} == {"198.51.100.7"}


def test_a_wrong_password_logs_a_digest_of_the_address_never_the_password(staff_member, caplog):
    caplog.set_level(logging.INFO, logger="openinclusie.audit")
    Client().post("/inloggen/", {"username": "Nobody@Example.org", "password": "Geheim-wachtwoord-123"})
    Client().post("/inloggen/", {"username": staff_member.email, "password": "Geheim-wachtwoord-123"})
    unknown, known = _events(caplog)
    assert (unknown.event, known.event) == (security_log.PASSWORD_REFUSED, security_log.PASSWORD_REFUSED)
    assert unknown.actor_id is None
    assert unknown.attempted == security_log.identifier_digest("nobody@example.org")
    line = JsonFormatter().format(unknown) + JsonFormatter().format(known)
    assert "Geheim-wachtwoord-123" not in line
    assert "nobody@example.org" not in line.lower()
    assert staff_member.email not in line


def test_the_json_lines_cannot_be_forged_with_line_breaks():
    record = logging.LogRecord("openinclusie.audit", logging.INFO, __file__, 1, "%s", ('a\n{"event": "x"}',), None)
    record.event = "login.password_refused"
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == 'a\n{"event": "x"}'
    assert entry["event"] == "login.password_refused"
