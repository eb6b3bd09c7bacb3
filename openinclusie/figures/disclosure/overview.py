"""The linked tables of one municipality-year, protected together.

The tables share figures: every breakdown adds up to the headline columns,
the quarters too, the months to their quarter, the neighbourhoods to the
reports inside the municipality. Hiding a shared total in one table while a
second table lets a reader add it up again would undo the protection, so
the tables are protected top-down and a table only ever uses totals that
are already public:

1. The headline line (A, B, C, total) is protected first, keeping the total
   visible whenever it is not itself small.
2. Hidden headline columns are merged into one column for every table that
   depends on the headline; the merged column's total is the headline total
   minus the shown columns, so it is public already.
3. Each dependent table is then protected on its own with its totals locked
   visible. A change along a cycle inside one table changes no published
   figure anywhere, so a figure safe in its table is safe in the set.
4. Months hang under their quarter the same way; neighbourhoods under the
   reports inside the municipality, with grounds whose total is not public
   merged into "other grounds".
"""

from collections.abc import Sequence

from .labels import (
    ALL_GROUNDS,
    ALL_NEIGHBOURHOODS,
    HEADLINE_ROWS,
    OTHER_GROUNDS,
    TOTAL_LABEL,
    Group,
    all_languages,
    base_columns,
    column_for,
    month_categories,
    quarter_categories,
)
from .policy import Policy
from .raw import COLUMNS, INSIDE, Category, Counts, RawBreakdown, RawOverview, total
from .suppression import HIDDEN, Grid, Mark, Position, protect_grid
from .tables import Cell, Column, FigureSet, Note, Row, Table


def _cell(value: int, mark: Mark, k: int, share: float | None = None) -> Cell:
    if mark in HIDDEN:
        return Cell(value=None, mark=mark, threshold=k)
    return Cell(value=value, mark=Mark.SHOWN, threshold=k, share=share)


def _share(value: int, mark: Mark, base: int, policy: Policy) -> float | None:
    if mark in HIDDEN or base < policy.min_base or base <= 0:
        return None
    return 100 * value / base


# --- 1. The headline ------------------------------------------------------------------------------


def _protect_line(counts: Counts, *, k: int, forced: dict[Position, Mark] | None = None) -> dict[Position, Mark]:
    """One line A + B + C = total. The total stays visible unless small."""
    line_total = total(counts)
    grid = Grid(cells=[[counts.get(column, 0) for column in COLUMNS]], row_totals=[line_total])
    locked = [("row", 0)] if line_total >= k else []
    marks = protect_grid(grid, k=k, locked=locked, forced=forced)
    if marks is None:  # cannot happen for one line with a visible total; hide everything
        marks = dict.fromkeys(grid.positions(), Mark.SECONDARY)
    return marks


def _follow(marks: dict[Position, Mark], counts: Counts, k: int) -> dict[Position, Mark]:
    """Incidents never exceed reports: where the report count is hidden, the
    incident count is hidden too."""
    forced: dict[Position, Mark] = {}
    values = [counts.get(column, 0) for column in COLUMNS]
    for position, mark in marks.items():
        if mark in HIDDEN:
            value = total(counts) if position[0] == "row" else values[int(position[2])]
            forced[position] = Mark.PRIMARY if 1 <= value < k else Mark.SECONDARY
    return forced


def _line_row(key: str, counts: Counts, marks: dict[Position, Mark], k: int) -> Row:
    cells = tuple(_cell(counts.get(column, 0), marks[("cell", 0, c)], k) for c, column in enumerate(COLUMNS))
    return Row(key, all_languages(HEADLINE_ROWS[key]), cells, _cell(total(counts), marks[("row", 0)], k))


def _notes_for(marks: dict[Position, Mark], k: int, *extra: Note) -> tuple[Note, ...]:
    notes = list(extra)
    small = sum(1 for mark in marks.values() if mark == Mark.PRIMARY)
    other = sum(1 for mark in marks.values() if mark == Mark.SECONDARY)
    group = sum(1 for mark in marks.values() if mark == Mark.GROUP)
    if small:
        notes.append(Note("small", {"count": small, "k": k}))
    if other:
        notes.append(Note("complement", {"count": other}))
    if group:
        notes.append(Note("group", {}))
    return tuple(notes)


