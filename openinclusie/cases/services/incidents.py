"""Incidents (voorvallen): one thing that happened, reported by one or many
people. Linking and unlinking a report is a change of that report, so it is
version-checked when made from the case page and recorded in its history."""

from datetime import date, datetime

from django.db import transaction
from django.db.models import F

from openinclusie.accounts.models import User
from openinclusie.cases.constants import HistoryEvent
from openinclusie.cases.models import Incident, Report
from openinclusie.cases.services.handling import (
    CaseAnonymised,
    ensure_adv_staff,
    history,
    locked_update,
)
from openinclusie.core.exceptions import DomainError
from openinclusie.organisations.models import Municipality, Organisation


class IncidentOfAnotherAdv(DomainError):
    pass


class ReportNotFound(DomainError):
    pass


@transaction.atomic
def save_incident(
    *,
    adv: Organisation,
    by: User,
    title: str,
    municipality: Municipality | None,
    occurred_on: date | None,
    is_mass_report: bool,
    incident: Incident | None = None,
) -> Incident:
    ensure_adv_staff(user=by, adv=adv)
    if incident is not None and incident.adv_id != adv.pk:
        raise IncidentOfAnotherAdv("This incident belongs to another ADV.")
    incident = incident or Incident(adv=adv)
    incident.title = title.strip()
    incident.municipality = municipality
    incident.occurred_on = occurred_on
    incident.is_mass_report = is_mass_report
    incident.save()
    return incident


@transaction.atomic
def set_incident(*, report: Report, incident: Incident | None, by: User, version: int, now: datetime) -> Report:
    """From the case page: link the report to an incident, or unlink it."""
    if report.anonymised_at is not None:
        raise CaseAnonymised("This report has been anonymised.")
    ensure_adv_staff(user=by, adv=report.adv)
    if incident is not None and incident.adv_id != report.adv_id:
        raise IncidentOfAnotherAdv("A report can only be linked to an incident of its own ADV.")
    previous = report.incident
    if (previous.pk if previous else None) == (incident.pk if incident else None):
        return report
    locked_update(report=report, version=version, now=now, incident=incident)
    if previous is not None:
        history(report, by=by, now=now, event=HistoryEvent.INCIDENT_UNLINKED, detail=f"#{previous.pk}")
    if incident is not None:
        history(report, by=by, now=now, event=HistoryEvent.INCIDENT_LINKED, detail=f"#{incident.pk}")
    return report


def _link_without_form_version(*, report: Report, incident: Incident | None, by: User, now: datetime) -> None:
    """From the incident page the user never saw the report's version; the
    link is still a change of the report, so its version moves on."""
    previous_id = report.incident_id
    Report.objects.filter(pk=report.pk).update(incident=incident, version=F("version") + 1, updated_at=now)
    report.refresh_from_db()
    if previous_id is not None:
        history(report, by=by, now=now, event=HistoryEvent.INCIDENT_UNLINKED, detail=f"#{previous_id}")
    if incident is not None:
        history(report, by=by, now=now, event=HistoryEvent.INCIDENT_LINKED, detail=f"#{incident.pk}")


@transaction.atomic
def link_report(*, incident: Incident, reference: str, by: User, now: datetime) -> Report:
    ensure_adv_staff(user=by, adv=incident.adv)
    report = (
        Report.objects.select_for_update()
        .filter(adv=incident.adv, reference__iexact=reference.strip(), anonymised_at__isnull=True)
        .first()
    )
    if report is None:
        raise ReportNotFound("No open report of this ADV has that reference.")
    if report.incident_id != incident.pk:
        _link_without_form_version(report=report, incident=incident, by=by, now=now)
    return report


@transaction.atomic
def unlink_report(*, incident: Incident, report: Report, by: User, now: datetime) -> None:
    ensure_adv_staff(user=by, adv=incident.adv)
    if report.adv_id != incident.adv_id or report.incident_id != incident.pk:
        raise ReportNotFound("This report is not linked to this incident.")
    if report.anonymised_at is not None:
        raise CaseAnonymised("This report has been anonymised.")
    _link_without_form_version(report=report, incident=None, by=by, now=now)
