"""The demo reports of the two ADVs: a handful per ADV in different
statuses, Radar's pop-up locations, and per ADV one incident with a mass
report. Every person and every story here is made up."""

from dataclasses import dataclass, field
from datetime import date

from openinclusie.cases.constants import Channel, RequestType, Status


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