def protect_headline(raw: RawOverview, policy: Policy) -> tuple[Table, list[Group] | None]:
    k = policy.k
    report_marks = _protect_line(raw.reports, k=k)
    incident_marks = _protect_line(raw.incidents, k=k, forced=_follow(report_marks, raw.incidents, k))
    mass_marks = _protect_line(raw.mass_reports, k=k)
    mass_incident_marks = _protect_line(raw.mass_incidents, k=k, forced=_follow(mass_marks, raw.mass_incidents, k))
    rows = (
        _line_row("reports", raw.reports, report_marks, k),
        _line_row("incidents", raw.incidents, incident_marks, k),
        _line_row("mass_reports", raw.mass_reports, mass_marks, k),
        _line_row("mass_incidents", raw.mass_incidents, mass_incident_marks, k),
    )
    all_marks = {}
    for index, marks in enumerate((report_marks, incident_marks, mass_marks, mass_incident_marks)):
        for position, mark in marks.items():
            all_marks[(index, *position)] = mark
    table = Table(
        key="headline",
        columns=base_columns(),
        rows=rows,
        threshold=k,
        notes=_notes_for(all_marks, k),  # type: ignore[arg-type]
    )
    return table, _groups(report_marks)


def _groups(marks: dict[Position, Mark]) -> list[Group] | None:
    """Columns for the tables below the headline: shown columns alone, hidden
    ones together. None when the headline total itself is hidden."""
    if marks[("row", 0)] in HIDDEN:
        return None
    shown_columns = [(column,) for c, column in enumerate(COLUMNS) if marks[("cell", 0, c)] not in HIDDEN]
    hidden = tuple(column for c, column in enumerate(COLUMNS) if marks[("cell", 0, c)] in HIDDEN)
    groups = shown_columns + ([hidden] if hidden else [])
    return sorted(groups, key=lambda group: COLUMNS.index(group[0]))


# --- 2./3. Tables below the headline --------------------------------------------------------------


def _withheld(key: str, columns: Sequence[Column], note: Note, *, k: int, unit: str = "reports") -> Table:
    return Table(key=key, columns=tuple(columns), rows=(), threshold=k, withheld=True, notes=(note,), unit=unit)


def _group_value(counts: Counts, group: Group) -> int:
    return sum(counts.get(column, 0) for column in group)


def protect_dependent(
    breakdown: RawBreakdown,
    *,
    groups: list[Group] | None,
    margins: Counts,
    policy: Policy,
    key: str | None = None,
    with_column_totals: bool = True,
) -> Table:
    """Categories by the headline's column groups, with the headline figures
    as locked column totals (``with_column_totals``) or with no column
    totals at all (sub-grounds, whose totals nobody publishes)."""
    k = policy.k
    key = key or breakdown.key
    if groups is None:
        return _withheld(key, (), Note("withheld_total_small", {"k": k}), k=k, unit=breakdown.unit)
    single = len(groups) == 1
    columns = (Column("total", all_languages(TOTAL_LABEL)),) if single else tuple(column_for(g) for g in groups)
    categories = breakdown.categories
    values = [[_group_value(breakdown.counts.get(cat.key, {}), group) for group in groups] for cat in categories]
    row_totals = [breakdown.row_total(cat.key) for cat in categories]
    grand = total(margins)
    if with_column_totals:
        col_totals = [_group_value(margins, group) for group in groups]
        grid = Grid(
            cells=values,
            row_totals=None if single else row_totals,
            col_totals=col_totals,
            has_grand=not single,
            grand=grand,
        )
        locked: list[Position] = [("col", c) for c in range(len(groups))] + ([] if single else [("grand",)])
    else:
        grid = Grid(cells=values, row_totals=None if single else row_totals)
        locked = []
    marks = protect_grid(grid, k=k, locked=locked) if categories else {}
    if marks is None:
        return _withheld(key, columns, Note("withheld_unsafe", {}), k=k, unit=breakdown.unit)
    rows = []
    for r, cat in enumerate(categories):
        if single:
            mark = marks[("cell", r, 0)]
            cells: tuple[Cell, ...] = (_cell(values[r][0], mark, k, _share(values[r][0], mark, grand, policy)),)
            row_total = None
        else:
            cells = tuple(_cell(values[r][c], marks[("cell", r, c)], k) for c in range(len(groups)))
            mark = marks[("row", r)]
            row_total = _cell(row_totals[r], mark, k, _share(row_totals[r], mark, grand, policy))
        rows.append(Row(cat.key, cat.labels, cells, row_total, cat.level))
    totals = None
    if with_column_totals:
        margin_cells = tuple(Cell(_group_value(margins, g), threshold=k) for g in groups)
        totals = Row(
            "total",
            all_languages(TOTAL_LABEL),
            margin_cells if not single else (Cell(grand, threshold=k),),
            None if single else Cell(grand, threshold=k),
        )
    extra = []
    if groups and any(len(group) > 1 for group in groups) and not single:
        extra.append(Note("merged_columns", {}))
    if breakdown.multi_valued:
        extra.append(Note("multi_valued", {}))
    if with_column_totals and grand < policy.min_base:
        extra.append(Note("no_shares", {"base": policy.min_base}))
    return Table(
        key=key,
        columns=columns,
        rows=tuple(rows),
        totals=totals,
        threshold=k,
        notes=_notes_for(marks, k, *extra),
        unit=breakdown.unit,
        multi_valued=breakdown.multi_valued,
    )


