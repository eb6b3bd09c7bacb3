"""A national data set for the figures benchmark, made in the database with
generate_series (PostgreSQL only): 342 municipalities served by 25 ADVs,
1,000,000 reports over 10 years.

Realistic skew: municipality sizes follow a Zipf curve (a few large cities,
many small towns), most reports are about origin, the labour market is the
largest domain, reports grow over the years, and 8% are mass reports in
six spikes of ten days around public statements. Idempotent: a second run
finds the reports and does nothing."""

import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as dt_time

from django.db import connection, transaction
from django.utils import timezone

from openinclusie.cases.constants import Channel, Status
from openinclusie.cases.models import Incident, Report
from openinclusie.classification.models import Code, CodeKind, CodeListVersion
from openinclusie.core.encryption import encrypt
from openinclusie.organisations.models import Municipality, Neighbourhood, Organisation, OrganisationKind

PREFIX = "NAT-"
MUNICIPALITIES = 342
ADVS = 25
YEARS = 10
SLOTS = 10_000
MASS_SHARE = 0.08
MASS_SPIKES = 6

GROUND_WEIGHTS = {
    "herkomst": 45,
    "handicap-chronische-ziekte": 12,
    "geslacht": 10,
    "seksuele-gerichtheid": 8,
    "godsdienst": 6,
    "leeftijd": 6,
    "nationaliteit": 4,
    "overige-gronden": 4,
    "levensovertuiging": 1,
    "politieke-gezindheid": 1,
    "burgerlijke-staat": 1,
    "onbekend": 2,
}
SUBGROUNDS = {"antisemitisme": 10, "moslimdiscriminatie": 8, "anti-zwart-racisme": 6}
DOMAIN_WEIGHTS = {
    "arbeidsmarkt": 25,
    "buurt-wijk": 12,
    "commerciele-dienstverlening": 12,
    "internet-sociale-media": 10,
    "onderwijs": 7,
    "huisvesting": 6,
    "collectieve-voorzieningen": 5,
    "politie-vreemdelingendienst-om": 4,
    "horeca-amusement": 4,
    "sport-recreatie": 3,
    "media-reclame": 3,
    "politieke-publieke-opinie": 3,
    "privesfeer": 3,
    "overig": 3,
}
NATURE_WEIGHTS = {"omstreden-behandeling": 45, "vijandige-bejegening": 40, "bedreiging": 8, "geweld": 4, "overig": 3}
HANDLING_WEIGHTS = {
    "advies-informatie": 50,
    "doorverwijzing": 15,
    "bemiddeling": 12,
    "bijstand-klachtprocedure": 8,
    "ondersteuning-aangifte": 5,
    "eigen-onderzoek": 5,
    "beleidsbeinvloeding": 5,
}
CHANNEL_WEIGHTS = {
    Channel.WEB: 55,
    Channel.PHONE: 20,
    Channel.EMAIL: 15,
    Channel.WALK_IN: 4,
    Channel.POP_UP: 3,
    Channel.PARTNER_REFERRAL: 3,
}
# Registration only or closed: classified. New and intake: not yet.
STATUS_WEIGHTS = {
    Status.REGISTERED: 40,
    Status.CLOSED: 37,
    Status.IN_PROGRESS: 10,
    Status.WAITING_FOR_REPORTER: 3,
    Status.NEW: 5,
    Status.INTAKE: 5,
}


