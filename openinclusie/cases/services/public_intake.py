"""The resident's side of a report: sending it through the public form, and
the follow-up page opened with the receipt code.

Reliability promises (reference/security.md REL-01, REL-02, REL-04):

- one submission token gives at most one report, also when two requests
  with the same token arrive at the same moment (unique constraint);
- the report, its grounds, contact details and first history entry are
  written in one transaction, or not at all;
- the receipt code is hashed before the transaction starts, so the slow
  hash never holds the reference-counter lock;
- notices to the ADV are queued after the commit and may fail without
  touching the report (``robust`` on-commit callbacks)."""

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from openinclusie.cases import receipts
from openinclusie.cases.constants import (
    Channel,
    ContactPreference,
    HistoryEvent,
    MessageDirection,
    ReporterRole,
    RequestType,
    ResidentDomain,
    ResidentGround,
    Status,
)
from openinclusie.cases.models import Message, Report, ReportedGround, ReporterContact
from openinclusie.cases.models.reports import PC4
from openinclusie.cases.services.records import next_reference, record_history
from openinclusie.core.exceptions import DomainError
from openinclusie.organisations.models import Municipality, Neighbourhood, Organisation

logger = logging.getLogger(__name__)

# Limits shared with the form, so the form's messages and these checks agree.
DESCRIPTION_MAX_LENGTH = 10_000
MESSAGE_MAX_LENGTH = 10_000

# History events, in the back office's "code: detail" form (see
# cases.queries.history_entry). The detail is never free text of the reporter.
EVENT_CREATED_ONLINE = f"{HistoryEvent.CREATED.value}: {Channel.WEB.value}"
EVENT_REPORTER_MESSAGE = HistoryEvent.REPORTER_MESSAGE.value
EVENT_REPORTER_ADDITION = HistoryEvent.REPORTER_ADDITION.value

PUBLIC_ROLES = frozenset({ReporterRole.VICTIM, ReporterRole.WITNESS, ReporterRole.UNKNOWN})


class NoAdvForMunicipality(DomainError):
    """The municipality has not linked an ADV, so nobody could read the report."""


class InvalidPublicReport(DomainError):
    pass


class FollowUpClosed(DomainError):
    """Retention removed the report's personal data; no more messages."""


@dataclass(frozen=True)
class PublicContact:
    name: str = ""
    email: str = ""
    phone: str = ""
    preference: str = ContactPreference.NONE
    safe_times: str = ""


@dataclass(frozen=True)
class PublicReport:
    """What a resident told in the form, already validated by the form."""

    description: str
    request_type: str
    reporter_role: str
    occurred_on: date | None = None
    occurred_on_is_approximate: bool = False
    incident_municipality: Municipality | None = None
    incident_is_online: bool = False
    incident_neighbourhood: Neighbourhood | None = None
    incident_postcode: str = ""
    resident_domain: str = ""
    grounds: Sequence[str] = ()
    residence_municipality: Municipality | None = None
    residence_elsewhere: str = ""
    residence_postcode: str = ""
    residence_declined: bool = False
    contact: PublicContact | None = None


@dataclass(frozen=True)
class Submission:
    report: Report
    # Only for the request that created the report; a repeated submission
    # never gets the code again (it is not stored anywhere).
    receipt_code: str | None
    is_new: bool


