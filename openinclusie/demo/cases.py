"""Demo reports for the ADV inbox: a handful per ADV in different statuses,
per ADV one incident with a mass report, and closed reports of earlier
years (so the ADV has whole years of figures it can release). Every person
and every story here is made up. Loaded through the same services the back
office uses; each report carries a fixed submission token, so loading twice
adds nothing."""

import uuid
from datetime import datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from openinclusie.accounts.models import Role, User
from openinclusie.cases.constants import Channel, ReporterRole, RequestType, Status
from openinclusie.cases.models import Incident, IntakeLocation, Report
from openinclusie.cases.services import handling, incidents, intake_locations, messaging, staff_intake
from openinclusie.classification.models import Code, CodeKind, CodeListVersion
from openinclusie.organisations.models import Municipality, Organisation

from .case_history import HISTORY
from .case_records import IDB, INTAKE_LOCATIONS, MASS_INCIDENTS, MASS_REPORTS_PER_INCIDENT, RADAR, DemoReport
from .data import MUNICIPALITIES

DEMO_NAMESPACE = uuid.UUID("5b0c6f1e-2d7a-4c41-9a51-0f6d3c8e7a10")

# The path through the workflow to each demo status.
PATHS = {
    Status.NEW: [],
    Status.INTAKE: [Status.INTAKE],
    Status.IN_PROGRESS: [Status.INTAKE, Status.IN_PROGRESS],
    Status.WAITING_FOR_REPORTER: [Status.INTAKE, Status.WAITING_FOR_REPORTER],
    Status.REGISTERED: [Status.INTAKE, Status.REGISTERED],
    Status.CLOSED: [Status.INTAKE, Status.IN_PROGRESS, Status.CLOSED],
}


ADV_OF = {spec.slug: spec.adv_slug for spec in MUNICIPALITIES}


def _token(key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, key)


def _codes() -> dict[tuple[str, str], Code]:
    version = CodeListVersion.objects.filter(is_current=True).first()
    if version is None:
        return {}
    return {(c.kind, c.code): c for c in Code.objects.filter(version=version)}


def _classify(report: Report, spec: DemoReport, by: User, codes: dict[tuple[str, str], Code], now: datetime) -> bool:
    grounds = [codes[(CodeKind.GROUND, slug)] for slug in spec.grounds if (CodeKind.GROUND, slug) in codes]
    domain = codes.get((CodeKind.DOMAIN, spec.domain))
    nature = codes.get((CodeKind.NATURE, spec.nature))
    handlings = [codes[(CodeKind.HANDLING, slug)] for slug in spec.handlings if (CodeKind.HANDLING, slug) in codes]
    if not (grounds and domain and nature):
        return False
    handling.classify(
        report=report,
        by=by,
        version=report.version,
        now=now,
        request_type=report.request_type,
        grounds=grounds,
        domain=domain,
        nature=nature,
        handlings=handlings,
    )
    return True


def _received(spec: DemoReport, now: datetime) -> datetime:
    if spec.received_on is None:
        return now - timedelta(days=spec.days_ago)
    return timezone.make_aware(datetime.combine(spec.received_on, time(10, 30)))


def demo_report_years(municipality: Municipality) -> set[int]:
    """The years in which the demo reports that count for the municipality
    (where it happened or where the reporter lives) were received."""
    specs = [*IDB, *RADAR, *HISTORY, *(spec for adv_slug in MASS_INCIDENTS for spec in _mass_reports(adv_slug))]
    received = (
        Report.objects.filter(submission_token__in=[_token(spec.key) for spec in specs])
        .filter(Q(incident_municipality=municipality) | Q(residence_municipality=municipality))
        .values_list("received_at", flat=True)
    )
    return {timezone.localtime(moment).year for moment in received}


def _coordinator(adv: Organisation) -> User | None:
    return User.objects.filter(memberships__organisation=adv, memberships__role=Role.ADV_COORDINATOR).first()


def _demo_locations(adv: Organisation) -> dict[str, IntakeLocation]:
    """The ADV's demo locations, made by its coordinator, all in use while
    the demo reports are registered (``_retire_locations`` then switches
    off those no longer used)."""
    specs = INTAKE_LOCATIONS.get(adv.slug, ())
    coordinator = _coordinator(adv)
    if not specs or coordinator is None:
        return {}
    existing = {location.name: location for location in IntakeLocation.objects.filter(adv=adv)}
    for name, description, _in_use in specs:
        if name not in existing:
            existing[name] = intake_locations.add_location(adv=adv, by=coordinator, name=name, description=description)
    return existing


def _retire_locations(adv: Organisation, locations: dict[str, IntakeLocation]) -> None:
    coordinator = _coordinator(adv)
    for name, _description, in_use in INTAKE_LOCATIONS.get(adv.slug, ()):
        location = locations.get(name)
        if coordinator is not None and location is not None and location.is_active and not in_use:
            intake_locations.change_location(
                location=location,
                by=coordinator,
                name=location.name,
                address=location.address,
                description=location.description,
                is_active=False,
            )


