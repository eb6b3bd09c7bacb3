"""Reads for the ADV back office.

Every read of a report, incident or log starts from ``reports_for`` /
``incidents_for``: the reports whose ADV is one the signed-in user is a
consultant or coordinator of. Another ADV's case answers 404, exactly like a
case that does not exist. A platform-admin membership of an ADV grants
nothing here."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.functional import Promise

from openinclusie.accounts.access import ADV_ROLES, memberships_of
from openinclusie.accounts.models import Role, User
from openinclusie.cases import workflow
from openinclusie.cases.constants import Channel, HistoryEvent, MessageDirection, ResidentGround, Status
from openinclusie.cases.models import Incident, IntakeLocation, Report, StatusChange
from openinclusie.classification.models import Code, CodeKind, CodeListVersion
from openinclusie.organisations.models import Municipality, Organisation

INBOX_PAGE_SIZE = 25


# Scope ------------------------------------------------------------------


def advs_for(request: HttpRequest, roles: Iterable[Role] = ADV_ROLES) -> list[Organisation]:
    """The ADVs the user works for in one of ``roles``."""
    wanted = set(roles)
    seen: dict[int, Organisation] = {}
    for membership in memberships_of(request):
        if membership.role in wanted and membership.organisation.kind == "adv":
            seen.setdefault(membership.organisation_id, membership.organisation)
    return list(seen.values())


def adv_ids(request: HttpRequest, roles: Iterable[Role] = ADV_ROLES) -> list[int]:
    return [adv.pk for adv in advs_for(request, roles)]


def reports_for(request: HttpRequest) -> QuerySet[Report]:
    return Report.objects.filter(adv_id__in=adv_ids(request))


def report_for(request: HttpRequest, pk: int, roles: Iterable[Role] = ADV_ROLES) -> Report:
    report = (
        Report.objects.filter(adv_id__in=adv_ids(request, roles), pk=pk)
        .select_related(
            "adv",
            "incident",
            "referred_by",
            "intake_location",
            "incident_municipality",
            "incident_neighbourhood",
            "residence_municipality",
            "classification_version",
            "domain",
            "nature",
            "assigned_to",
            "registered_by",
        )
        .first()
    )
    if report is None:
        raise Http404
    return report


def incidents_for(request: HttpRequest) -> QuerySet[Incident]:
    return Incident.objects.filter(adv_id__in=adv_ids(request))


def incident_for(request: HttpRequest, pk: int) -> Incident:
    incident = incidents_for(request).select_related("adv", "municipality").filter(pk=pk).first()
    if incident is None:
        raise Http404
    return incident


def served_municipalities(request: HttpRequest) -> QuerySet[Municipality]:
    return Municipality.objects.filter(adv_id__in=adv_ids(request)).order_by("name")


def staff_of(adv: Organisation) -> QuerySet[User]:
    """Consultants and coordinators of one ADV: who a case can be assigned to."""
    return (
        User.objects.filter(is_active=True, memberships__organisation=adv, memberships__role__in=ADV_ROLES)
        .distinct()
        .order_by("full_name")
    )


def staff_of_advs(request: HttpRequest, roles: Iterable[Role] = ADV_ROLES) -> QuerySet[User]:
    return (
        User.objects.filter(memberships__organisation_id__in=adv_ids(request, roles), memberships__role__in=ADV_ROLES)
        .distinct()
        .order_by("full_name")
    )


# Inbox ------------------------------------------------------------------


@dataclass(frozen=True)
class InboxFilters:
    status: str = ""
    municipality: int | None = None
    assigned: str = ""  # "me", "none" or "" for everyone
    overdue: bool = False
    channel: str = ""
    intake_location: int | None = None


@dataclass
class Inbox:
    page: Page
    status_counts: list[dict[str, Any]]
    total: int
    today: date


def _filtered(request: HttpRequest, filters: InboxFilters, today: date) -> QuerySet[Report]:
    reports = reports_for(request)
    if filters.municipality:
        reports = reports.filter(
            Q(incident_municipality_id=filters.municipality) | Q(residence_municipality_id=filters.municipality)
        )
    if filters.assigned == "me":
        reports = reports.filter(assigned_to_id=request.user.pk)
    elif filters.assigned == "none":
        reports = reports.filter(assigned_to__isnull=True)
    if filters.overdue:
        reports = overdue(reports, today)
    if filters.channel:
        reports = reports.filter(channel=filters.channel)
    if filters.intake_location:
        reports = reports.filter(intake_location_id=filters.intake_location)
    return reports


def overdue(reports: QuerySet[Report], today: date) -> QuerySet[Report]:
    return reports.filter(deadline__lt=today).exclude(status__in=workflow.CLOSED_STATUSES)


def is_overdue(report: Report, today: date) -> bool:
    return bool(report.deadline and report.deadline < today and report.status not in workflow.CLOSED_STATUSES)


def inbox(request: HttpRequest, filters: InboxFilters, *, page_number: Any, today: date) -> Inbox:
    """The reports of the user's ADVs, newest first. No free text: the
    description is only shown in the case file, whose opening is logged."""
    base = _filtered(request, filters, today)
    counts = {row["status"]: row["n"] for row in base.values("status").annotate(n=Count("pk")).order_by()}
    status_counts = [
        {"value": status.value, "label": status.label, "count": counts.get(status.value, 0)} for status in Status
    ]
    reports = base.filter(status=filters.status) if filters.status else base
    reports = reports.select_related("incident_municipality", "assigned_to", "incident", "intake_location").order_by(
        "-received_at", "-pk"
    )
    paginator = Paginator(reports, INBOX_PAGE_SIZE)
    # The counts per status already hold the number of rows: spare the
    # paginator a second count over every report of the ADV.
    paginator.__dict__["count"] = counts.get(filters.status, 0) if filters.status else sum(counts.values())
    page = paginator.get_page(page_number)
    for report in page.object_list:
        report.is_overdue = is_overdue(report, today)  # type: ignore[attr-defined]
    return Inbox(page=page, status_counts=status_counts, total=sum(counts.values()), today=today)


# Case file --------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    at: Any
    by: str
    label: str | Promise
    detail: str
    from_status: str
    to_status: str


def history_entry(change: StatusChange) -> HistoryEntry:
    code, _sep, detail = change.event.partition(": ")
    try:
        label: str | Promise = HistoryEvent(code).label
    except ValueError:
        label, detail = change.event, ""
    from_label = Status(change.from_status).label if change.from_status else ""
    to_label = Status(change.to_status).label if change.to_status else ""
    if code == HistoryEvent.STATUS or (not change.event and change.from_status != change.to_status):
        label, detail = HistoryEvent.STATUS.label, f"{from_label} → {to_label}"
    elif code == HistoryEvent.CREATED and detail in Channel.values:
        detail = str(Channel(detail).label)
    return HistoryEntry(
        at=change.changed_at,
        by=change.changed_by.full_name if change.changed_by else "",
        label=label,
        detail=detail,
        from_status=str(from_label),
        to_status=str(to_label),
    )


@dataclass
class CaseFile:
    report: Report
    resident_grounds: list[Any]
    grounds: list[Code]
    handlings: list[Code]
    has_contact: bool
    history: list[HistoryEntry]
    notes: list[Any]
    messages: list[Any]
    next_steps: list[workflow.Transition]
    closing_requirements: list[Any]
    is_overdue: bool
    incident_reports: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def steps_without_consent(self) -> list[Code]:
        """Registered steps towards the other party while the reporter's
        consent is not (or no longer) recorded: the consultant must see it."""
        if self.report.consent_to_contact_other_party:
            return []
        return [code for code in self.handlings if code.towards_other_party]


def case_file(report: Report, *, today: date) -> CaseFile:
    from openinclusie.cases.services.handling import closing_requirements

    resident_grounds = [
        ResidentGround(value).label
        for value in report.resident_grounds.order_by("ground").values_list("ground", flat=True)
    ]
    changes = report.history.select_related("changed_by").order_by("-changed_at", "-pk")
    return CaseFile(
        report=report,
        resident_grounds=resident_grounds,
        grounds=list(report.grounds.select_related("parent").order_by("parent__position", "position")),
        handlings=list(report.handlings.order_by("position")),
        has_contact=hasattr(report, "contact"),
        history=[history_entry(change) for change in changes],
        notes=list(report.notes.select_related("author").order_by("-created_at", "-pk")),
        messages=list(report.messages.select_related("author").order_by("-created_at", "-pk")),
        next_steps=workflow.next_steps(report.status, report.request_type),
        closing_requirements=closing_requirements(report),
        is_overdue=is_overdue(report, today),
        incident_reports=report.incident.reports.count() if report.incident is not None else 0,
    )


def codes(version: CodeListVersion | None, kind: CodeKind, *, keep: Iterable[int] = ()) -> QuerySet[Code]:
    """Codes to choose from: the active ones of the version, plus any already
    chosen (a code switched off later stays visible on old reports)."""
    if version is None:
        return Code.objects.none()
    return (
        Code.objects.filter(version=version, kind=kind)
        .filter(Q(is_active=True) | Q(pk__in=list(keep)))
        .select_related("parent")
        .order_by("parent__position", "position", "pk")
    )


def ground_choices(version: CodeListVersion | None, *, keep: Iterable[int] = ()) -> list[tuple[int, str]]:
    """Main grounds each followed by their sub-grounds, labelled so the
    hierarchy reads in a flat list: "Origin > Antisemitism"."""
    all_codes = list(codes(version, CodeKind.GROUND, keep=keep))
    mains = sorted((c for c in all_codes if c.parent_id is None), key=lambda c: (c.position, c.pk))
    children: dict[int, list[Code]] = {}
    for code in all_codes:
        if code.parent_id is not None:
            children.setdefault(code.parent_id, []).append(code)
    choices: list[tuple[int, str]] = []
    for main in mains:
        choices.append((main.pk, main.label))
        for child in sorted(children.get(main.pk, []), key=lambda c: (c.position, c.pk)):
            choices.append((child.pk, f"{main.label} \u203a {child.label}"))
    return choices


def messages_to_reporter(report: Report) -> QuerySet[Any]:
    return report.messages.filter(direction=MessageDirection.TO_REPORTER)


# Intake locations -------------------------------------------------------


def intake_locations_for(request: HttpRequest, roles: Iterable[Role] = ADV_ROLES) -> QuerySet[IntakeLocation]:
    """Every location of the user's ADVs, in use or not (the inbox filter)."""
    return IntakeLocation.objects.filter(adv_id__in=adv_ids(request, roles)).order_by("adv__name", "name")