# --- Months under their quarter -------------------------------------------------------------------


def protect_months(raw: RawOverview, quarters: Table, policy: Policy) -> Table:
    k = policy.k
    column = (Column("total", all_languages(TOTAL_LABEL)),)
    categories = month_categories()
    if quarters.withheld:
        return _withheld("months", column, Note("withheld_total_small", {"k": k}), k=k)
    rows: list[Row] = []
    notes: dict[str, Note] = {}
    all_marks: dict[tuple[int, ...], Mark] = {}
    for q in range(1, 5):
        quarter = quarters.rows[q - 1].main_cell
        months = [total(raw.months.get(m, {})) for m in range(3 * q - 2, 3 * q + 1)]
        if quarter.is_hidden:
            marks: dict[Position, Mark] = {("cell", i, 0): Mark.SECONDARY for i in range(3)}
            notes["months_of_hidden_quarter"] = Note("months_of_hidden_quarter", {})
        else:
            grid = Grid(cells=[[value] for value in months], col_totals=[quarter.value or 0])
            protected = protect_grid(grid, k=k, locked=[("col", 0)])
            marks = protected or {("cell", i, 0): Mark.SECONDARY for i in range(3)}
        for i, value in enumerate(months):
            category = categories[3 * (q - 1) + i]
            mark = marks[("cell", i, 0)]
            rows.append(Row(category.key, category.labels, (_cell(value, mark, k),)))
            all_marks[(q, i)] = mark
    return Table(
        key="months",
        columns=column,
        rows=tuple(rows),
        threshold=k,
        notes=_notes_for(all_marks, k, *notes.values()),  # type: ignore[arg-type]
    )


# --- 4. Neighbourhoods ----------------------------------------------------------------------------


