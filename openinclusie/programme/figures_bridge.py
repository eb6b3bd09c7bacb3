"""The one door to the figures module. The programme never counts reports
itself: every number about reports comes from the figures module's
releases: the frozen, disclosure-controlled tables an ADV coordinator
released for a municipality and year (``figures.queries.latest_release``
and ``release_figures``). Hidden cells stay hidden ("< 5", "x"); nothing is
recomputed from totals, and a share is computed only from shown cells on a
base the release allows percentages on. When there is no release (or no
figures module), these functions return None and the letter says "no
released figures for this year yet" rather than show a number.

The queries are looked up by name at call time, so the programme keeps
working on an installation without the figures module."""

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.apps import apps

from openinclusie.organisations.models import Municipality

from .models import FiguresMeasure

FIGURES_QUERIES_MODULE = "openinclusie.figures.queries"
# The figures module's queries this bridge uses: the latest release of a
# municipality-year, and its frozen, disclosure-controlled tables.
LATEST_RELEASE = "latest_release"
RELEASE_FIGURES = "release_figures"
# Only the headline table: a published letter is public, and the public sees
# the headline figures per municipality (PRODUCT.md, access table).
LETTER_TABLES = ("headline",)
# The released table of reports by way of reporting, one row per channel.
CHANNEL_TABLE = "channel"
# Shares are percentages rounded half up to one decimal: 41 of 80 is 51.3.
SHARE_PLACES = Decimal("0.1")
# The figures module's rule when a release does not say: percentages only on
# a base of at least this many reports (FIGURES_MIN_PERCENT_BASE).
MIN_PERCENT_BASE = 20


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
    # Per way of reporting (the channel table's row keys), its share of the
    # reports in percent; absent when the cell is hidden or the base too small.
    channel_shares: dict[str, Decimal] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # The release's threshold: cells below it read "< threshold".
    threshold: int = 5

    def measure(self, measure: str, channel: str = "") -> Decimal | None:
        """The value an indicator reads, or None when the release does not
        show it."""
        if measure == FiguresMeasure.CHANNEL_SHARE:
            return self.channel_shares.get(channel)
        return self.measures.get(measure)


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


def _channel_shares(table: Any, min_base: int) -> dict[str, Decimal]:
    """Each way of reporting's reports as a percentage of all reports in the
    released channel table (mass reports are not in it), from shown cells
    only: a hidden row has no share, and there are no shares at all when
    the total is hidden or below the base the release allows percentages
    on."""
    if table is None or table.withheld or table.totals is None:
        return {}
    base = _shown(table.totals.main_cell)
    if base is None or base <= 0 or base < min_base:
        return {}
    shares = {}
    for row in table.rows:
        value = _shown(table.main_of(row))
        if value is not None:
            shares[row.key] = (Decimal(100 * value) / Decimal(base)).quantize(SHARE_PLACES, rounding=ROUND_HALF_UP)
    return shares


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
        channel_shares=_channel_shares(
            figure_set.get(CHANNEL_TABLE), int(figure_set.thresholds.get("min_base", MIN_PERCENT_BASE))
        ),
        notes=[note.text for note in figure_set.notes],
        threshold=int(figure_set.thresholds.get("k", ReleasedFigures.threshold)),
    )
