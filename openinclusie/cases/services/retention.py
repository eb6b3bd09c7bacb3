"""Retention: personal data and free text of closed reports are removed a
configured number of months after closing. The statistical record
(classification, municipalities, dates, channel, intake location) stays, so
figures over past years do not change. The intake location is one of the
ADV's own places, not personal data; only the old free-text location goes.
What was removed is logged by field name only."""

import logging
from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet

from openinclusie.accounts.models import Membership, Role, User
from openinclusie.cases.constants import DEFAULT_RETENTION_MONTHS, HistoryEvent
from openinclusie.cases.models import (
    AnonymisationLog,
    CaseAccessLog,
    CaseNote,
    Incident,
    Message,
    Report,
    ReporterContact,
    RetentionPolicy,
)
from openinclusie.cases.services.handling import history
from openinclusie.cases.workflow import CLOSED_STATUSES
from openinclusie.core.exceptions import DomainError
from openinclusie.organisations.models import Organisation, OrganisationKind

logger = logging.getLogger(__name__)

MAXIMUM_RETENTION_MONTHS = 240
# What an access reason reads after retention (a reveal must keep a reason,
# constraint reveal_needs_reason); the same in every language.
REASON_REMOVED = "—"


class InvalidRetention(DomainError):
    pass


def months_before(moment: datetime, months: int) -> datetime:
    """The same moment ``months`` calendar months earlier (the day is clamped
    to the end of a shorter month)."""
    month_index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@transaction.atomic
def set_retention_policy(*, adv: Organisation, by: User, months_after_closing: int) -> RetentionPolicy:
    if not Membership.objects.filter(user=by, organisation=adv, role=Role.ADV_COORDINATOR).exists():
        raise InvalidRetention("Only a coordinator of this ADV sets its retention.")
    if not 1 <= months_after_closing <= MAXIMUM_RETENTION_MONTHS:
        raise InvalidRetention("Choose between 1 and 240 months.")
    policy, _created = RetentionPolicy.objects.update_or_create(
        adv=adv, defaults={"months_after_closing": months_after_closing}
    )
    return policy


def months_for(adv: Organisation) -> int:
    policy = RetentionPolicy.objects.filter(adv=adv).first()
    return policy.months_after_closing if policy else DEFAULT_RETENTION_MONTHS


@transaction.atomic
def anonymise_report(*, report: Report, now: datetime) -> list[str]:
    """Remove what identifies the reporter or tells their story. Returns the
    names of what was removed."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.anonymised_at is not None:
        return []
    removed: list[str] = []
    if ReporterContact.objects.filter(report=report).delete()[0]:
        removed.append("contact")
    updates: dict[str, object] = {}
    for field in ("description", "incident_postcode", "residence_postcode", "residence_elsewhere", "channel_location"):
        if getattr(report, field):
            updates[field] = ""
            removed.append(field)
    if Message.objects.filter(report=report).exclude(body="").update(body=""):
        removed.append("messages.body")
    if CaseNote.objects.filter(report=report).exclude(text="").update(text=""):
        removed.append("notes.text")
    # Why someone revealed the contact details may name the reporter; who
    # opened the case, and when, stays (the log's trigger allows only this).
    if CaseAccessLog.objects.filter(report=report).exclude(reason="").update(reason=REASON_REMOVED):
        removed.append("access_log.reason")
    Report.objects.filter(pk=report.pk).update(anonymised_at=now, is_anonymous=True, updated_at=now, **updates)
    report.refresh_from_db()
    # The incident's title tells the story of its reports; it goes with the
    # last of them.
    incident_id = report.incident_id
    if (
        incident_id is not None
        and not Report.objects.filter(incident_id=incident_id, anonymised_at__isnull=True).exists()
        and Incident.objects.filter(pk=incident_id).exclude(title="").update(title="")
    ):
        removed.append("incident.title")
    AnonymisationLog.objects.create(report=report, removed_fields=", ".join(removed)[:500], at=now)
    history(report, by=None, now=now, event=HistoryEvent.ANONYMISED)
    return removed


def expired_reports(*, adv: Organisation, now: datetime) -> QuerySet[Report]:
    cutoff = months_before(now, months_for(adv))
    return Report.objects.filter(
        adv=adv, anonymised_at__isnull=True, status__in=CLOSED_STATUSES, closed_at__lt=cutoff
    ).order_by("pk")


def anonymise_expired(*, now: datetime) -> int:
    """Anonymise every report closed longer ago than its ADV's policy.
    Idempotent; each report in its own transaction so one failure does not
    undo the rest. Logs counts only."""
    count = 0
    for adv in Organisation.objects.filter(kind=OrganisationKind.ADV).order_by("pk"):
        for report_id in expired_reports(adv=adv, now=now).values_list("pk", flat=True):
            anonymise_report(report=Report(pk=report_id), now=now)
            count += 1
    logger.info("Retention run anonymised %d reports.", count)
    return count
