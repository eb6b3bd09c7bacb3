"""The letter's figures come only from the figures module's releases: the
frozen, disclosure-controlled headline table; hidden cells stay hidden and
are never worked back from totals."""

import datetime

import pytest
from django.utils import timezone

from openinclusie.accounts.tests.factories import UserFactory
from openinclusie.figures.disclosure.suppression import Mark
from openinclusie.figures.disclosure.tables import Cell, Column, FigureSet, Row, Table
from openinclusie.figures.models import Release
from openinclusie.programme.computed import indicator_series
from openinclusie.programme.figures_bridge import released_figures
from openinclusie.programme.letter.content import build_letter_data
from openinclusie.programme.letter.render import render_fragment
from openinclusie.programme.models import IndicatorSource
from openinclusie.programme.services import letters

from .factories import IndicatorFactory, LineFactory, ObjectiveFactory, ProgrammeFactory

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]


def _labels(text: str) -> dict[str, str]:
    return {"nl": text, "en": text}


def _row(key: str, label: str, a: Cell, b: Cell, c: Cell, total: Cell) -> Row:
    return Row(key, _labels(label), (a, b, c), total)


def _release(municipality, year: int, *, mass_hidden: bool = False, k: int = 5) -> Release:
    hidden = Cell(None, Mark.SECONDARY)
    small = Cell(None, Mark.PRIMARY, threshold=k)
    headline = Table(
        key="headline",
        columns=tuple(Column(k, _labels(f"Kolom {k}")) for k in "ABC"),
        rows=(
            _row("reports", "Meldingen", Cell(31), Cell(9), small, Cell(43)),
            _row("incidents", "Voorvallen", Cell(28), Cell(8), small, Cell(39)),
            _row(
                "mass_reports",
                "Massameldingen",
                hidden if mass_hidden else Cell(12),
                small,
                Cell(0),
                hidden if mass_hidden else Cell(14),
            ),
            _row("mass_incidents", "Voorvallen met massameldingen", small, Cell(0), Cell(0), small),
        ),
    )
    figure_set = FigureSet(
        municipality_slug=municipality.slug,
        municipality_name=municipality.name,
        year=year,
        tables={"headline": headline, "ground": headline},
        protected=True,
        thresholds={"k": k, "k_area": max(k, 10), "min_base": 20},
    )
    return Release.objects.create(
        municipality=municipality,
        year=year,
        released_by=UserFactory(),
        released_at=timezone.make_aware(datetime.datetime(year + 1, 2, 1, 12)),
        snapshot=figure_set.to_dict(),
    )


def test_no_release_means_no_figures_and_no_numbers(world):
    assert released_figures(world["town_a"], 2025) is None


def test_the_letter_shows_the_released_headline_table_as_released(world):
    _release(world["town_a"], 2025)
    figures = released_figures(world["town_a"], 2025)
    assert figures is not None
    assert [t.title for t in figures.tables] == [
        "Reports and incidents by where the reporter lives and where it happened"
    ]
    assert figures.tables[0].rows[0].values == ["31", "9", "< 5"]
    assert figures.measures == {"reports_total": 57}  # 43 + 14; mass incidents total is hidden

    programme = ProgrammeFactory(municipality=world["town_a"], start_year=2025)
    letter = letters.create_draft(programme=programme, year=2025, by=None, now=timezone.now())
    data = build_letter_data(letter)
    assert data["figures"]["available"] is True
    html = render_fragment(data)
    assert "Meldingen" in html
    assert "&lt; 5" in html
    assert "No released figures for this year yet." not in html
    # The public only gets the headline table, not the breakdowns.
    assert len(data["figures"]["tables"]) == 1


def test_the_letter_explains_the_threshold_the_release_used(world):
    _release(world["town_a"], 2025, k=7)
    programme = ProgrammeFactory(municipality=world["town_a"], start_year=2025)
    letter = letters.create_draft(programme=programme, year=2025, by=None, now=timezone.now())
    data = build_letter_data(letter)
    assert "small numbers are shown as “< 7”" in data["figures"]["note"]
    assert data["figures"]["tables"][0]["rows"][0]["values"] == ["31", "9", "< 7"]


def test_an_indicator_from_figures_reads_only_shown_cells(world):
    objective = ObjectiveFactory(line=LineFactory(programme=ProgrammeFactory(municipality=world["town_a"])))
    indicator = IndicatorFactory(
        objective=objective, source=IndicatorSource.FIGURES, figures_measure="reports_total", unit="meldingen"
    )
    _release(world["town_a"], 2025)
    _release(world["town_a"], 2026, mass_hidden=True)
    values = {p.label: p.value for p in indicator_series(indicator, up_to_year=2026)}
    assert values == {"2025": 57, "2026": None}
