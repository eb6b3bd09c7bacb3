"""Disclosure control: small cells hidden, and no hidden cell can be worked
out from what is published.

The proof is independent of the suppression code: ``lp.py`` solves the
published table as a linear system (every published figure fixed, every
hidden one within what the reader knows: "< k" means 1..k-1) and finds the
lowest and highest value each hidden cell can take. Two different
non-negative integer fillings that match everything published mean the
cell cannot be recovered."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openinclusie.figures.disclosure import Policy, protect_overview
from openinclusie.figures.disclosure.raw import COLUMNS, Category, RawArea, RawBreakdown, RawOverview
from openinclusie.figures.disclosure.suppression import (
    HIDDEN,
    Grid,
    Mark,
    bounds_for,
    protect_grid,
    unprotected_positions,
)

from .lp import LinearSystem, range_of

HYPOTHESIS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- Solving a published table ----------------------------------------------------------------------


def published_system(grid: Grid, marks: dict, k: int) -> tuple[LinearSystem, dict]:
    """The linear system a reader can write down from the published table:
    one unknown per hidden figure, every sum with the published figures
    moved to the right-hand side."""
    positions = grid.positions()
    if grid.implied_grand():
        positions.append(("grand",))
        marks = {**marks, ("grand",): Mark.SECONDARY}
    unknown = [p for p in positions if marks[p] in HIDDEN]
    index = {position: i for i, position in enumerate(unknown)}
    system = LinearSystem(size=len(unknown), equalities=[], inequalities=[])

    def add(terms):
        """sum(sign * figure) == 0 over (position, sign) terms."""
        coef: dict[int, int] = {}
        rhs = 0
        for position, sign in terms:
            if position in index:
                coef[index[position]] = coef.get(index[position], 0) + sign
            else:
                rhs -= sign * grid.value(position)
        if coef:
            system.equalities.append((coef, rhs))
        else:
            assert rhs == 0

    rows, cols = grid.n_rows, grid.n_cols
    has_grand = ("grand",) in marks
    if grid.row_totals is not None:
        for r in range(rows):
            add([*((("cell", r, c), 1) for c in range(cols)), (("row", r), -1)])
    if grid.col_totals is not None:
        for c in range(cols):
            add([*((("cell", r, c), 1) for r in range(rows)), (("col", c), -1)])
    if has_grand:
        if grid.row_totals is not None:
            add([*((("row", r), 1) for r in range(rows)), (("grand",), -1)])
        if grid.col_totals is not None:
            add([*((("col", c), 1) for c in range(cols)), (("grand",), -1)])
        if grid.row_totals is None and grid.col_totals is None:
            add([*((("cell", r, c), 1) for r in range(rows) for c in range(cols)), (("grand",), -1)])
    for position in unknown:
        mark = marks[position]
        value = grid.value(position)
        low, high = bounds_for(mark, value, k) if position in grid.positions() else (0, float("inf"))
        system.with_bounds(index[position], low, high)
    return system, index


def assert_nothing_recoverable(grid: Grid, marks: dict, k: int) -> None:
    system, index = published_system(grid, marks, k)
    for position, mark in marks.items():
        if mark not in HIDDEN:
            continue
        low, high, low_point, high_point = range_of(system, index[position])
        assert high is None or high > low + 0.5, f"{position} is recoverable: always {low}"
        if high is not None and high_point is not None:
            # Network tables have integer corners: two integer fillings.
            assert all(abs(x - round(x)) < 1e-6 for x in low_point + high_point)
            assert round(low_point[index[position]]) != round(high_point[index[position]])


def assert_small_cells_hidden(grid: Grid, marks: dict, k: int, locked=()) -> None:
    for position, mark in marks.items():
        value = grid.value(position)
        if 1 <= value < k and position not in locked:
            assert mark in HIDDEN, f"{position} = {value} is shown"


# --- Hand-made cases ----------------------------------------------------------------------------------


def test_a_lone_small_cell_gets_a_complement():
    grid = Grid(cells=[[20, 3, 0]], row_totals=[23])
    marks = protect_grid(grid, k=5, locked=[("row", 0)])
    assert marks is not None
    assert marks[("cell", 0, 1)] == Mark.PRIMARY
    assert marks[("cell", 0, 0)] == Mark.SECONDARY  # zeros are never used as complements
    assert marks[("cell", 0, 2)] == Mark.SHOWN
    assert_nothing_recoverable(grid, marks, 5)


def test_two_ones_are_not_enough_to_hide_each_other():
    # 1 and 1 add up to 2 and "< 5" means at least 1: both would be known.
    grid = Grid(cells=[[20, 1, 1]], row_totals=[22])
    marks = protect_grid(grid, k=5, locked=[("row", 0)])
    assert marks is not None
    assert marks[("cell", 0, 0)] == Mark.SECONDARY
    assert_nothing_recoverable(grid, marks, 5)


def test_a_single_report_hides_the_whole_line():
    grid = Grid(cells=[[0, 1, 0]], row_totals=[1])
    marks = protect_grid(grid, k=5)
    assert marks is not None
    assert marks[("cell", 0, 1)] == Mark.PRIMARY
    assert marks[("row", 0)] == Mark.PRIMARY
    assert marks[("cell", 0, 0)] == Mark.SHOWN  # a zero may be shown
    assert_nothing_recoverable(grid, marks, 5)


def test_threshold_never_below_three():
    with pytest.raises(ValueError, match="below 3"):
        Policy(k=2)
    with pytest.raises(ValueError, match="neighbourhood"):
        Policy(k=5, k_area=4)


def test_primary_display():
    from openinclusie.figures.disclosure.tables import Cell

    assert Cell(value=None, mark=Mark.PRIMARY, threshold=5).display == "< 5"
    assert Cell(value=None, mark=Mark.SECONDARY, threshold=5).display == "x"
    assert Cell(value=12).display == "12"


# --- Generated tables ---------------------------------------------------------------------------------

counts = st.one_of(st.integers(0, 4), st.integers(0, 4), st.integers(0, 40))


@st.composite
def tables(draw):
    n_rows = draw(st.integers(1, 5))
    n_cols = draw(st.integers(1, 4))
    cells = [[draw(counts) for _ in range(n_cols)] for _ in range(n_rows)]
    shape = draw(st.sampled_from(["full", "rows", "cols", "locked"]))
    k = draw(st.sampled_from([3, 5, 10]))
    row_totals = [sum(row) for row in cells] if shape in ("full", "rows", "locked") else None
    col_totals = [sum(col) for col in zip(*cells, strict=True)] if shape in ("full", "cols", "locked") else None
    grid = Grid(cells=cells, row_totals=row_totals, col_totals=col_totals, has_grand=shape != "rows")
    locked = [("col", c) for c in range(n_cols)] + [("grand",)] if shape == "locked" else []
    return grid, k, locked


@HYPOTHESIS
@given(tables())
def test_no_hidden_cell_of_a_table_can_be_recovered(case):
    grid, k, locked = case
    marks = protect_grid(grid, k=k, locked=locked)
    if marks is None:  # withheld entirely: nothing is published
        return
    assert_small_cells_hidden(grid, marks, k, locked)
    for position in locked:
        assert marks[position] == Mark.SHOWN
    assert unprotected_positions(grid, marks, k) == []
    assert_nothing_recoverable(grid, marks, k)


@HYPOTHESIS
@given(tables(), st.randoms(use_true_random=False))
def test_the_cycle_check_agrees_with_solving_the_system(case, rng):
    """The fast check used at run time says "recoverable" exactly when the
    linear system pins the cell down."""
    grid, k, _locked = case
    marks = {}
    for position in grid.positions():
        value = grid.value(position)
        if 1 <= value < k:
            marks[position] = Mark.PRIMARY
        elif rng.random() < 0.4 and value > 0:
            marks[position] = Mark.SECONDARY
        else:
            marks[position] = Mark.SHOWN
    exposed = set(unprotected_positions(grid, marks, k))
    system, index = published_system(grid, marks, k)
    for position, mark in marks.items():
        if mark in HIDDEN:
            low, high, *_points = range_of(system, index[position])
            assert (high is not None and high < low + 0.5) == (position in exposed), position


# --- A whole overview, linked tables and all ----------------------------------------------------------

GROUNDS = ["g1", "g2", "g3"]
DOMAINS = ["d1", "d2"]
AREAS = ["n1", "n2", "n3", "-"]


def _labels(key):
    return {"nl": key, "en": key}


def overview_from(microdata, *, with_area=True) -> RawOverview:
    """Raw tables computed from synthetic reports (column, ground, domain,
    month, area), one ground each, so every table adds up exactly."""

    def count(condition):
        found = dict.fromkeys(COLUMNS, 0)
        for report in microdata:
            if condition(report):
                found[report["column"]] += 1
        return found

    def breakdown(key, values, field):
        return RawBreakdown(
            key=key,
            categories=[Category(v, _labels(v)) for v in values],
            counts={v: count(lambda r, v=v: r[field] == v) for v in values},
        )

    inside = [r for r in microdata if r["column"] in ("A", "C")]
    area = RawArea(
        areas=[Category(a, _labels(a)) for a in AREAS],
        grounds=[Category(g, _labels(g)) for g in GROUNDS],
        counts={a: {g: sum(1 for r in inside if r["area"] == a and r["ground"] == g) for g in GROUNDS} for a in AREAS},
        totals={a: sum(1 for r in inside if r["area"] == a) for a in AREAS},
    )
    reports = count(lambda r: True)
    return RawOverview(
        municipality_slug="test",
        municipality_name="Test",
        year=2025,
        reports=reports,
        incidents=reports,
        mass_reports=dict.fromkeys(COLUMNS, 0),
        mass_incidents=dict.fromkeys(COLUMNS, 0),
        breakdowns=[breakdown("ground", GROUNDS, "ground"), breakdown("domain", DOMAINS, "domain")],
        subgrounds=None,
        quarters={q: count(lambda r, q=q: (r["month"] - 1) // 3 + 1 == q) for q in range(1, 5)},
        months={m: count(lambda r, m=m: r["month"] == m) for m in range(1, 13)},
        area=area if with_area else None,
    )


def _report(rng, column=None):
    column = column or rng.choices(COLUMNS, weights=[6, 2, 2])[0]
    return {
        "column": column,
        "ground": rng.choices(GROUNDS, weights=[6, 3, 1])[0],
        "domain": rng.choice(DOMAINS),
        "month": rng.randint(1, 12),
        "area": rng.choice(AREAS) if column in ("A", "C") else None,
    }


@st.composite
def microdata(draw):
    rng = random.Random(draw(st.integers(0, 10**6)))
    size = draw(st.sampled_from([0, 1, 2, 4, 7, 12, 25, 60, 150]))
    return [_report(rng) for _ in range(size)]


def _published_cells(table):
    for row in (*table.rows, *((table.totals,) if table.totals else ())):
        yield from ((row, i, cell) for i, cell in enumerate(row.cells))
        if row.total is not None:
            yield row, None, row.total


@HYPOTHESIS
@given(microdata())
def test_every_published_figure_of_an_overview_is_true_and_small_ones_hidden(reports):
    raw = overview_from(reports)
    figures = protect_overview(raw, Policy())
    truth = {
        "ground": {g: {c: raw.breakdowns[0].value(g, c) for c in COLUMNS} for g in GROUNDS},
        "domain": {d: {c: raw.breakdowns[1].value(d, c) for c in COLUMNS} for d in DOMAINS},
    }
    for key in ("ground", "domain"):
        table = figures[key]
        for row, i, cell in _published_cells(table):
            if row.key == "total" or cell.is_hidden:
                continue
            members = table.columns[i].key.split("+") if i is not None else list(COLUMNS)
            if members == ["total"]:
                members = list(COLUMNS)
            value = sum(truth[key][row.key][c] for c in members)
            assert cell.value == value
            assert not 1 <= value < 5


def test_one_report_in_a_month():
    rng = random.Random(7)
    reports = [_report(rng, "A") for _ in range(40)]
    for report in reports:
        report["month"] = 5 if report["month"] == 3 else report["month"]
    reports[0]["month"] = 3  # the only report in March
    figures = protect_overview(overview_from(reports), Policy())
    march = figures["months"].row_of("M03")
    assert march.cells[0].is_hidden
    assert_overview_not_recoverable(reports)


def test_one_neighbourhood_with_all_reports():
    rng = random.Random(3)
    reports = [_report(rng, "A") for _ in range(30)]
    for report in reports:
        report["area"] = "n1"
    figures = protect_overview(overview_from(reports), Policy())
    area = figures.get("neighbourhoods")
    if area is not None and not area.withheld:
        n1 = area.row_of("n1")
        # The row total is the whole municipality, public anyway; its split
        # by ground equals the ground table, so the row shows only its total
        # or the table is withheld.
        assert all(cell.is_hidden for cell in n1.cells)
    assert_overview_not_recoverable(reports)


def test_one_neighbourhood_where_everyone_reports_one_ground():
    rng = random.Random(11)
    reports = [_report(rng, "A") for _ in range(60)]
    for report in reports[:12]:
        report["area"], report["ground"] = "n2", "g2"
    for report in reports[12:]:
        report["area"] = "n1" if report["area"] == "n2" else report["area"]
    figures = protect_overview(overview_from(reports), Policy())
    area = figures["neighbourhoods"]
    assert not area.withheld
    n2 = area.row_of("n2")
    assert n2.main_cell.value == 12
    assert all(cell.is_hidden for cell in n2.cells)
    assert any(note.code == "group" for note in area.notes)


# --- The global system: all linked tables of an overview at once -------------------------------------

VALUES = {"ground": GROUNDS, "domain": DOMAINS, "month": list(range(1, 13)), "area": AREAS}
# Which kinds of report the reader's unknowns tell apart, per check: each
# pair of tables that share figures is solved together.
LINKS = (("ground", "domain"), ("month",), ("ground", "area"))


def _kinds(dims):
    kinds = [()]
    for dim in dims:
        kinds = [(*kind, value) for kind in kinds for value in VALUES[dim]]
    found = []
    for column in COLUMNS:
        for kind in kinds:
            if column == "B" and "area" in dims and kind[dims.index("area")] != AREAS[0]:
                continue  # column B has no neighbourhood
            found.append((column, *kind))
    return found


def assert_overview_not_recoverable(reports):
    for dims in LINKS:
        assert_linked_tables_not_recoverable(reports, dims)


def assert_linked_tables_not_recoverable(reports, dims):
    """Solve the published tables that ``dims`` describe together, over
    the counts of every kind of report (column x dims), and try to pin
    down each hidden figure."""
    raw = overview_from(reports)
    figures = protect_overview(raw, Policy())
    kinds = _kinds(dims)
    position = {kind: i for i, kind in enumerate(kinds)}
    system = LinearSystem(size=len(kinds), equalities=[], inequalities=[])
    hidden = []

    def field(kind, dim):
        return kind[1 + dims.index(dim)]

    def expression(predicate):
        return {position[kind]: 1 for kind in kinds if predicate(kind)}

    def publish(coef, cell, label):
        if cell.is_hidden:
            low, high = (1, cell.threshold - 1) if cell.mark == Mark.PRIMARY else (0, float("inf"))
            if low > 0:
                system.inequalities.append(({i: -v for i, v in coef.items()}, -low))
            if high != float("inf"):
                system.inequalities.append((dict(coef), high))
            hidden.append((label, coef))
        else:
            system.equalities.append((dict(coef), cell.value))

    def members(table, i):
        key = table.columns[i].key
        return set(COLUMNS) if key == "total" else set(key.split("+"))

    def publish_table(table, dim, match):
        if table is None or table.withheld:
            return
        for row in table.rows:
            for i, cell in enumerate(row.cells):
                cols = members(table, i)
                publish(
                    expression(lambda k, row=row, cols=cols: match(field(k, dim), row.key) and k[0] in cols),
                    cell,
                    (table.key, row.key, i),
                )
            if row.total is not None:
                publish(expression(lambda k, row=row: match(field(k, dim), row.key)), row.total, (table.key, row.key))
        if table.totals is not None:
            for i, cell in enumerate(table.totals.cells):
                cols = members(table, i)
                publish(expression(lambda k, cols=cols: k[0] in cols), cell, (table.key, "total", i))
            if table.totals.total is not None:
                publish(expression(lambda k: True), table.totals.total, (table.key, "total"))

    headline = figures["headline"].row_of("reports")
    assert headline.total is not None
    for i, column in enumerate(COLUMNS):
        publish(expression(lambda k, column=column: k[0] == column), headline.cells[i], ("headline", column))
    publish(expression(lambda k: True), headline.total, ("headline", "total"))

    def same(value, key):
        return value == key

    if "ground" in dims:
        publish_table(figures["ground"], "ground", same)
    if "domain" in dims:
        publish_table(figures["domain"], "domain", same)
    if "month" in dims:
        publish_table(figures["quarters"], "month", lambda month, key: f"Q{(month - 1) // 3 + 1}" == key)
        publish_table(figures["months"], "month", lambda month, key: f"M{month:02d}" == key)
    area = figures.get("neighbourhoods")
    if "area" in dims and area is not None and not area.withheld:
        named = {column.key for column in area.columns}
        for row in area.rows:
            for i, cell in enumerate(row.cells):
                key = area.columns[i].key
                grounds = {key} if key != "other" else set(GROUNDS) - named
                publish(
                    expression(
                        lambda k, row=row, grounds=grounds: (
                            k[0] in ("A", "C") and field(k, "area") == row.key and field(k, "ground") in grounds
                        )
                    ),
                    cell,
                    ("area", row.key, i),
                )
            publish(
                expression(lambda k, row=row: k[0] in ("A", "C") and field(k, "area") == row.key),
                row.total,
                ("area", row.key),
            )
        assert area.totals is not None
        for i, cell in enumerate(area.totals.cells):
            key = area.columns[i].key
            grounds = {key} if key != "other" else set(GROUNDS) - named
            publish(
                expression(lambda k, grounds=grounds: k[0] in ("A", "C") and field(k, "ground") in grounds),
                cell,
                ("area", "total", i),
            )
        publish(expression(lambda k: k[0] in ("A", "C")), area.totals.main_cell, ("area", "total"))
    for label, coef in hidden:
        low = _solve(system, coef, 1)
        high = _solve(system, coef, -1)
        assert high is None or -high > low + 0.5, f"{dims}: {label} is recoverable: always {low}"


def _solve(system, coef, sign):
    from .lp import Unbounded, minimise

    # Minimise the expression through a helper unknown equal to it.
    helper = system.size
    extended = LinearSystem(
        size=system.size + 1,
        equalities=[*system.equalities, ({**coef, helper: -1}, 0)],
        inequalities=list(system.inequalities),
    )
    try:
        value, _point = minimise(extended, {helper: sign})
    except Unbounded:
        return None
    return value


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(microdata())
def test_no_hidden_figure_of_a_whole_overview_can_be_recovered(reports):
    assert_overview_not_recoverable(reports)
