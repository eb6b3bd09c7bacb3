"""Reports for the figures tests, made directly in the database: figures
only reads them, so the tests need exact control over every field that
counts, not the intake services."""

import itertools
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from openinclusie.cases.constants import Channel, ReporterRole, RequestType, Status
from openinclusie.cases.models import Incident, Report
from openinclusie.classification.models import Code, CodeKind, CodeListVersion
from openinclusie.organisations.models import Municipality, Neighbourhood, Organisation

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_numbers = itertools.count(1)


def local(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def code_version() -> CodeListVersion:
    version = CodeListVersion.objects.filter(is_current=True).first()
    if version is None:
        version = CodeListVersion.objects.create(
            name="Figures test", valid_from=local(2011, 1, 1).date(), is_current=True
        )
    return version


def code(kind: str, slug: str, parent: str | None = None) -> Code:
    version = code_version()
    parent_code = code(kind, parent) if parent else None
    found, _created = Code.objects.get_or_create(
        version=version,
        kind=kind,
        code=slug,
        defaults={
            "label_nl": slug.replace("-", " ").capitalize(),
            "label_en": slug.replace("-", " ").capitalize(),
            "parent": parent_code,
            "position": 999,
        },
    )
    return found


SUBGROUNDS = {"antisemitisme": "herkomst", "moslimdiscriminatie": "herkomst"}


def incident(adv: Organisation, *, mass: bool = False) -> Incident:
    return Incident.objects.create(adv=adv, title=f"Voorval {next(_numbers)}", is_mass_report=mass)


def report(
    adv: Organisation,
    *,
    at: datetime,
    lives: Municipality | None = None,
    happened: Municipality | None = None,
    online: bool = False,
    neighbourhood: Neighbourhood | None = None,
    grounds: Sequence[str] = (),
    domain: str | None = None,
    nature: str | None = None,
    handlings: Sequence[str] = (),
    channel: str = Channel.PHONE,
    linked: Incident | None = None,
    elsewhere: str = "",
    status: str = Status.REGISTERED,
) -> Report:
    made = Report.objects.create(
        adv=adv,
        reference=f"FIG-{next(_numbers):06d}",
        incident=linked,
        channel=channel,
        received_at=at,
        request_type=RequestType.MELDING,
        reporter_role=ReporterRole.VICTIM,
        description="Testmelding voor de cijfers.",
        incident_municipality=happened,
        incident_is_online=online,
        incident_neighbourhood=neighbourhood,
        residence_municipality=lives,
        residence_elsewhere=elsewhere,
        residence_declined=lives is None and not elsewhere,
        status=status,
        domain=code(CodeKind.DOMAIN, domain) if domain else None,
        nature=code(CodeKind.NATURE, nature) if nature else None,
        classification_version=code_version() if (grounds or domain or nature or handlings) else None,
    )
    if grounds:
        made.grounds.set([code(CodeKind.GROUND, g, SUBGROUNDS.get(g)) for g in grounds])
    if handlings:
        made.handlings.set([code(CodeKind.HANDLING, h) for h in handlings])
    return made


PROBE_YEAR = 2025


def probe_figures(world: dict) -> int:
    """Enough reports in the test world's town A for every figures page to
    show tables, charts and hidden cells, counted and released once. For the
    access matrix and the browser crawl. Returns the year."""
    from django.utils import timezone

    from openinclusie.accounts.models import Membership, Role
    from openinclusie.accounts.tests.factories import UserFactory
    from openinclusie.figures import services
    from openinclusie.figures.models import Release
    from openinclusie.organisations.tests.factories import NeighbourhoodFactory

    town, adv = world["town_a"], world["adv_a"]
    if Release.objects.filter(municipality=town, year=PROBE_YEAR).exists():
        return PROBE_YEAR
    north = NeighbourhoodFactory(municipality=town, name="Noord")
    south = NeighbourhoodFactory(municipality=town, name="Zuid")
    grounds = ["herkomst", "herkomst", "herkomst", "godsdienst", "leeftijd", "seksuele-gerichtheid"]
    domains = ["arbeidsmarkt", "arbeidsmarkt", "buurt-wijk", "onderwijs", "horeca-amusement"]
    for n in range(36):
        lives = town if n % 5 else world["town_b"]
        report(
            adv,
            at=local(PROBE_YEAR, 1 + n % 12, 1 + n % 27),
            lives=lives,
            happened=town if n % 7 else None,
            online=not n % 7,
            neighbourhood=(north if n % 3 else south) if n % 7 else None,
            grounds=[grounds[n % len(grounds)]],
            domain=domains[n % len(domains)],
            nature="vijandige-bejegening" if n % 2 else "omstreden-behandeling",
            handlings=["advies-informatie"],
        )
    mass = incident(adv, mass=True)
    for _n in range(6):
        report(adv, at=local(PROBE_YEAR, 3, 3), lives=town, online=True, grounds=["herkomst"], linked=mass)
    services.refresh(now=timezone.now())
    coordinator = UserFactory()
    Membership.objects.create(user=coordinator, organisation=adv, role=Role.ADV_COORDINATOR)
    services.release(municipality=town, year=PROBE_YEAR, by=coordinator, now=timezone.now())
    return PROBE_YEAR
