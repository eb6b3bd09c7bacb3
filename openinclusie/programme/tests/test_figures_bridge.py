"""The letter's figures come only from the figures module's releases: the
frozen, disclosure-controlled headline table; hidden cells stay hidden and
are never worked back from totals."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from openinclusie.accounts.tests.factories import UserFactory
from openinclusie.figures.disclosure.suppression import Mark
from openinclusie.figures.disclosure.tables import Cell, Column, FigureSet, Row, Table
from openinclusie.figures.models import Release
from openinclusie.programme.computed import indicator_series
from openinclusie.programme.figures_bridge import released_figures
from openinclusie.programme.forms import IndicatorForm
from openinclusie.programme.letter.content import build_letter_data, indicator_data
from openinclusie.programme.letter.render import render_fragment
from openinclusie.programme.models import FiguresMeasure, Indicator, IndicatorSource, ReportChannel
from openinclusie.programme.services import letters
from openinclusie.programme.services.indicators import IncompleteIndicatorError, save_indicator

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


# --- A known release with its channel table ---------------------------------------------------------
#
# 2025: 80 reports (62 + 18 + 0), 31 mass reports about 5 incidents. By way
# of reporting: online form 41, telephone 9, e-mail fewer than 5 ("< 5"),
# walk-in hidden so that the e-mail count cannot be worked out ("x"), pop-up
# 0, referral 22, other 0.
# 2026: 18 reports, below the base of 20 the release allows percentages on.

SMALL = Cell(None, Mark.PRIMARY)
HIDDEN = Cell(None, Mark.SECONDARY)


def _known_release(municipality, year: int, figures: dict[str, Table]) -> Release:
    figure_set = FigureSet(
        municipality_slug=municipality.slug,
        municipality_name=municipality.name,
        year=year,
        tables=figures,
        protected=True,
        thresholds={"k": 5, "k_area": 10, "min_base": 20},
    )
    return Release.objects.create(
        municipality=municipality,
        year=year,
        released_by=UserFactory(),
        released_at=timezone.make_aware(datetime.datetime(year + 1, 2, 1, 12)),
        snapshot=figure_set.to_dict(),
    )


def _columns(*keys: str) -> tuple[Column, ...]:
    return tuple(Column(key, _labels(key)) for key in keys)


def _headline_2025() -> Table:
    return Table(
        key="headline",
        columns=_columns("A", "B", "C"),
        rows=(
            _row("reports", "Meldingen", Cell(62), Cell(18), Cell(0), Cell(80)),
            _row("incidents", "Voorvallen", Cell(58), Cell(17), Cell(0), Cell(75)),
            _row("mass_reports", "Massameldingen", Cell(31), Cell(0), Cell(0), Cell(31)),
            _row("mass_incidents", "Voorvallen met massameldingen", Cell(5), Cell(0), Cell(0), Cell(5)),
        ),
    )


def _channel_2025(*, withheld: bool = False) -> Table:
    if withheld:
        return Table(key="channel", columns=(), rows=(), withheld=True)
    return Table(
        key="channel",
        columns=_columns("A", "B", "C"),
        rows=(
            _row("web", "Onlineformulier", Cell(33), Cell(8), Cell(0), Cell(41)),
            _row("phone", "Telefoon", Cell(7), SMALL, Cell(0), Cell(9)),
            _row("email", "E-mail", SMALL, HIDDEN, Cell(0), SMALL),
            _row("walk_in", "Inloop", HIDDEN, HIDDEN, Cell(0), HIDDEN),
            _row("pop_up", "Pop-uplocatie", Cell(0), Cell(0), Cell(0), Cell(0)),
            _row("partner_referral", "Doorverwijzing", Cell(19), SMALL, Cell(0), Cell(22)),
            _row("other", "Anders", Cell(0), Cell(0), Cell(0), Cell(0)),
        ),
        totals=_row("total", "Totaal", Cell(62), Cell(18), Cell(0), Cell(80)),
    )


def _channel_2026() -> Table:
    """One column only (the headline's other columns were small): the row's
    only cell stands for the row."""
    return Table(
        key="channel",
        columns=_columns("total"),
        rows=(
            Row("web", _labels("Onlineformulier"), (Cell(12),)),
            Row("phone", _labels("Telefoon"), (Cell(6),)),
            Row("email", _labels("E-mail"), (Cell(0),)),
        ),
        totals=Row("total", _labels("Totaal"), (Cell(18),)),
    )


def _figures_indicator(municipality, measure: str, channel: str = ""):
    objective = ObjectiveFactory(
        line=LineFactory(programme=ProgrammeFactory(municipality=municipality, start_year=2025, end_year=2026))
    )
    return IndicatorFactory(
        objective=objective,
        source=IndicatorSource.FIGURES,
        figures_measure=measure,
        figures_channel=channel,
        unit="%" if channel else "meldingen",
        baseline_value=None,
        baseline_date=None,
    )


def test_reports_with_mass_reports_counted_once_from_a_known_release(world):
    _known_release(world["town_a"], 2025, {"headline": _headline_2025(), "channel": _channel_2025()})
    figures = released_figures(world["town_a"], 2025)
    assert figures is not None
    # 80 reports + 31 mass reports; 80 reports + the 5 incidents the mass reports were about.
    assert figures.measures == {"reports_total": Decimal(111), "reports_without_mass": Decimal(85)}
    indicator = _figures_indicator(world["town_a"], FiguresMeasure.REPORTS_WITHOUT_MASS)
    points = indicator_series(indicator, up_to_year=2026)
    assert [(p.label, p.value, p.note) for p in points] == [
        ("2025", Decimal(85), ""),
        ("2026", None, "no released figures"),
    ]


def test_the_share_of_a_way_of_reporting_from_a_known_release(world):
    _known_release(world["town_a"], 2025, {"headline": _headline_2025(), "channel": _channel_2025()})
    figures = released_figures(world["town_a"], 2025)
    assert figures is not None
    # Percent of the 80 reports, rounded half up to one decimal:
    # 41/80 = 51.25 -> 51.3; 9/80 = 11.25 -> 11.3; 22/80 = 27.5.
    assert figures.channel_shares == {
        "web": Decimal("51.3"),
        "phone": Decimal("11.3"),
        "pop_up": Decimal("0.0"),
        "partner_referral": Decimal("27.5"),
        "other": Decimal("0.0"),
    }
    # E-mail ("< 5") and walk-in ("x") are hidden: not available, although
    # the other rows and the total are shown.
    assert figures.measure(FiguresMeasure.CHANNEL_SHARE, "email") is None
    assert figures.measure(FiguresMeasure.CHANNEL_SHARE, "walk_in") is None
    assert figures.measure(FiguresMeasure.CHANNEL_SHARE, "web") == Decimal("51.3")

    online = _figures_indicator(world["town_a"], FiguresMeasure.CHANNEL_SHARE, "web")
    data = indicator_data(online, year=2026)
    assert [(p["label"], p["display"], p["note"]) for p in data["points"]] == [
        ("2025", "51.3%", ""),
        ("2026", "not available", "no released figures"),
    ]
    email = _figures_indicator(world["town_a"], FiguresMeasure.CHANNEL_SHARE, "email")
    assert [(p.value, p.note) for p in indicator_series(email, up_to_year=2025)] == [
        (None, "the released figures do not show this number")
    ]


def test_no_share_on_a_base_below_the_releases_minimum_or_from_a_withheld_table(world):
    _known_release(world["town_a"], 2026, {"headline": _headline_2025(), "channel": _channel_2026()})
    figures = released_figures(world["town_a"], 2026)
    assert figures is not None
    # 12 of 18 is shown, but 18 reports are too few for a percentage.
    assert figures.channel_shares == {}
    _known_release(world["town_b"], 2025, {"headline": _headline_2025(), "channel": _channel_2025(withheld=True)})
    figures = released_figures(world["town_b"], 2025)
    assert figures is not None
    assert figures.channel_shares == {}
    assert figures.measure(FiguresMeasure.CHANNEL_SHARE, "web") is None


def test_a_channel_share_needs_its_way_of_reporting(world):
    objective = ObjectiveFactory()
    base = {"objective": objective, "name": "Online", "definition": "x", "unit": "%", "source": IndicatorSource.FIGURES}
    with pytest.raises(IncompleteIndicatorError):
        save_indicator(**base, number=1, figures_measure=FiguresMeasure.CHANNEL_SHARE)
    with pytest.raises(IncompleteIndicatorError):
        save_indicator(**base, number=1, figures_measure=FiguresMeasure.CHANNEL_SHARE, figures_channel="fax")
    indicator = save_indicator(**base, number=1, figures_measure=FiguresMeasure.CHANNEL_SHARE, figures_channel="web")
    assert indicator.figures_channel == "web"
    # Another figure drops the channel.
    indicator = save_indicator(
        **base, number=1, figures_measure=FiguresMeasure.REPORTS_TOTAL, figures_channel="web", indicator=indicator
    )
    assert Indicator.objects.get(pk=indicator.pk).figures_channel == ""


def test_the_indicator_form_offers_the_ways_of_reporting():
    form = IndicatorForm(
        {
            "number": "1",
            "name": "Online gemeld",
            "definition": "Aandeel meldingen via het onlineformulier.",
            "unit": "%",
            "source": IndicatorSource.FIGURES,
            "figures_measure": FiguresMeasure.CHANNEL_SHARE,
            "figures_channel": "web",
        }
    )
    assert ("web", "Online form") in form.fields["figures_channel"].choices
    assert form.is_valid(), form.errors
    assert form.cleaned_data["figures_channel"] == "web"


def test_the_ways_of_reporting_are_the_channels_the_figures_count():
    from openinclusie.cases.constants import Channel

    assert ReportChannel.values == Channel.values
