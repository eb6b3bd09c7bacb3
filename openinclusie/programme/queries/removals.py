"""What goes along with a removal, or stands in its way: counted once for
the confirmation page and again, inside the removal's transaction, for the
record of it."""

from django.db.models import Q, QuerySet

from openinclusie.programme.models import (
    Activity,
    ActivityPhoto,
    ActivityUpdate,
    BlockKind,
    Indicator,
    LetterBlock,
    LetterStatus,
    Line,
    Objective,
    ProgressLetter,
)


def goes_with_update(update: ActivityUpdate) -> dict[str, int]:
    return {"photos": update.photos.count()}


def goes_with_activity(activity: Activity) -> dict[str, int]:
    return {
        "updates": activity.updates.count(),
        "photos": ActivityPhoto.objects.filter(update__activity=activity).count(),
        "status_changes": activity.status_changes.count(),
    }


def goes_with_indicator(indicator: Indicator) -> dict[str, int]:
    return {"measurements": indicator.measurements.count()}


def goes_with_line(line: Line) -> dict[str, int]:
    """The line's text in the programme's draft letters (published letters
    keep theirs)."""
    return {"letter_texts": draft_line_texts(line).count()}


def goes_with_letter(letter: ProgressLetter) -> dict[str, int]:
    return {"texts": letter.blocks.count()}


def draft_line_texts(line: Line) -> QuerySet[LetterBlock]:
    return LetterBlock.objects.filter(
        letter__programme_id=line.programme_id,
        letter__status=LetterStatus.DRAFT,
        kind=BlockKind.LINE,
        line_number=line.number,
    )


def in_the_way_of_objective(objective: Objective) -> dict[str, int]:
    """What must be moved or removed before the objective can go."""
    return {"activities": objective.activities.count(), "indicators": objective.indicators.count()}


def in_the_way_of_line(line: Line) -> dict[str, int]:
    return {
        "objectives": line.objectives.count(),
        "activities": Activity.objects.filter(Q(line=line) | Q(objective__line=line)).count(),
    }
