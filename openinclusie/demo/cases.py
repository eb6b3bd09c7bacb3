"""Demo reports for the ADV inbox: a handful per ADV in different statuses,
and per ADV one incident with a mass report. Every person and every story
here is made up. Loaded through the same services the back office uses;
each report carries a fixed submission token, so loading twice adds nothing."""

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone

from openinclusie.accounts.models import Role, User
from openinclusie.cases.constants import Channel, ReporterRole, RequestType, Status
from openinclusie.cases.models import Incident, Report
from openinclusie.cases.services import handling, incidents, messaging, staff_intake
from openinclusie.classification.models import Code, CodeKind, CodeListVersion
from openinclusie.organisations.models import Municipality, Organisation

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


@dataclass(frozen=True)
class DemoReport:
    key: str
    municipality: str
    channel: str
    request_type: str
    status: str
    days_ago: int
    description: str
    resident_grounds: tuple[str, ...]
    resident_domain: str
    grounds: tuple[str, ...] = ()
    domain: str = ""
    nature: str = ""
    handlings: tuple[str, ...] = ()
    channel_location: str = ""
    referred_by: str = ""
    online: bool = False
    contact: dict[str, str] = field(default_factory=dict)
    consent: bool = False
    assigned: bool = False
    deadline_in_days: int | None = None
    message: str = ""
    note: str = ""


IDB = [
    DemoReport(
        "idb-1",
        "zoetermeer",
        Channel.PHONE,
        RequestType.KLACHT,
        Status.NEW,
        1,
        "Bij een sollicitatiegesprek vroeg de manager of ik van plan ben zwanger te worden. "
        "Daarna hoorde ik niets meer. (Demoverhaal, verzonnen.)",
        ("gender",),
        "job_seeking",
        contact={"name": "Demo Melder Een", "phone": "06 0000 0001", "preference": "phone", "safe_times": "Na 17 uur"},
    ),
    DemoReport(
        "idb-2",
        "zoetermeer",
        Channel.WALK_IN,
        RequestType.MELDING,
        Status.REGISTERED,
        20,
        "In de supermarkt riep een man dat ik terug moest naar mijn eigen land. Ik wil dat het geteld wordt. "
        "(Demoverhaal, verzonnen.)",
        ("origin",),
        "shop_service",
        grounds=("herkomst",),
        domain="commerciele-dienstverlening",
        nature="vijandige-bejegening",
        handlings=("advies-informatie",),
    ),
    DemoReport(
        "idb-3",
        "zoetermeer",
        Channel.POP_UP,
        RequestType.KLACHT,
        Status.IN_PROGRESS,
        35,
        "De verhuurder wil mijn rolstoel niet in de gemeenschappelijke hal toestaan, terwijl andere bewoners "
        "daar fietsen zetten. (Demoverhaal, verzonnen.)",
        ("disability",),
        "housing",
        grounds=("handicap-chronische-ziekte",),
        domain="huisvesting",
        nature="omstreden-behandeling",
        handlings=("advies-informatie", "bemiddeling"),
        channel_location="Pop-up spreekuur Bibliotheek Centrum",
        consent=True,
        assigned=True,
        deadline_in_days=-3,
        contact={"name": "Demo Melder Drie", "phone": "06 0000 0003", "preference": "phone"},
        message="We hebben de verhuurder gevraagd om een gesprek. We laten u weten wanneer.",
        note="Verhuurder gebeld, terugbelverzoek staat uit.",
    ),
    DemoReport(
        "idb-4",
        "zoetermeer",
        Channel.PARTNER_REFERRAL,
        RequestType.KLACHT,
        Status.WAITING_FOR_REPORTER,
        12,
        "Toen wij hand in hand door het park liepen, werden we nageroepen door een groep jongeren. "
        "(Demoverhaal, verzonnen.)",
        ("sexual_orientation",),
        "neighbourhood",
        referred_by="coc-haaglanden",
        assigned=True,
        deadline_in_days=10,
    ),
    DemoReport(
        "idb-5",
        "zoetermeer",
        Channel.EMAIL,
        RequestType.KLACHT,
        Status.INTAKE,
        4,
        "Een vacature vraagt om 'jonge, dynamische collega's tot 30 jaar'. (Demoverhaal, verzonnen.)",
        ("age",),
        "job_seeking",
        deadline_in_days=14,
    ),
]

