"""Each activity's status as it stood at the end of a year, read from the
status history, so a letter drafted in February reports the year it is
about rather than today."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from openinclusie.programme.models import Activity, ActivityStatus, ActivityStatusChange, Programme


@dataclass(frozen=True)
class StatusAt:
    status: str
    completed_on: date | None


def year_end(year: int) -> datetime:
    """The first moment after 31 December of ``year``, local time."""
    return timezone.make_aware(datetime(year + 1, 1, 1), timezone.get_default_timezone())  # noqa: DTZ001


@dataclass(frozen=True)
class _Row:
    status: str
    completed_on: date | None
    then: str | None  # the last change before the year ended: to...
    then_from: str | None  # ...and from
    first_from: str | None  # the first change ever: from


def _status_at(row: _Row) -> str:
    if row.then is not None:
        status, before = row.then, row.then_from
    elif row.first_from == "":
        # Entered only after the year: nothing was recorded of it by then, so
        # it stands as every activity starts, planned.
        status, before = ActivityStatus.PLANNED.value, None
    elif row.first_from is not None:  # changed only after the year: what it was before
        status, before = row.first_from, None
    else:  # no history at all (made outside the services): it never changed
        status, before = row.status, None
    if status == ActivityStatus.DONE and row.status == ActivityStatus.DONE and row.completed_on:
        # Done now, with a completion date after the year: not done yet then.
        status = before or ActivityStatus.PLANNED.value
    return status


def statuses_at_year_end(programme: Programme, year: int) -> dict[int, StatusAt]:
    """By activity id, the status each activity of the programme had on
    31 December of ``year``, in one query: the last change recorded by then.
    The completion date decides for a done activity, also when its status
    was set later or ahead of time (the indicators count by it too)."""
    end = year_end(year)
    changes = ActivityStatusChange.objects.filter(activity_id=OuterRef("pk"))
    before = changes.filter(changed_at__lt=end).order_by("-changed_at", "-pk")
    rows = (
        Activity.objects.filter(Q(line__programme=programme) | Q(objective__line__programme=programme))
        .annotate(
            then=Subquery(before.values("to_status")[:1]),
            then_from=Subquery(before.values("from_status")[:1]),
            first_from=Subquery(changes.order_by("changed_at", "pk").values("from_status")[:1]),
        )
        .values_list("pk", "status", "completed_on", "then", "then_from", "first_from")
    )
    last_day = date(year, 12, 31)
    statuses = {}
    for pk, *fields in rows:
        row = _Row(*fields)
        if row.status == ActivityStatus.DONE and row.completed_on is not None and row.completed_on <= last_day:
            statuses[pk] = StatusAt(ActivityStatus.DONE.value, row.completed_on)
        else:
            statuses[pk] = StatusAt(_status_at(row), None)
    return statuses
