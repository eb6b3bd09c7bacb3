"""The demo programmes: both seed programmes load, each municipality gets a
published letter with its documents and the ADV's released figures, and
loading twice changes nothing."""

import pytest
from django.db.models import Q

from openinclusie.figures.models import Release
from openinclusie.programme import queries
from openinclusie.programme.models import (
    Activity,
    ActivityPhoto,
    ActivityUpdate,
    Indicator,
    LetterDocument,
    LetterStatus,
    Line,
    Measurement,
    ProgressLetter,
)

pytestmark = pytest.mark.django_db


def _counts():
    return [
        model.objects.count()
        for model in (
            Line,
            Activity,
            ActivityUpdate,
            ActivityPhoto,
            Indicator,
            Measurement,
            ProgressLetter,
            LetterDocument,
            Release,
        )
    ]


def test_the_demo_loads_both_seed_programmes_once(django_capture_on_commit_callbacks):
    from openinclusie.demo.services import load_demo

    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    first = _counts()
    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    assert _counts() == first

    for slug, lines, year in (("zoetermeer", 4, 2025), ("dordrecht", 4, 2024)):
        assert Line.objects.filter(programme__municipality__slug=slug).count() == lines
        letter = ProgressLetter.objects.get(programme__municipality__slug=slug, status=LetterStatus.PUBLISHED)
        assert letter.year == year
        assert {d.format for d in letter.documents.all()} == {"pdf", "docx"}
    zoetermeer_line_1 = Line.objects.get(programme__municipality__slug="zoetermeer", number=1)
    assert Activity.objects.filter(line=zoetermeer_line_1).count() == 8
    assert (
        "Kennisatelier voor evenementorganisatoren"
        in ProgressLetter.objects.get(
            programme__municipality__slug="dordrecht", status=LetterStatus.PUBLISHED
        ).published_html
    )
    # Updates posted after the letter show up as changes.
    assert ActivityUpdate.objects.filter(text__startswith="Datum vastgelegd").exists()

    for slug, year, late_updates in (("zoetermeer", 2025, 2), ("dordrecht", 2024, 1)):
        letter = ProgressLetter.objects.get(programme__municipality__slug=slug, status=LetterStatus.PUBLISHED)
        # The ADV released the letter's year before the letter was published.
        assert Release.objects.filter(municipality__slug=slug, year=year).count() == 1
        snapshot = letter.snapshot
        assert snapshot is not None
        figures = snapshot["figures"]
        assert figures["available"] is True
        assert figures["tables"]
        assert figures["tables"][0]["rows"]
        from_figures = [
            indicator
            for line in snapshot["lines"]
            for objective in line["objectives"]
            for indicator in objective["indicators"]
            if indicator["source"] == "figures"
        ]
        assert from_figures
        for indicator in from_figures:
            # Reports per year: a released number (after disclosure control) for the letter's year.
            assert indicator["latest"] is not None
            assert indicator["latest"]["date"] == f"{year}-12-31"
            assert int(indicator["latest"]["value"]) >= 5
        # The letter reports each activity as it stood at the end of its
        # year: the demo's statuses were reached during the programme, not
        # when the demo was loaded.
        statuses = {activity["status"] for line in snapshot["lines"] for activity in line.get("activities", [])}
        assert {"running", "done"} <= statuses, statuses
        # Only what was posted after the letter is a change since it.
        changes = queries.changes_since(letter.programme, letter.published_at)
        assert not changes.new_activities.exists()
        assert not changes.status_changes.exists()
        assert not changes.measurements.exists()
        assert changes.updates.count() == late_updates
        # Some updates have links, one or two a photo (re-encoded by the upload path).
        updates = ActivityUpdate.objects.filter(
            Q(activity__line__programme=letter.programme) | Q(activity__objective__line__programme=letter.programme)
        )
        assert updates.exclude(links="").count() >= 3
        photos = ActivityPhoto.objects.filter(update__in=updates)
        assert 1 <= photos.count() <= 2
        assert all(photo.content_type == "image/png" and photo.description for photo in photos)
