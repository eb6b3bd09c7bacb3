"""Messages from the ADV to reporters. The reporter reads them on the
follow-up page with their receipt code; when they left an e-mail address
they get a notice that says only that a message is waiting."""

from collections.abc import Sequence
from datetime import datetime

from django.db import transaction

from openinclusie.accounts.models import User
from openinclusie.cases.constants import HistoryEvent, MessageDirection
from openinclusie.cases.models import Incident, Message, Report, ReporterContact, StatusChange
from openinclusie.cases.services.handling import CaseAnonymised, ensure_adv_staff, history
from openinclusie.core.exceptions import DomainError


class EmptyMessage(DomainError):
    pass


def _notify_after_commit(report: Report) -> None:
    """Queue the e-mail notice once the message is safely committed. Only the
    report id goes into the task queue, never the address or the text."""
    if not ReporterContact.objects.filter(report=report).exclude(email="").exists():
        return
    from openinclusie.cases.tasks import send_message_notice

    report_id = report.pk
    transaction.on_commit(lambda: send_message_notice.enqueue(report_id=report_id), robust=True)


def _send(*, report: Report, by: User, body: str, now: datetime) -> Message:
    message = Message.objects.create(
        report=report, direction=MessageDirection.TO_REPORTER, body=body, author=by, created_at=now
    )
    history(report, by=by, now=now, event=HistoryEvent.MESSAGE_SENT)
    _notify_after_commit(report)
    return message


@transaction.atomic
def send_message(*, report: Report, by: User, body: str, now: datetime) -> Message:
    if not body.strip():
        raise EmptyMessage("A message needs text.")
    if report.anonymised_at is not None:
        raise CaseAnonymised("This report has been anonymised.")
    ensure_adv_staff(user=by, adv=report.adv)
    return _send(report=report, by=by, body=body.strip(), now=now)


@transaction.atomic
def send_message_to_incident(*, incident: Incident, by: User, body: str, now: datetime) -> Sequence[Message]:
    """One message per report of the incident, so every reporter reads it on
    their own follow-up page; anonymised reports are skipped. Written in bulk:
    a mass report can have thousands of reports."""
    if not body.strip():
        raise EmptyMessage("A message needs text.")
    ensure_adv_staff(user=by, adv=incident.adv)
    reports = list(
        Report.objects.filter(incident=incident, adv=incident.adv, anonymised_at__isnull=True).order_by("pk")
    )
    messages = Message.objects.bulk_create(
        [
            Message(report=report, direction=MessageDirection.TO_REPORTER, body=body.strip(), author=by, created_at=now)
            for report in reports
        ]
    )
    StatusChange.objects.bulk_create(
        [
            StatusChange(
                report=report,
                from_status=report.status,
                to_status=report.status,
                event=HistoryEvent.MESSAGE_SENT.value,
                changed_by=by,
                changed_at=now,
            )
            for report in reports
        ]
    )
    with_email = list(
        ReporterContact.objects.filter(report__in=reports).exclude(email="").values_list("report_id", flat=True)
    )
    if with_email:
        from openinclusie.cases.tasks import send_message_notice

        def enqueue_all() -> None:
            for report_id in with_email:
                send_message_notice.enqueue(report_id=report_id)

        transaction.on_commit(enqueue_all, robust=True)
    return messages
