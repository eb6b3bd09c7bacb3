"""Demo reports for the ADV inbox: a handful per ADV in different statuses,
per ADV one incident with a mass report, and closed reports of earlier
years (so the ADV has whole years of figures it can release). Every person
and every story here is made up. Loaded through the same services the back
office uses; each report carries a fixed submission token, so loading twice
adds nothing."""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from openinclusie.accounts.models import Role, User
from openinclusie.cases.constants import Channel, ReporterRole, RequestType, Status
from openinclusie.cases.models import Incident, IntakeLocation, Report
from openinclusie.cases.services import handling, incidents, intake_locations, messaging, staff_intake
from openinclusie.classification.models import Code, CodeKind, CodeListVersion
from openinclusie.organisations.models import Municipality, Organisation

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
    # The name of one of the ADV's intake locations (INTAKE_LOCATIONS).
    intake_location: str = ""
    referred_by: str = ""
    online: bool = False
    contact: dict[str, str] = field(default_factory=dict)
    consent: bool = False
    assigned: bool = False
    deadline_in_days: int | None = None
    message: str = ""
    note: str = ""
    # A fixed day in an earlier year (history); else ``days_ago`` before now.
    received_on: date | None = None
    # The reporter lives outside the demo municipalities (this place).
    lives_elsewhere: str = ""


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
        intake_location="Pop-up Wijkcentrum Dordt West",
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
    DemoReport(
        "radar-6",
        "dordrecht",
        Channel.POP_UP,
        RequestType.KLACHT,
        Status.INTAKE,
        9,
        "Bij de balie van de sportschool zei de medewerker dat 'mensen zoals ik' beter ergens anders kunnen gaan "
        "sporten. (Demoverhaal, verzonnen.)",
        ("origin",),
        "sports",
        intake_location="Pop-up Bibliotheek Dordrecht",
        deadline_in_days=7,
    ),
]

# Radar's pop-up locations (made up): name, description, still in use. The
# Dordrecht pilot counted reports per location; the figures do the same.
INTAKE_LOCATIONS = {
    "radar": (
        ("Pop-up Bibliotheek Dordrecht", "Spreekuur in de centrale bibliotheek, elke eerste dinsdag. (Demo.)", True),
        ("Pop-up Wijkcentrum Dordt West", "Inloop in het wijkcentrum, woensdagmiddag. (Demo.)", True),
        ("Pop-up Weekmarkt Sterrenburg", "Kraam op de weekmarkt, gestopt eind 2023. (Demo.)", False),
    ),
}

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


@dataclass(frozen=True)
class Theme:
    """A kind of story the history repeats, classified the same each time."""

    request_type: str
    channel: str
    description: str
    resident_grounds: tuple[str, ...]
    resident_domain: str
    grounds: tuple[str, ...]
    domain: str
    nature: str
    handlings: tuple[str, ...]
    online: bool = False