def _check(report: PublicReport, *, today: date) -> None:
    description = report.description.strip()
    if not description:
        raise InvalidPublicReport("A report needs a description.")
    if len(description) > DESCRIPTION_MAX_LENGTH:
        raise InvalidPublicReport("The description is too long.")
    if report.request_type not in RequestType.values:
        raise InvalidPublicReport("Unknown request type.")
    if report.reporter_role not in PUBLIC_ROLES:
        raise InvalidPublicReport("Unknown reporter role.")
    if report.occurred_on is not None and report.occurred_on > today:
        raise InvalidPublicReport("The incident cannot be in the future.")
    if report.occurred_on is None and report.occurred_on_is_approximate:
        raise InvalidPublicReport("An approximate date needs a date.")
    if report.incident_is_online and (
        report.incident_municipality or report.incident_neighbourhood or report.incident_postcode
    ):
        raise InvalidPublicReport("An online incident has no place.")
    if report.incident_neighbourhood is not None and (
        report.incident_municipality is None
        or report.incident_neighbourhood.municipality_id != report.incident_municipality.pk
    ):
        raise InvalidPublicReport("The neighbourhood must lie in the municipality of the incident.")
    for postcode in (report.incident_postcode, report.residence_postcode):
        if postcode and not re.fullmatch(PC4, postcode):
            raise InvalidPublicReport("Only the four digits of a postcode are kept.")
    if report.resident_domain and report.resident_domain not in ResidentDomain.values:
        raise InvalidPublicReport("Unknown domain.")
    if any(ground not in ResidentGround.values for ground in report.grounds):
        raise InvalidPublicReport("Unknown ground.")
    if report.residence_declined and (
        report.residence_municipality or report.residence_elsewhere or report.residence_postcode
    ):
        raise InvalidPublicReport("Residence was declined.")
    if len(report.residence_elsewhere) > 100:
        raise InvalidPublicReport("Municipality name too long.")
    contact = report.contact
    if contact is not None:
        if not (contact.email or contact.phone):
            raise InvalidPublicReport("Contact details need an e-mail address or a telephone number.")
        if contact.preference not in ContactPreference.values:
            raise InvalidPublicReport("Unknown contact preference.")


def submitted_report(*, submission_token: UUID) -> Report | None:
    """The report already sent with this token, if any."""
    return Report.objects.filter(submission_token=submission_token).first()


@transaction.atomic
def submit_public_report(
    *, municipality: Municipality, report: PublicReport, submission_token: UUID, now: datetime
) -> Submission:
    """Save a report sent through the public form of ``municipality``.
    Sending the same token again returns the first report, without a code."""
    adv = municipality.adv
    if adv is None:
        raise NoAdvForMunicipality(f"{municipality} has no anti-discrimination service linked.")
    existing = submitted_report(submission_token=submission_token)
    if existing is not None:
        return Submission(report=existing, receipt_code=None, is_new=False)
    _check(report, today=timezone.localdate(now))

    # The slow hash runs before anything is written, so no lock is held.
    code = receipts.new_code()
    digest = receipts.digest(code)
    try:
        with transaction.atomic():
            created = _create(adv_report=report, adv=adv, token=submission_token, digest=digest, now=now)
    except IntegrityError:
        # Another request with the same token won the race; it has committed
        # by now (the unique index made us wait for it).
        existing = submitted_report(submission_token=submission_token)
        if existing is None:
            raise
        return Submission(report=existing, receipt_code=None, is_new=False)

    report_id = created.pk
    transaction.on_commit(lambda: _queue_inbox_notice(report_id, "new_report"), robust=True)
    return Submission(report=created, receipt_code=code, is_new=True)


def _create(*, adv_report: PublicReport, adv: Organisation, token: UUID, digest: str, now: datetime) -> Report:
    r = adv_report
    report = Report.objects.create(
        adv=adv,
        # Taken last before the insert: the counter row stays locked until
        # the commit, so keep the time between here and the commit short.
        reference=next_reference(adv=adv, now=now),
        channel=Channel.WEB,
        received_at=now,
        submission_token=token,
        receipt_digest=digest,
        request_type=r.request_type,
        reporter_role=r.reporter_role,
        description=r.description.strip(),
        occurred_on=r.occurred_on,
        occurred_on_is_approximate=r.occurred_on_is_approximate,
        incident_municipality=r.incident_municipality,
        incident_is_online=r.incident_is_online,
        incident_neighbourhood=r.incident_neighbourhood,
        incident_postcode=r.incident_postcode,
        resident_domain=r.resident_domain,
        residence_municipality=r.residence_municipality,
        residence_elsewhere=r.residence_elsewhere.strip(),
        residence_postcode=r.residence_postcode,
        residence_declined=r.residence_declined,
        is_anonymous=r.contact is None,
        status=Status.NEW,
    )
    ReportedGround.objects.bulk_create(
        [ReportedGround(report=report, ground=ground) for ground in dict.fromkeys(r.grounds)]
    )
    if r.contact is not None:
        ReporterContact.objects.create(
            report=report,
            name=r.contact.name.strip(),
            email=r.contact.email.strip(),
            phone=r.contact.phone.strip(),
            preference=r.contact.preference,
            safe_times=r.contact.safe_times.strip(),
        )
    record_history(report=report, to_status=Status.NEW, now=now, event=EVENT_CREATED_ONLINE)
    return report


