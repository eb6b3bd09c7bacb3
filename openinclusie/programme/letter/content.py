"""Everything a letter shows, gathered into one JSON-safe dict. A draft is
built from the live programme each time it is viewed; publishing stores
this dict (the snapshot) and every later rendering reads only the snapshot."""

from collections import Counter
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from openinclusie.programme import computed
from openinclusie.programme.figures_bridge import released_figures
from openinclusie.programme.models import (
    ActivityStatus,
    ActivityUpdate,
    BlockKind,
    Indicator,
    IndicatorSource,
    LetterBlock,
    Programme,
    ProgressLetter,
    Vision,
)
from openinclusie.programme.queries import StatusAt, programme_outline, statuses_at_year_end

from .numbers import display, display_date, plain

SNAPSHOT_VERSION = 1
UPDATES_PER_ACTIVITY = 2


def _block(block: LetterBlock | None) -> dict[str, str]:
    if block is None:
        return {"heading": "", "text": ""}
    return {"heading": block.heading, "text": block.text}


def _value(value: Decimal | None, on: Any, unit: str) -> dict[str, str] | None:
    if value is None:
        return None
    return {
        "value": plain(value),
        "display": display(value, unit),
        "date": on.isoformat(),
        "date_display": display_date(on),
    }


def indicator_data(indicator: Indicator, *, year: int, programme: Programme | None = None) -> dict[str, Any]:
    points = computed.indicator_series(indicator, up_to_year=year, programme=programme)
    latest = computed.latest(points)
    return {
        "id": indicator.pk,
        "number": indicator.number,
        "name": indicator.name,
        "definition": indicator.definition,
        "unit": indicator.unit,
        "source": indicator.source,
        "source_label": str(IndicatorSource(indicator.source).label),
        "baseline": _value(indicator.baseline_value, indicator.baseline_date, indicator.unit),
        "target": _value(indicator.target_value, indicator.target_date, indicator.unit),
        "points": [
            {
                "label": point.label,
                "date": point.on.isoformat(),
                "value": plain(point.value) if point.value is not None else None,
                "display": display(point.value, indicator.unit) if point.value is not None else _("not available"),
                "note": point.note,
            }
            for point in points
        ],
        "latest": _value(latest.value, latest.on, indicator.unit) if latest else None,
    }


def _updates_by_activity(activity_ids: list[int], year: int) -> dict[int, list[dict[str, Any]]]:
    updates = (
        ActivityUpdate.objects.filter(activity_id__in=activity_ids, happened_on__year__lte=year)
        .select_related("author_organisation")
        .order_by("activity_id", "-happened_on", "-pk")
    )
    grouped: dict[int, list[dict[str, Any]]] = {}
    for update in updates:
        bucket = grouped.setdefault(update.activity_id, [])
        if len(bucket) < UPDATES_PER_ACTIVITY:
            bucket.append(
                {
                    "date": update.happened_on.isoformat(),
                    "date_display": display_date(update.happened_on),
                    "text": update.text,
                    "links": update.link_list,
                    "organisation": update.author_organisation.name,
                }
            )
    return grouped


def _in_letter_year(activity: Any, year: int, statuses: dict[int, StatusAt]) -> bool:
    """Activities planned to start after the letter's year are not in it (nor
    one added while the letter was being built, missing from ``statuses``)."""
    planned_in_time = activity.planned_start is None or activity.planned_start.year <= year
    return planned_in_time and activity.pk in statuses


def _period(activity: Any) -> str:
    start, end = activity.planned_start, activity.planned_end
    if start and end:
        return f"{display_date(start)} \u2013 {display_date(end)}"
    return display_date(start or end)


