"""The demo programmes: both seed programmes load, each municipality gets a
published letter with its documents, and loading twice changes nothing."""

import pytest

from openinclusie.programme.models import (
    Activity,
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
        for model in (Line, Activity, ActivityUpdate, Indicator, Measurement, ProgressLetter, LetterDocument)
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