def _queue_inbox_notice(report_id: int, kind: str) -> None:
    """Runs after the commit. A broken queue or mail server must never undo
    or hide a saved report, so a failure is logged (without content) and
    swallowed; the ADV still finds the report in its inbox."""
    from openinclusie.cases.inbox_notices import notify_adv_inbox

    try:
        notify_adv_inbox.enqueue(report_id=report_id, kind=kind)
    except Exception:
        logger.exception("Could not queue the inbox notice for report id %s.", report_id)


# The follow-up page ---------------------------------------------------------


@dataclass(frozen=True)
class FollowUp:
    """What the follow-up page shows: the report's state and the
    conversation. Deliberately not the description or contact details."""

    report: Report
    messages: list[Message] = field(default_factory=list)
    unread_ids: frozenset[int] = frozenset()

    @property
    def is_closed_for_messages(self) -> bool:
        return self.report.anonymised_at is not None


def report_for_receipt(*, code: str) -> Report | None:
    """The one report a typed receipt code opens, or None. Costs one slow
    hash per accepted secret key, so callers rate-limit it."""
    digests = receipts.candidate_digests(code)
    if not digests:
        return None
    return Report.objects.filter(receipt_digest__in=digests).first()


@transaction.atomic
def open_follow_up(*, report_id: int, now: datetime) -> FollowUp | None:
    """Load the follow-up page of one report and mark the ADV's messages as
    read by the reporter."""
    report = Report.objects.select_related("adv").filter(pk=report_id).first()
    if report is None:
        return None
    messages = list(Message.objects.filter(report=report).order_by("created_at", "pk"))
    unread = frozenset(m.pk for m in messages if m.direction == MessageDirection.TO_REPORTER and m.read_at is None)
    if unread:
        Message.objects.filter(pk__in=unread).update(read_at=now)
    return FollowUp(report=report, messages=messages, unread_ids=unread)


@transaction.atomic
def send_reporter_message(*, report_id: int, body: str, is_addition: bool, now: datetime) -> Message:
    """A reply, or extra information about what happened, from the reporter.
    It lands in the case file as a message and in the history; the ADV's
    inbox gets a notice without content."""
    text = body.strip()
    if not text:
        raise InvalidPublicReport("A message needs text.")
    if len(text) > MESSAGE_MAX_LENGTH:
        raise InvalidPublicReport("The message is too long.")
    report = Report.objects.select_for_update().filter(pk=report_id).first()
    if report is None:
        raise InvalidPublicReport("Unknown report.")
    if report.anonymised_at is not None:
        raise FollowUpClosed("This report has been anonymised.")
    message = Message.objects.create(
        report=report,
        direction=MessageDirection.FROM_REPORTER,
        body=text,
        author=None,
        created_at=now,
        is_addition=is_addition,
    )
    record_history(
        report=report,
        from_status=report.status,
        to_status=report.status,
        now=now,
        event=EVENT_REPORTER_ADDITION if is_addition else EVENT_REPORTER_MESSAGE,
    )
    transaction.on_commit(lambda: _queue_inbox_notice(report_id, "reporter_message"), robust=True)
    return message
