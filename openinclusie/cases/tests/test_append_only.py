"""The history of a report, the case access log and the anonymisation log
are append-only in the database itself (cases migration 0003), on SQLite
and PostgreSQL alike. Key rotation may still rewrite an access reason."""

import pytest
from django.db import IntegrityError, connection, transaction

from openinclusie.accounts.models import Role
from openinclusie.cases.constants import AccessAction, Status
from openinclusie.cases.models import AnonymisationLog, CaseAccessLog, Report, StatusChange

from .factories import ReportFactory

pytestmark = pytest.mark.django_db


def _refused(make) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def _raw(sql: str, *params: object) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))


@pytest.fixture
def logged(world, staff):
    user = staff(Role.ADV_CONSULTANT, sign_in=False).user
    report = ReportFactory(adv=world["adv_a"])
    change = StatusChange.objects.create(report=report, to_status=Status.NEW, changed_at=report.received_at)
    access = CaseAccessLog.objects.create(
        report=report, user=user, action=AccessAction.REVEAL_CONTACT, reason="Terugbellen", at=report.received_at
    )
    anonymised = AnonymisationLog.objects.create(report=report, removed_fields="contact", at=report.received_at)
    return report, change, access, anonymised


def test_history_cannot_be_changed_or_removed(logged):
    report, change, _access, _anonymised = logged
    _refused(lambda: StatusChange.objects.filter(pk=change.pk).update(to_status=Status.CLOSED))
    _refused(lambda: _raw("DELETE FROM cases_statuschange WHERE id = %s", change.pk))
    # Nor can the report it belongs to disappear with it.
    _refused(lambda: Report.objects.filter(pk=report.pk).delete())
    assert StatusChange.objects.get(pk=change.pk).to_status == Status.NEW


def test_the_access_log_keeps_who_what_and_when(logged, world):
    _report, _change, access, _anonymised = logged
    other = ReportFactory(adv=world["adv_a"])
    _refused(lambda: CaseAccessLog.objects.filter(pk=access.pk).update(action=AccessAction.VIEW))
    _refused(lambda: CaseAccessLog.objects.filter(pk=access.pk).update(at=other.received_at.replace(year=2020)))
    _refused(lambda: CaseAccessLog.objects.filter(pk=access.pk).update(report=other))
    _refused(lambda: _raw("DELETE FROM cases_caseaccesslog WHERE id = %s", access.pk))
    # The reason is encrypted; key rotation rewrites it, retention clears it.
    CaseAccessLog.objects.filter(pk=access.pk).update(reason="Nieuwe sleutel")
    assert CaseAccessLog.objects.get(pk=access.pk).reason == "Nieuwe sleutel"


def test_the_anonymisation_log_cannot_be_changed_or_removed(logged):
    _report, _change, _access, anonymised = logged
    _refused(lambda: AnonymisationLog.objects.filter(pk=anonymised.pk).update(removed_fields=""))
    _refused(lambda: _raw("DELETE FROM cases_anonymisationlog WHERE id = %s", anonymised.pk))
