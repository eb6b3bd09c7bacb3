"""Indicators computed from activities, against known data."""

import datetime
from decimal import Decimal

import pytest

from openinclusie.programme.computed import indicator_series
from openinclusie.programme.models import ActivityMeasure, ActivityStatus, IndicatorSource

from .factories import (
    ActivityFactory,
    ActivityUpdateFactory,
    IndicatorFactory,
    LineFactory,
    ObjectiveFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def _done(activity, on):
    activity.status, activity.completed_on = ActivityStatus.DONE, on
    activity.save()
    return activity


@pytest.fixture
def kennisateliers():
    """Dordrecht-like: kennisateliers in 2024 and 2025, one planned, one of
    another type, and one in another programme."""
    programme = ProgrammeFactory(start_year=2023, end_year=2026)
    line = LineFactory(programme=programme, number=1)
    objective = ObjectiveFactory(line=line, number=1)
    a = _done(ActivityFactory(line=line, tag="kennisatelier"), datetime.date(2024, 9, 26))
    b = _done(ActivityFactory(objective=objective, line=None, tag="kennisatelier"), datetime.date(2025, 2, 10))
    c = _done(ActivityFactory(line=line, tag="kennisatelier"), datetime.date(2025, 6, 5))
    ActivityFactory(line=line, tag="kennisatelier")  # planned: not counted
    _done(ActivityFactory(line=line, tag="stadsgesprek"), datetime.date(2025, 6, 5))  # other type
    elsewhere = LineFactory(programme=ProgrammeFactory())
    _done(ActivityFactory(line=elsewhere, tag="kennisatelier"), datetime.date(2025, 6, 5))  # other programme
    for activity, day, participants, organisations in (
        (a, datetime.date(2024, 9, 26), 22, 9),
        (b, datetime.date(2025, 2, 10), 15, 6),
        (c, datetime.date(2025, 6, 5), 18, None),
        (c, datetime.date(2025, 6, 20), None, 4),
    ):
        ActivityUpdateFactory(
            activity=activity, happened_on=day, participants=participants, organisations_reached=organisations
        )
    return objective


def _indicator(objective, measure):
    return IndicatorFactory(
        objective=objective,
        source=IndicatorSource.ACTIVITIES,
        activity_tag="kennisatelier",
        activity_measure=measure,
        unit="",
        baseline_value=None,
        baseline_date=None,
    )


def _values(indicator, year):
    return {p.label: p.value for p in indicator_series(indicator, up_to_year=year)}


def test_kennisateliers_held_per_year(kennisateliers):
    indicator = _indicator(kennisateliers, ActivityMeasure.DONE_COUNT)
    assert _values(indicator, 2025) == {"2023": 0, "2024": 1, "2025": 2}
    assert _values(indicator, 2024) == {"2023": 0, "2024": 1}


def test_participants_and_organisations_summed_from_updates(kennisateliers):
    participants = _indicator(kennisateliers, ActivityMeasure.PARTICIPANTS)
    assert _values(participants, 2025) == {"2023": 0, "2024": 22, "2025": 33}
    organisations = _indicator(kennisateliers, ActivityMeasure.ORGANISATIONS)
    assert _values(organisations, 2025) == {"2023": 0, "2024": 9, "2025": 10}
    assert all(isinstance(v, Decimal) for v in _values(organisations, 2025).values())


def test_figures_indicators_say_there_are_no_released_figures_rather_than_a_number(kennisateliers):
    indicator = IndicatorFactory(
        objective=kennisateliers, source=IndicatorSource.FIGURES, figures_measure="reports_total", unit="meldingen"
    )
    points = indicator_series(indicator, up_to_year=2024)
    assert [p.label for p in points] == ["2023", "2024"]
    assert all(p.value is None and p.note for p in points)