def usable_locations(advs: Iterable[Organisation], *, keep: int | None = None) -> QuerySet[IntakeLocation]:
    """The locations to choose from for a report: those in use, plus the
    one the report has now (switched off later, it stays visible)."""
    return (
        IntakeLocation.objects.filter(adv__in=list(advs))
        .filter(Q(is_active=True) | Q(pk=keep))
        .select_related("adv")
        .order_by("adv__name", "name")
    )


def locations_of(adv: Organisation) -> QuerySet[IntakeLocation]:
    """The coordinator's list: in use first, with how many reports each has."""
    return IntakeLocation.objects.filter(adv=adv).annotate(report_count=Count("reports")).order_by("-is_active", "name")


def intake_location_for(request: HttpRequest, pk: int) -> IntakeLocation:
    """A location of an ADV the user coordinates; any other answers 404."""
    location = (
        IntakeLocation.objects.filter(adv_id__in=adv_ids(request, [Role.ADV_COORDINATOR]), pk=pk)
        .select_related("adv")
        .first()
    )
    if location is None:
        raise Http404
    return location


# Incidents --------------------------------------------------------------


def incident_list(request: HttpRequest) -> QuerySet[Incident]:
    return (
        incidents_for(request)
        .select_related("municipality")
        .annotate(report_count=Count("reports"))
        .order_by("-created_at", "-pk")
    )


def reports_of_incident(incident: Incident) -> QuerySet[Report]:
    return incident.reports.filter(adv=incident.adv).select_related("incident_municipality").order_by("-received_at")
