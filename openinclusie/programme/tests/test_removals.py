"""Removing and correcting what was made by mistake, at the service level:
what goes along, what stands in the way, what is recorded, and that a
published letter is never touched."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from openinclusie.programme.models import (
    Activity,
    ActivityPhoto,
    ActivityStatus,
    ActivityStatusChange,
    ActivityUpdate,
    BlockKind,
    Indicator,
    LetterBlock,
    LetterStatus,
    Line,
    Measurement,
    Objective,
    ProgressLetter,
    Removal,
    RemovedKind,
)
from openinclusie.programme.queries import changes_since
from openinclusie.programme.services import activities as activity_services
from openinclusie.programme.services import indicators as indicator_services
from openinclusie.programme.services import letters, removals
from openinclusie.programme.services.errors import (
    DuplicateNumberError,
    LetterFrozenError,
    NotEmptyError,
    OutsideProgrammeError,
)

from .factories import (
    ActivityFactory,
    ActivityUpdateFactory,
    IndicatorFactory,
    LineFactory,
    MeasurementFactory,
    ObjectiveFactory,
    ProgrammeFactory,
)
from .test_photos import GPS_IFD, jpeg_with_gps

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 2, 2, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def plan(world):
    programme = ProgrammeFactory(municipality=world["town_a"], start_year=2025, end_year=2026)
    line = LineFactory(programme=programme, number=1, title="Samen leven")
    objective = ObjectiveFactory(line=line, number=1, text="Meer mensen kennen de ADV")
    indicator = IndicatorFactory(objective=objective, number=1, name="Bekendheid ADV")
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2025, 6, 1), value=Decimal("22"))
    activity = ActivityFactory(objective=objective, line=None, number=1, title="Campagne", lead_organisation=None)
    return {"programme": programme, "line": line, "objective": objective, "indicator": indicator, "activity": activity}


def _photo(description: str = "Deelnemers") -> activity_services.PhotoUpload:
    return activity_services.PhotoUpload(
        file=SimpleUploadedFile("IMG_1.jpg", jpeg_with_gps(), content_type="image/jpeg"), description=description
    )


def _update_with_photos(activity, organisation, count: int = 2) -> ActivityUpdate:
    return activity_services.post_update(
        activity=activity,
        organisation=organisation,
        author=None,
        happened_on=datetime.date(2025, 5, 1),
        text="Campagne gestart.",
        photos=[_photo(f"Foto {n}") for n in range(1, count + 1)],
        now=NOW,
    )


def test_removing_an_activity_takes_its_updates_photos_and_history_and_is_recorded(
    english_ui, world, plan, django_capture_on_commit_callbacks
):
    activity = plan["activity"]
    activity_services.set_status(activity=activity, status=ActivityStatus.RUNNING, by=None, now=NOW)
    update = _update_with_photos(activity, world["partner_a"])
    ActivityUpdateFactory(activity=activity)
    files = [(photo.file.storage, photo.file.name) for photo in update.photos.all()]
    assert all(storage.exists(name) for storage, name in files)
    other = ActivityFactory(line=plan["line"], number=2)
    ActivityUpdateFactory(activity=other)

    with django_capture_on_commit_callbacks(execute=True):
        removal = removals.remove_activity(activity=activity, by=None, now=NOW)

    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert not ActivityUpdate.objects.filter(activity_id=activity.pk).exists()
    assert not ActivityPhoto.objects.exists()
    assert not ActivityStatusChange.objects.filter(activity_id=activity.pk).exists()
    assert not any(storage.exists(name) for storage, name in files)
    # The other activity is untouched.
    assert ActivityUpdate.objects.filter(activity=other).count() == 1
    assert removal.kind == RemovedKind.ACTIVITY
    assert removal.programme == plan["programme"]
    assert removal.label == "1.1 Campagne"
    assert removal.counts == {"updates": 2, "photos": 2, "status_changes": 1}
    assert removal.removed_with == ["2 progress updates", "2 photos", "1 status change"]


def test_a_failed_removal_keeps_the_photo_files(world, plan, django_capture_on_commit_callbacks):
    update = _update_with_photos(plan["activity"], world["partner_a"], count=1)
    photo = update.photos.get()

    def remove_then_fail() -> None:
        with transaction.atomic():
            removals.remove_update(update=update, by=None, now=NOW)
            raise RuntimeError("rolled back")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        remove_then_fail()
    assert callbacks == []
    assert ActivityPhoto.objects.filter(pk=photo.pk).exists()
    assert photo.file.storage.exists(photo.file.name)


def test_removing_an_indicator_takes_its_measurements(plan):
    indicator = plan["indicator"]
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2025, 12, 1), value=Decimal("25"))
    removal = removals.remove_indicator(indicator=indicator, by=None, now=NOW)
    assert not Indicator.objects.filter(pk=indicator.pk).exists()
    assert not Measurement.objects.exists()
    assert removal.counts == {"measurements": 2}
    assert removal.label == "1.1 Bekendheid ADV"


def test_an_objective_goes_only_when_nothing_is_left_in_it(english_ui, plan):
    objective = plan["objective"]
    with pytest.raises(NotEmptyError) as refused:
        removals.remove_objective(objective=objective, by=None, now=NOW)
    assert "Objective 1.1 still has 1 activity and 1 indicator." in str(refused.value)
    assert Objective.objects.filter(pk=objective.pk).exists()
    assert not Removal.objects.exists()

    # Move the activity to the line itself and remove the indicator: now it can go.
    activity = plan["activity"]
    activity.objective, activity.line = None, plan["line"]
    activity.save()
    removals.remove_indicator(indicator=plan["indicator"], by=None, now=NOW)
    assert removals.objective_blocker(objective) == ""
    removal = removals.remove_objective(objective=objective, by=None, now=NOW)
    assert not Objective.objects.filter(pk=objective.pk).exists()
    assert removal.kind == RemovedKind.OBJECTIVE
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_a_line_goes_only_when_empty_and_takes_its_text_from_draft_letters_only(english_ui, world, plan):
    line = plan["line"]
    with pytest.raises(NotEmptyError) as refused:
        removals.remove_line(line=line, by=None, now=NOW)
    assert "Line 1 still has 1 objective and 1 activity." in str(refused.value)

    empty = LineFactory(programme=plan["programme"], number=2, title="Werkgever")
    draft = letters.create_draft(programme=plan["programme"], year=2025, by=None, now=NOW)
    published = letters.create_draft(programme=plan["programme"], year=2026, by=None, now=NOW)
    from openinclusie.accounts.tests.factories import UserFactory

    letters.publish(letter=published, by=UserFactory(), now=NOW)
    line_texts = LetterBlock.objects.filter(kind=BlockKind.LINE, line_number=2)
    assert set(line_texts.values_list("letter_id", flat=True)) == {draft.pk, published.pk}

    removal = removals.remove_line(line=empty, by=None, now=NOW)

    assert not Line.objects.filter(pk=empty.pk).exists()
    assert list(line_texts.values_list("letter_id", flat=True)) == [published.pk]
    assert removal.counts == {"letter_texts": 1}
    assert Line.objects.filter(pk=line.pk).exists()


def test_a_draft_letter_can_be_removed_and_a_published_one_cannot(plan):
    from openinclusie.accounts.tests.factories import UserFactory

    draft = letters.create_draft(programme=plan["programme"], year=2025, by=None, now=NOW)
    removal = letters.remove_draft(letter=draft, by=None, now=NOW)
    assert not ProgressLetter.objects.filter(pk=draft.pk).exists()
    assert not LetterBlock.objects.filter(letter_id=draft.pk).exists()
    assert removal.kind == RemovedKind.LETTER
    assert removal.counts == {"texts": 4}
    # The year is free again.
    letters.create_draft(programme=plan["programme"], year=2025, by=None, now=NOW)

    published = letters.create_draft(programme=plan["programme"], year=2026, by=None, now=NOW)
    letters.publish(letter=published, by=UserFactory(), now=NOW)
    published = ProgressLetter.objects.get(pk=published.pk)
    with pytest.raises(LetterFrozenError):
        letters.remove_draft(letter=published, by=None, now=NOW)
    # Even a stale copy that still says "draft" is refused: the service
    # reads the status again under a lock.
    stale = ProgressLetter.objects.get(pk=published.pk)
    stale.status = LetterStatus.DRAFT
    with pytest.raises(LetterFrozenError):
        letters.remove_draft(letter=stale, by=None, now=NOW)
    after = ProgressLetter.objects.get(pk=published.pk)
    assert after.status == LetterStatus.PUBLISHED
    assert after.published_html == published.published_html
    assert after.blocks.count() == published.blocks.count()
    assert not Removal.objects.filter(kind=RemovedKind.LETTER, label__startswith=published.title).exists()


def test_removals_since_the_last_letter_are_listed_as_changes(world, plan):
    from openinclusie.accounts.tests.factories import UserFactory

    officer = UserFactory()
    before = removals.remove_measurement(
        measurement=Measurement.objects.get(), by=officer, now=NOW - datetime.timedelta(days=30)
    )
    since = NOW - datetime.timedelta(days=1)
    after = removals.remove_activity(activity=plan["activity"], by=officer, now=NOW)
    assert list(changes_since(plan["programme"], since).removals) == [after]
    assert set(changes_since(plan["programme"], None).removals) == {before, after}
    assert not changes_since(plan["programme"], since).is_empty
    # Another programme's removals are not this programme's changes.
    other = ProgrammeFactory(municipality=world["town_b"])
    assert not changes_since(other, None).removals.exists()


def test_editing_an_update_keeps_removes_and_adds_photos_without_exif(world, plan):
    update = _update_with_photos(plan["activity"], world["partner_a"], count=2)
    first, second = update.photos.order_by("pk")
    activity_services.edit_update(
        update=update,
        happened_on=datetime.date(2025, 5, 2),
        text="Campagne gestart, met posters.",
        links=["https://example.org/posters"],
        participants=30,
        remove_photos=[first],
        add_photos=[_photo("Poster bij de bibliotheek")],
        now=NOW,
    )
    update.refresh_from_db()
    assert update.text == "Campagne gestart, met posters."
    assert update.link_list == ["https://example.org/posters"]
    assert update.participants == 30
    assert update.author_organisation == world["partner_a"]
    photos = list(update.photos.order_by("pk"))
    assert [p.description for p in photos] == ["Foto 2", "Poster bij de bibliotheek"]
    assert photos[0].pk == second.pk
    added = photos[1]
    with added.file.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
        assert not image.getexif().get_ifd(GPS_IFD)
        assert dict(image.getexif()) == {}
    assert "IMG_1" not in str(added.file.name)


def test_editing_an_update_keeps_to_the_rules_of_a_new_one(world, plan):
    update = _update_with_photos(plan["activity"], world["partner_a"], count=3)
    other = _update_with_photos(plan["activity"], world["partner_a"], count=1)
    base = {"update": update, "happened_on": datetime.date(2025, 5, 1), "text": "x", "now": NOW}
    with pytest.raises(OutsideProgrammeError):
        activity_services.edit_update(**base, add_photos=[_photo(), _photo()])  # 5 photos
    with pytest.raises(OutsideProgrammeError):
        activity_services.edit_update(**base, links=["javascript:alert(1)"])
    with pytest.raises(OutsideProgrammeError):
        activity_services.edit_update(**base, remove_photos=[other.photos.get()])
    assert update.photos.count() == 3
    assert other.photos.count() == 1
    # Taking one away makes room for two new ones.
    activity_services.edit_update(
        **base, remove_photos=[update.photos.order_by("pk")[0]], add_photos=[_photo(), _photo()]
    )
    assert update.photos.count() == 4


def test_editing_a_measurement_counts_as_recording_it_again(plan):
    from openinclusie.accounts.tests.factories import UserFactory

    measurement = Measurement.objects.get()
    MeasurementFactory(indicator=plan["indicator"], measured_on=datetime.date(2025, 12, 1))
    with pytest.raises(DuplicateNumberError):
        indicator_services.edit_measurement(
            measurement=measurement, measured_on=datetime.date(2025, 12, 1), value=Decimal(1), by=None, now=NOW
        )
    officer = UserFactory()
    later = timezone.now() + datetime.timedelta(hours=1)
    indicator_services.edit_measurement(
        measurement=measurement,
        measured_on=datetime.date(2025, 6, 2),
        value=Decimal("23.5"),
        note="Na correctie",
        by=officer,
        now=later,
    )
    measurement.refresh_from_db()
    assert (measurement.measured_on, measurement.value, measurement.note) == (
        datetime.date(2025, 6, 2),
        Decimal("23.5"),
        "Na correctie",
    )
    assert (measurement.recorded_at, measurement.recorded_by) == (later, officer)
    assert list(changes_since(plan["programme"], later - datetime.timedelta(minutes=1)).measurements) == [measurement]


def test_an_update_edited_after_the_last_letter_is_among_the_changes(world, plan):
    update = _update_with_photos(plan["activity"], world["partner_a"], count=0)
    letter_published_at = NOW + datetime.timedelta(days=1)
    programme = plan["programme"]
    assert update not in changes_since(programme, letter_published_at).updates
    activity_services.edit_update(
        update=update,
        happened_on=update.happened_on,
        text="Campagne gestart; 40 posters opgehangen.",
        now=NOW + datetime.timedelta(days=2),
    )
    changed = list(changes_since(programme, letter_published_at).updates)
    assert changed == [update]
    assert changed[0].edited_at == NOW + datetime.timedelta(days=2)