RADAR = [
    DemoReport(
        "radar-1",
        "dordrecht",
        Channel.PHONE,
        RequestType.KLACHT,
        Status.NEW,
        2,
        "Bij de deur van een club werden mijn vrienden en ik geweigerd, terwijl anderen wel naar binnen mochten. "
        "(Demoverhaal, verzonnen.)",
        ("origin",),
        "going_out",
    ),
    DemoReport(
        "radar-2",
        "dordrecht",
        Channel.POP_UP,
        RequestType.MELDING,
        Status.REGISTERED,
        40,
        "Op de markt werd er over mijn hoofddoek een grap gemaakt door een kraamhouder. (Demoverhaal, verzonnen.)",
        ("religion",),
        "shop_service",
        grounds=("godsdienst",),
        domain="commerciele-dienstverlening",
        nature="vijandige-bejegening",
        channel_location="Pop-up buurthuis Wielwijk",
    ),
    DemoReport(
        "radar-3",
        "zwijndrecht",
        Channel.EMAIL,
        RequestType.KLACHT,
        Status.IN_PROGRESS,
        18,
        "Mijn dochter mag op stage geen hoofddoek dragen van het stagebedrijf. (Demoverhaal, verzonnen.)",
        ("religion", "gender"),
        "school",
        grounds=("godsdienst",),
        domain="onderwijs",
        nature="omstreden-behandeling",
        handlings=("advies-informatie",),
        assigned=True,
        deadline_in_days=5,
        contact={"name": "Demo Melder Vier", "email": "melder.vier@example.org", "preference": "email"},
        note="School gevraagd naar het stagebeleid.",
    ),
    DemoReport(
        "radar-4",
        "dordrecht",
        Channel.WALK_IN,
        RequestType.KLACHT,
        Status.CLOSED,
        90,
        "De huisarts wilde mij niet inschrijven omdat ik 'toch niet goed Nederlands spreek'. (Demoverhaal, verzonnen.)",
        ("origin",),
        "shop_service",
        grounds=("herkomst",),
        domain="collectieve-voorzieningen",
        nature="omstreden-behandeling",
        handlings=("advies-informatie", "doorverwijzing"),
    ),
    DemoReport(
        "radar-5",
        "zwijndrecht",
        Channel.PARTNER_REFERRAL,
        RequestType.MELDING,
        Status.INTAKE,
        6,
        "Een ondernemer hoorde van een klant dat hij 'met zo'n naam' geen opdracht zou krijgen. "
        "(Demoverhaal, verzonnen.)",
        ("origin",),
        "work",
        referred_by="mbod",
    ),
]

MASS_INCIDENTS = {
    "idb": (
        "Uitspraak over moslims in een lokaal radioprogramma (demo)",
        "zoetermeer",
        "Ik hoorde op de lokale radio een uitspraak over moslims die mij diep kwetste. (Demoverhaal, verzonnen.)",
        ("religion",),
    ),
    "radar": (
        "Bericht van een lokale ondernemer op sociale media (demo)",
        "dordrecht",
        "Een ondernemer schreef online dat hij geen mensen van buiten Europa aanneemt. (Demoverhaal, verzonnen.)",
        ("origin",),
    ),
}
MASS_REPORTS_PER_INCIDENT = 4


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


def _demo_report(
    spec: DemoReport, *, adv: Organisation, consultant: User, codes: dict[tuple[str, str], Code], now: datetime
) -> Report:
    received = now - timedelta(days=spec.days_ago)
    municipality = Municipality.objects.get(slug=spec.municipality)
    contact = staff_intake.ContactDetails(**spec.contact) if spec.contact else None
    result = staff_intake.register_report(
        adv=adv,
        by=consultant,
        now=received,
        submission_token=_token(spec.key),
        channel=spec.channel,
        channel_location=spec.channel_location,
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
        residence_municipality=municipality,
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


def _mass_incident(adv: Organisation, consultant: User, now: datetime) -> None:
    title, slug, story, grounds = MASS_INCIDENTS[adv.slug]
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
    for number in range(1, MASS_REPORTS_PER_INCIDENT + 1):
        spec = DemoReport(
            f"{adv.slug}-mass-{number}",
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
        for spec in specs:
            _demo_report(spec, adv=adv, consultant=consultant, codes=codes, now=now)
        _mass_incident(adv, consultant, now)
    tokens = [_token(s.key) for s in (*IDB, *RADAR)]
    return Report.objects.filter(submission_token__in=tokens).count()
