"""Raw counts as the query module hands them over: exact numbers that must
never leave the ADV without passing through ``protect_overview``."""

from dataclasses import dataclass, field

from .tables import Labels

# The three columns of the Wga registration form, seen from one
# municipality: A residents about an incident in the municipality, B
# residents about an incident elsewhere (or online, or of unknown place),
# C others (living elsewhere or residence unknown) about an incident in it.
COLUMNS = ("A", "B", "C")
# Columns whose incidents happened inside the municipality.
INSIDE = frozenset({"A", "C"})

Counts = dict[str, int]


def total(counts: Counts) -> int:
    return sum(counts.get(column, 0) for column in COLUMNS)


@dataclass(frozen=True)
class Category:
    key: str
    labels: Labels
    level: int = 0
    parent: str | None = None


@dataclass
class RawBreakdown:
    key: str
    categories: list[Category]
    # category key -> column -> count
    counts: dict[str, Counts]
    multi_valued: bool = False
    unit: str = "reports"

    def value(self, category: str, column: str) -> int:
        return self.counts.get(category, {}).get(column, 0)

    def row_total(self, category: str) -> int:
        return sum(self.value(category, column) for column in COLUMNS)


@dataclass
class RawArea:
    """Reports about incidents inside the municipality (columns A and C),
    by neighbourhood and main ground."""

    areas: list[Category]
    grounds: list[Category]
    # area key -> ground key -> reports
    counts: dict[str, Counts]
    # area key -> distinct reports
    totals: Counts

    def value(self, area: str, ground: str) -> int:
        return self.counts.get(area, {}).get(ground, 0)


@dataclass
class RawOverview:
    municipality_slug: str
    municipality_name: str
    year: int
    # Without mass reports: the main figures.
    reports: Counts
    incidents: Counts
    mass_reports: Counts
    mass_incidents: Counts
    # Main-figure breakdowns (without mass reports), in display order.
    breakdowns: list[RawBreakdown]
    subgrounds: RawBreakdown | None
    quarters: dict[int, Counts]
    months: dict[int, Counts]
    area: RawArea | None
    # For the ADV's own, unprotected overview only.
    incident_breakdowns: list[RawBreakdown] = field(default_factory=list)
    mass_breakdowns: list[RawBreakdown] = field(default_factory=list)
    # Reports of this municipality's ADV that count for no municipality
    # (no place and no residence known); ADV overview only.
    unassigned: int = 0
