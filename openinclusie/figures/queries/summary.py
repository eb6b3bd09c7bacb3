"""Reads of the summary: protected figures per municipality-year as of the
last refresh, and exact totals for the ADV's own dashboard."""

import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Sum

from openinclusie.figures.constants import YEAR, Dimension
from openinclusie.figures.disclosure import COLUMNS, FigureSet, Policy, Table, unprotected_overview
from openinclusie.figures.models import RefreshRun, Release, Tally, YearSummary
from openinclusie.figures.queries.build import Catalogue, raw_overview
from openinclusie.figures.queries.counting import fact_from_row
from openinclusie.figures.queries.live import unassigned_count
from openinclusie.organisations.models import Municipality


@dataclass(frozen=True)
class Summary:
    figures: FigureSet
    refreshed_at: datetime


def summary_figures(municipality: Municipality, year: int) -> Summary | None:
    row = YearSummary.objects.filter(municipality=municipality, year=year).only("protected", "refreshed_at").first()
    if row is None or not row.protected:
        # Not counted, or the running year before its first quarter is over.
        return None
    return Summary(FigureSet.from_dict(row.protected), row.refreshed_at)


def summary_overview(municipality: Municipality, year: int) -> Summary | None:
    """The ADV's exact overview as of the last refresh, built from the
    stored counts: no counting at page time."""
    row = YearSummary.objects.filter(municipality=municipality, year=year).only("exact", "refreshed_at").first()
    if row is None:
        return None
    facts = [fact_from_row(municipality.pk, year, fact) for fact in row.exact]
    raw = raw_overview(
        municipality, year, facts, Catalogue(), extras=True, unassigned=unassigned_count(municipality, year)
    )
    return Summary(unprotected_overview(raw, Policy.from_settings()), row.refreshed_at)


def summary_years(municipality: Municipality) -> list[int]:
    return list(YearSummary.objects.filter(municipality=municipality).order_by("-year").values_list("year", flat=True))


def yearly_headlines(municipality: Municipality) -> list[tuple[int, Table]]:
    """The protected headline table of every year, oldest first. Only the
    headline is read out of the stored JSON."""
    rows = (
        YearSummary.objects.filter(municipality=municipality)
        .order_by("year")
        .values_list("year", "protected__tables__headline")
    )
    return [(year, Table.from_dict(headline)) for year, headline in rows if headline]


def last_refresh() -> datetime | None:
    run = RefreshRun.objects.filter(finished_at__isnull=False).order_by("-finished_at").first()
    return run.finished_at if run else None


def summary_version(municipality: Municipality, year: int) -> str:
    """Changes whenever the summary of this municipality-year is rebuilt."""
    refreshed = (
        YearSummary.objects.filter(municipality=municipality, year=year).values_list("refreshed_at", flat=True).first()
    )
    return refreshed.isoformat() if refreshed else "none"


# --- Exact totals for the ADV ---------------------------------------------------------------------

Totals = dict[str, int]


def _totals(rows: Any) -> dict[Any, Totals]:
    found: dict[Any, Totals] = defaultdict(lambda: {**dict.fromkeys(COLUMNS, 0), "mass": 0, "incidents": 0})
    for key, column, is_mass, reports, incidents in rows:
        slot = found[key]
        if is_mass:
            slot["mass"] += reports
        else:
            slot[column] += reports
            slot["incidents"] += incidents
    for slot in found.values():
        slot["total"] = sum(slot[c] for c in COLUMNS)
    return found


def totals_by_municipality(municipalities: list[Municipality], year: int) -> dict[int, Totals]:
    rows = (
        Tally.objects.filter(municipality__in=municipalities, year=year, period=YEAR, dimension=Dimension.TOTAL, key="")
        .values_list("municipality_id", "column", "is_mass", "reports", "incidents")
        .order_by()
    )
    return dict(_totals(rows))


def totals_by_year(municipalities: list[Municipality]) -> dict[int, Totals]:
    rows = (
        Tally.objects.filter(municipality__in=municipalities, period=YEAR, dimension=Dimension.TOTAL, key="")
        .values("year", "column", "is_mass")
        .annotate(reports=Sum("reports"), incidents=Sum("incidents"))
        .values_list("year", "column", "is_mass", "reports", "incidents")
        .order_by()
    )
    return dict(sorted(_totals(rows).items()))


def totals_by_period(municipalities: list[Municipality], year: int, periods: tuple[str, ...]) -> dict[str, Totals]:
    rows = (
        Tally.objects.filter(
            municipality__in=municipalities, year=year, period__in=periods, dimension=Dimension.TOTAL, key=""
        )
        .values("period", "column", "is_mass")
        .annotate(reports=Sum("reports"), incidents=Sum("incidents"))
        .values_list("period", "column", "is_mass", "reports", "incidents")
        .order_by()
    )
    found = _totals(rows)
    return {period: found[period] for period in periods}


def years_with_figures(municipalities: list[Municipality]) -> list[int]:
    return sorted(
        set(YearSummary.objects.filter(municipality__in=municipalities).values_list("year", flat=True)),
        reverse=True,
    )


@dataclass(frozen=True)
class YearState:
    """What exists for one municipality, in two queries: the years with a
    summary (and when each was counted) and the newest release per year."""

    counted: dict[int, datetime]
    released: dict[int, tuple[int, datetime]]

    @property
    def years(self) -> list[int]:
        return sorted(set(self.counted) | set(self.released), reverse=True)

    @property
    def released_years(self) -> list[int]:
        return sorted(self.released, reverse=True)


def year_state(municipality: Municipality) -> YearState:
    counted = dict(YearSummary.objects.filter(municipality=municipality).values_list("year", "refreshed_at").order_by())
    released: dict[int, tuple[int, datetime]] = {}
    for year, pk, at in (
        Release.objects.filter(municipality=municipality)
        .order_by("year", "released_at", "pk")
        .values_list("year", "pk", "released_at")
    ):
        released[year] = (pk, at)
    return YearState(counted, released)


_last_refresh_memo: tuple[float, datetime | None] = (0.0, None)


def last_refresh_cached(seconds: float = 30.0) -> datetime | None:
    """``last_refresh`` remembered for a few seconds per process, for pages
    that only need it to decide whether to ask for a refresh."""
    global _last_refresh_memo
    now = time.monotonic()
    if now - _last_refresh_memo[0] > seconds:
        _last_refresh_memo = (now, last_refresh())
    return _last_refresh_memo[1]
