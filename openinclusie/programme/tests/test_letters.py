"""The letter's life: draft, edit, publish, frozen; and what it contains."""

import datetime

import pytest
from django.utils import timezone

from openinclusie.programme.letter.content import build_letter_data
from openinclusie.programme.models import ActivityStatus, LetterDocument, LetterStatus, ProgressLetter
from openinclusie.programme.services import activities as activity_services
from openinclusie.programme.services import letters
from openinclusie.programme.services.errors import LetterExistsError, LetterFrozenError, OutsideProgrammeError

from .factories import (
    ActivityFactory,
    ActivityUpdateFactory,
    IndicatorFactory,
    LineFactory,
    MeasurementFactory,
    ObjectiveFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 1, 20, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def programme(world):
    programme = ProgrammeFactory(municipality=world["town_a"], name="Uitvoeringsprogramma Inclusie", start_year=2025)
    line = LineFactory(programme=programme, number=1, title="Stimuleren van inclusief samenleven")
    objective = ObjectiveFactory(line=line, number=1, text="We vergroten de vindbaarheid van de ADV")
    indicator = IndicatorFactory(objective=objective, number=1, name="Bekendheid ADV")
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2025, 6, 1), value=24)
    activity = ActivityFactory(line=line, number=1, title="Zichtbaarheidscampagne meldpunt")
    activity.partner_organisations.add(world["partner_a"])
    ActivityUpdateFactory(activity=activity, happened_on=datetime.date(2025, 9, 1), text="Campagne in de bibliotheek.")
    LineFactory(programme=programme, number=2, title="Structurele ontmoetingen")
    return programme


def test_a_draft_gets_a_text_block_per_line_and_cannot_be_made_twice(programme):
    letter = letters.create_draft(programme=programme, year=2025, by=None, now=NOW)
    assert sorted((b.kind, b.line_number) for b in letter.blocks.all()) == [
        ("closing", None),
        ("figures", None),
        ("introduction", None),
        ("line", 1),
        ("line", 2),
    ]
    with pytest.raises(LetterExistsError):
        letters.create_draft(programme=programme, year=2025, by=None, now=NOW)
    with pytest.raises(OutsideProgrammeError):
        letters.create_draft(programme=programme, year=2031, by=None, now=NOW)


def test_the_letter_data_holds_lines_activities_updates_and_indicators(programme):
    letter = letters.create_draft(programme=programme, year=2025, by=None, now=NOW)
    data = build_letter_data(letter)
    line = data["lines"][0]
    assert line["title"] == "Stimuleren van inclusief samenleven"
    assert line["activities"][0]["title"] == "Zichtbaarheidscampagne meldpunt"
    assert line["activities"][0]["partners"] == ["Partner Alfa"]
    assert line["activities"][0]["updates"][0]["text"] == "Campagne in de bibliotheek."
    indicator = line["objectives"][0]["indicators"][0]
    assert indicator["baseline"]["value"] == "18"
    assert indicator["target"]["value"] == "30"
    assert [p["value"] for p in indicator["points"]] == ["24"]
    assert data["figures"]["available"] is False


def test_publishing_freezes_the_letter_against_later_edits(programme, world, django_capture_on_commit_callbacks):
    letter = letters.create_draft(programme=programme, year=2025, by=None, now=NOW)
    intro = letter.blocks.get(kind="introduction")
    letters.save_texts(letter=letter, title="Voortgang 2025", texts={intro.pk: ("Inleiding", "Geachte raad,")}, now=NOW)
    officer = world["town_a"].organisation.memberships.first()
    from openinclusie.accounts.tests.factories import UserFactory

    user = officer.user if officer else UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        letters.publish(letter=letter, by=user, now=NOW)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.PUBLISHED
    assert "Geachte raad," in letter.published_html
    assert "Zichtbaarheidscampagne meldpunt" in letter.published_html
    assert {d.format for d in LetterDocument.objects.filter(letter=letter)} == {"pdf", "docx"}
    frozen_html, frozen_snapshot = letter.published_html, letter.snapshot

    # Later work on the programme does not reach the published letter...
    activity = programme.lines.get(number=1).activities.get()
    activity_services.set_status(activity=activity, status=ActivityStatus.DONE, by=None, now=timezone.now())
    ActivityUpdateFactory(activity=activity, happened_on=datetime.date(2025, 12, 1), text="Nieuwe stap.")
    # ...and the letter itself cannot be changed or published again.
    with pytest.raises(LetterFrozenError):
        letters.save_texts(letter=letter, title="Anders", texts={}, now=NOW)
    with pytest.raises(LetterFrozenError):
        letters.publish(letter=letter, by=user, now=NOW)
    letter = ProgressLetter.objects.get(pk=letter.pk)
    assert letter.published_html == frozen_html
    assert letter.snapshot == frozen_snapshot
    assert "Nieuwe stap." not in letter.published_html
    # Making the documents again changes nothing.
    assert letters.make_documents(letter=letter, now=NOW) == []


def test_a_renumbered_line_keeps_its_text_in_draft_letters_only(programme, world):
    from openinclusie.accounts.tests.factories import UserFactory
    from openinclusie.programme.services.plan import save_line

    published = letters.create_draft(programme=programme, year=2025, by=None, now=NOW)
    first = published.blocks.get(line_number=1)
    texts = {first.pk: ("Lijn 1", "Tekst van 2025")}
    letters.save_texts(letter=published, title="Voortgang 2025", texts=texts, now=NOW)
    letters.publish(letter=published, by=UserFactory(), now=NOW)
    draft = letters.create_draft(programme=programme, year=2026, by=None, now=NOW)
    block = draft.blocks.get(line_number=1)
    letters.save_texts(letter=draft, title="Voortgang 2026", texts={block.pk: ("Lijn 1", "Onze ontmoetingen")}, now=NOW)

    line = programme.lines.get(number=1)
    save_line(programme=programme, number=3, title=line.title, line=line)

    draft_texts = {b.line_number: b.text for b in draft.blocks.filter(kind="line")}
    assert draft_texts[3] == "Onze ontmoetingen"
    assert 1 not in draft_texts
    assert draft_texts[2] != "Onze ontmoetingen"
    # The published letter keeps its blocks as they were.
    assert published.blocks.get(kind="line", line_number=1).text == "Tekst van 2025"
