"""Reads for the ADV coordinator's own pages: the access log and what
retention removed. Scoped like every read here (``adv_ids``)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from openinclusie.accounts.models import Role
from openinclusie.cases.models import AnonymisationLog, CaseAccessLog
from openinclusie.organisations.models import Organisation

from . import adv_ids

ACCESS_LOG_PAGE_SIZE = 50


# Access log (coordinators) ----------------------------------------------


@dataclass(frozen=True)
class AccessLogFilters:
    reference: str = ""
    user: int | None = None
    date_from: date | None = None
    date_to: date | None = None


def access_log(request: HttpRequest, filters: AccessLogFilters, *, page_number: Any) -> Page:
    """The access log of the cases of the ADVs the user coordinates."""
    entries = CaseAccessLog.objects.filter(report__adv_id__in=adv_ids(request, [Role.ADV_COORDINATOR]))
    if filters.reference:
        entries = entries.filter(report__reference__iexact=filters.reference.strip())
    if filters.user:
        entries = entries.filter(user_id=filters.user)
    if filters.date_from:
        entries = entries.filter(at__date__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(at__date__lte=filters.date_to)
    entries = entries.select_related("report", "user").order_by("-at", "-pk")
    return Paginator(entries, ACCESS_LOG_PAGE_SIZE).get_page(page_number)


# What retention removed, by field name, in the coordinator's words.
REMOVED_LABELS: dict[str, Promise] = {
    "contact": gettext_lazy("contact details"),
    "description": gettext_lazy("the reporter's words"),
    "incident_postcode": gettext_lazy("postcode of the incident"),
    "residence_postcode": gettext_lazy("postcode of residence"),
    "residence_elsewhere": gettext_lazy("place of residence"),
    "channel_location": gettext_lazy("location of intake"),
    "messages.body": gettext_lazy("messages"),
    "notes.text": gettext_lazy("internal notes"),
    "access_log.reason": gettext_lazy("reasons in the access log"),
    "incident.title": gettext_lazy("title of the incident"),
}
ANONYMISATIONS_SHOWN = 25


@dataclass
class Anonymisation:
    reference: str
    at: Any
    removed: list[str]


def recent_anonymisations(adv: Organisation) -> tuple[int, list[Anonymisation]]:
    """How many reports of ``adv`` retention has anonymised, and the latest."""
    logs = AnonymisationLog.objects.filter(report__adv=adv).select_related("report").order_by("-at", "-pk")
    rows = [
        Anonymisation(
            reference=log.report.reference,
            at=log.at,
            removed=[
                str(REMOVED_LABELS.get(name, name))
                for name in (part.strip() for part in log.removed_fields.split(","))
                if name
            ],
        )
        for log in logs[:ANONYMISATIONS_SHOWN]
    ]
    return logs.count(), rows
