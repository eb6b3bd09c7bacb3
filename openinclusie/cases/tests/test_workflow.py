from datetime import timedelta

import pytest
from django.utils import timezone

from openinclusie.accounts.models import Role
from openinclusie.cases import workflow
from openinclusie.cases.constants import RequestType, Status
from openinclusie.cases.models import StatusChange
from openinclusie.cases.services import handling

from .factories import ReportFactory

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = pytest.mark.usefixtures("english_ui")


def test_a_melding_is_registered_and_a_klacht_is_handled():
    melding = {t.target for t in workflow.next_steps(Status.INTAKE, RequestType.MELDING)}
    klacht = {t.target for t in workflow.next_steps(Status.INTAKE, RequestType.KLACHT)}
    assert Status.REGISTERED in melding
    assert Status.IN_PROGRESS not in melding
    assert Status.IN_PROGRESS in klacht
    assert Status.REGISTERED not in klacht


def test_every_transition_is_between_known_statuses_and_closed_ones_can_reopen():
    for step in workflow.TRANSITIONS:
        assert step.source in Status
        assert step.target in Status
        assert step.source != step.target
    for closed in workflow.CLOSED_STATUSES:
        assert workflow.next_steps(closed, RequestType.KLACHT) or workflow.next_steps(closed, RequestType.MELDING)


@pytest.fixture
def consultant(staff):
    return staff(Role.ADV_CONSULTANT, sign_in=False).user


def _classify(report, user, codes, *, handlings=()):
    return handling.classify(
        report=report,
        by=user,
        version=report.version,
        now=timezone.now(),
        request_type=report.request_type,
        grounds=[codes["antisemitism"]],
        domain=codes["domain"],
        nature=codes["nature"],
        handlings=list(handlings),
    )


def test_a_melding_cannot_be_registered_before_it_is_classified(world, consultant, codes):
    report = ReportFactory(adv=world["adv_a"], request_type=RequestType.MELDING)
    with pytest.raises(handling.TransitionNotAllowed):
        handling.change_status(
            report=report, by=consultant, version=report.version, now=timezone.now(), to_status=Status.REGISTERED
        )
    _classify(report, consultant, codes)
    now = timezone.now()
    handling.change_status(report=report, by=consultant, version=report.version, now=now, to_status=Status.REGISTERED)
    report.refresh_from_db()
    assert report.status == Status.REGISTERED
    assert report.closed_at == now


def test_a_klacht_goes_through_handling_and_needs_a_handling_to_close(world, consultant, codes):
    report = ReportFactory(adv=world["adv_a"], request_type=RequestType.KLACHT)
    for target in (Status.INTAKE, Status.IN_PROGRESS):
        handling.change_status(
            report=report, by=consultant, version=report.version, now=timezone.now(), to_status=target
        )
    with pytest.raises(handling.TransitionNotAllowed):
        handling.change_status(
            report=report, by=consultant, version=report.version, now=timezone.now(), to_status=Status.REGISTERED
        )
    _classify(report, consultant, codes)
    with pytest.raises(handling.TransitionNotAllowed, match="handling"):
        handling.change_status(
            report=report, by=consultant, version=report.version, now=timezone.now(), to_status=Status.CLOSED
        )
    _classify(report, consultant, codes, handlings=[codes["advice"]])
    handling.change_status(
        report=report, by=consultant, version=report.version, now=timezone.now(), to_status=Status.CLOSED
    )
    report.refresh_from_db()
    assert report.status == Status.CLOSED
    assert report.closed_at is not None
    # Reopening clears the closing moment.
    handling.change_status(
        report=report, by=consultant, version=report.version, now=timezone.now(), to_status=Status.INTAKE
    )
    report.refresh_from_db()
    assert report.closed_at is None


def test_a_transition_outside_the_table_is_refused(world, consultant):
    report = ReportFactory(adv=world["adv_a"])
    with pytest.raises(handling.TransitionNotAllowed):
        handling.change_status(
            report=report, by=consultant, version=report.version, now=timezone.now(), to_status=Status.CLOSED
        )
    assert not StatusChange.objects.filter(report=report).exists()


def test_every_status_change_is_appended_to_the_history(world, consultant):
    report = ReportFactory(adv=world["adv_a"])
    start = timezone.now()
    handling.change_status(report=report, by=consultant, version=report.version, now=start, to_status=Status.INTAKE)
    handling.change_status(
        report=report,
        by=consultant,
        version=report.version,
        now=start + timedelta(minutes=1),
        to_status=Status.WAITING_FOR_REPORTER,
    )
    steps = list(report.history.order_by("changed_at").values_list("from_status", "to_status", "changed_by"))
    assert steps == [
        (Status.NEW, Status.INTAKE, consultant.pk),
        (Status.INTAKE, Status.WAITING_FOR_REPORTER, consultant.pk),
    ]


def test_staff_of_another_adv_cannot_change_a_report(world, staff):
    outsider = staff(Role.ADV_COORDINATOR, "adv_b", sign_in=False).user
    report = ReportFactory(adv=world["adv_a"])
    with pytest.raises(handling.NotStaffOfThisAdv):
        handling.change_status(
            report=report, by=outsider, version=report.version, now=timezone.now(), to_status=Status.INTAKE
        )
