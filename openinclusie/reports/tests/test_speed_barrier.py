"""A report sent faster than a person can answer four pages is refused once,
with every answer kept; a moment later the same click sends it (security
reference VAL-06: a bot barrier without JavaScript and without a third
party)."""

import pytest

from openinclusie.cases.models import Report
from openinclusie.reports import draft as drafts

from .flow import ANONYMOUS_ANSWERS, fill_in, receipt_code_on, send, sent_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        now = 1_800_000_000.0

        def time(self) -> float:
            return self.now

    fake = Clock()
    monkeypatch.setattr(drafts.time, "time", fake.time)
    from openinclusie.reports.views import form

    monkeypatch.setattr(form.time, "time", fake.time)
    return fake


def test_a_report_sent_at_machine_speed_is_held_and_its_answers_kept(world, client, clock, settings):
    settings.REPORT_MINIMUM_SECONDS = 15
    fill_in(client, ANONYMOUS_ANSWERS)
    clock.now += 3
    response = send(client)
    assert response.status_code == 429
    page = response.content.decode()
    assert "faster than we expect from a person" in page
    assert "Bij de sportschool mocht ik niet naar binnen." in page  # the answers are still there
    assert Report.objects.count() == 0

    clock.now += 20
    response = send(client)
    assert response.status_code == 302
    assert response["Location"] == sent_url()
    assert receipt_code_on(client.get(sent_url()).content.decode())
    assert Report.objects.count() == 1


def test_a_person_taking_their_time_is_not_stopped(world, client, clock, settings):
    settings.REPORT_MINIMUM_SECONDS = 15
    fill_in(client, ANONYMOUS_ANSWERS)
    clock.now += 90
    assert send(client).status_code == 302
    assert Report.objects.count() == 1
