"""The ADV's own view of a municipality-year: the same tables as the
protected overview, every figure exact. Never shown outside the ADV."""

from dataclasses import replace

from .labels import (
    ALL_NEIGHBOURHOODS,
    HEADLINE_ROWS,
    TOTAL_LABEL,
    all_languages,
    base_columns,
    month_categories,
    quarter_categories,
)
from .overview import period_breakdown
from .policy import Policy
from .raw import COLUMNS, Counts, RawArea, RawBreakdown, RawOverview, total
from .tables import Cell, Column, FigureSet, Note, Row, Table


def _full(breakdown: RawBreakdown, key: str | None = None) -> Table:
    rows = []
    for cat in breakdown.categories:
        cells = tuple(Cell(breakdown.value(cat.key, column), threshold=0) for column in COLUMNS)
        rows.append(Row(cat.key, cat.labels, cells, Cell(breakdown.row_total(cat.key), threshold=0), cat.level))
    return Table(
        key=key or breakdown.key,
        columns=base_columns(),
        rows=tuple(rows),
        threshold=0,
        protected=False,
        unit=breakdown.unit,
        multi_valued=breakdown.multi_valued,
        notes=(Note("multi_valued", {}),) if breakdown.multi_valued else (),
    )


def _with_totals(table: Table, counts: Counts) -> Table:
    cells = tuple(Cell(counts.get(column, 0), threshold=0) for column in COLUMNS)
    totals = Row("total", all_languages(TOTAL_LABEL), cells, Cell(total(counts), threshold=0))
    return replace(table, totals=totals)


def unprotected_overview(raw: RawOverview, policy: Policy) -> FigureSet:
    """Every count as it is, for the ADV's own staff only. Same table
    objects as the protected set, so the same templates and exports."""
    headline_rows = []
    for key, counts in (
        ("reports", raw.reports),
        ("incidents", raw.incidents),
        ("mass_reports", raw.mass_reports),
        ("mass_incidents", raw.mass_incidents),
    ):
        cells = tuple(Cell(counts.get(column, 0), threshold=0) for column in COLUMNS)
        headline_rows.append(Row(key, all_languages(HEADLINE_ROWS[key]), cells, Cell(total(counts), threshold=0)))
    tables: dict[str, Table] = {
        "headline": Table("headline", base_columns(), tuple(headline_rows), threshold=0, protected=False)
    }
    for breakdown in raw.breakdowns:
        tables[breakdown.key] = _with_totals(_full(breakdown), raw.reports)
    if raw.subgrounds is not None:
        tables["subground"] = _full(raw.subgrounds)
    tables["quarters"] = _with_totals(
        _full(period_breakdown("quarters", quarter_categories(), raw.quarters)), raw.reports
    )
    tables["months"] = _with_totals(_full(period_breakdown("months", month_categories(), raw.months)), raw.reports)
    if raw.area is not None and raw.area.areas:
        tables["neighbourhoods"] = _full_area(raw.area)
    for breakdown in raw.incident_breakdowns:
        tables[f"incidents_{breakdown.key}"] = _with_totals(_full(breakdown), raw.incidents)
    for breakdown in raw.mass_breakdowns:
        tables[f"mass_{breakdown.key}"] = _with_totals(_full(breakdown), raw.mass_reports)
    notes = [Note("mass_excluded", {})]
    if raw.unassigned:
        notes.append(Note("unassigned", {"count": raw.unassigned}))
    return FigureSet(
        municipality_slug=raw.municipality_slug,
        municipality_name=raw.municipality_name,
        year=raw.year,
        tables=tables,
        protected=False,
        thresholds={"k": policy.k, "k_area": policy.k_area, "min_base": policy.min_base},
        notes=tuple(notes),
    )


def _full_area(area: RawArea) -> Table:
    columns = tuple(Column(g.key, g.labels) for g in area.grounds)
    rows = tuple(
        Row(
            a.key,
            a.labels,
            tuple(Cell(area.value(a.key, g.key), threshold=0) for g in area.grounds),
            Cell(area.totals.get(a.key, 0), threshold=0),
        )
        for a in area.areas
    )
    totals = Row(
        "total",
        all_languages(ALL_NEIGHBOURHOODS),
        tuple(Cell(sum(area.value(a.key, g.key) for a in area.areas), threshold=0) for g in area.grounds),
        Cell(sum(area.totals.values()), threshold=0),
    )
    return Table(
        "neighbourhoods",
        columns,
        rows,
        totals,
        threshold=0,
        protected=False,
        multi_valued=True,
        notes=(Note("multi_valued", {}),),
    )