THEMES = (
    Theme(
        RequestType.KLACHT,
        Channel.PHONE,
        "Na een open sollicitatie met mijn eigen naam hoorde ik niets; met een Nederlandse naam werd ik wel "
        "uitgenodigd. (Demoverhaal, verzonnen.)",
        ("origin",),
        "job_seeking",
        ("herkomst",),
        "arbeidsmarkt",
        "omstreden-behandeling",
        ("advies-informatie",),
    ),
    Theme(
        RequestType.KLACHT,
        Channel.WALK_IN,
        "Een buurman roept steeds iets over mijn hoofddoek als ik langs zijn tuin loop. (Demoverhaal, verzonnen.)",
        ("religion",),
        "neighbourhood",
        ("moslimdiscriminatie",),
        "buurt-wijk",
        "vijandige-bejegening",
        ("bemiddeling",),
    ),
    Theme(
        RequestType.MELDING,
        Channel.EMAIL,
        "Onder een bericht over de Pride-vlag bij het gemeentehuis stonden reacties die homo's uitschelden. "
        "(Demoverhaal, verzonnen.)",
        ("sexual_orientation",),
        "internet",
        ("seksuele-gerichtheid",),
        "internet-sociale-media",
        "vijandige-bejegening",
        ("advies-informatie",),
        online=True,
    ),
    Theme(
        RequestType.KLACHT,
        Channel.EMAIL,
        "De woningcorporatie wil geen drempelhulp plaatsen voor mijn rolstoel. (Demoverhaal, verzonnen.)",
        ("disability",),
        "housing",
        ("handicap-chronische-ziekte",),
        "huisvesting",
        "omstreden-behandeling",
        ("advies-informatie", "bemiddeling"),
    ),
    Theme(
        RequestType.MELDING,
        Channel.PHONE,
        "Bij de deur van een café mochten mijn vrienden en ik niet naar binnen, 'vanavond alleen vaste gasten'. "
        "(Demoverhaal, verzonnen.)",
        ("origin",),
        "going_out",
        ("herkomst",),
        "horeca-amusement",
        "omstreden-behandeling",
        ("advies-informatie",),
    ),
    Theme(
        RequestType.KLACHT,
        Channel.PHONE,
        "Mijn tijdelijke contract werd niet verlengd toen ik vertelde dat ik zwanger ben. (Demoverhaal, verzonnen.)",
        ("gender",),
        "work",
        ("zwangerschap-moederschap",),
        "arbeidsmarkt",
        "omstreden-behandeling",
        ("advies-informatie", "doorverwijzing"),
    ),
    Theme(
        RequestType.MELDING,
        Channel.WALK_IN,
        "In de winkel liep een medewerker steeds achter mij aan, de andere klanten niet. (Demoverhaal, verzonnen.)",
        ("origin",),
        "shop_service",
        ("anti-zwart-racisme",),
        "commerciele-dienstverlening",
        "omstreden-behandeling",
        ("advies-informatie",),
    ),
    Theme(
        RequestType.KLACHT,
        Channel.EMAIL,
        "Een uitzendbureau schrijft dat de opdrachtgever 'liever geen 55-plussers' wil. (Demoverhaal, verzonnen.)",
        ("age",),
        "job_seeking",
        ("leeftijd",),
        "arbeidsmarkt",
        "omstreden-behandeling",
        ("advies-informatie",),
    ),
)

# Closed reports per municipality and earlier year: demo numbers, made up.
HISTORY_COUNTS = {
    ("zoetermeer", 2024): 9,
    ("zoetermeer", 2025): 12,
    ("dordrecht", 2023): 8,
    ("dordrecht", 2024): 11,
    ("dordrecht", 2025): 13,
    ("zwijndrecht", 2024): 6,
    ("zwijndrecht", 2025): 7,
}
# Where a reporter from outside the demo municipalities lives.
ELSEWHERE = {"zoetermeer": "Leidschendam-Voorburg", "dordrecht": "Papendrecht", "zwijndrecht": "Hendrik-Ido-Ambacht"}


def _history(slug: str, year: int, count: int) -> list[DemoReport]:
    """``count`` closed reports spread over the year, the themes in turn."""
    reports = []
    for index in range(count):
        theme = THEMES[(index + year) % len(THEMES)]
        reports.append(
            DemoReport(
                f"{slug}-{year}-{index + 1:02d}",
                slug,
                theme.channel,
                theme.request_type,
                Status.CLOSED if theme.request_type == RequestType.KLACHT else Status.REGISTERED,
                0,
                theme.description,
                theme.resident_grounds,
                theme.resident_domain,
                grounds=theme.grounds,
                domain=theme.domain,
                nature=theme.nature,
                handlings=theme.handlings,
                online=theme.online,
                # Reporters who asked for help agreed that the ADV contacts the other party.
                consent=theme.request_type == RequestType.KLACHT,
                received_on=date(year, 1 + index * 12 // count, 2 + index * 11 % 26),
                lives_elsewhere=ELSEWHERE[slug] if index % 5 == 4 and not theme.online else "",
                intake_location=_walk_in_location(slug, year, index) if theme.channel == Channel.WALK_IN else "",
            )
        )
    return reports


def _walk_in_location(slug: str, year: int, index: int) -> str:
    """Radar's walk-ins in Dordrecht came in at its pop-up locations."""
    if slug != "dordrecht":
        return ""
    if year <= 2023:
        return "Pop-up Weekmarkt Sterrenburg"
    return ("Pop-up Bibliotheek Dordrecht", "Pop-up Wijkcentrum Dordt West")[index % 2]


HISTORY = [report for (slug, year), count in HISTORY_COUNTS.items() for report in _history(slug, year, count)]
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
