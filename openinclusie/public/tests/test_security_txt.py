"""/.well-known/security.txt tells researchers where to report a
vulnerability (RFC 9116; security reference test 41)."""

from datetime import UTC, datetime, timedelta

import pytest

from openinclusie.reports.tests.flow import start_url, step_url

pytestmark = pytest.mark.django_db


def _fields(text: str) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in text.strip().splitlines())


def test_security_txt_has_the_required_fields(client, settings):
    settings.SECURITY_CONTACT = "mailto:cvd@gemeente.example"
    settings.PUBLIC_BASE_URL = "https://inclusie.gemeente.example"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = _fields(response.content.decode())
    assert fields["Contact"] == "mailto:cvd@gemeente.example"
    assert fields["Canonical"] == "https://inclusie.gemeente.example/.well-known/security.txt"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    # RFC 9116 advises less than a year ahead, and never in the past.
    assert datetime.now(UTC) + timedelta(days=300) < expires <= datetime.now(UTC) + timedelta(days=366)
    assert "Policy" not in fields


def test_security_txt_links_the_disclosure_policy_when_there_is_one(client, settings):
    settings.SECURITY_POLICY_URL = "https://www.gemeente.example/cvd"
    fields = _fields(client.get("/.well-known/security.txt").content.decode())
    assert fields["Policy"] == "https://www.gemeente.example/cvd"


def test_large_form_posts_are_refused(world, client):
    """Bodies without files are capped at 1 MB (security reference VAL-07)."""
    client.post(start_url())
    response = client.post(step_url(1), {"description": "x" * 1_100_000, "when": "unknown"})
    assert response.status_code == 400
    assert client.post(step_url(1), {"description": "x" * 10_000, "when": "unknown"}).status_code != 400
