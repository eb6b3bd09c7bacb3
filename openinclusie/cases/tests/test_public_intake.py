import threading
import uuid
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import connection, models
from django.utils import timezone

from openinclusie.cases import inbox_notices, receipts
from openinclusie.cases.constants import Channel, MessageDirection, ResidentGround, Status
from openinclusie.cases.models import Message, Report, ReportedGround, ReporterContact, StatusChange
from openinclusie.cases.services import public_intake
from openinclusie.cases.services.public_intake import InvalidPublicReport, NoAdvForMunicipality
from openinclusie.cases.tests.public_factories import code_of, contact, submit
from openinclusie.organisations.tests.factories import (
    MunicipalityFactory,
    NeighbourhoodFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def _nothing_saved():
    return (
        not Report.objects.exists()
        and not StatusChange.objects.exists()
        and not ReportedGround.objects.exists()
        and not ReporterContact.objects.exists()
    )


def _text_values(instance: models.Model) -> list[str]:
    return [
        str(getattr(instance, f.attname) or "")
        for f in instance._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField, models.EmailField))
    ]


# Sending ---------------------------------------------------------------------


def test_a_report_is_saved_whole_for_the_municipalitys_adv(world):
    neighbourhood = NeighbourhoodFactory(municipality=world["town_a"])
    submission = submit(
        world["town_a"],
        incident_neighbourhood=neighbourhood,
        incident_postcode="2712",
        residence_municipality=world["town_b"],
        contact=contact(),
    )
    report = Report.objects.get()
    assert submission.is_new
    assert submission.report == report
    assert report.adv == world["adv_a"]
    assert report.channel == Channel.WEB
    assert report.status == Status.NEW
    assert report.reference.startswith("ADV-ALFA-")
    assert report.registered_by is None
    assert report.incident_neighbourhood == neighbourhood
    assert report.incident_postcode == "2712"
    assert report.residence_municipality == world["town_b"]
    assert not report.is_anonymous
    assert set(report.resident_grounds.values_list("ground", flat=True)) == {
        ResidentGround.RELIGION,
        ResidentGround.GENDER,
    }
    assert report.contact.email == "samira@example.org"
    entry = StatusChange.objects.get(report=report)
    assert (entry.from_status, entry.to_status, entry.event) == ("", Status.NEW, "created: web")
    assert entry.changed_by is None


def test_an_anonymous_report_has_no_contact_row(world):
    submit(world["town_a"])
    report = Report.objects.get()
    assert report.is_anonymous
    assert not ReporterContact.objects.exists()


def test_the_same_token_gives_one_report_and_the_code_only_once(world):
    token = uuid.uuid4()
    first = submit(world["town_a"], token=token)
    again = submit(world["town_a"], token=token, description="Anders verteld")
    assert Report.objects.count() == 1
    assert again.report == first.report
    assert first.receipt_code
    assert first.is_new
    assert again.receipt_code is None
    assert not again.is_new
    assert StatusChange.objects.count() == 1


def test_a_municipality_without_adv_is_refused(world):
    town = MunicipalityFactory(adv=None)
    with pytest.raises(NoAdvForMunicipality):
        submit(town)
    assert _nothing_saved()


@pytest.mark.parametrize(
    "overrides",
    [
        {"description": "   "},
        {"description": "x" * 10_001},
        {"occurred_on": timezone.localdate() + timedelta(days=1)},
        {"incident_is_online": True},
        {"incident_postcode": "2711AB"},
        {"residence_postcode": "0123"},
        {"grounds": ["race"]},
        {"resident_domain": "moon"},
        {"reporter_role": "bystander"},
        {"request_type": "both"},
        {"residence_declined": True},
        {"contact": contact(email="", phone="")},
    ],
)
def test_invalid_reports_are_refused_and_nothing_is_saved(world, overrides):
    with pytest.raises(InvalidPublicReport):
        submit(world["town_a"], **overrides)
    assert _nothing_saved()