@dataclass(frozen=True)
class National:
    municipalities: list[Municipality]
    advs: list[Organisation]

    @property
    def largest(self) -> Municipality:
        """Rank 1 on the Zipf curve: the busiest municipality."""
        return self.municipalities[0]

    @property
    def median(self) -> Municipality:
        return self.municipalities[len(self.municipalities) // 2]


def _weights(total: int, weights: dict[str, int], ids: dict[str, int]) -> list[int]:
    """A list of ``total`` ids in which each id appears by its weight, for
    picking in SQL with one random number."""
    scale = total / sum(weights.values())
    found: list[int] = []
    for key, weight in weights.items():
        found += [ids[key]] * max(1, round(weight * scale))
    return (found * 2)[:total]


def ensure_world() -> National:
    """The 25 ADVs, 342 municipalities (each with 4-12 neighbourhoods and its
    own municipality organisation), created once."""
    advs = list(Organisation.objects.filter(slug__startswith="bench-adv-").order_by("slug"))
    if len(advs) < ADVS:
        Organisation.objects.bulk_create(
            [
                Organisation(kind=OrganisationKind.ADV, name=f"Bench ADV {n:02d}", slug=f"bench-adv-{n:02d}")
                for n in range(1, ADVS + 1)
            ],
            ignore_conflicts=True,
        )
        advs = list(Organisation.objects.filter(slug__startswith="bench-adv-").order_by("slug"))
    places = list(Municipality.objects.filter(slug__startswith="bench-gemeente-").order_by("slug"))
    if len(places) < MUNICIPALITIES:
        Municipality.objects.bulk_create(
            [
                Municipality(
                    name=f"Benchgemeente {n:03d}",
                    slug=f"bench-gemeente-{n:03d}",
                    cbs_code=f"GM{7000 + n:04d}",
                    adv=advs[(n - 1) % ADVS],
                )
                for n in range(1, MUNICIPALITIES + 1)
            ],
            ignore_conflicts=True,
        )
        places = list(Municipality.objects.filter(slug__startswith="bench-gemeente-").order_by("slug"))
        Organisation.objects.bulk_create(
            [
                Organisation(
                    kind=OrganisationKind.MUNICIPALITY, name=f"Gemeente {p.name}", slug=f"org-{p.slug}", municipality=p
                )
                for p in places
            ],
            ignore_conflicts=True,
        )
        rng = random.Random(7)
        Neighbourhood.objects.bulk_create(
            [
                Neighbourhood(municipality=p, name=f"Wijk {w:02d}")
                for p in places
                for w in range(1, rng.randint(4, 12) + 1)
            ],
            ignore_conflicts=True,
        )
    return National(municipalities=places, advs=advs)


def _codes() -> tuple[CodeListVersion, dict[str, dict[str, int]]]:
    version = CodeListVersion.objects.filter(is_current=True).first()
    if version is None:
        raise RuntimeError("No current code list version: run the migrations (they seed the start version).")
    ids: dict[str, dict[str, int]] = {kind: {} for kind in CodeKind.values}
    for code in Code.objects.filter(version=version):
        ids[code.kind][code.code] = code.pk
    return version, ids


def _slots(national: National) -> list[tuple[int, int, int, list[int]]]:
    """10,000 slots, each a municipality by its Zipf weight, with its ADV
    and neighbourhoods: one random number picks a municipality."""
    weights = [1 / (rank**0.95) for rank in range(1, len(national.municipalities) + 1)]
    scale = SLOTS / sum(weights)
    neighbourhoods: dict[int, list[int]] = {}
    for municipality_id, pk in Neighbourhood.objects.filter(municipality__in=national.municipalities).values_list(
        "municipality_id", "pk"
    ):
        neighbourhoods.setdefault(municipality_id, []).append(pk)
    slots: list[tuple[int, int, int, list[int]]] = []
    for place, weight in zip(national.municipalities, weights, strict=True):
        for _ in range(max(1, round(weight * scale))):
            slots.append((len(slots), place.pk, place.adv_id or 0, neighbourhoods.get(place.pk, [])))
    while len(slots) < SLOTS:
        slots.append((len(slots), *slots[-1][1:]))
    return slots[:SLOTS]


def _other_columns() -> tuple[list[str], list[object]]:
    """Columns this generator does not set: NULL when allowed, else the
    field's default (so a new field on Report does not break the bench)."""
    explicit = {
        "adv_id", "reference", "incident_id", "channel", "received_at", "request_type", "reporter_role",
        "description", "incident_municipality_id", "incident_is_online", "incident_neighbourhood_id",
        "residence_municipality_id", "residence_declined", "is_anonymous", "classification_version_id",
        "domain_id", "nature_id", "status", "version", "updated_at", "id",
    }  # fmt: skip
    columns, values = [], []
    for field in Report._meta.concrete_fields:
        if field.column in explicit or field.null:
            continue
        columns.append(field.column)
        values.append(field.get_default())
    return columns, values


def national_reports() -> int:
    return Report.objects.filter(reference__startswith=PREFIX).count()


def generate(national: National, *, count: int) -> float:
    """Insert ``count`` national reports (after removing a partial set).
    Returns seconds taken."""
    started = time.perf_counter()
    version, ids = _codes()
    now = timezone.now()
    # Titles are encrypted at rest: look the incidents up in Python.
    existing = {i.title: i for i in Incident.objects.filter(adv=national.advs[0], is_mass_report=True)}
    mass = [
        existing.get(f"Uitspraak in de media (benchmark {n})")
        or Incident.objects.create(
            adv=national.advs[0],
            title=f"Uitspraak in de media (benchmark {n})",
            is_mass_report=True,
            occurred_on=(now - timedelta(days=int(365 * YEARS * (n + 0.5) / MASS_SPIKES))).date(),
        )
        for n in range(MASS_SPIKES)
    ]
    other_columns, other_values = _other_columns()
    with transaction.atomic(), connection.cursor() as cursor:
        _remove_partial(cursor)
        cursor.execute(
            "CREATE TEMP TABLE bench_slots (slot int PRIMARY KEY, municipality_id bigint, adv_id bigint, "
            "nbh bigint[]) ON COMMIT DROP"
        )
        cursor.executemany("INSERT INTO bench_slots VALUES (%s, %s, %s, %s)", _slots(national))
        cursor.execute("SELECT setseed(0.42)")
        extra_columns = "".join(f", {column}" for column in other_columns)
        extra_values = "".join(f", %(x{n})s" for n in range(len(other_columns)))
        cursor.execute(
            f"""
            WITH base AS (
                SELECT g,
                       floor(random() * {SLOTS})::int AS slot,
                       floor(random() * {SLOTS})::int AS other_slot,
                       random() AS r_mass, random() AS r_place, random() AS r_home, random() AS r_nbh,
                       random() AS r_time, random() AS r_spike, random() AS r_pick
                FROM generate_series(1, %(count)s) AS g
            ), picked AS (
                SELECT base.*, s.municipality_id, s.adv_id, s.nbh, o.municipality_id AS other_municipality,
                       (%(status)s::text[])[1 + floor(random() * 100)::int] AS status,
                       r_mass < {MASS_SHARE} AS is_mass
                FROM base
                JOIN bench_slots s ON s.slot = base.slot
                JOIN bench_slots o ON o.slot = base.other_slot
            )
            INSERT INTO cases_report (
                adv_id, reference, incident_id, channel, received_at, request_type, reporter_role, description,
                incident_municipality_id, incident_is_online, incident_neighbourhood_id, residence_municipality_id,
                residence_declined, is_anonymous, classification_version_id, domain_id, nature_id, status, version,
                updated_at {extra_columns}
            )
            SELECT
                adv_id,
                %(prefix)s || lpad(g::text, 7, '0'),
                CASE WHEN is_mass THEN (%(mass)s::bigint[])[1 + floor(r_pick * {MASS_SPIKES})::int] END,
                CASE WHEN is_mass THEN 'web' ELSE (%(channels)s::text[])[1 + floor(random() * 100)::int] END,
                CASE
                    WHEN is_mass THEN (%(spikes)s::timestamptz[])[1 + floor(r_pick * {MASS_SPIKES})::int]
                                      + r_spike * interval '10 days'
                    -- More reports in recent years.
                    ELSE %(now)s - power(r_time, 1.35) * interval '{365 * YEARS} days'
                END,
                CASE WHEN random() < 0.6 THEN 'melding' ELSE 'klacht' END,
                CASE WHEN random() < 0.8 THEN 'victim' ELSE 'witness' END,
                %(description)s,
                CASE WHEN NOT is_mass AND r_place < 0.90 THEN municipality_id END,
                is_mass OR (r_place >= 0.90 AND r_place < 0.97),
                CASE WHEN NOT is_mass AND r_place < 0.90 AND r_nbh < 0.6 AND cardinality(nbh) > 0
                     THEN nbh[1 + floor(random() * cardinality(nbh))::int] END,
                CASE WHEN r_home < 0.80 THEN municipality_id
                     WHEN r_home < 0.88 THEN other_municipality END,
                r_home >= 0.88,
                true,
                CASE WHEN status NOT IN ('new', 'intake') THEN %(version)s END,
                CASE WHEN status NOT IN ('new', 'intake') THEN
                     CASE WHEN is_mass THEN %(politics)s
                          ELSE (%(domains)s::bigint[])[1 + floor(random() * 1000)::int] END END,
                CASE WHEN status NOT IN ('new', 'intake')
                     THEN (%(natures)s::bigint[])[1 + floor(random() * 100)::int] END,
                status,
                1,
                %(now)s
                {extra_values}
            FROM picked
            """,
            {
                "count": count,
                "prefix": PREFIX,
                "now": now,
                # The description column holds ciphertext (ADR 0009); one
                # valid ciphertext of the same text serves every row.
                "description": encrypt("Benchmarkmelding zonder echte inhoud."),
                "status": _text_weights(100, STATUS_WEIGHTS),
                "channels": _text_weights(100, CHANNEL_WEIGHTS),
                "mass": [incident.pk for incident in mass],
                "spikes": [datetime.combine(incident.occurred_on, dt_time(12), tzinfo=UTC) for incident in mass],
                "version": version.pk,
                "politics": ids[CodeKind.DOMAIN]["politieke-publieke-opinie"],
                "domains": _weights(1000, DOMAIN_WEIGHTS, ids[CodeKind.DOMAIN]),
                "natures": _weights(100, NATURE_WEIGHTS, ids[CodeKind.NATURE]),
            }
            | {f"x{n}": value for n, value in enumerate(other_values)},
        )
        _classify(cursor, ids)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE cases_report")
        cursor.execute("ANALYZE cases_report_ground")
        cursor.execute("ANALYZE cases_report_handling")
    return time.perf_counter() - started


def _text_weights(total: int, weights: dict[str, int]) -> list[str]:
    return _weights(total, {str(k): v for k, v in weights.items()}, {str(k): str(k) for k in weights})  # type: ignore[dict-item, return-value]


def _remove_partial(cursor: object) -> None:
    for table in ("cases_report_ground", "cases_report_handling"):
        cursor.execute(  # type: ignore[attr-defined]
            f"DELETE FROM {table} WHERE report_id IN (SELECT id FROM cases_report WHERE reference LIKE %s)",
            [PREFIX + "%"],
        )
    cursor.execute("DELETE FROM cases_report WHERE reference LIKE %s", [PREFIX + "%"])  # type: ignore[attr-defined]


def _classify(cursor: object, ids: dict[str, dict[str, int]]) -> None:
    """Grounds (one, sometimes two, sub-grounds under origin) and handlings
    for every classified national report."""
    grounds = ids[CodeKind.GROUND]
    classified = f"reference LIKE '{PREFIX}%%' AND classification_version_id IS NOT NULL"
    run = cursor.execute  # type: ignore[attr-defined]
    run(
        f"""INSERT INTO cases_report_ground (report_id, code_id)
            SELECT id, CASE WHEN incident_id IS NOT NULL THEN %(origin)s
                            ELSE (%(grounds)s::bigint[])[1 + floor(random() * 1000)::int] END
            FROM cases_report WHERE {classified}""",
        {"origin": grounds["herkomst"], "grounds": _weights(1000, GROUND_WEIGHTS, grounds)},
    )
    # A sub-ground for about a quarter of the reports about origin.
    run(
        f"""INSERT INTO cases_report_ground (report_id, code_id)
            SELECT report_id, (%(subs)s::bigint[])[1 + floor(random() * 24)::int]
            FROM cases_report_ground
            WHERE code_id = %(origin)s AND random() < 0.24
              AND report_id IN (SELECT id FROM cases_report WHERE {classified})
            ON CONFLICT DO NOTHING""",
        {"origin": grounds["herkomst"], "subs": _weights(24, SUBGROUNDS, grounds)},
    )
    # A second ground for one report in eight.
    run(
        f"""INSERT INTO cases_report_ground (report_id, code_id)
            SELECT id, (%(grounds)s::bigint[])[1 + floor(random() * 1000)::int]
            FROM cases_report WHERE {classified} AND incident_id IS NULL AND random() < 0.125
            ON CONFLICT DO NOTHING""",
        {"grounds": _weights(1000, GROUND_WEIGHTS, grounds)},
    )
    run(
        f"""INSERT INTO cases_report_handling (report_id, code_id)
            SELECT id, (%(handlings)s::bigint[])[1 + floor(random() * 100)::int]
            FROM cases_report WHERE {classified} AND random() < 0.75
            ON CONFLICT DO NOTHING""",
        {"handlings": _weights(100, HANDLING_WEIGHTS, ids[CodeKind.HANDLING])},
    )


def prepare(*, count: int) -> tuple[National, str]:
    """The national data set, made once. Returns a line for the report."""
    national = ensure_world()
    existing = national_reports()
    if existing >= count:
        return national, f"National data set present: {existing:,} reports (not regenerated)."
    seconds = generate(national, count=count)
    return national, f"National data set generated: {count:,} reports in {seconds:.0f} s (INSERT ... generate_series)."
