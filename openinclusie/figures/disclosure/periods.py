"""Only fixed periods and fixed areas can be asked for (STAT-04): a
calendar year, a quarter of it or a month of it, and a municipality or one
of its neighbourhoods. Overlapping windows that could be subtracted from
each other cannot be expressed."""

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from openinclusie.core.exceptions import DomainError

PERIOD_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-Q(?P<quarter>[1-4])|-(?P<month>0[1-9]|1[0-2]))?$")
FIRST_YEAR = 2000
LAST_YEAR = 2100


class InvalidPeriod(DomainError):
    pass


@dataclass(frozen=True)
class Period:
    year: int
    quarter: int | None = None
    month: int | None = None

    @property
    def kind(self) -> str:
        if self.month is not None:
            return "month"
        if self.quarter is not None:
            return "quarter"
        return "year"

    def __str__(self) -> str:
        if self.month is not None:
            return f"{self.year}-{self.month:02d}"
        if self.quarter is not None:
            return f"{self.year}-Q{self.quarter}"
        return str(self.year)


def parse_period(text: str) -> Period:
    match = PERIOD_PATTERN.match(text.strip())
    if match is None:
        raise InvalidPeriod(
            "Use a year (2025), a quarter (2025-Q2) or a month (2025-03); other periods are not offered."
        )
    year = int(match["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidPeriod("Year out of range.")
    return Period(
        year=year,
        quarter=int(match["quarter"]) if match["quarter"] else None,
        month=int(match["month"]) if match["month"] else None,
    )


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """The start of the year and of the next, in the platform's time zone:
    a report counts in the year it was received there."""
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


def years_bounds(first: int, last: int) -> tuple[datetime, datetime]:
    return year_bounds(first)[0], year_bounds(last)[1]