def _demo_report(
    spec: DemoReport,
    *,
    adv: Organisation,
    consultant: User,
    codes: dict[tuple[str, str], Code],
    now: datetime,
    locations: dict[str, IntakeLocation] | None = None,
) -> Report:
    received = _received(spec, now)
    location = (locations or {}).get(spec.intake_location)
    municipality = Municipality.objects.get(slug=spec.municipality)
    contact = staff_intake.ContactDetails(**spec.contact) if spec.contact else None
    result = staff_intake.register_report(
        adv=adv,
        by=consultant,
        now=received,
        submission_token=_token(spec.key),
        channel=spec.channel,
        # Without the location (no coordinator yet), its name as free text.
        channel_location=spec.channel_location or ("" if location else spec.intake_location),
        intake_location=location,
        referred_by=Organisation.objects.filter(slug=spec.referred_by).first() if spec.referred_by else None,
        received_at=received,
        request_type=spec.request_type,
        reporter_role=ReporterRole.VICTIM,
        description=spec.description,
        occurred_on=(received - timedelta(days=2)).date(),
        incident_municipality=None if spec.online else municipality,
        incident_is_online=spec.online,
        resident_grounds=spec.resident_grounds,
        resident_domain=spec.resident_domain,
        residence_municipality=None if spec.lives_elsewhere else municipality,
        residence_elsewhere=spec.lives_elsewhere,
        contact=contact,
    )
    report = result.report
    if not result.is_new:
        return report
    step = received + timedelta(hours=2)
    if spec.consent:
        handling.record_consent(report=report, by=consultant, version=report.version, now=step, consent=True)
    classified = _classify(report, spec, consultant, codes, step)
    for target in PATHS[Status(spec.status)]:
        if target in (Status.REGISTERED, Status.CLOSED) and not classified:
            break
        step += timedelta(days=1)
        handling.change_status(report=report, by=consultant, version=report.version, now=step, to_status=target)
    if spec.assigned or spec.deadline_in_days is not None:
        deadline = timezone.localdate(now) + timedelta(days=spec.deadline_in_days or 0)
        handling.assign(
            report=report,
            by=consultant,
            version=report.version,
            now=step,
            assignee=consultant if spec.assigned else None,
            deadline=deadline if spec.deadline_in_days is not None else None,
        )
    if spec.note:
        handling.add_note(report=report, by=consultant, now=step, text=spec.note)
    if spec.message:
        messaging.send_message(report=report, by=consultant, body=spec.message, now=step)
    return report


def _mass_reports(adv_slug: str) -> list[DemoReport]:
    _title, slug, story, grounds = MASS_INCIDENTS[adv_slug]
    return [
        DemoReport(
            f"{adv_slug}-mass-{number}",
            slug,
            Channel.EMAIL,
            RequestType.MELDING,
            Status.NEW,
            7 - number % 3,
            story,
            grounds,
            "internet",
            online=True,
        )
        for number in range(1, MASS_REPORTS_PER_INCIDENT + 1)
    ]


def _mass_incident(adv: Organisation, consultant: User, now: datetime) -> None:
    title, slug, _story, _grounds = MASS_INCIDENTS[adv.slug]
    # The title is encrypted at rest: compare after decryption, not in SQL.
    incident = next(
        (i for i in Incident.objects.filter(adv=adv, is_mass_report=True).order_by("pk") if i.title == title), None
    )
    if incident is None:
        incident = incidents.save_incident(
            adv=adv,
            by=consultant,
            title=title,
            municipality=Municipality.objects.get(slug=slug),
            occurred_on=(now - timedelta(days=8)).date(),
            is_mass_report=True,
        )
    for spec in _mass_reports(adv.slug):
        report = _demo_report(spec, adv=adv, consultant=consultant, codes={}, now=now)
        if report.incident_id != incident.pk:
            incidents.link_report(incident=incident, reference=report.reference, by=consultant, now=now)


def load_demo_cases(*, consultant_email: dict[str, str]) -> int:
    """Load the demo reports of iDb and Radar; ``consultant_email`` maps an
    ADV slug to the demo consultant who registers them. Returns how many
    demo reports exist afterwards."""
    now = timezone.now()
    codes = _codes()
    for adv_slug, specs in (("idb", IDB), ("radar", RADAR)):
        adv = Organisation.objects.filter(slug=adv_slug, kind="adv").first()
        consultant = User.objects.filter(
            email=consultant_email.get(adv_slug, ""), memberships__role=Role.ADV_CONSULTANT
        ).first()
        if adv is None or consultant is None:
            continue
        locations = _demo_locations(adv)
        for spec in (*specs, *(s for s in HISTORY if ADV_OF[s.municipality] == adv_slug)):
            _demo_report(spec, adv=adv, consultant=consultant, codes=codes, now=now, locations=locations)
        _retire_locations(adv, locations)
        _mass_incident(adv, consultant, now)
    tokens = [_token(s.key) for s in (*IDB, *RADAR, *HISTORY)]
    return Report.objects.filter(submission_token__in=tokens).count()
