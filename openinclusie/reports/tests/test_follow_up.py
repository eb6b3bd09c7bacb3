import time
from unittest import mock

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from openinclusie.accounts.tests.factories import UserFactory
from openinclusie.cases import receipts
from openinclusie.cases.constants import MessageDirection, Status
from openinclusie.cases.models import Message, Report
from openinclusie.cases.services import public_intake
from openinclusie.cases.tests.public_factories import code_of, submit
from openinclusie.reports import draft
from openinclusie.reports.views import CODE_ATTEMPTS_PER_WINDOW, MESSAGES_PER_HOUR

pytestmark = pytest.mark.django_db


def _url(name: str) -> str:
    return reverse(f"reports:{name}", args=["alfastad"])


def _message_to_reporter(report: Report, body: str) -> Message:
    return Message.objects.create(
        report=report,
        direction=MessageDirection.TO_REPORTER,
        body=body,
        author=UserFactory(),
        created_at=timezone.now(),
    )


def _log_in(client: Client, code: str):
    return client.post(_url("follow_up_login"), {"code": code})


def test_the_code_opens_the_page_of_the_report(world, client):
    submission = submit(world["town_a"])
    _message_to_reporter(submission.report, "Kunt u ons bellen? BERICHT-A")
    response = _log_in(client, submission.receipt_code)
    assert response["Location"] == _url("follow_up")
    page = client.get(_url("follow_up"))
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    html = page.content.decode()
    assert "BERICHT-A" in html
    assert "Your report has arrived." in html
    assert submission.report.reference in html
    assert "New" in html
    # The reporter's own story is not shown back: a code in the wrong hands
    # reveals as little as possible.
    assert "sportschool" not in html
    assert Message.objects.get().read_at is not None


def test_the_code_works_typed_loosely(world, client):
    submission = submit(world["town_a"])
    loose = code_of(submission).lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert _log_in(client, f"  {loose}  ")["Location"] == _url("follow_up")


def test_a_code_for_one_report_never_shows_another(world, client):
    first = submit(world["town_a"])
    second = submit(world["town_b"], incident_municipality=world["town_b"])
    _message_to_reporter(first.report, "Alleen voor A: KANARIE-AAA")
    _message_to_reporter(second.report, "Alleen voor B: KANARIE-BBB")
    _log_in(client, first.receipt_code)
    html = client.get(_url("follow_up")).content.decode()
    assert "KANARIE-AAA" in html
    assert "KANARIE-BBB" not in html
    assert second.report.reference not in html
    # Sending a message goes to A only, whatever the form says.
    client.post(
        _url("follow_up"), {"form": "reply", "reply-body": "Antwoord", "report": second.report.pk, "report_id": 2}
    )
    assert Message.objects.filter(report=first.report, direction=MessageDirection.FROM_REPORTER).count() == 1
    assert not Message.objects.filter(report=second.report, direction=MessageDirection.FROM_REPORTER).exists()
    # The other resident sees only their own.
    other = Client()
    _log_in(other, second.receipt_code)
    html = other.get(_url("follow_up")).content.decode()
    assert "KANARIE-BBB" in html
    assert "KANARIE-AAA" not in html


def test_a_wrong_code_gets_a_neutral_message_and_is_not_shown_again(world, client):
    submit(world["town_a"])
    for wrong in (receipts.new_code(), "hallo", "x" * 99, "K7QM-2XW9-HC4T-PBNU"):
        response = _log_in(client, wrong)
        assert response.status_code == 200
        html = response.content.decode()
        assert "We cannot find a report with this code." in html
        assert wrong not in html.split('name="code"')[1].split(">")[0]
    assert client.get(_url("follow_up"))["Location"] == _url("follow_up_login")


def test_code_lookups_are_rate_limited(world):
    submission = submit(world["town_a"])
    client = Client(REMOTE_ADDR="198.51.100.20")
    for _ in range(CODE_ATTEMPTS_PER_WINDOW):
        assert _log_in(client, receipts.new_code()).status_code == 200
    response = _log_in(client, submission.receipt_code)
    assert response.status_code == 429
    assert "wait 15 minutes" in response.content.decode()
    assert client.get(_url("follow_up"))["Location"] == _url("follow_up_login")
    # Another client is not blocked.
    assert _log_in(Client(REMOTE_ADDR="198.51.100.21"), submission.receipt_code).status_code == 302


def test_the_session_gets_a_new_key_and_keeps_only_the_report_id(world, client):
    submission = submit(world["town_a"])
    client.get(_url("follow_up_login"))
    before = client.session.session_key
    _log_in(client, submission.receipt_code)
    session = client.session
    assert session.session_key != before
    assert session[draft.FOLLOW_UP_KEY]["report"] == submission.report.pk
    assert code_of(submission) not in repr(dict(session))