def _figures(letter: ProgressLetter) -> dict[str, Any]:
    figures = released_figures(letter.programme.municipality, letter.year)
    if figures is None or not figures.tables:
        return {"available": False, "tables": [], "notes": [], "note": _("No released figures for this year yet.")}
    return {
        "available": True,
        "released_on": display_date(datetime.fromisoformat(figures.released_on).date()),
        "tables": [
            {
                "title": t.title,
                "description": t.description,
                "columns": t.columns,
                "rows": [{"label": r.label, "values": r.values, "total": r.total} for r in t.rows],
                "notes": t.notes,
                "withheld": t.withheld,
            }
            for t in figures.tables
        ],
        "notes": figures.notes,
        "note": _(
            "These are the figures the anti-discrimination service released for %(year)s, after disclosure "
            "control: small numbers are shown as “< %(k)s” and numbers that would reveal them as “x”."
        )
        % {"year": letter.year, "k": figures.threshold},
    }


def _vision(letter: ProgressLetter) -> dict[str, str] | None:
    vision = (
        Vision.objects.filter(
            municipality=letter.programme.municipality, start_year__lte=letter.year, end_year__gte=letter.year
        )
        .order_by("-start_year")
        .first()
    )
    if vision is None:
        return None
    return {"title": vision.title, "period": f"{vision.start_year}-{vision.end_year}", "ambition": vision.ambition}


def build_letter_data(letter: ProgressLetter, *, published_at: datetime | None = None) -> dict[str, Any]:
    """The letter's data; ``published_at`` when it is being frozen."""
    programme = letter.programme
    municipality = programme.municipality
    blocks = {(b.kind, b.line_number): b for b in letter.blocks.order_by("position")}
    outline = programme_outline(programme)
    activity_ids = [activity.pk for entry in outline for activity in entry.activities]
    updates = _updates_by_activity(activity_ids, letter.year)
    # As they stood on 31 December of the letter's year, not today.
    at_year_end = statuses_at_year_end(programme, letter.year)
    lines = []
    for entry in outline:
        line = entry.line
        activities = [a for a in entry.activities if _in_letter_year(a, letter.year, at_year_end)]
        statuses = Counter(at_year_end[a.pk].status for a in activities)
        lines.append(
            {
                "number": line.number,
                "title": line.title,
                "description": line.description,
                "narrative": _block(blocks.get((BlockKind.LINE, line.number))),
                "objectives": [
                    {
                        "number": objective.number,
                        "text": objective.text,
                        "indicators": [
                            indicator_data(i, year=letter.year, programme=programme) for i in objective.indicators.all()
                        ],
                    }
                    for objective in entry.objectives
                ],
                "activities": [
                    {
                        "number": activity.number,
                        "title": activity.title,
                        "lead": activity.lead_organisation.name if activity.lead_organisation else _("the network"),
                        "partners": [o.name for o in activity.partner_organisations.all()],
                        "period": _period(activity),
                        "status": at_year_end[activity.pk].status,
                        "status_label": str(ActivityStatus(at_year_end[activity.pk].status).label),
                        "completed_on": display_date(at_year_end[activity.pk].completed_on),
                        "updates": updates.get(activity.pk, []),
                    }
                    for activity in activities
                ],
                "status_counts": [
                    {"status": str(s.label), "count": statuses.get(s.value, 0)}
                    for s in ActivityStatus
                    if statuses.get(s.value)
                ],
            }
        )
    return {
        "version": SNAPSHOT_VERSION,
        "title": letter.title,
        "year": letter.year,
        "is_draft": published_at is None,
        "published_at": published_at.isoformat() if published_at else None,
        "date_display": display_date(timezone.localdate(published_at) if published_at else timezone.localdate()),
        "municipality": {
            "name": municipality.name,
            "slug": municipality.slug,
            "colour": municipality.primary_colour,
            "text_colour": municipality.primary_text_colour,
        },
        "programme": {"name": programme.name, "period": programme.period, "introduction": programme.introduction},
        "vision": _vision(letter),
        "introduction": _block(blocks.get((BlockKind.INTRODUCTION, None))),
        "figures_text": _block(blocks.get((BlockKind.FIGURES, None))),
        "closing": _block(blocks.get((BlockKind.CLOSING, None))),
        "lines": lines,
        "figures": _figures(letter),
    }


__all__ = ["build_letter_data", "indicator_data"]
