"""Retention with a fixed ``now`` (security.md test plan row 35)."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from openinclusie.accounts.models import Role
from openinclusie.cases.constants import HistoryEvent, MessageDirection, Status
from openinclusie.cases.models import AnonymisationLog, CaseNote, Message, Report, ReporterContact, RetentionPolicy
from openinclusie.cases.services import retention

from .factories import ReportFactory

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


def test_months_before_clamps_to_the_end_of_a_shorter_month():
    assert retention.months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert retention.months_before(datetime(2026, 1, 15, tzinfo=UTC), 13) == datetime(2024, 12, 15, tzinfo=UTC)


@pytest.fixture
def old_case(world, staff, codes):
    author = staff(Role.ADV_CONSULTANT, sign_in=False).user
    report = ReportFactory(
        adv=world["adv_a"],
        status=Status.CLOSED,
        closed_at=NOW - timedelta(days=400),
        description="Mijn buurman schold mij uit.",
        incident_postcode="2711",
        residence_postcode="2712",
        incident_municipality=world["town_a"],
        domain=codes["domain"],
        classification_version=codes["domain"].version,
        with_contact=True,
    )
    report.grounds.set([codes["origin"]])
    Message.objects.create(
        report=report,
        direction=MessageDirection.TO_REPORTER,
        body="Wij nemen contact op.",
        author=author,
        created_at=NOW,
    )
    CaseNote.objects.create(report=report, author=author, text="Buurman heet Jansen.")
    return report


def test_closed_reports_past_the_period_lose_personal_data_and_keep_statistics(world, old_case):
    RetentionPolicy.objects.create(adv=world["adv_a"], months_after_closing=12)
    recent = ReportFactory(adv=world["adv_a"], status=Status.CLOSED, closed_at=NOW - timedelta(days=30))
    open_case = ReportFactory(adv=world["adv_a"], received_at=NOW - timedelta(days=900))
    assert retention.anonymise_expired(now=NOW) == 1

    old_case.refresh_from_db()
    assert old_case.anonymised_at == NOW
    assert old_case.description == ""
    assert old_case.incident_postcode == old_case.residence_postcode == ""
    assert not ReporterContact.objects.filter(report=old_case).exists()
    assert Message.objects.get(report=old_case).body == ""
    assert CaseNote.objects.get(report=old_case).text == ""
    # The statistical record stays.
    assert old_case.incident_municipality == world["town_a"]
    assert old_case.domain is not None
    assert old_case.grounds.count() == 1
    assert old_case.closed_at is not None
    log = AnonymisationLog.objects.get(report=old_case)
    assert log.at == NOW
    assert (
        log.removed_fields == "contact, description, incident_postcode, residence_postcode, messages.body, notes.text"
    )
    assert "Jansen" not in log.removed_fields
    assert old_case.history.filter(event=HistoryEvent.ANONYMISED, changed_by=None).exists()

    for untouched in (recent, open_case):
        untouched.refresh_from_db()
        assert untouched.anonymised_at is None
        assert untouched.description

    # Idempotent: a second run changes nothing.
    assert retention.anonymise_expired(now=NOW + timedelta(days=1)) == 0
    assert AnonymisationLog.objects.count() == 1


def test_the_default_period_applies_without_a_policy(world):
    within = ReportFactory(adv=world["adv_a"], closed=True, closed_at=NOW - timedelta(days=700))
    beyond = ReportFactory(adv=world["adv_a"], closed=True, closed_at=NOW - timedelta(days=760))
    assert retention.anonymise_expired(now=NOW) == 1
    assert Report.objects.filter(anonymised_at__isnull=False).get() == beyond
    within.refresh_from_db()
    assert within.anonymised_at is None


def test_each_adv_keeps_its_own_period(world):
    RetentionPolicy.objects.create(adv=world["adv_a"], months_after_closing=1)
    a = ReportFactory(adv=world["adv_a"], closed=True, closed_at=NOW - timedelta(days=60))
    b = ReportFactory(adv=world["adv_b"], closed=True, closed_at=NOW - timedelta(days=60))
    retention.anonymise_expired(now=NOW)
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.anonymised_at == NOW
    assert b.anonymised_at is None


def test_the_coordinator_sets_the_period_of_their_own_adv(world, staff):
    coordinator = staff(Role.ADV_COORDINATOR)
    url = reverse("cases:retention")
    page = coordinator.client.get(url).content.decode()
    assert world["adv_a"].name in page
    assert world["adv_b"].name not in page
    prefix = f"adv{world['adv_a'].pk}"
    response = coordinator.client.post(url, {"adv": world["adv_a"].pk, f"{prefix}-months_after_closing": 36})
    assert response.status_code == 302
    assert RetentionPolicy.objects.get(adv=world["adv_a"]).months_after_closing == 36
    coordinator.client.post(url, {"adv": world["adv_b"].pk, f"adv{world['adv_b'].pk}-months_after_closing": 1})
    assert not RetentionPolicy.objects.filter(adv=world["adv_b"]).exists()
    refused = coordinator.client.post(url, {"adv": world["adv_a"].pk, f"{prefix}-months_after_closing": 0})
    assert refused.status_code == 200
    assert RetentionPolicy.objects.get(adv=world["adv_a"]).months_after_closing == 36


def test_the_command_runs_and_enqueues(world):
    ReportFactory(adv=world["adv_a"], closed=True, closed_at=datetime(2020, 1, 1, tzinfo=UTC))
    out = StringIO()
    call_command("anonymise_expired_reports", stdout=out)
    assert "Anonymised 1 reports." in out.getvalue()
    out = StringIO()
    call_command("anonymise_expired_reports", "--enqueue", stdout=out)
    assert "Queued retention task" in out.getvalue()


def test_retention_also_forgets_the_place_of_residence_reasons_and_the_incident_title(world, staff):
    from openinclusie.cases.constants import AccessAction
    from openinclusie.cases.models import CaseAccessLog

    from .factories import IncidentFactory

    consultant = staff(Role.ADV_CONSULTANT, sign_in=False).user
    incident = IncidentFactory(adv=world["adv_a"], title="Spreekkoren bij FC Alfa tegen Jansen")
    first, second = (
        ReportFactory(
            adv=world["adv_a"],
            status=Status.CLOSED,
            closed_at=NOW - timedelta(days=days),
            incident=incident,
            residence_elsewhere="Gammadorp",
        )
        for days in (800, 10)
    )
    CaseAccessLog.objects.create(
        report=first, user=consultant, action=AccessAction.REVEAL_CONTACT, reason="Bellen over Jansen", at=NOW
    )

    assert retention.anonymise_expired(now=NOW) == 1
    first.refresh_from_db()
    assert first.residence_elsewhere == ""
    entry = CaseAccessLog.objects.get(report=first)
    assert entry.reason == retention.REASON_REMOVED
    assert (entry.user, entry.action, entry.at) == (consultant, AccessAction.REVEAL_CONTACT, NOW)
    # Another report of the incident still tells its story: the title stays.
    incident.refresh_from_db()
    assert incident.title == "Spreekkoren bij FC Alfa tegen Jansen"

    retention.anonymise_report(report=second, now=NOW)
    incident.refresh_from_db()
    assert incident.title == ""
    assert str(incident.pk) in incident.label
    assert (
        AnonymisationLog.objects.get(report=first).removed_fields
        == "description, residence_elsewhere, access_log.reason"
    )
    assert (
        AnonymisationLog.objects.get(report=second).removed_fields == "description, residence_elsewhere, incident.title"
    )


def test_the_coordinator_reads_what_retention_removed(world, staff, old_case, english_ui):
    RetentionPolicy.objects.create(adv=world["adv_a"], months_after_closing=12)
    assert retention.anonymise_expired(now=NOW) == 1
    other_adv = ReportFactory(adv=world["adv_b"], status=Status.CLOSED, closed_at=NOW - timedelta(days=900))
    retention.anonymise_report(report=other_adv, now=NOW)

    page = staff(Role.ADV_COORDINATOR).client.get(reverse("cases:retention")).content.decode()
    assert "1 report has been anonymised." in page
    assert old_case.reference in page
    assert "contact details, the reporter&#x27;s words, postcode of the incident" in page
    assert other_adv.reference not in page