def protect_area(raw: RawOverview, groups: list[Group] | None, ground_table: Table, policy: Policy) -> Table | None:
    area = raw.area
    if area is None or not area.areas:
        return None
    k = policy.k_area
    if groups is None:
        return _withheld("neighbourhoods", (), Note("withheld_total_small", {"k": policy.k}), k=k)
    inside_groups = [g for g in groups if set(g) <= INSIDE]
    if any(set(g) & INSIDE and not set(g) <= INSIDE for g in groups):
        return _withheld("neighbourhoods", (), Note("withheld_area_split", {}), k=k)
    inside_total = sum(_group_value(raw.reports, g) for g in inside_groups)
    # A ground gets its own column when its count inside the municipality
    # is public in the ground table; the others are merged.
    inside_columns = [
        index for index, column in enumerate(ground_table.columns) if set(column.key.split("+")) <= INSIDE
    ]
    if ground_table.columns and ground_table.columns[0].key == "total":
        inside_columns = []
    public_grounds: list[Category] = []
    merged: list[Category] = []
    for ground in area.grounds:
        row = ground_table.row(ground.key)
        visible = (
            row is not None
            and not ground_table.withheld
            and bool(inside_columns)
            and all(not row.cells[index].is_hidden for index in inside_columns)
        )
        (public_grounds if visible else merged).append(ground)
    columns = [Column(g.key, g.labels) for g in public_grounds]
    if merged:
        columns.append(Column("other", all_languages(OTHER_GROUNDS if public_grounds else ALL_GROUNDS)))

    def cell_value(area_key: str, column: Column) -> int:
        if column.key == "other":
            return sum(area.value(area_key, g.key) for g in merged)
        return area.value(area_key, column.key)

    def margin(column: Column) -> int:
        return sum(cell_value(a.key, column) for a in area.areas)

    # A ground no report inside the municipality has tells nothing.
    columns = [column for column in columns if margin(column) > 0]
    if not columns:
        return None

    cells = [[cell_value(a.key, column) for column in columns] for a in area.areas]
    row_totals = [area.totals.get(a.key, 0) for a in area.areas]
    group_rows = [
        r
        for r, a in enumerate(area.areas)
        if a.key != "-" and row_totals[r] > 0 and any(area.value(a.key, g.key) == row_totals[r] for g in area.grounds)
    ]
    grid = Grid(
        cells=cells,
        row_totals=row_totals,
        col_totals=[margin(column) for column in columns],
        has_grand=True,
        grand=inside_total,
    )
    locked: list[Position] = [("col", c) for c in range(len(columns))] + [("grand",)]
    marks = protect_grid(grid, k=k, locked=locked, group_rows=group_rows)
    if marks is None:
        return _withheld("neighbourhoods", tuple(columns), Note("withheld_unsafe", {}), k=k)
    rows = []
    for r, a in enumerate(area.areas):
        row_cells = tuple(_cell(cells[r][c], marks[("cell", r, c)], k) for c in range(len(columns)))
        mark = marks[("row", r)]
        rows.append(
            Row(
                a.key,
                a.labels,
                row_cells,
                _cell(row_totals[r], mark, k, _share(row_totals[r], mark, inside_total, policy)),
            )
        )
    totals = Row(
        "total",
        all_languages(ALL_NEIGHBOURHOODS),
        tuple(Cell(margin(column), threshold=k) for column in columns),
        Cell(inside_total, threshold=k),
    )
    return Table(
        key="neighbourhoods",
        columns=tuple(columns),
        rows=tuple(rows),
        totals=totals,
        threshold=k,
        notes=_notes_for(marks, k, Note("area_threshold", {"k": k}), Note("multi_valued", {})),
        multi_valued=True,
    )


# --- The whole set --------------------------------------------------------------------------------


def protect_overview(raw: RawOverview, policy: Policy) -> FigureSet:
    """Everything a municipality, a partner or the public may see for one
    municipality-year. The only way raw counts become outside figures."""
    headline, groups = protect_headline(raw, policy)
    tables: dict[str, Table] = {"headline": headline}
    for breakdown in raw.breakdowns:
        tables[breakdown.key] = protect_dependent(breakdown, groups=groups, margins=raw.reports, policy=policy)
    if raw.subgrounds is not None:
        tables["subground"] = protect_dependent(
            raw.subgrounds, groups=groups, margins=raw.reports, policy=policy, with_column_totals=False
        )
    quarters = protect_dependent(
        period_breakdown("quarters", quarter_categories(), raw.quarters),
        groups=groups,
        margins=raw.reports,
        policy=policy,
    )
    tables["quarters"] = quarters
    tables["months"] = protect_months(raw, quarters, policy)
    ground_table = tables.get("ground")
    if ground_table is not None:
        area_table = protect_area(raw, groups, ground_table, policy)
        if area_table is not None:
            tables["neighbourhoods"] = area_table
    return FigureSet(
        municipality_slug=raw.municipality_slug,
        municipality_name=raw.municipality_name,
        year=raw.year,
        tables=tables,
        protected=True,
        thresholds={"k": policy.k, "k_area": policy.k_area, "min_base": policy.min_base},
        notes=(Note("mass_excluded", {}),),
    )


def period_breakdown(key: str, categories: list[Category], counts: dict[int, Counts]) -> RawBreakdown:
    return RawBreakdown(
        key=key,
        categories=categories,
        counts={cat.key: counts.get(index, {}) for index, cat in enumerate(categories, start=1)},
    )
