"""A small linear-programming solver (dense two-phase simplex, Bland's
rule) for the disclosure tests. It is independent of the suppression code
on purpose: the tests use it to solve a published table as a linear system
and try to pin each hidden figure down to one value.

It computes in floating point with a tolerance: the systems hold small
integers and sums with coefficients of 1, so the corners are integers and
rounding cannot turn "two values" into "one value" unnoticed (the tests
also check that the corners found are integers)."""

from dataclasses import dataclass

EPS = 1e-9


@dataclass
class LinearSystem:
    """Unknowns x >= 0 with equalities ``sum(coef * x) == rhs`` and
    inequalities ``sum(coef * x) <= rhs``, each given as ({index: coef}, rhs)."""

    size: int
    equalities: list[tuple[dict[int, int], int]]
    inequalities: list[tuple[dict[int, int], int]]

    def with_bounds(self, index: int, low: float, high: float) -> None:
        if low > 0:
            self.inequalities.append(({index: -1}, -int(low)))
        if high != float("inf"):
            self.inequalities.append(({index: 1}, int(high)))


class Unbounded(Exception):
    pass


class Infeasible(Exception):
    pass


def _pivot(rows: list[list[float]], objective: list[float], basis: list[int], r: int, c: int) -> None:
    pivot_row = rows[r]
    factor = pivot_row[c]
    rows[r] = pivot_row = [value / factor for value in pivot_row]
    for i, row in enumerate(rows):
        if i != r and abs(row[c]) > EPS:
            ratio = row[c]
            rows[i] = [a - ratio * b for a, b in zip(row, pivot_row, strict=True)]
            rows[i][c] = 0.0
    if objective[c] != 0:
        ratio = objective[c]
        objective[:] = [a - ratio * b for a, b in zip(objective, pivot_row, strict=True)]
    basis[r] = c


def _run(rows: list[list[float]], objective: list[float], basis: list[int], allowed: int) -> None:
    """Minimise; ``objective`` holds reduced costs with -value in the last
    place. Only columns below ``allowed`` may enter."""
    while True:
        entering = next((c for c in range(allowed) if objective[c] < -EPS), None)
        if entering is None:
            return
        best = None
        for r, row in enumerate(rows):
            if row[entering] > EPS:
                ratio = row[-1] / row[entering]
                if best is None or ratio < best[0] - EPS or (abs(ratio - best[0]) <= EPS and basis[r] < basis[best[1]]):
                    best = (ratio, r)
        if best is None:
            raise Unbounded
        _pivot(rows, objective, basis, best[1], entering)


def minimise(system: LinearSystem, cost: dict[int, int]) -> tuple[float, list[float]]:
    """Smallest value of ``sum(cost * x)`` and a point reaching it."""
    n = system.size
    constraints: list[tuple[dict[int, int], int, bool]] = [(coef, rhs, True) for coef, rhs in system.equalities]
    constraints += [(coef, rhs, False) for coef, rhs in system.inequalities]
    n_slack = sum(1 for *_rest, is_eq in constraints if not is_eq)
    # A "<=" row with a non-negative right-hand side starts with its slack in
    # the basis; every other row needs an artificial variable.
    needs_artificial = [is_eq or rhs < 0 for _coef, rhs, is_eq in constraints]
    n_artificial = sum(needs_artificial)
    width = n + n_slack + n_artificial
    rows: list[list[float]] = []
    basis: list[int] = []
    slack = n
    artificial = n + n_slack
    for (coef, rhs, is_eq), with_artificial in zip(constraints, needs_artificial, strict=True):
        row = [float(0)] * (width + 1)
        for column, value in coef.items():
            row[column] = float(value)
        slack_column = None
        if not is_eq:
            row[slack] = float(1)
            slack_column = slack
            slack += 1
        row[-1] = float(rhs)
        if row[-1] < 0:
            row = [-value for value in row]
        if with_artificial:
            row[artificial] = float(1)
            basis.append(artificial)
            artificial += 1
        else:
            basis.append(slack_column)  # type: ignore[arg-type]
        rows.append(row)
    # Phase 1: drive the artificial variables out.
    objective = [float(0)] * (width + 1)
    for r, row in enumerate(rows):
        if basis[r] >= n + n_slack:
            objective = [a - b for a, b in zip(objective, row, strict=True)]
    for r in range(len(rows)):
        objective[basis[r]] = float(0)
    _run(rows, objective, basis, width)
    if abs(objective[-1]) > 1e-7:
        raise Infeasible
    for r in range(len(rows)):
        if basis[r] >= n + n_slack:
            entering = next((c for c in range(n + n_slack) if abs(rows[r][c]) > EPS), None)
            if entering is not None:
                _pivot(rows, objective, basis, r, entering)
    # Phase 2.
    objective = [float(0)] * (width + 1)
    for column, value in cost.items():
        objective[column] = float(value)
    for r, row in enumerate(rows):
        if abs(objective[basis[r]]) > EPS:
            ratio = objective[basis[r]]
            objective = [a - ratio * b for a, b in zip(objective, row, strict=True)]
    _run(rows, objective, basis, n + n_slack)
    point = [float(0)] * n
    for r, column in enumerate(basis):
        if column < n:
            point[column] = rows[r][-1]
    return -objective[-1], point


def range_of(system: LinearSystem, index: int) -> tuple[float, float | None, list[float], list[float] | None]:
    """Lowest and highest value unknown ``index`` can take (None: no upper
    limit), with a point reaching each."""
    low, low_point = minimise(system, {index: 1})
    try:
        negative_high, high_point = minimise(system, {index: -1})
    except Unbounded:
        return low, None, low_point, None
    return low, -negative_high, low_point, high_point
