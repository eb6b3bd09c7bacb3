"""Removing what was made by mistake: progress updates, activities,
indicators, objectives, lines and measurements (draft letters: see
``letters.remove_draft``). Every removal leaves a ``Removal`` record, so the
officer sees it under "what changed since the last letter". Published
letters are untouched: their text, data and documents are frozen copies."""

from collections.abc import Mapping
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from openinclusie.accounts.models import User
from openinclusie.programme.letter.numbers import plain
from openinclusie.programme.models import (
    Activity,
    ActivityPhoto,
    ActivityUpdate,
    Indicator,
    Line,
    Measurement,
    Objective,
    Programme,
    Removal,
    RemovedKind,
    describe_counts,
)
from openinclusie.programme.queries import removals as counted

from .errors import NotEmptyError
from .photos import delete_photos

LABEL_LENGTH = Removal._meta.get_field("label").max_length or 300


def record_removal(
    *, programme: Programme, kind: RemovedKind, label: str, counts: Mapping[str, int], by: User | None, now: datetime
) -> Removal:
    if len(label) > LABEL_LENGTH:
        label = label[: LABEL_LENGTH - 1] + "\u2026"
    return Removal.objects.create(
        programme=programme,
        kind=kind,
        label=label,
        counts={key: count for key, count in counts.items() if count},
        removed_at=now,
        removed_by=by,
    )


def _activity_label(activity: Activity) -> str:
    return f"{activity.owning_line.number}.{activity.number} {activity.title}"


@transaction.atomic
def remove_update(*, update: ActivityUpdate, by: User | None, now: datetime) -> Removal:
    """The update with its photos."""
    activity = update.activity
    removal = record_removal(
        programme=activity.owning_line.programme,
        kind=RemovedKind.UPDATE,
        label=f"{_activity_label(activity)}: {update.happened_on.isoformat()}, {update.author_organisation.name}",
        counts=counted.goes_with_update(update),
        by=by,
        now=now,
    )
    delete_photos(ActivityPhoto.objects.filter(update=update))
    update.delete()
    return removal


@transaction.atomic
def remove_activity(*, activity: Activity, by: User | None, now: datetime) -> Removal:
    """The activity with its progress updates, their photos and its status
    history."""
    removal = record_removal(
        programme=activity.owning_line.programme,
        kind=RemovedKind.ACTIVITY,
        label=_activity_label(activity),
        counts=counted.goes_with_activity(activity),
        by=by,
        now=now,
    )
    delete_photos(ActivityPhoto.objects.filter(update__activity=activity))
    activity.delete()
    return removal


@transaction.atomic
def remove_indicator(*, indicator: Indicator, by: User | None, now: datetime) -> Removal:
    """The indicator with its measurements."""
    objective = indicator.objective
    removal = record_removal(
        programme=objective.line.programme,
        kind=RemovedKind.INDICATOR,
        label=f"{objective.line.number}.{objective.number} {indicator.name}",
        counts=counted.goes_with_indicator(indicator),
        by=by,
        now=now,
    )
    indicator.delete()
    return removal


def _listed(counts: Mapping[str, int]) -> str:
    """E.g. "2 activities and 1 indicator"; empty when all counts are zero."""
    things = describe_counts(counts)
    if len(things) < 2:
        return "".join(things)
    return _("%(first)s and %(last)s") % {"first": ", ".join(things[:-1]), "last": things[-1]}


def objective_blocker(objective: Objective) -> str:
    """Why the objective cannot be removed yet, and what to do first; empty
    when it can be removed."""
    counts = counted.in_the_way_of_objective(objective)
    children = _listed(counts)
    if not children:
        return ""
    texts = [
        _("Objective %(line)s.%(number)s still has %(children)s.")
        % {"line": objective.line.number, "number": objective.number, "children": children}
    ]
    if counts["activities"]:
        texts.append(_("Move its activities to another line or objective (edit each activity), or remove them."))
    if counts["indicators"]:
        texts.append(_("Remove its indicators."))
    return " ".join(texts)


def line_blocker(line: Line) -> str:
    """Why the line cannot be removed yet, and what to do first; empty when
    it can be removed."""
    counts = counted.in_the_way_of_line(line)
    children = _listed(counts)
    if not children:
        return ""
    texts = [_("Line %(number)s still has %(children)s.") % {"number": line.number, "children": children}]
    if counts["activities"]:
        texts.append(_("Move its activities to another line (edit each activity), or remove them."))
    if counts["objectives"]:
        texts.append(_("Remove its objectives; an objective can be removed once it has no activities or indicators."))
    return " ".join(texts)


@transaction.atomic
def remove_objective(*, objective: Objective, by: User | None, now: datetime) -> Removal:
    """Only an empty objective: its activities and indicators are moved or
    removed first, so nothing disappears unseen."""
    objective = Objective.objects.select_for_update().select_related("line__programme").get(pk=objective.pk)
    blocker = objective_blocker(objective)
    if blocker:
        raise NotEmptyError(blocker)
    removal = record_removal(
        programme=objective.line.programme,
        kind=RemovedKind.OBJECTIVE,
        label=f"{objective.line.number}.{objective.number} {objective.text}",
        counts={},
        by=by,
        now=now,
    )
    objective.delete()
    return removal


@transaction.atomic
def remove_line(*, line: Line, by: User | None, now: datetime) -> Removal:
    """Only an empty line: its objectives are removed and its activities
    moved or removed first. Its text in the programme's draft letters goes
    with it; published letters keep theirs."""
    line = Line.objects.select_for_update().select_related("programme").get(pk=line.pk)
    blocker = line_blocker(line)
    if blocker:
        raise NotEmptyError(blocker)
    removal = record_removal(
        programme=line.programme,
        kind=RemovedKind.LINE,
        label=str(line),
        counts=counted.goes_with_line(line),
        by=by,
        now=now,
    )
    counted.draft_line_texts(line).delete()
    line.delete()
    return removal


@transaction.atomic
def remove_measurement(*, measurement: Measurement, by: User | None, now: datetime) -> Removal:
    indicator = measurement.indicator
    unit = f" {indicator.unit}" if indicator.unit else ""
    removal = record_removal(
        programme=indicator.objective.line.programme,
        kind=RemovedKind.MEASUREMENT,
        label=f"{indicator.name}: {plain(measurement.value)}{unit} ({measurement.measured_on.isoformat()})",
        counts={},
        by=by,
        now=now,
    )
    measurement.delete()
    return removal
