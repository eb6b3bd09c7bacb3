"""Incidents, messages to reporters and the e-mail notice that carries no
case content (security.md test plan row 21)."""

import pytest
from django.core import mail
from django.urls import reverse

from openinclusie.accounts.models import Role
from openinclusie.cases.constants import HistoryEvent, MessageDirection
from openinclusie.cases.models import Incident, Message

from .factories import IncidentFactory, ReportFactory

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = pytest.mark.usefixtures("english_ui")

SECRET = "GEHEIM-VERHAAL-7731"


@pytest.fixture
def consultant(staff):
    return staff(Role.ADV_CONSULTANT)


def test_a_message_is_stored_for_the_follow_up_page_and_mailed_without_content(
    world, consultant, django_capture_on_commit_callbacks
):
    report = ReportFactory(
        adv=world["adv_a"], incident_municipality=world["town_a"], with_contact=True, description=SECRET
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = consultant.client.post(
            reverse("cases:case_message", args=[report.pk]), {"message-body": f"Wij bellen u morgen. {SECRET}"}
        )
    assert response.status_code == 302
    message = Message.objects.get(report=report)
    assert message.direction == MessageDirection.TO_REPORTER
    assert message.author == consultant.user
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["sam@example.org"]
    text = f"{notice.subject}\n{notice.body}"
    assert SECRET not in text
    assert "/alfastad/" in str(notice.body)
    assert "/alfastad/" in notice.body
    assert HistoryEvent.MESSAGE_SENT in list(report.history.values_list("event", flat=True))


def test_no_mail_without_an_e_mail_address(world, consultant, django_capture_on_commit_callbacks):
    anonymous = ReportFactory(adv=world["adv_a"])
    phone_only = ReportFactory(adv=world["adv_a"], contact={"email": "", "phone": "0611111111"})
    with django_capture_on_commit_callbacks(execute=True):
        for report in (anonymous, phone_only):
            consultant.client.post(reverse("cases:case_message", args=[report.pk]), {"message-body": "Hallo"})
    assert Message.objects.count() == 2
    assert mail.outbox == []


def test_no_mail_when_the_message_is_rolled_back(world, consultant, django_capture_on_commit_callbacks):
    report = ReportFactory(adv=world["adv_a"], with_contact=True)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        consultant.client.post(reverse("cases:case_message", args=[report.pk]), {"message-body": "Hallo"})
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_create_an_incident_flag_it_and_link_and_unlink_reports(world, consultant):
    response = consultant.client.post(
        reverse("cases:incident_create"),
        {"adv": world["adv_a"].pk, "title": "Uitspraak in talkshow", "is_mass_report": "on"},
    )
    incident = Incident.objects.get()
    assert response["Location"] == reverse("cases:incident_detail", args=[incident.pk])
    assert incident.adv == world["adv_a"]
    assert incident.is_mass_report
    report = ReportFactory(adv=world["adv_a"])
    foreign = ReportFactory(adv=world["adv_b"])
    links = reverse("cases:incident_reports", args=[incident.pk])
    consultant.client.post(links, {"link-reference": report.reference.lower()})
    refused = consultant.client.post(links, {"link-reference": foreign.reference})
    assert refused.status_code == 200
    assert "No open report of your ADV" in refused.content.decode()
    report.refresh_from_db()
    foreign.refresh_from_db()
    assert report.incident == incident
    assert report.version == 2
    assert foreign.incident is None
    page = consultant.client.get(reverse("cases:incident_detail", args=[incident.pk])).content.decode()
    assert report.reference in page
    consultant.client.post(links, {"unlink": report.pk})
    report.refresh_from_db()
    assert report.incident is None
    assert [e.split(":")[0] for e in report.history.order_by("pk").values_list("event", flat=True)] == [
        HistoryEvent.INCIDENT_LINKED,
        HistoryEvent.INCIDENT_UNLINKED,
    ]


def test_reply_to_all_reporters_of_an_incident(world, consultant, django_capture_on_commit_callbacks):
    incident = IncidentFactory(adv=world["adv_a"], mass=True)
    with_mail = ReportFactory.create_batch(3, adv=world["adv_a"], incident=incident, with_contact=True)
    without = ReportFactory(adv=world["adv_a"], incident=incident)
    gone = ReportFactory(adv=world["adv_a"], incident=incident, closed=True, anonymised_at="2026-01-01T00:00Z")
    url = reverse("cases:incident_message", args=[incident.pk])
    page = consultant.client.get(url).content.decode()
    assert "4 reports" in page
    assert "3 reporters left an e-mail address" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = consultant.client.post(url, {"body": f"Wij hebben de omroep aangeschreven. {SECRET}"})
    assert response.status_code == 302
    assert {m.report_id for m in Message.objects.all()} == {r.pk for r in [*with_mail, without]}
    assert not Message.objects.filter(report=gone).exists()
    assert len(mail.outbox) == 3
    assert all(SECRET not in m.body and SECRET not in m.subject for m in mail.outbox)


def test_incidents_of_another_adv_are_not_found(world, consultant):
    foreign = IncidentFactory(adv=world["adv_b"], title="Voorval van Beta")
    assert "Voorval van Beta" not in consultant.client.get(reverse("cases:incidents")).content.decode()
    for name in ("incident_detail", "incident_reports", "incident_message"):
        assert consultant.client.get(reverse(f"cases:{name}", args=[foreign.pk])).status_code == 404
        assert consultant.client.post(reverse(f"cases:{name}", args=[foreign.pk]), {"body": "x"}).status_code == 404
    assert not Message.objects.exists()


def test_the_case_file_marks_what_the_reporter_added_to_their_story(world, consultant):
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    report = ReportFactory(adv=world["adv_a"])
    now = timezone.now()
    Message.objects.create(
        report=report,
        direction=MessageDirection.FROM_REPORTER,
        body="Er was een getuige.",
        created_at=now,
        is_addition=True,
    )
    Message.objects.create(report=report, direction=MessageDirection.FROM_REPORTER, body="Dinsdag.", created_at=now)
    page = consultant.client.get(reverse("cases:case_detail", args=[report.pk])).content.decode()
    assert page.count("Added by the reporter to what happened") == 1
    assert page.count("From the reporter") == 1
    # Only the reporter adds to their story.
    with pytest.raises(IntegrityError), transaction.atomic():
        Message.objects.create(
            report=report,
            direction=MessageDirection.TO_REPORTER,
            body="x",
            author=consultant.user,
            created_at=now,
            is_addition=True,
        )
