"""The one door to the figures module. The programme never counts reports
itself: every number about reports comes from the figures module's
releases: the frozen, disclosure-controlled tables an ADV coordinator
released for a municipality and year (``figures.queries.latest_release``
and ``release_figures``). Hidden cells stay hidden ("< 5", "x"); nothing is
recomputed from totals. When there is no release (or no figures module),
these functions return None and the letter says "no released figures for
this year yet" rather than show a number.

The queries are looked up by name at call time, so the programme keeps
working on an installation without the figures module."""

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps

from openinclusie.organisations.models import Municipality

FIGURES_QUERIES_MODULE = "openinclusie.figures.queries"
# The figures module's queries this bridge uses: the latest release of a
# municipality-year, and its frozen, disclosure-controlled tables.
LATEST_RELEASE = "latest_release"
RELEASE_FIGURES = "release_figures"
# Only the headline table: a published letter is public, and the public sees
# the headline figures per municipality (PRODUCT.md, access table).
LETTER_TABLES = ("headline",)


@dataclass(frozen=True)
class FigureRow:
    label: str
    # Already disclosure-controlled display texts: a number, "< 5" or "x".
    values: list[str]
    total: str = ""


@dataclass(frozen=True)
class FigureTable:
    title: str
    columns: list[str]
    rows: list[FigureRow]
    description: str = ""
    notes: list[str] = field(default_factory=list)
    withheld: bool = False


@dataclass(frozen=True)
class ReleasedFigures:
    year: int
    released_on: str
    tables: list[FigureTable] = field(default_factory=list)
    # Headline numbers the indicators read, by FiguresMeasure value; absent
    # when a figure they need is hidden.
    measures: dict[str, Decimal] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # The release's threshold: cells below it read "< threshold".
    threshold: int = 5


def _queries() -> tuple[Callable[..., Any], Callable[..., Any]] | None:
    if not apps.is_installed("openinclusie.figures"):
        return None
    try:
        module = importlib.import_module(FIGURES_QUERIES_MODULE)
    except ImportError:
        return None
    latest, figures = getattr(module, LATEST_RELEASE, None), getattr(module, RELEASE_FIGURES, None)
    if not (callable(latest) and callable(figures)):
        return None
    return latest, figures


def figures_available() -> bool:
    return _queries() is not None


def released_figures(municipality: Municipality, year: int) -> ReleasedFigures | None:
    """The released figures of the municipality for the year, or None when
    there are none (the figures module is missing, or nothing was released
    for that year)."""
    queries = _queries()
    if queries is None:
        return None
    latest, figures = queries
    release = latest(municipality, year)
    if release is None:
        return None
    return _adapt(figures(release), released_on=release.released_at.date().isoformat())


def released_measure(municipality: Municipality, year: int, measure: str) -> Decimal | None:
    figures = released_figures(municipality, year)
    if figures is None:
        return None
    return figures.measures.get(measure)


def _shown(cell: Any) -> int | None:
    return None if cell is None or getattr(cell, "is_hidden", True) else cell.value


def _measures(headline: Any) -> dict[str, Decimal]:
    """Counts for indicators, only from shown cells: a hidden cell is never
    guessed back from totals."""
    if headline is None or headline.withheld:
        return {}
    totals = {row.key: _shown(row.main_cell) for row in headline.rows}
    measures = {}
    reports, mass_reports, mass_incidents = (totals.get(k) for k in ("reports", "mass_reports", "mass_incidents"))
    if reports is not None and mass_reports is not None:
        measures["reports_total"] = Decimal(reports + mass_reports)
    if reports is not None and mass_incidents is not None:
        measures["reports_without_mass"] = Decimal(reports + mass_incidents)
    return measures


def _adapt(figure_set: Any, *, released_on: str) -> ReleasedFigures:
    tables = []
    for key in LETTER_TABLES:
        table = figure_set.get(key)
        if table is None:
            continue
        tables.append(
            FigureTable(
                title=table.title,
                description=table.description,
                columns=[column.label for column in table.columns],
                rows=[
                    FigureRow(
                        label=row.label,
                        values=[cell.display for cell in row.cells],
                        total=row.total.display if row.total is not None else "",
                    )
                    for row in table.rows
                ],
                notes=[note.text for note in table.notes],
                withheld=table.withheld,
            )
        )
    return ReleasedFigures(
        year=figure_set.year,
        released_on=released_on,
        tables=tables,
        measures=_measures(figure_set.get("headline")),
        notes=[note.text for note in figure_set.notes],
        threshold=int(figure_set.thresholds.get("k", ReleasedFigures.threshold)),
    )
