"""Writes of activities, their status and their progress updates."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from openinclusie.accounts.models import User
from openinclusie.organisations.models import Organisation
from openinclusie.programme.models import (
    Activity,
    ActivityPhoto,
    ActivityStatus,
    ActivityStatusChange,
    ActivityUpdate,
    Line,
    Objective,
    Programme,
)
from openinclusie.programme.queries import organisation_choices

from .common import excluding
from .edits import ACTIVITY_FIELDS, record_edit, snapshot
from .errors import DuplicateNumberError, OutsideProgrammeError
from .photos import MAX_PHOTOS_PER_UPDATE, CleanPhoto, clean_photo, delete_photos


@dataclass(frozen=True)
class PhotoUpload:
    file: UploadedFile
    description: str


def _check_place(programme: Programme, line: Line | None, objective: Objective | None) -> Line:
    if (line is None) == (objective is None):
        raise OutsideProgrammeError(_("Choose either a line or one of its objectives."))
    owning = line if line is not None else objective.line  # type: ignore[union-attr]
    if owning.programme_id != programme.pk:
        raise OutsideProgrammeError(_("That line is not part of this programme."))
    return owning


def _check_organisations(programme: Programme, organisations: Sequence[Organisation | None]) -> None:
    allowed = set(organisation_choices(programme.municipality).values_list("pk", flat=True))
    if any(organisation is not None and organisation.pk not in allowed for organisation in organisations):
        raise OutsideProgrammeError(_("Only organisations that work in this municipality can take part."))


def number_taken(line: Line, number: int, *, activity: Activity | None = None) -> bool:
    return excluding(Activity.objects.filter(Q(line=line) | Q(objective__line=line), number=number), activity).exists()


@transaction.atomic
def save_activity(
    *,
    programme: Programme,
    line: Line | None,
    objective: Objective | None,
    number: int,
    title: str,
    description: str = "",
    lead_organisation: Organisation | None = None,
    partner_organisations: Sequence[Organisation] = (),
    planned_start: date | None = None,
    planned_end: date | None = None,
    tag: str = "",
    status: str = ActivityStatus.PLANNED,
    completed_on: date | None = None,
    by: User | None,
    now: datetime,
    activity: Activity | None = None,
) -> Activity:
    owning = _check_place(programme, line, objective)
    _check_organisations(programme, [lead_organisation, *partner_organisations])
    if number_taken(owning, number, activity=activity):
        raise DuplicateNumberError(_("Activity %(number)s already exists in this line.") % {"number": number})
    # The fields as stored, to record what this save changes; None for a new one.
    before = None if activity is None else snapshot(activity, ACTIVITY_FIELDS)
    activity = activity or Activity(status=ActivityStatus.PLANNED, created_at=now)
    activity.line, activity.objective = line, objective
    activity.number, activity.title, activity.description = number, title, description
    activity.lead_organisation = lead_organisation
    activity.planned_start, activity.planned_end, activity.tag = planned_start, planned_end, tag
    activity.save()
    activity.partner_organisations.set([o for o in partner_organisations if o != lead_organisation])
    if before is None:
        ActivityStatusChange.objects.create(
            activity=activity, from_status="", to_status=ActivityStatus.PLANNED, changed_at=now, changed_by=by
        )
    else:
        record_edit(activity=activity, before=before, after=snapshot(activity, ACTIVITY_FIELDS), by=by, now=now)
    set_status(activity=activity, status=status, completed_on=completed_on, by=by, now=now)
    return activity


@transaction.atomic
def set_status(
    *,
    activity: Activity,
    status: str,
    completed_on: date | None = None,
    by: User | None,
    now: datetime,
) -> Activity:
    """Change the status and record it in the history. Done needs a date
    (today when none is given); any other status clears it."""
    previous = activity.status
    completed_on = (completed_on or activity.completed_on or now.date()) if status == ActivityStatus.DONE else None
    changed = previous != status
    activity.status, activity.completed_on = status, completed_on
    activity.save(update_fields=["status", "completed_on", "updated_at"])
    if changed:
        ActivityStatusChange.objects.create(
            activity=activity, from_status=previous, to_status=status, changed_at=now, changed_by=by
        )
    return activity


def _check_links(links: Sequence[str]) -> None:
    validate = URLValidator(schemes=["https", "http"])
    try:
        for link in links:
            validate(link)
    except ValidationError as error:
        raise OutsideProgrammeError(_("Links must be web addresses starting with https:// or http://.")) from error


def _check_photo_count(count: int) -> None:
    if count > MAX_PHOTOS_PER_UPDATE:
        raise OutsideProgrammeError(_("At most %(count)s photos per update.") % {"count": MAX_PHOTOS_PER_UPDATE})


def _clean_photos(photos: Sequence[PhotoUpload]) -> list[tuple[CleanPhoto, str]]:
    """Every upload checked and re-encoded without EXIF, before anything is
    written."""
    return [(clean_photo(photo.file), photo.description) for photo in photos]


def _store_photos(update: ActivityUpdate, cleaned: Sequence[tuple[CleanPhoto, str]], now: datetime) -> None:
    for photo, description in cleaned:
        stored = ActivityPhoto(
            update=update,
            description=description,
            content_type=photo.content_type,
            width=photo.width,
            height=photo.height,
            size_bytes=len(photo.content),
            created_at=now,
        )
        stored.file.save(photo.file_name, ContentFile(photo.content), save=False)
        stored.save()


@transaction.atomic
def post_update(
    *,
    activity: Activity,
    organisation: Organisation,
    author: User | None,
    happened_on: date,
    text: str,
    links: Sequence[str] = (),
    participants: int | None = None,
    organisations_reached: int | None = None,
    photos: Sequence[PhotoUpload] = (),
    now: datetime,
) -> ActivityUpdate:
    _check_photo_count(len(photos))
    _check_links(links)
    cleaned = _clean_photos(photos)
    update = ActivityUpdate.objects.create(
        activity=activity,
        happened_on=happened_on,
        text=text,
        links="\n".join(links),
        participants=participants,
        organisations_reached=organisations_reached,
        author=author,
        author_organisation=organisation,
        created_at=now,
    )
    _store_photos(update, cleaned, now)
    return update


@transaction.atomic
def edit_update(
    *,
    update: ActivityUpdate,
    happened_on: date,
    text: str,
    links: Sequence[str] = (),
    participants: int | None = None,
    organisations_reached: int | None = None,
    remove_photos: Sequence[ActivityPhoto] = (),
    add_photos: Sequence[PhotoUpload] = (),
    now: datetime,
) -> ActivityUpdate:
    """Change an update's text and numbers, take away some of its photos and
    add new ones (cleaned like those of a new update). The organisation it
    was posted for, its author and its posting time stay."""
    if any(photo.update_id != update.pk for photo in remove_photos):
        raise OutsideProgrammeError(_("That photo does not belong to this update."))
    removing = {photo.pk for photo in remove_photos}
    kept = update.photos.exclude(pk__in=removing).count()
    _check_photo_count(kept + len(add_photos))
    _check_links(links)
    cleaned = _clean_photos(add_photos)
    update.happened_on, update.text, update.links = happened_on, text, "\n".join(links)
    update.participants, update.organisations_reached = participants, organisations_reached
    update.edited_at = now
    update.save(update_fields=["happened_on", "text", "links", "participants", "organisations_reached", "edited_at"])
    delete_photos(ActivityPhoto.objects.filter(update=update, pk__in=removing))
    _store_photos(update, cleaned, now)
    return update