def test_reply_and_addition_reach_the_case_file(world, client, django_capture_on_commit_callbacks):
    world["adv_a"].email = "meldpunt@adv-alfa.example"
    world["adv_a"].save()
    submission = submit(world["town_a"])
    _message_to_reporter(submission.report, "Wanneer was dit?")
    _log_in(client, submission.receipt_code)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("follow_up"), {"form": "reply", "reply-body": "Vorige week dinsdag. KANARIE-R"})
        assert response["Location"] == _url("follow_up")
        response = client.post(_url("follow_up"), {"form": "addition", "addition-body": "Er was nog een getuige."})
        assert response["Location"] == _url("follow_up")
    html = client.get(_url("follow_up")).content.decode()
    assert "Your message has been sent." in html
    assert "Vorige week dinsdag." in html
    assert "Er was nog een getuige." in html
    from_reporter = Message.objects.filter(report=submission.report, direction=MessageDirection.FROM_REPORTER)
    assert from_reporter.count() == 2
    # The case file tells the reply from the added information.
    assert {message.body: message.is_addition for message in from_reporter} == {
        "Vorige week dinsdag. KANARIE-R": False,
        "Er was nog een getuige.": True,
    }
    events = list(submission.report.history.values_list("event", flat=True))
    assert public_intake.EVENT_REPORTER_MESSAGE in events
    assert public_intake.EVENT_REPORTER_ADDITION in events
    assert len(mail.outbox) == 2
    assert all("KANARIE" not in m.body for m in mail.outbox)


def test_an_empty_or_too_long_message_keeps_the_text_and_explains(world, client):
    submission = submit(world["town_a"])
    _log_in(client, submission.receipt_code)
    response = client.post(_url("follow_up"), {"form": "addition", "addition-body": "   "})
    assert response.status_code == 200
    assert "Write your message first." in response.content.decode()
    long_text = "lang " * 2100
    response = client.post(_url("follow_up"), {"form": "addition", "addition-body": long_text})
    assert "at most 10000 characters" in response.content.decode()
    assert long_text.strip() in response.content.decode()
    assert not Message.objects.exists()


def test_an_unknown_form_is_ignored(world, client):
    submission = submit(world["town_a"])
    _log_in(client, submission.receipt_code)
    assert client.post(_url("follow_up"), {"form": "delete", "delete-body": "x"})["Location"] == _url("follow_up")
    assert not Message.objects.exists()


def test_messages_are_rate_limited_per_report(world, client):
    submission = submit(world["town_a"])
    _log_in(client, submission.receipt_code)
    for i in range(MESSAGES_PER_HOUR):
        client.post(_url("follow_up"), {"form": "addition", "addition-body": f"Bericht {i}"})
    response = client.post(_url("follow_up"), {"form": "addition", "addition-body": "Nog een"})
    assert response.status_code == 429
    assert "Nog een" in response.content.decode()
    assert Message.objects.count() == MESSAGES_PER_HOUR


def test_closing_ends_the_follow_up(world, client):
    submission = submit(world["town_a"])
    _log_in(client, submission.receipt_code)
    response = client.post(_url("follow_up_close"))
    assert response["Location"] == _url("follow_up_login")
    assert client.get(_url("follow_up"))["Location"] == _url("follow_up_login")
    assert client.get(_url("follow_up_close")).status_code == 405


def test_the_page_closes_after_thirty_idle_minutes(world, client):
    submission = submit(world["town_a"])
    _log_in(client, submission.receipt_code)
    assert client.get(_url("follow_up")).status_code == 200
    later = time.time() + draft.FOLLOW_UP_IDLE_SECONDS + 1
    with mock.patch("openinclusie.reports.draft.time.time", return_value=later):
        response = client.get(_url("follow_up"))
    assert response["Location"] == _url("follow_up_login")
    assert "closed" in client.get(_url("follow_up_login")).content.decode()


def test_status_in_plain_words_and_an_anonymised_report(world, client):
    submission = submit(world["town_a"])
    Report.objects.filter(pk=submission.report.pk).update(status=Status.WAITING_FOR_REPORTER)
    _log_in(client, submission.receipt_code)
    assert "We are waiting for an answer from you." in client.get(_url("follow_up")).content.decode()
    Report.objects.filter(pk=submission.report.pk).update(anonymised_at=timezone.now(), status=Status.CLOSED)
    html = client.get(_url("follow_up")).content.decode()
    assert "have been removed" in html
    assert 'name="form"' not in html
    response = client.post(_url("follow_up"), {"form": "addition", "addition-body": "Nog iets"})
    assert "You can no longer send messages" in response.content.decode()
    assert not Message.objects.exists()


def test_the_follow_up_works_in_dutch(world):
    submission = submit(world["town_a"])
    client = Client()
    response = client.post("/alfastad/melden/volgen/", {"code": submission.receipt_code})
    assert response["Location"] == "/alfastad/melden/volgen/uw-melding/"
    assert 'lang="nl"' in client.get(response["Location"]).content.decode()


def test_a_follow_up_session_for_a_report_that_is_not_there_ends(world, client):
    # Reports are never deleted (their history refuses it); a session that
    # points at no report, e.g. after restoring an older backup, still ends.
    submission = submit(world["town_a"])
    _log_in(client, submission.receipt_code)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=submission.report.pk).delete()
    session = client.session
    session[draft.FOLLOW_UP_KEY] = {**session[draft.FOLLOW_UP_KEY], "report": submission.report.pk + 1000}
    session.save()
    assert client.get(_url("follow_up"))["Location"] == _url("follow_up_login")
