"""The one door to the figures module (issue 4). The programme never counts
reports itself: every number about reports comes from the figures module's
released, disclosure-controlled figures. When that module (or the query) is
not installed yet, these functions say so by returning None, and the letter
shows "no released figures for this year yet" rather than a number.

Looked up by name at call time, so this module works before, and keeps
working after, the figures module arrives."""

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps

from openinclusie.organisations.models import Municipality

FIGURES_QUERIES_MODULE = "openinclusie.figures.queries"
# The query this module expects: released (suppressed) figures of one
# municipality for one calendar year.
RELEASED_FIGURES_FUNCTION = "released_figures_for_year"


@dataclass(frozen=True)
class FigureRow:
    label: str
    value: str  # already disclosure-controlled; may be a suppression mark such as "<5"


@dataclass(frozen=True)
class FigureTable:
    title: str
    rows: list[FigureRow]
    note: str = ""


@dataclass(frozen=True)
class ReleasedFigures:
    year: int
    tables: list[FigureTable] = field(default_factory=list)
    # Headline numbers the indicators read, by FiguresMeasure value; absent
    # when suppressed.
    measures: dict[str, Decimal] = field(default_factory=dict)
    source_note: str = ""


def _released_figures_query() -> Callable[..., Any] | None:
    if not apps.is_installed("openinclusie.figures"):
        return None
    try:
        module = importlib.import_module(FIGURES_QUERIES_MODULE)
    except ImportError:
        return None
    query = getattr(module, RELEASED_FIGURES_FUNCTION, None)
    return query if callable(query) else None


def figures_available() -> bool:
    return _released_figures_query() is not None


def released_figures(municipality: Municipality, year: int) -> ReleasedFigures | None:
    """The released figures of the municipality for the year, or None when
    the figures module offers none (not installed, or nothing released)."""
    query = _released_figures_query()
    if query is None:
        return None
    result = query(municipality=municipality, year=year)
    if result is None:
        return None
    return _adapt(result, year)


def released_measure(municipality: Municipality, year: int, measure: str) -> Decimal | None:
    figures = released_figures(municipality, year)
    if figures is None:
        return None
    return figures.measures.get(measure)


def _adapt(result: Any, year: int) -> ReleasedFigures:
    """Accept the figures module's result as ReleasedFigures-shaped data."""
    if isinstance(result, ReleasedFigures):
        return result
    raise TypeError(f"Unexpected result from {FIGURES_QUERIES_MODULE}.{RELEASED_FIGURES_FUNCTION}: {type(result)}")
