"""What changed since the last letter, one kind at a time against known
data: new activities, status changes, progress updates, measurements,
removals, and edits of activities and indicators (which fields, when, by
whom). Everything up to the letter's publication is not a change since it;
another programme's changes are not this programme's."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from openinclusie.accounts.models import Role
from openinclusie.accounts.tests.factories import UserFactory
from openinclusie.programme.models import ActivityStatus, Edit, IndicatorSource, Measurement
from openinclusie.programme.queries import changes_since
from openinclusie.programme.services import activities as activity_services
from openinclusie.programme.services import indicators as indicator_services
from openinclusie.programme.services import removals

from .factories import IndicatorFactory, LineFactory, ObjectiveFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

BEFORE = datetime.datetime(2025, 6, 2, 10, 0, tzinfo=datetime.UTC)
LETTER = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC)
AFTER = datetime.datetime(2026, 2, 2, 10, 0, tzinfo=datetime.UTC)


def _activity(programme, line, number, title, *, now, by=None, **fields):
    data = {
        "programme": programme,
        "line": line,
        "objective": None,
        "number": number,
        "title": title,
        "description": "Twee bijeenkomsten per jaar.",
        "planned_start": datetime.date(2025, 3, 1),
        "planned_end": datetime.date(2025, 12, 31),
        # An edit keeps the status unless it says otherwise.
        "status": fields["activity"].status if "activity" in fields else ActivityStatus.PLANNED,
        "by": by,
        "now": now,
    }
    return activity_services.save_activity(**{**data, **fields})


def _indicator_fields(indicator, **changes):
    fields = {
        "objective": indicator.objective,
        "indicator": indicator,
        "number": indicator.number,
        "name": indicator.name,
        "definition": indicator.definition,
        "unit": indicator.unit,
        "source": indicator.source,
        "baseline_value": indicator.baseline_value,
        "baseline_date": indicator.baseline_date,
        "target_value": indicator.target_value,
        "target_date": indicator.target_date,
    }
    return {**fields, **changes}


@pytest.fixture
def officer():
    return UserFactory(full_name="Olga Officier")


@pytest.fixture
def plan(world, officer):
    """A programme of town A with something of every kind before the letter,
    and a second programme (town B) with its own changes after it."""
    programme = ProgrammeFactory(municipality=world["town_a"], start_year=2025, end_year=2026)
    line = LineFactory(programme=programme, number=1, title="Samen leven")
    objective = ObjectiveFactory(line=line, number=1, text="Meer mensen kennen de ADV")
    indicator = IndicatorFactory(objective=objective, number=1, name="Bekendheid ADV")
    campaign = _activity(programme, line, 1, "Campagne", now=BEFORE, by=officer)
    dropped = _activity(programme, line, 2, "Straatinterviews", now=BEFORE, by=officer)
    activity_services.set_status(activity=campaign, status=ActivityStatus.RUNNING, by=officer, now=BEFORE)
    activity_services.post_update(
        activity=campaign,
        organisation=world["partner_a"],
        author=None,
        happened_on=datetime.date(2025, 5, 30),
        text="Posters hangen.",
        now=BEFORE,
    )
    indicator_services.record_measurement(
        indicator=indicator, measured_on=datetime.date(2025, 6, 1), value=Decimal("22"), by=officer, now=BEFORE
    )
    removals.remove_measurement(
        measurement=indicator_services.record_measurement(
            indicator=indicator, measured_on=datetime.date(2025, 6, 2), value=Decimal("2"), by=officer, now=BEFORE
        ),
        by=officer,
        now=BEFORE,
    )
    _activity(
        programme, line, 1, "Campagne", description="Drie bijeenkomsten.", now=BEFORE, by=officer, activity=campaign
    )
    indicator_services.save_indicator(
        **_indicator_fields(indicator, name="Bekendheid van de ADV"), by=officer, now=BEFORE
    )

    other = ProgrammeFactory(municipality=world["town_b"], start_year=2025, end_year=2026)
    other_line = LineFactory(programme=other, number=1)
    other_activity = _activity(other, other_line, 1, "Elders", now=AFTER)
    _activity(other, other_line, 1, "Elders, hernoemd", now=AFTER, activity=other_activity)
    return {
        "programme": programme,
        "line": line,
        "indicator": indicator,
        "campaign": campaign,
        "dropped": dropped,
        "other": other,
    }


def test_nothing_after_the_letter_means_no_changes(plan):
    changes = changes_since(plan["programme"], LETTER)
    assert changes.is_empty
    for kind in (
        changes.new_activities,
        changes.status_changes,
        changes.updates,
        changes.measurements,
        changes.removals,
        changes.edited_activities,
        changes.edited_indicators,
    ):
        assert not kind.exists()


def test_without_a_letter_everything_is_listed(plan):
    changes = changes_since(plan["programme"], None)
    assert [a.title for a in changes.new_activities] == ["Campagne", "Straatinterviews"]
    assert changes.status_changes.count() == 3  # two created as planned, one running
    assert changes.updates.count() == 1
    assert [m.value for m in changes.measurements] == [Decimal("22")]
    assert changes.removals.count() == 1
    assert [e.field_names for e in changes.edited_activities] == [["description"]]
    assert [e.field_names for e in changes.edited_indicators] == [["name"]]


def test_a_new_activity_since_the_letter(plan, officer):
    new = _activity(plan["programme"], plan["line"], 3, "Kennisatelier", now=AFTER, by=officer)
    assert new.created_at == AFTER
    changes = changes_since(plan["programme"], LETTER)
    assert list(changes.new_activities) == [new]
    assert not changes.is_empty
    # Made exactly at the letter's moment, it was in the letter.
    assert not changes_since(plan["programme"], AFTER).new_activities.exists()


def test_status_changes_since_the_letter(plan, officer):
    activity_services.set_status(
        activity=plan["campaign"],
        status=ActivityStatus.DONE,
        completed_on=datetime.date(2026, 1, 31),
        by=officer,
        now=AFTER,
    )
    new = _activity(plan["programme"], plan["line"], 3, "Kennisatelier", now=AFTER + datetime.timedelta(hours=1))
    changes = changes_since(plan["programme"], LETTER)
    assert [(c.activity, c.from_status, c.to_status, c.changed_by) for c in changes.status_changes] == [
        (new, "", ActivityStatus.PLANNED, None),
        (plan["campaign"], ActivityStatus.RUNNING, ActivityStatus.DONE, officer),
    ]
    # Saving the activity again with its status unchanged is no status change.
    _activity(
        plan["programme"], plan["line"], 3, "Kennisatelier", now=AFTER + datetime.timedelta(hours=2), activity=new
    )
    assert changes_since(plan["programme"], LETTER).status_changes.count() == 2


def test_updates_posted_since_the_letter(world, plan):
    update = activity_services.post_update(
        activity=plan["campaign"],
        organisation=world["partner_a"],
        author=None,
        happened_on=datetime.date(2026, 1, 30),
        text="Tweede ronde posters.",
        participants=12,
        now=AFTER,
    )
    assert list(changes_since(plan["programme"], LETTER).updates) == [update]


def test_measurements_recorded_since_the_letter(plan, officer):
    measurement = indicator_services.record_measurement(
        indicator=plan["indicator"],
        measured_on=datetime.date(2026, 1, 20),
        value=Decimal("25.5"),
        by=officer,
        now=AFTER,
    )
    assert list(changes_since(plan["programme"], LETTER).measurements) == [measurement]
    assert Measurement.objects.filter(indicator=plan["indicator"]).count() == 2


def test_removals_since_the_letter(plan, officer):
    removal = removals.remove_activity(activity=plan["dropped"], by=officer, now=AFTER)
    changes = changes_since(plan["programme"], LETTER)
    assert [(r.kind, r.label, r.removed_by) for r in changes.removals] == [("activity", removal.label, officer)]
    assert "Straatinterviews" in removal.label


def test_an_edited_activity_names_the_fields_that_changed(world, plan, officer):
    campaign = plan["campaign"]
    _activity(
        plan["programme"],
        plan["line"],
        1,
        "Campagne Ken de ADV",
        description="Drie bijeenkomsten.",
        lead_organisation=world["partner_a"],
        planned_end=datetime.date(2026, 6, 30),
        status=ActivityStatus.RUNNING,
        now=AFTER,
        by=officer,
        activity=campaign,
    )
    changes = changes_since(plan["programme"], LETTER)
    [edit] = changes.edited_activities
    assert (edit.activity, edit.edited_at, edit.edited_by) == (campaign, AFTER, officer)
    assert edit.field_names == ["title", "lead_organisation", "planned_end"]
    # Neither a status change nor a new activity.
    assert not changes.status_changes.exists()
    assert not changes.new_activities.exists()
    assert not changes.edited_indicators.exists()


def test_partners_and_place_count_as_edits(world, plan, officer):
    objective = ObjectiveFactory(line=plan["line"], number=2)
    _activity(
        plan["programme"],
        None,
        1,
        "Campagne",
        objective=objective,
        description="Drie bijeenkomsten.",
        partner_organisations=[world["partner_a"]],
        now=AFTER,
        by=officer,
        activity=plan["campaign"],
    )
    [edit] = changes_since(plan["programme"], LETTER).edited_activities
    assert edit.field_names == ["line", "objective", "partner_organisations"]


def test_saving_without_a_change_is_no_edit(world, plan, officer):
    campaign = plan["campaign"]
    two_lines = "Drie bijeenkomsten.\nMet posters."
    _activity(plan["programme"], plan["line"], 1, "Campagne", description=two_lines, now=BEFORE, activity=campaign)
    # A status change through the form, the rest as it was; CRLF line ends
    # from a browser are the same text.
    _activity(
        plan["programme"],
        plan["line"],
        1,
        "Campagne",
        description=two_lines.replace("\n", "\r\n"),
        status=ActivityStatus.POSTPONED,
        now=AFTER,
        by=officer,
        activity=campaign,
    )
    indicator_services.save_indicator(
        **_indicator_fields(plan["indicator"], baseline_value=Decimal("18.00")), by=officer, now=AFTER
    )
    changes = changes_since(plan["programme"], LETTER)
    assert not changes.edited_activities.exists()
    assert not changes.edited_indicators.exists()
    assert [c.to_status for c in changes.status_changes] == [ActivityStatus.POSTPONED]
    assert not Edit.objects.filter(activity=campaign, edited_at=AFTER).exists()
    assert not Edit.objects.filter(indicator=plan["indicator"], edited_at=AFTER).exists()


def test_an_edited_indicator_names_its_definition_baseline_and_target(plan, officer):
    indicator = plan["indicator"]
    indicator_services.save_indicator(
        **_indicator_fields(
            indicator,
            definition="Percentage inwoners van 16 jaar en ouder dat de ADV kent (stadspeiling).",
            baseline_value=Decimal("17"),
            target_value=Decimal("35"),
            target_date=datetime.date(2026, 12, 31),
        ),
        by=officer,
        now=AFTER,
    )
    [edit] = changes_since(plan["programme"], LETTER).edited_indicators
    assert (edit.indicator, edit.edited_at, edit.edited_by) == (indicator, AFTER, officer)
    assert edit.field_names == ["definition", "baseline_value", "target_value"]


def test_another_programmes_changes_are_not_listed(plan):
    changes = changes_since(plan["other"], LETTER)
    assert [a.title for a in changes.new_activities] == ["Elders, hernoemd"]
    assert [e.field_names for e in changes.edited_activities] == [["title"]]
    assert not changes_since(plan["programme"], LETTER).edited_activities.exists()


def test_the_changes_page_shows_edits_with_their_fields(english_ui, world, client_for):
    programme = ProgrammeFactory(municipality=world["town_a"], start_year=2025, end_year=2026)
    line = LineFactory(programme=programme, number=1)
    indicator = IndicatorFactory(objective=ObjectiveFactory(line=line, number=1), name="Bekendheid ADV")
    activity = _activity(programme, line, 4, "Campagne", now=BEFORE)
    officer = client_for(Role.PROGRAMME_OFFICER)
    edited = officer.post(
        reverse("programme:activity_edit", args=[activity.pk]),
        {
            "place": f"line-{line.pk}",
            "number": "4",
            "title": "Campagne Ken de ADV",
            "description": activity.description,
            "planned_start": "2025-03-01",
            "planned_end": "2026-06-30",
            "status": "planned",
        },
    )
    assert edited.status_code == 302
    edited = officer.post(
        reverse("programme:indicator_edit", args=[indicator.pk]),
        {
            "number": str(indicator.number),
            "name": indicator.name,
            "definition": indicator.definition,
            "unit": indicator.unit,
            "source": IndicatorSource.MANUAL,
            "baseline_value": "18",
            "baseline_date": "2023-06-01",
            "target_value": "40",
            "target_date": "2026-12-31",
        },
    )
    assert edited.status_code == 302
    page = officer.get(reverse("programme:changes", args=[programme.pk])).content.decode()
    activities = page.split("Edited activities</h2>", 1)[1].split("</ul>", 1)[0]
    assert "1.4 Campagne Ken de ADV</a>: title, planned end (edited on" in activities
    indicators = page.split("Edited indicators</h2>", 1)[1].split("</ul>", 1)[0]
    assert "Bekendheid ADV</a>: target value (edited on" in indicators
    # The page title is only the title.
    assert "<title>What changed since the last letter ·" in page
    assert "Removed" not in page.split("</title>", 1)[0]
