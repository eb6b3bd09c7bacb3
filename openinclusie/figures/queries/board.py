"""The ADV's own dashboard over all municipalities it serves: exact totals
from the summary, as (unprotected) table objects like every other output."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from openinclusie.figures.constants import MONTHS, QUARTERS
from openinclusie.figures.disclosure import COLUMNS, Cell, Column, Row, Table
from openinclusie.figures.disclosure.labels import (
    TOTAL_LABEL,
    all_languages,
    base_columns,
    month_categories,
    quarter_categories,
)
from openinclusie.figures.disclosure.periods import year_bounds
from openinclusie.figures.queries.counting import per_intake_location, unassigned
from openinclusie.figures.queries.summary import Totals, totals_by_municipality, totals_by_period, totals_by_year
from openinclusie.organisations.models import Municipality, Organisation

ALL_MUNICIPALITIES = _("All municipalities")
EXTRA = (
    ("total", _("Total (without mass reports)")),
    ("mass", _("Mass reports")),
    ("incidents", _("Incidents (without mass reports)")),
)


def _columns() -> tuple[Column, ...]:
    return (*base_columns(), *(Column(key, all_languages(label)) for key, label in EXTRA))


def _cells(totals: Totals) -> tuple[Cell, ...]:
    keys = (*COLUMNS, *(key for key, _label in EXTRA))
    return tuple(Cell(totals.get(key, 0), threshold=0) for key in keys)


def _table(key: str, rows: list[Row], totals: Totals | None = None) -> Table:
    footer = Row("total", all_languages(ALL_MUNICIPALITIES), _cells(totals)) if totals else None
    return Table(
        key=key, columns=_columns(), rows=tuple(rows), totals=footer, threshold=0, protected=False, main_column="total"
    )


def _sum(many: list[Totals]) -> Totals:
    found: Totals = {}
    for totals in many:
        for key, value in totals.items():
            found[key] = found.get(key, 0) + value
    return found


@dataclass(frozen=True)
class Board:
    municipalities: Table
    years: Table
    quarters: Table
    months: Table
    unassigned: int
    places: list[Municipality]


def adv_board(places: list[Municipality], year: int) -> Board:
    per_place = totals_by_municipality(places, year)
    rows = [
        Row(place.slug, {"nl": place.name, "en": place.name}, _cells(per_place.get(place.pk, {}))) for place in places
    ]
    by_year = totals_by_year(places)
    year_rows = [Row(str(y), {"nl": str(y), "en": str(y)}, _cells(t)) for y, t in by_year.items()]
    by_quarter = totals_by_period(places, year, QUARTERS)
    by_month = totals_by_period(places, year, MONTHS)
    quarter_rows = [
        Row(c.key, c.labels, _cells(by_quarter[p])) for c, p in zip(quarter_categories(), QUARTERS, strict=True)
    ]
    month_rows = [Row(c.key, c.labels, _cells(by_month[p])) for c, p in zip(month_categories(), MONTHS, strict=True)]
    start, end = year_bounds(year)
    advs = {place.adv_id for place in places if place.adv_id}
    lost = sum(n for (_adv, y), n in unassigned(advs, start, end).items() if y == year)
    return Board(
        municipalities=_table("municipalities", rows, _sum(list(per_place.values()))),
        years=_table("years", year_rows),
        quarters=_table("quarters", quarter_rows),
        months=_table("months", month_rows),
        unassigned=lost,
        places=places,
    )


def intake_locations(adv_ids: list[int], year: int) -> Table:
    """Reports per intake location of the ADVs in ``year``, exact and live
    (a location is the ADV's own, so this never leaves the ADV). With more
    than one ADV a row names its ADV."""
    start, end = year_bounds(year)
    counts = per_intake_location(adv_ids, start, end)
    names = dict(Organisation.objects.filter(pk__in=adv_ids).values_list("pk", "name"))
    columns = tuple(Column(key, all_languages(label)) for key, label in EXTRA[:2])
    rows = []
    for count in counts:
        label = count.name if len(adv_ids) == 1 else f"{count.name} ({names.get(count.adv_id, '')})"
        cells = (Cell(count.reports, threshold=0), Cell(count.mass, threshold=0))
        rows.append(Row(str(count.location_id), {"nl": label, "en": label}, cells))
    footer = Row(
        "total",
        all_languages(TOTAL_LABEL),
        (Cell(sum(c.reports for c in counts), threshold=0), Cell(sum(c.mass for c in counts), threshold=0)),
    )
    return Table(
        key="intake_locations",
        columns=columns,
        rows=tuple(rows),
        totals=footer if rows else None,
        threshold=0,
        protected=False,
        main_column="total",
    )
