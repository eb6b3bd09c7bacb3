"""Figures computed from the reports at this moment, for one
municipality-year: the ADV's own overview and what a release freezes."""

from datetime import datetime

from openinclusie.figures.disclosure import FigureSet, Policy, RawOverview, protect_overview, unprotected_overview
from openinclusie.figures.disclosure.periods import year_bounds
from openinclusie.organisations.models import Municipality

from .build import Catalogue, raw_overview
from .counting import collect, unassigned


def unassigned_count(municipality: Municipality, year: int) -> int:
    """Reports of this municipality's ADV in the year that count for no
    municipality at all."""
    if not municipality.adv_id:
        return 0
    start, end = year_bounds(year)
    return unassigned([municipality.adv_id], start, end).get((municipality.adv_id, year), 0)


def raw_for(
    municipality: Municipality, year: int, *, extras: bool = False, until: datetime | None = None
) -> RawOverview:
    start, end = year_bounds(year)
    facts = collect([municipality.pk], start, min(end, until) if until else end)
    lost = unassigned_count(municipality, year) if extras else 0
    return raw_overview(municipality, year, facts, Catalogue(), extras=extras, unassigned=lost)


def unprotected_figures(municipality: Municipality, year: int) -> FigureSet:
    """Every count, for the ADV's own staff only."""
    return unprotected_overview(raw_for(municipality, year, extras=True), Policy.from_settings())


def protected_figures(municipality: Municipality, year: int, *, until: datetime | None = None) -> FigureSet:
    """``until``: count only reports received before that moment."""
    return protect_overview(raw_for(municipality, year, until=until), Policy.from_settings())
