"""Reads of figures for views, the API, the public site and (later) the
programme module. ``counting`` is the only code that reads the case models;
everything that leaves the ADV comes out of ``disclosure`` as protected
table objects."""

from .board import Board, adv_board, intake_locations
from .live import protected_figures, unprotected_figures
from .releases import (
    latest_headline,
    latest_release,
    release_by_pk,
    release_figures,
    released_headlines,
    released_years,
    releases_of,
)
from .scope import (
    can_release,
    protected_municipality,
    protected_scope,
    releasable_municipality,
    sees_unprotected,
    unprotected_municipality,
    unprotected_scope,
)
from .summary import (
    Summary,
    YearState,
    last_refresh,
    last_refresh_cached,
    summary_figures,
    summary_overview,
    summary_version,
    summary_years,
    totals_by_municipality,
    totals_by_period,
    totals_by_year,
    year_state,
    yearly_headlines,
    years_with_figures,
)

__all__ = [
    "Board",
    "Summary",
    "YearState",
    "adv_board",
    "can_release",
    "intake_locations",
    "last_refresh",
    "last_refresh_cached",
    "latest_headline",
    "latest_release",
    "protected_figures",
    "protected_municipality",
    "protected_scope",
    "releasable_municipality",
    "release_by_pk",
    "release_figures",
    "released_headlines",
    "released_years",
    "releases_of",
    "sees_unprotected",
    "summary_figures",
    "summary_overview",
    "summary_version",
    "summary_years",
    "totals_by_municipality",
    "totals_by_period",
    "totals_by_year",
    "unprotected_figures",
    "unprotected_municipality",
    "unprotected_scope",
    "year_state",
    "yearly_headlines",
    "years_with_figures",
]
