"""What changed in a programme since a moment (the last published letter):
new activities, status changes, progress updates and measurements, edits
of activities and indicators (which fields), and what was removed."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet

from openinclusie.programme.models import (
    Activity,
    ActivityStatusChange,
    ActivityUpdate,
    Edit,
    Measurement,
    Programme,
    Removal,
)

from .activities import activities_of_programme


@dataclass
class Changes:
    since: datetime | None
    new_activities: QuerySet[Activity]
    status_changes: QuerySet[ActivityStatusChange]
    updates: QuerySet[ActivityUpdate]
    measurements: QuerySet[Measurement]
    removals: QuerySet[Removal]
    edited_activities: QuerySet[Edit]
    edited_indicators: QuerySet[Edit]

    @property
    def is_empty(self) -> bool:
        return not (
            self.new_activities.exists()
            or self.status_changes.exists()
            or self.updates.exists()
            or self.measurements.exists()
            or self.removals.exists()
            or self.edited_activities.exists()
            or self.edited_indicators.exists()
        )


def _in_programme(prefix: str, programme: Programme) -> Q:
    return Q(**{f"{prefix}line__programme": programme}) | Q(**{f"{prefix}objective__line__programme": programme})


def changes_since(programme: Programme, since: datetime | None) -> Changes:
    """Everything after ``since``; everything at all when no letter was
    published yet."""
    new_activities = activities_of_programme(programme)
    status_changes = ActivityStatusChange.objects.filter(_in_programme("activity__", programme)).select_related(
        "activity", "changed_by"
    )
    updates = ActivityUpdate.objects.filter(_in_programme("activity__", programme)).select_related(
        "activity", "author_organisation"
    )
    measurements = Measurement.objects.filter(indicator__objective__line__programme=programme).select_related(
        "indicator"
    )
    removals = Removal.objects.filter(programme=programme).select_related("removed_by")
    edited_activities = Edit.objects.filter(_in_programme("activity__", programme)).select_related(
        "activity__line", "activity__objective__line", "edited_by"
    )
    edited_indicators = Edit.objects.filter(indicator__objective__line__programme=programme).select_related(
        "indicator", "edited_by"
    )
    if since is not None:
        new_activities = new_activities.filter(created_at__gt=since)
        status_changes = status_changes.filter(changed_at__gt=since)
        updates = updates.filter(Q(created_at__gt=since) | Q(edited_at__gt=since))
        measurements = measurements.filter(recorded_at__gt=since)
        removals = removals.filter(removed_at__gt=since)
        edited_activities = edited_activities.filter(edited_at__gt=since)
        edited_indicators = edited_indicators.filter(edited_at__gt=since)
    return Changes(
        since=since,
        new_activities=new_activities,
        status_changes=status_changes.order_by("-changed_at"),
        updates=updates.order_by("-created_at"),
        measurements=measurements.order_by("-recorded_at"),
        removals=removals.order_by("-removed_at", "-pk"),
        edited_activities=edited_activities.order_by("-edited_at", "-pk"),
        edited_indicators=edited_indicators.order_by("-edited_at", "-pk"),
    )
