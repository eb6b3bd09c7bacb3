"""The case access log: every opening of a case file, every reveal of the
reporter's contact details (with the reason) and every export. Append-only;
the ADV coordinator reads it."""

from datetime import datetime

from django.db import transaction

from openinclusie.accounts.models import User
from openinclusie.cases.constants import AccessAction
from openinclusie.cases.models import CaseAccessLog, Report, ReporterContact
from openinclusie.cases.services.handling import ensure_adv_staff
from openinclusie.core.exceptions import DomainError

MINIMUM_REASON_LENGTH = 10


class ReasonRequired(DomainError):
    pass


class NoContactDetails(DomainError):
    pass


def _log(*, report: Report, by: User, action: AccessAction, now: datetime, reason: str = "") -> CaseAccessLog:
    ensure_adv_staff(user=by, adv=report.adv)
    return CaseAccessLog.objects.create(report=report, user=by, action=action, reason=reason, at=now)


@transaction.atomic
def log_case_view(*, report: Report, by: User, now: datetime) -> CaseAccessLog:
    return _log(report=report, by=by, action=AccessAction.VIEW, now=now)


@transaction.atomic
def reveal_contact(*, report: Report, by: User, reason: str, now: datetime) -> ReporterContact:
    """The contact details, after logging who asked for them and why."""
    reason = " ".join(reason.split())
    if len(reason) < MINIMUM_REASON_LENGTH:
        raise ReasonRequired("Give the reason why you need the contact details.")
    contact = ReporterContact.objects.filter(report=report).first()
    if contact is None:
        raise NoContactDetails("The reporter left no contact details.")
    _log(report=report, by=by, action=AccessAction.REVEAL_CONTACT, now=now, reason=reason[:300])
    return contact


@transaction.atomic
def log_export(*, report: Report, by: User, now: datetime, reason: str = "") -> CaseAccessLog:
    return _log(report=report, by=by, action=AccessAction.EXPORT, now=now, reason=reason[:300])
