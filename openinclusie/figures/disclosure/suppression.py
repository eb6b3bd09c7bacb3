"""Cell suppression for one table whose cells add up along rows and columns.

The table is modelled as a graph, the standard way to reason about
suppression in two-way tables: every row is a node (its cells add up to the
row total), every column is a node, and two hub nodes stand for the row
totals and the column totals (they add up to the grand total). Every hidden
figure is an edge between two nodes. A change to the hidden figures that
keeps every published figure the same is a flow around a cycle of hidden
edges, so

    a hidden figure can be worked out exactly
    <=> no cycle of hidden edges runs through it in a direction that keeps
        every hidden figure inside what the reader knows about it.

What the reader knows: a figure shown as "< k" lies between 1 and k-1; any
other hidden figure is at least 0, and a figure hidden as a complement is at
least k (the reader may know that small figures are never complements). The
check is exact for one table; tables that share figures are made safe by
the rules in ``overview.py`` (shared totals are never hidden in a table that
depends on them).

``protect_grid`` first hides the small figures (primary suppression), then
adds complements (secondary suppression) until every hidden figure lies on
such a cycle, or gives up so the caller withholds the whole table.
"""

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

INFINITY = float("inf")

# A position in a table: ("cell", row, column), ("row", row) for a row
# total, ("col", column) for a column total, ("grand",) for the grand total.
Position = tuple[str | int, ...]
GRAND: Position = ("grand",)


class Mark(StrEnum):
    SHOWN = "shown"
    # A count from 1 to k-1, shown as "< k".
    PRIMARY = "primary"
    # Hidden so that a small count cannot be worked out from the totals.
    SECONDARY = "secondary"
    # Hidden because the row would show that all its reports share one
    # category (group attribute disclosure).
    GROUP = "group"


HIDDEN = frozenset({Mark.PRIMARY, Mark.SECONDARY, Mark.GROUP})


@dataclass
class Grid:
    """Counts of one table. ``row_totals`` is None when rows have no total
    (there is then no sum along a row); ``col_totals`` likewise. The grand
    total is published when ``has_grand`` is true; when both kinds of total
    exist it is implied anyway and modelled as an unpublished figure."""

    cells: list[list[int]]
    row_totals: list[int] | None = None
    col_totals: list[int] | None = None
    has_grand: bool = False
    # The grand total when it is not simply the sum of the totals (a report
    # can fall in more than one row); else computed.
    grand: int | None = None

    @property
    def n_rows(self) -> int:
        return len(self.cells)

    @property
    def n_cols(self) -> int:
        return len(self.cells[0]) if self.cells else (len(self.col_totals) if self.col_totals else 0)

    @property
    def grand_total(self) -> int:
        if self.grand is not None:
            return self.grand
        if self.row_totals is not None:
            return sum(self.row_totals)
        if self.col_totals is not None:
            return sum(self.col_totals)
        return sum(sum(row) for row in self.cells)

    def positions(self) -> list[Position]:
        found: list[Position] = [("cell", r, c) for r in range(self.n_rows) for c in range(self.n_cols)]
        if self.row_totals is not None:
            found += [("row", r) for r in range(self.n_rows)]
        if self.col_totals is not None:
            found += [("col", c) for c in range(self.n_cols)]
        if self.has_grand:
            found.append(GRAND)
        return found

    def value(self, position: Position) -> int:
        kind = position[0]
        if kind == "cell":
            return self.cells[position[1]][position[2]]  # type: ignore[index]
        if kind == "row" and self.row_totals is not None:
            return self.row_totals[position[1]]  # type: ignore[index]
        if kind == "col" and self.col_totals is not None:
            return self.col_totals[position[1]]  # type: ignore[index]
        if kind != "grand":
            raise KeyError(position)
        return self.grand_total

    # --- The graph -------------------------------------------------------------------------------

    def _unrelated(self) -> bool:
        return self.row_totals is None and self.col_totals is None and not self.has_grand

    def _row_node(self, r: int) -> str:
        if self._unrelated():
            return "FREE"
        return f"R{r}" if self.row_totals is not None else "FREE_ROWS"

    def _col_node(self, c: int) -> str:
        if self._unrelated():
            return "FREE"
        return f"C{c}" if self.col_totals is not None else "FREE_COLS"

    def _row_hub(self) -> str:
        # Row totals add up to the grand total when it is published or
        # implied by the column totals; otherwise nothing ties them.
        if self.row_totals is None:
            return "FREE_ROWS"
        if self.has_grand or self.col_totals is not None:
            return "ROW_HUB"
        return "FREE_COLS"

    def _col_hub(self) -> str:
        if self.col_totals is None:
            return "FREE_COLS"
        if self.has_grand or self.row_totals is not None:
            return "COL_HUB"
        return "FREE_ROWS"

    def endpoints(self, position: Position) -> tuple[str, str]:
        """The edge of a position, oriented so that flowing along it from the
        first node to the second raises the figure by one."""
        memo = self.__dict__.setdefault("_edges", {})
        found = memo.get(position)
        if found is None:
            found = memo[position] = self._endpoints(position)
        return found  # type: ignore[no-any-return]

    def _endpoints(self, position: Position) -> tuple[str, str]:
        kind = position[0]
        if kind == "cell":
            return self._row_node(position[1]), self._col_node(position[2])  # type: ignore[arg-type]
        if kind == "row":
            return self._row_hub(), self._row_node(position[1])  # type: ignore[arg-type]
        if kind == "col":
            return self._col_node(position[1]), self._col_hub()  # type: ignore[arg-type]
        return self._col_hub(), self._row_hub()

    def implied_grand(self) -> bool:
        return not self.has_grand and self.row_totals is not None and self.col_totals is not None


