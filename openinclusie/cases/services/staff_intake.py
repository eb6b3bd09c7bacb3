"""Registration by ADV staff of a report that came in by telephone, e-mail,
a walk-in, a pop-up location or a partner's referral. The same facts as the
public form, plus the channel."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.db import IntegrityError, transaction

from openinclusie.accounts.models import User
from openinclusie.cases.constants import Channel, ContactPreference, HistoryEvent, ResidentGround, Status
from openinclusie.cases.models import IntakeLocation, Report, ReportedGround, ReporterContact
from openinclusie.cases.services.handling import ensure_adv_staff
from openinclusie.cases.services.intake_locations import check_location
from openinclusie.cases.services.records import next_reference, record_history
from openinclusie.core.exceptions import DomainError
from openinclusie.organisations.models import Municipality, Neighbourhood, Organisation, OrganisationKind

STAFF_CHANNELS = frozenset(set(Channel) - {Channel.WEB})


class InvalidIntake(DomainError):
    pass


@dataclass(frozen=True)
class StaffIntake:
    report: Report
    # Shown once to the staff member to pass on; never stored.
    receipt_code: str | None
    is_new: bool


@dataclass(frozen=True)
class ContactDetails:
    name: str = ""
    email: str = ""
    phone: str = ""
    preference: str = ContactPreference.NONE
    safe_times: str = ""

    @property
    def is_given(self) -> bool:
        return bool(self.email or self.phone)


def _check(
    *,
    adv: Organisation,
    channel: str,
    channel_location: str,
    intake_location: IntakeLocation | None,
    referred_by: Organisation | None,
    incident_municipality: Municipality | None,
    incident_is_online: bool,
    incident_neighbourhood: Neighbourhood | None,
    contact: ContactDetails | None,
) -> None:
    if adv.kind != OrganisationKind.ADV:
        raise InvalidIntake("Reports belong to an ADV.")
    if channel not in STAFF_CHANNELS:
        raise InvalidIntake("Staff register reports from telephone, e-mail, walk-in, pop-up or referral.")
    # Another ADV's location, or one no longer in use, is refused here: the
    # database cannot check that the location's ADV is the report's.
    check_location(adv=adv, location=intake_location)
    if channel == Channel.POP_UP and intake_location is None and not channel_location.strip():
        raise InvalidIntake("A report from a pop-up location needs the location.")
    if channel == Channel.PARTNER_REFERRAL and (referred_by is None or referred_by.kind != OrganisationKind.PARTNER):
        raise InvalidIntake("A referral needs the partner organisation that referred the reporter.")
    if channel != Channel.PARTNER_REFERRAL and referred_by is not None:
        raise InvalidIntake("Only a referral has a referring organisation.")
    if incident_is_online and incident_neighbourhood is not None:
        raise InvalidIntake("An online incident has no neighbourhood.")
    if incident_neighbourhood is not None and incident_neighbourhood.municipality_id != getattr(
        incident_municipality, "pk", None
    ):
        raise InvalidIntake("The neighbourhood must lie in the municipality of the incident.")
    if contact is not None and (contact.name or contact.safe_times) and not contact.is_given:
        raise InvalidIntake("Contact details need an e-mail address or a telephone number.")


@transaction.atomic
def register_report(
    *,
    adv: Organisation,
    by: User,
    now: datetime,
    channel: str,
    received_at: datetime,
    request_type: str,
    reporter_role: str,
    description: str,
    channel_location: str = "",
    intake_location: IntakeLocation | None = None,
    referred_by: Organisation | None = None,
    occurred_on: date | None = None,
    occurred_on_is_approximate: bool = False,
    incident_municipality: Municipality | None = None,
    incident_is_online: bool = False,
    incident_neighbourhood: Neighbourhood | None = None,
    incident_postcode: str = "",
    resident_grounds: Sequence[str] = (),
    resident_domain: str = "",
    residence_municipality: Municipality | None = None,
    residence_elsewhere: str = "",
    residence_postcode: str = "",
    residence_declined: bool = False,
    contact: ContactDetails | None = None,
    submission_token: UUID | None = None,
    give_receipt_code: bool = False,
) -> StaffIntake:
    """Register the report. The form's one-time ``submission_token`` makes a
    double click or a resubmit return the first report (without showing its
    receipt code again)."""
    ensure_adv_staff(user=by, adv=adv)
    if submission_token is not None:
        existing = Report.objects.filter(submission_token=submission_token, adv=adv).first()
        if existing is not None:
            return StaffIntake(report=existing, receipt_code=None, is_new=False)
    _check(
        adv=adv,
        channel=channel,
        channel_location=channel_location,
        intake_location=intake_location,
        referred_by=referred_by,
        incident_municipality=incident_municipality,
        incident_is_online=incident_is_online,
        incident_neighbourhood=incident_neighbourhood,
        contact=contact,
    )
    has_contact = contact is not None and contact.is_given
    fields = {
        "adv": adv,
        "submission_token": submission_token,
        "channel": channel,
        "channel_location": channel_location.strip() if channel == Channel.POP_UP else "",
        "intake_location": intake_location,
        "referred_by": referred_by,
        "received_at": received_at,
        "registered_by": by,
        "request_type": request_type,
        "reporter_role": reporter_role,
        "description": description.strip(),
        "occurred_on": occurred_on,
        "occurred_on_is_approximate": occurred_on_is_approximate,
        "incident_municipality": incident_municipality,
        "incident_is_online": incident_is_online,
        "incident_neighbourhood": incident_neighbourhood,
        "incident_postcode": incident_postcode,
        "resident_domain": resident_domain,
        "residence_municipality": None if residence_declined else residence_municipality,
        "residence_elsewhere": "" if residence_declined else residence_elsewhere.strip(),
        "residence_postcode": "" if residence_declined else residence_postcode,
        "residence_declined": residence_declined,
        "is_anonymous": not has_contact,
        "status": Status.NEW,
    }
    # The slow hash runs before anything is written, so no lock is held.
    code = digest = None
    if give_receipt_code:
        # Imported here: receipt codes belong to the public meldpunt.
        from openinclusie.cases import receipts

        code = receipts.new_code()
        digest = receipts.digest(code)
    try:
        with transaction.atomic():
            report = _create(
                fields,
                receipt_digest=digest,
                grounds=resident_grounds,
                contact=contact if has_contact else None,
                now=now,
            )
    except IntegrityError:
        existing = (
            Report.objects.filter(submission_token=submission_token, adv=adv).first() if submission_token else None
        )
        if existing is None:
            raise
        return StaffIntake(report=existing, receipt_code=None, is_new=False)
    return StaffIntake(report=report, receipt_code=code, is_new=True)


def _create(
    fields: dict[str, Any],
    *,
    receipt_digest: str | None,
    grounds: Sequence[str],
    contact: ContactDetails | None,
    now: datetime,
) -> Report:
    report = Report.objects.create(
        **fields,
        receipt_digest=receipt_digest,
        # Taken last before the insert: the counter row stays locked until
        # the commit.
        reference=next_reference(adv=fields["adv"], now=now),
    )
    ReportedGround.objects.bulk_create(
        [ReportedGround(report=report, ground=ResidentGround(ground)) for ground in dict.fromkeys(grounds)]
    )
    if contact is not None:
        ReporterContact.objects.create(
            report=report,
            name=contact.name,
            email=contact.email,
            phone=contact.phone,
            preference=contact.preference,
            safe_times=contact.safe_times,
        )
    event = f"{HistoryEvent.CREATED.value}: {report.channel}"
    record_history(report=report, to_status=Status.NEW, now=now, by=fields["registered_by"], event=event)
    return report