def test_a_neighbourhood_of_another_municipality_is_refused(world):
    elsewhere = NeighbourhoodFactory(municipality=world["town_b"])
    with pytest.raises(InvalidPublicReport):
        submit(world["town_a"], incident_neighbourhood=elsewhere)
    assert _nothing_saved()


def test_a_failure_halfway_saves_nothing(world):
    with (
        mock.patch.object(ReporterContact.objects, "create", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        submit(world["town_a"], contact=contact())
    assert _nothing_saved()


# The receipt code ------------------------------------------------------------


def test_only_a_hash_of_the_code_is_stored(world):
    submission = submit(world["town_a"], contact=contact())
    code = code_of(submission)
    report = Report.objects.get()
    assert report.receipt_digest == receipts.digest(code)
    assert report.receipt_digest != code
    bare = code.replace("-", "")
    rows = [report, report.contact, *report.history.all(), *report.resident_grounds.all()]
    for row in rows:
        for value in _text_values(row):
            assert code not in value
            assert bare not in value.upper()


def test_the_code_opens_its_own_report_and_no_other(world):
    first = submit(world["town_a"])
    second = submit(world["town_b"], incident_municipality=world["town_b"])
    assert public_intake.report_for_receipt(code=first.receipt_code) == first.report
    assert public_intake.report_for_receipt(code=second.receipt_code) == second.report
    assert public_intake.report_for_receipt(code=code_of(first).lower().replace("-", " ")) == first.report
    assert public_intake.report_for_receipt(code=receipts.new_code()) is None
    assert public_intake.report_for_receipt(code="not a code") is None


# Notices to the ADV ----------------------------------------------------------


def test_the_adv_gets_a_notice_without_content(world, django_capture_on_commit_callbacks):
    world["adv_a"].email = "meldpunt@adv-alfa.example"
    world["adv_a"].save()
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit(world["town_a"], contact=contact(), description="KANARIE-7781 werd uitgescholden")
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["meldpunt@adv-alfa.example"]
    text = f"{notice.subject}{notice.body}"
    assert submission.report.reference in text
    for secret in ("KANARIE-7781", code_of(submission), "samira", "06 12345678", "hoofddoek"):
        assert secret.lower() not in text.lower()


def test_no_notice_when_the_adv_has_no_address(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(world["town_a"])
    assert mail.outbox == []


def test_a_failing_mail_server_loses_nothing(world, django_capture_on_commit_callbacks):
    world["adv_a"].email = "meldpunt@adv-alfa.example"
    world["adv_a"].save()
    with (
        mock.patch.object(inbox_notices, "send_mail", side_effect=ConnectionRefusedError("smtp down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        submission = submit(world["town_a"])
    assert submission.receipt_code
    assert Report.objects.filter(pk=submission.report.pk).exists()
    assert StatusChange.objects.filter(report=submission.report).exists()


def test_a_broken_task_queue_loses_nothing(world, django_capture_on_commit_callbacks):
    with (
        mock.patch.object(inbox_notices, "notify_adv_inbox") as task,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        task.enqueue.side_effect = OSError("queue down")
        submission = submit(world["town_a"])
    assert len(callbacks) == 1
    assert task.enqueue.called
    assert submission.receipt_code
    assert Report.objects.filter(pk=submission.report.pk).exists()


# The follow-up page ----------------------------------------------------------


def test_opening_the_follow_up_marks_the_advs_messages_read(world):
    from openinclusie.accounts.tests.factories import UserFactory

    report = submit(world["town_a"]).report
    staff = UserFactory()
    message = Message.objects.create(
        report=report, direction=MessageDirection.TO_REPORTER, body="Hallo", author=staff, created_at=timezone.now()
    )
    page = public_intake.open_follow_up(report_id=report.pk, now=timezone.now())
    assert page is not None
    assert page.unread_ids == {message.pk}
    message.refresh_from_db()
    assert message.read_at is not None
    again = public_intake.open_follow_up(report_id=report.pk, now=timezone.now())
    assert again is not None
    assert again.unread_ids == frozenset()


def test_a_reporter_message_reaches_the_case_file_and_history(world, django_capture_on_commit_callbacks):
    world["adv_a"].email = "meldpunt@adv-alfa.example"
    world["adv_a"].save()
    report = submit(world["town_a"]).report
    with django_capture_on_commit_callbacks(execute=True):
        public_intake.send_reporter_message(
            report_id=report.pk, body="  Het gebeurde nog een keer. KANARIE-1  ", is_addition=True, now=timezone.now()
        )
    message = Message.objects.get(report=report)
    assert message.direction == MessageDirection.FROM_REPORTER
    assert message.author is None
    assert message.body == "Het gebeurde nog een keer. KANARIE-1"
    assert report.history.filter(event=public_intake.EVENT_REPORTER_ADDITION).exists()
    assert len(mail.outbox) == 1
    assert "KANARIE" not in mail.outbox[0].body


def test_no_messages_after_anonymisation(world):
    report = submit(world["town_a"]).report
    Report.objects.filter(pk=report.pk).update(anonymised_at=timezone.now())
    with pytest.raises(public_intake.FollowUpClosed):
        public_intake.send_reporter_message(report_id=report.pk, body="Nog iets", is_addition=False, now=timezone.now())
    assert not Message.objects.exists()


@pytest.mark.parametrize("body", ["", "   ", "x" * 10_001])
def test_empty_or_huge_messages_are_refused(world, body):
    report = submit(world["town_a"]).report
    with pytest.raises(InvalidPublicReport):
        public_intake.send_reporter_message(report_id=report.pk, body=body, is_addition=False, now=timezone.now())


# Many residents at once ------------------------------------------------------


def _run_in_threads(count: int, work) -> list:
    """Start ``count`` threads at the same moment. SQLite's in-memory test
    database cannot take concurrent writers, so there they take turns;
    PostgreSQL runs them truly at once."""
    barrier = threading.Barrier(count)
    serialise = threading.Lock() if connection.vendor == "sqlite" else None
    results: list = [None] * count
    errors: list[BaseException] = []

    def run(index: int) -> None:
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=30)
            if serialise is None:
                results[index] = work(index)
            else:
                with serialise:
                    results[index] = work(index)
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


@pytest.mark.django_db(transaction=True)
def test_many_reports_at_once_all_arrive_with_distinct_codes_and_references():
    adv = OrganisationFactory(kind="adv", slug="adv-druk")
    town = MunicipalityFactory(adv=adv)
    count = 24
    submissions = _run_in_threads(count, lambda i: submit(town, description=f"Melding nummer {i}"))
    assert Report.objects.count() == count
    assert StatusChange.objects.count() == count
    codes = {s.receipt_code for s in submissions}
    assert len(codes) == count
    assert None not in codes
    assert len(set(Report.objects.values_list("reference", flat=True))) == count
    assert len(set(Report.objects.values_list("receipt_digest", flat=True))) == count
    for submission in submissions:
        found = public_intake.report_for_receipt(code=code_of(submission))
        assert found is not None
        assert found.pk == submission.report.pk


@pytest.mark.django_db(transaction=True)
def test_the_same_token_sent_at_once_gives_one_report():
    adv = OrganisationFactory(kind="adv", slug="adv-dubbel")
    town = MunicipalityFactory(adv=adv)
    token = uuid.uuid4()
    count = 8
    submissions = _run_in_threads(count, lambda i: submit(town, token=token))
    assert Report.objects.count() == 1
    assert sum(1 for s in submissions if s.is_new) == 1
    assert sum(1 for s in submissions if s.receipt_code) == 1
    assert {s.report.pk for s in submissions} == {Report.objects.get().pk}
