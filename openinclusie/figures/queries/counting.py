"""Counting reports: the one place figures reads the case models.

Counting rules (reference/domain.md 1.6, the Wga registration form):

- A report counts in the year (quarter, month) it was received, in the
  platform's time zone.
- Seen from municipality M, a report falls in exactly one column:
  A  the reporter lives in M and the incident happened in M;
  B  the reporter lives in M and the incident happened elsewhere, online or
     at an unknown place;
  C  the incident happened in M and the reporter lives elsewhere, or did
     not say where.
  One report can count for two municipalities (B for where the reporter
  lives, C for where it happened). A report with neither place counts for
  no municipality.
- Reports linked to an incident flagged as a mass report are counted apart
  and left out of the main figures.
- Incidents: the reports of one incident count as one; a report not linked
  to an incident is an incident of its own.
- Grounds and handlings can be several per report: a report counts once in
  each. A sub-ground also counts for its main ground (once).
- Reports not yet classified count under "-".

Everything is a GROUP BY in the database; the same functions serve the
live overview of one municipality-year and the refresh of all of them.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Case, CharField, Count, F, Max, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, ExtractMonth, ExtractQuarter, ExtractYear

from openinclusie.cases.models import IntakeLocation, Report
from openinclusie.figures.constants import UNKNOWN, YEAR, Dimension


@dataclass(frozen=True)
class Fact:
    municipality_id: int
    year: int
    period: str
    column: str
    is_mass: bool
    dimension: str
    key: str
    reports: int
    incidents: int


def fact_row(fact: Fact) -> list[object]:
    """A fact without its municipality and year, compact for JSON."""
    return [fact.period, fact.column, fact.is_mass, fact.dimension, fact.key, fact.reports, fact.incidents]


def fact_from_row(municipality_id: int, year: int, row: list[object]) -> Fact:
    period, column, is_mass, dimension, key, reports, incidents = row
    return Fact(municipality_id, year, str(period), str(column), bool(is_mass), str(dimension), str(key),
                int(reports), int(incidents))  # type: ignore[call-overload]  # fmt: skip


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _sides(
    municipality_ids: Iterable[int] | None, start: datetime, end: datetime
) -> tuple[QuerySet[Report], QuerySet[Report]]:
    """The reports counted for a municipality because the incident happened
    there (columns A and C), and because the reporter lives there and it
    happened elsewhere (column B)."""
    base = Report.objects.filter(received_at__gte=start, received_at__lt=end).order_by()
    ids = list(municipality_ids) if municipality_ids is not None else None
    inside = base.filter(incident_municipality__isnull=False)
    resident = base.filter(residence_municipality__isnull=False).filter(
        Q(incident_municipality__isnull=True) | ~Q(incident_municipality=F("residence_municipality"))
    )
    if ids is not None:
        inside = inside.filter(incident_municipality_id__in=ids)
        resident = resident.filter(residence_municipality_id__in=ids)
    common = {
        "year": ExtractYear("received_at", tzinfo=_zone()),
        "mass": Coalesce(F("incident__is_mass_report"), Value(False)),
        "unit": Coalesce(F("incident_id"), Value(0) - F("id")),
    }
    inside = inside.annotate(
        municipality=F("incident_municipality_id"),
        # "A" when the reporter lives where it happened, else "C".
        col=Case(
            When(residence_municipality_id=F("incident_municipality_id"), then=Value("A")),
            default=Value("C"),
            output_field=CharField(max_length=1),
        ),
        **common,
    )
    resident = resident.annotate(
        municipality=F("residence_municipality_id"), col=Value("B", output_field=CharField(max_length=1)), **common
    )
    return inside, resident


GROUND_KEY = Coalesce(F("grounds__parent__code"), F("grounds__code"), Value(UNKNOWN))
KEYS = {
    Dimension.GROUND: GROUND_KEY,
    Dimension.DOMAIN: Coalesce(F("domain__code"), Value(UNKNOWN)),
    Dimension.NATURE: Coalesce(F("nature__code"), Value(UNKNOWN)),
    Dimension.HANDLING: Coalesce(F("handlings__code"), Value(UNKNOWN)),
    Dimension.CHANNEL: F("channel"),
}
GROUPING = ("municipality", "year", "col", "mass")


def _count(queryset: QuerySet[Report], *fields: str) -> QuerySet[Report, dict[str, object]]:
    return queryset.values(*GROUPING, *fields).annotate(
        reports=Count("id", distinct=True), incidents=Count("unit", distinct=True)
    )


def _facts(rows: Iterable[dict[str, object]], dimension: str, period: str | None = None) -> Iterator[Fact]:
    for row in rows:
        yield Fact(
            municipality_id=int(row["municipality"]),  # type: ignore[call-overload]
            year=int(row["year"]),  # type: ignore[call-overload]
            period=period or str(row["period"]),
            column=str(row["col"]),
            is_mass=bool(row["mass"]),
            dimension=dimension,
            key=str(row.get("key", "")),
            reports=int(row["reports"]),  # type: ignore[call-overload]
            incidents=int(row["incidents"]),  # type: ignore[call-overload]
        )


def _periods(queryset: QuerySet[Report]) -> Iterator[Fact]:
    zone = _zone()
    yield from _facts(_count(queryset), Dimension.TOTAL, YEAR)
    quarters = queryset.annotate(quarter=ExtractQuarter("received_at", tzinfo=zone))
    for row in _count(quarters, "quarter"):
        yield from _facts([{**row, "period": f"Q{row['quarter']}"}], Dimension.TOTAL)
    months = queryset.annotate(month=ExtractMonth("received_at", tzinfo=zone))
    for row in _count(months, "month"):
        yield from _facts([{**row, "period": f"M{int(row['month']):02d}"}], Dimension.TOTAL)  # type: ignore[call-overload]


def collect(
    municipality_ids: Iterable[int] | None,
    start: datetime,
    end: datetime,
    *,
    breakdowns: bool = True,
) -> list[Fact]:
    """Every count for the given municipalities (None: all) and reports
    received in [start, end). ``breakdowns=False`` gives totals only."""
    inside, resident = _sides(municipality_ids, start, end)
    facts: list[Fact] = []
    for side in (inside, resident):
        facts.extend(_periods(side))
        if not breakdowns:
            continue
        for dimension, key in KEYS.items():
            facts.extend(_facts(_count(side.annotate(key=key), "key"), dimension, YEAR))
        # Sub-grounds: only codes that have a main ground.
        sub = side.filter(grounds__parent__isnull=False).annotate(key=F("grounds__code"))
        facts.extend(_facts(_count(sub, "key"), Dimension.SUBGROUND, YEAR))
    # Neighbourhoods exist only where the incident happened (A and C).
    area = inside.annotate(key=Coalesce(Cast("incident_neighbourhood_id", CharField()), Value(UNKNOWN)))
    if breakdowns:
        facts.extend(_facts(_count(area, "key"), Dimension.NEIGHBOURHOOD, YEAR))
        for row in _count(area.annotate(ground=GROUND_KEY), "key", "ground"):
            row["key"] = f"{row['key']}|{row['ground']}"
            facts.extend(_facts([row], Dimension.NEIGHBOURHOOD_GROUND, YEAR))
    return facts


def unassigned(adv_ids: Iterable[int], start: datetime, end: datetime) -> dict[tuple[int, int], int]:
    """Reports per (ADV, year) that count for no municipality."""
    rows = (
        Report.objects.filter(
            adv_id__in=list(adv_ids),
            received_at__gte=start,
            received_at__lt=end,
            incident_municipality__isnull=True,
            residence_municipality__isnull=True,
        )
        .annotate(year=ExtractYear("received_at", tzinfo=_zone()))
        .values("adv_id", "year")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {(row["adv_id"], row["year"]): row["n"] for row in rows}


@dataclass(frozen=True)
class LocationCount:
    location_id: int
    name: str
    adv_id: int
    is_active: bool
    reports: int
    mass: int


def per_intake_location(adv_ids: Iterable[int], start: datetime, end: datetime) -> list[LocationCount]:
    """Reports received in [start, end) per intake location of the ADVs,
    mass reports apart: every location in use, and any other that has
    reports in the period. Reports without a location are not counted."""
    in_period = Q(reports__received_at__gte=start, reports__received_at__lt=end)
    is_mass = Q(reports__incident__is_mass_report=True)
    rows = (
        IntakeLocation.objects.filter(adv_id__in=list(adv_ids))
        .annotate(total=Count("reports", filter=in_period), mass=Count("reports", filter=in_period & is_mass))
        .filter(Q(is_active=True) | Q(total__gt=0))
        .order_by("adv__name", "name")
        .values_list("pk", "name", "adv_id", "is_active", "total", "mass")
    )
    return [LocationCount(pk, name, adv, active, n - m, m) for pk, name, adv, active, n, m in rows]


def fingerprints(municipality_ids: Iterable[int] | None = None) -> dict[tuple[int, int], str]:
    """A cheap signature per (municipality, year) of the reports counted for
    it: number of reports, last change, and how many are mass reports. When
    it changes, the summary of that municipality-year is rebuilt."""
    zone = _zone()
    signatures: dict[tuple[int, int], list[str]] = {}
    sides = (
        ("incident_municipality_id", Report.objects.filter(incident_municipality__isnull=False)),
        ("residence_municipality_id", Report.objects.filter(residence_municipality__isnull=False)),
    )
    ids = list(municipality_ids) if municipality_ids is not None else None
    for field, queryset in sides:
        if ids is not None:
            queryset = queryset.filter(**{f"{field}__in": ids})
        rows = (
            queryset.annotate(municipality=F(field), year=ExtractYear("received_at", tzinfo=zone))
            .values("municipality", "year")
            .annotate(
                n=Count("id"),
                last=Max("updated_at"),
                mass=Count("id", filter=Q(incident__is_mass_report=True)),
                linked=Count("incident_id"),
            )
            .order_by()
        )
        for row in rows:
            last = row["last"].isoformat() if row["last"] else ""
            signatures.setdefault((row["municipality"], row["year"]), []).append(
                f"{row['n']}:{row['mass']}:{row['linked']}:{last}"
            )
    return {key: "|".join(parts) for key, parts in signatures.items()}