@dataclass(frozen=True)
class Known:
    """What a reader knows about a hidden figure: its true value (used only
    to decide which changes stay possible) and the published bounds."""

    value: int
    low: float
    high: float


def bounds_for(mark: Mark, value: int, k: int) -> tuple[float, float]:
    if mark == Mark.PRIMARY:
        return 1, k - 1
    if mark == Mark.SECONDARY and value >= k:
        return k, INFINITY
    return 0, INFINITY


def _hidden_edges(grid: Grid, marks: dict[Position, Mark], k: int) -> dict[Position, Known]:
    hidden = {}
    for position, mark in marks.items():
        if mark in HIDDEN:
            value = grid.value(position)
            low, high = bounds_for(mark, value, k)
            hidden[position] = Known(value, low, high)
    if grid.implied_grand():
        # Not published, so unknown to the reader; it still ties the totals.
        hidden[GRAND] = Known(grid.grand_total, 0, INFINITY)
    return hidden


Arcs = dict[str, list[str]]


def _add_arcs(arcs: Arcs, grid: Grid, position: Position, known: Known) -> None:
    tail, head = grid.endpoints(position)
    if known.value + 1 <= known.high:
        arcs.setdefault(tail, []).append(head)
    if known.value - 1 >= known.low:
        arcs.setdefault(head, []).append(tail)


def _arcs(grid: Grid, hidden: dict[Position, Known], skip: Position) -> Arcs:
    arcs: Arcs = {}
    for position, known in hidden.items():
        if position != skip:
            _add_arcs(arcs, grid, position, known)
    return arcs


