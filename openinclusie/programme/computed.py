"""Indicator values over time: measurements for hand-entered indicators,
and per-year values computed from the programme's activities or from the
released figures."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from .figures_bridge import released_figures
from .models import (
    Activity,
    ActivityMeasure,
    ActivityStatus,
    ActivityUpdate,
    Indicator,
    IndicatorSource,
    Programme,
)


@dataclass(frozen=True)
class Point:
    on: date
    label: str
    value: Decimal | None
    note: str = ""


def _in_programme(programme_id: int, prefix: str = "") -> Q:
    return Q(**{f"{prefix}line__programme_id": programme_id}) | Q(
        **{f"{prefix}objective__line__programme_id": programme_id}
    )


def activity_values_by_year(indicator: Indicator, *, programme_id: int, up_to_year: int) -> dict[int, Decimal]:
    """One number per calendar year over the programme's activities of the
    indicator's type: activities done in that year, or participants and
    organisations summed over the updates dated in that year."""
    tag = indicator.activity_tag
    rows: Any
    if indicator.activity_measure == ActivityMeasure.DONE_COUNT:
        rows = (
            Activity.objects.filter(_in_programme(programme_id), tag=tag, status=ActivityStatus.DONE)
            .filter(completed_on__year__lte=up_to_year)
            .annotate(year=ExtractYear("completed_on"))
            .values("year")
            .annotate(total=Count("pk"))
        )
    else:
        field = (
            "participants" if indicator.activity_measure == ActivityMeasure.PARTICIPANTS else "organisations_reached"
        )
        rows = (
            ActivityUpdate.objects.filter(_in_programme(programme_id, "activity__"), activity__tag=tag)
            .filter(**{f"{field}__isnull": False}, happened_on__year__lte=up_to_year)
            .annotate(year=ExtractYear("happened_on"))
            .values("year")
            .annotate(total=Sum(field))
        )
    return {row["year"]: Decimal(row["total"] or 0) for row in rows}


def indicator_series(indicator: Indicator, *, up_to_year: int, programme: Programme | None = None) -> list[Point]:
    """The values to show against baseline and target, oldest first, up to
    and including ``up_to_year``."""
    if indicator.source == IndicatorSource.MANUAL:
        return [
            Point(on=m.measured_on, label=m.measured_on.isoformat(), value=m.value, note=m.note)
            for m in indicator.measurements.filter(measured_on__year__lte=up_to_year).order_by("measured_on")
        ]
    programme = programme or indicator.objective.line.programme
    years = range(programme.start_year, up_to_year + 1)
    if indicator.source == IndicatorSource.ACTIVITIES:
        values = activity_values_by_year(indicator, programme_id=programme.pk, up_to_year=up_to_year)
        return [Point(on=date(y, 12, 31), label=str(y), value=values.get(y, Decimal(0))) for y in years]
    points = []
    for year in years:
        figures = released_figures(programme.municipality, year)
        value = figures.measure(indicator.figures_measure, indicator.figures_channel) if figures else None
        if figures is None:
            note = _("no released figures")
        elif value is None:
            # Hidden by disclosure control, or too few reports for a share.
            note = _("the released figures do not show this number")
        else:
            note = ""
        points.append(Point(on=date(year, 12, 31), label=str(year), value=value, note=note))
    return points


def latest(points: list[Point]) -> Point | None:
    known = [point for point in points if point.value is not None]
    return known[-1] if known else None
