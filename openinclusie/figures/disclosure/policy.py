"""The thresholds, from settings, checked once at start-up (checks.py)."""

from dataclasses import dataclass

from django.conf import settings

# Fewer reports than this in a cell are shown as "< k". Never below 3.
DEFAULT_MIN_CELL = 5
# Cells of tables by neighbourhood: the municipality may know more about a
# street than about the whole town.
DEFAULT_MIN_AREA_CELL = 10
# Percentages only on a base of at least this many reports.
DEFAULT_MIN_PERCENT_BASE = 20
LOWEST_ALLOWED = 3


@dataclass(frozen=True)
class Policy:
    k: int = DEFAULT_MIN_CELL
    k_area: int = DEFAULT_MIN_AREA_CELL
    min_base: int = DEFAULT_MIN_PERCENT_BASE

    def __post_init__(self) -> None:
        if self.k < LOWEST_ALLOWED:
            raise ValueError(f"The small-cell threshold may not be below {LOWEST_ALLOWED}.")
        if self.k_area < self.k:
            raise ValueError("The neighbourhood threshold may not be below the general threshold.")

    @classmethod
    def from_settings(cls) -> "Policy":
        return cls(
            k=getattr(settings, "FIGURES_MIN_CELL", DEFAULT_MIN_CELL),
            k_area=getattr(settings, "FIGURES_MIN_AREA_CELL", DEFAULT_MIN_AREA_CELL),
            min_base=getattr(settings, "FIGURES_MIN_PERCENT_BASE", DEFAULT_MIN_PERCENT_BASE),
        )