def _reaches(arcs: Arcs, start: str, goal: str, extra: Arcs | None = None) -> bool:
    if start == goal:
        return True
    seen = {start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in (*arcs.get(node, ()), *(extra.get(node, ()) if extra else ())):
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return False


def _moves(grid: Grid, arcs: Arcs, position: Position, known: Known, extra: Arcs | None = None) -> tuple[bool, bool]:
    tail, head = grid.endpoints(position)
    up = known.value + 1 <= known.high and _reaches(arcs, head, tail, extra)
    down = known.value - 1 >= known.low and _reaches(arcs, tail, head, extra)
    return up, down


def can_move(grid: Grid, hidden: dict[Position, Known], position: Position) -> tuple[bool, bool]:
    """Whether the hidden figure at ``position`` can be one higher, and one
    lower, than its true value while every published figure stays the same
    and every hidden figure stays within its bounds."""
    return _moves(grid, _arcs(grid, hidden, position), position, hidden[position])


def is_protected(grid: Grid, hidden: dict[Position, Known], position: Position) -> bool:
    up, down = can_move(grid, hidden, position)
    return up or down


def unprotected_positions(grid: Grid, marks: dict[Position, Mark], k: int) -> list[Position]:
    """Hidden positions a reader could work out exactly (should be none)."""
    hidden = _hidden_edges(grid, marks, k)
    return [p for p in sorted(hidden, key=_order) if p in marks and not is_protected(grid, hidden, p)]


def _order(position: Position) -> tuple[int, tuple[int, ...]]:
    rank = {"cell": 0, "row": 1, "col": 2, "grand": 3}[str(position[0])]
    return rank, tuple(int(part) for part in position[1:])


def _shares_line(a: Position, b: Position) -> bool:
    def lines(p: Position) -> set[tuple[str, int]]:
        if p[0] == "cell":
            return {("r", int(p[1])), ("c", int(p[2]))}
        if p[0] == "row":
            return {("r", int(p[1])), ("c", -1)}
        if p[0] == "col":
            return {("c", int(p[1])), ("r", -1)}
        return {("r", -1), ("c", -1)}

    return bool(lines(a) & lines(b))


def protect_grid(
    grid: Grid,
    *,
    k: int,
    locked: Iterable[Position] = (),
    group_rows: Iterable[int] = (),
    forced: dict[Position, Mark] | None = None,
) -> dict[Position, Mark] | None:
    """Marks for every position of ``grid``, or None when no safe pattern
    exists (the caller then withholds the table).

    ``locked`` positions stay visible (totals published in another table);
    ``group_rows`` are rows whose cells are all hidden because one category
    holds all the row's reports; ``forced`` positions start hidden."""
    if k < 2:
        raise ValueError("A threshold below 2 protects nothing.")
    locked = frozenset(locked)
    marks: dict[Position, Mark] = dict.fromkeys(grid.positions(), Mark.SHOWN)
    for position in marks:
        value = grid.value(position)
        # A locked figure is published elsewhere already, so it stays.
        if 1 <= value < k and position not in locked:
            marks[position] = Mark.PRIMARY
    for r in group_rows:
        for c in range(grid.n_cols):
            marks[("cell", r, c)] = Mark.GROUP
    for position, mark in (forced or {}).items():
        if marks[position] == Mark.SHOWN:
            marks[position] = mark
    # Hiding more figures only adds edges, so a protected figure stays
    # protected: each figure needs checking until it is.
    safe: set[Position] = set()
    while True:
        hidden = _hidden_edges(grid, marks, k)
        exposed = None
        for position in sorted(hidden, key=_order):
            if position in safe or position not in marks:
                continue
            if is_protected(grid, hidden, position):
                safe.add(position)
            else:
                exposed = position
                break
        if exposed is None:
            return marks
        complement = _choose_complement(grid, marks, hidden, exposed, k=k, locked=locked)
        if complement is None:
            return None
        marks[complement] = Mark.SECONDARY


def _choose_complement(
    grid: Grid,
    marks: dict[Position, Mark],
    hidden: dict[Position, Known],
    exposed: Position,
    *,
    k: int,
    locked: frozenset[Position],
) -> Position | None:
    """The cheapest visible figure whose hiding protects ``exposed``; failing
    that, the first of the cheapest pair that does; failing that, the
    cheapest figure on one of its lines (so the next round has more to work
    with); None when nothing is left to hide."""
    candidates = [p for p, mark in marks.items() if mark == Mark.SHOWN and p not in locked and grid.value(p) > 0]
    if not candidates:
        return None

    def cost(p: Position) -> tuple[int, int, int, int, tuple[int, ...]]:
        value = grid.value(p)
        # A complement of exactly k can only move up (the reader knows it is
        # at least k), so one with room both ways is worth more.
        return (0 if _shares_line(p, exposed) else 1, 0 if p[0] == "cell" else 1, value <= k, value, _order(p)[1])

    candidates.sort(key=cost)

    def arcs_of(*positions: Position) -> Arcs:
        extra: Arcs = {}
        for p in positions:
            value = grid.value(p)
            _add_arcs(extra, grid, p, Known(value, *bounds_for(Mark.SECONDARY, value, k)))
        return extra

    base = _arcs(grid, hidden, exposed)
    target = hidden[exposed]

    def protects(*positions: Position) -> bool:
        return any(_moves(grid, base, exposed, target, arcs_of(*positions)))

    for candidate in candidates:
        if protects(candidate):
            return candidate
    near = [p for p in candidates if _shares_line(p, exposed)]
    for first in near[:12]:
        for second in candidates[:24]:
            if second != first and protects(first, second):
                return first
    return candidates[0]
