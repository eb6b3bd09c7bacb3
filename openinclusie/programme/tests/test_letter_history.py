"""A letter reports each activity's status as it stood on 31 December of its
year, read from the status history, not the status of the day it is drafted."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from openinclusie.programme.letter.content import build_letter_data
from openinclusie.programme.letter.numbers import display_date
from openinclusie.programme.models import ActivityStatus
from openinclusie.programme.queries import statuses_at_year_end
from openinclusie.programme.services import letters
from openinclusie.programme.services.activities import save_activity, set_status

from .factories import ActivityFactory, LineFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.fixture
def programme(world):
    return ProgrammeFactory(municipality=world["town_a"], start_year=2025, end_year=2026)


@pytest.fixture
def line(programme):
    return LineFactory(programme=programme, number=1, title="Ontmoeting")


def new_activity(programme, line, number, title, *, on, **fields):
    return save_activity(
        programme=programme, line=line, objective=None, number=number, title=title, by=None, now=on, **fields
    )


def statuses_in_letter(programme, year):
    letter = letters.create_draft(programme=programme, year=year, by=None, now=at(2026, 2, 10))
    data = build_letter_data(letter)
    return {a["title"]: (a["status"], a["completed_on"]) for line in data["lines"] for a in line["activities"]}, data


def test_work_finished_in_january_is_running_in_the_years_letter_and_done_in_the_next(programme, line):
    dialogue = new_activity(programme, line, 1, "Wijkdialogen", on=at(2025, 3, 1))
    set_status(activity=dialogue, status=ActivityStatus.RUNNING, by=None, now=at(2025, 4, 1))
    set_status(
        activity=dialogue,
        status=ActivityStatus.DONE,
        completed_on=datetime.date(2026, 1, 14),
        by=None,
        now=at(2026, 1, 15),
    )
    # Drafted in February 2026, both letters see today's "done"; only the
    # 2026 letter reports it.
    in_2025, data_2025 = statuses_in_letter(programme, 2025)
    assert in_2025["Wijkdialogen"] == (ActivityStatus.RUNNING, "")
    assert data_2025["lines"][0]["status_counts"] == [{"status": str(ActivityStatus.RUNNING.label), "count": 1}]
    in_2026, _data = statuses_in_letter(programme, 2026)
    assert in_2026["Wijkdialogen"] == (ActivityStatus.DONE, display_date(datetime.date(2026, 1, 14)))
    assert type(in_2026["Wijkdialogen"][0]) is str  # plain JSON in the snapshot


def test_an_activity_stopped_during_the_year_shows_stopped_and_one_never_changed_shows_planned(programme, line):
    stopped = new_activity(programme, line, 1, "Buurtfeest", on=at(2025, 2, 1), status=ActivityStatus.RUNNING)
    set_status(activity=stopped, status=ActivityStatus.STOPPED, by=None, now=at(2025, 9, 1))
    # Picked up again after the year: the 2025 letter still says stopped.
    set_status(activity=stopped, status=ActivityStatus.RUNNING, by=None, now=at(2026, 1, 20))
    new_activity(programme, line, 2, "Training", on=at(2025, 5, 1))
    in_2025, _data = statuses_in_letter(programme, 2025)
    assert in_2025 == {"Buurtfeest": (ActivityStatus.STOPPED, ""), "Training": (ActivityStatus.PLANNED, "")}
    in_2026, _data = statuses_in_letter(programme, 2026)
    assert in_2026["Buurtfeest"] == (ActivityStatus.RUNNING, "")


def test_the_year_ends_at_midnight_in_the_netherlands(programme, line):
    late = new_activity(programme, line, 1, "Oudejaarsavond", on=at(2025, 3, 1))
    set_status(activity=late, status=ActivityStatus.POSTPONED, by=None, now=at(2025, 12, 31, 23, 30))
    early = new_activity(programme, line, 2, "Nieuwjaarsochtend", on=at(2025, 3, 1))
    # 00:30 on 1 January in Amsterdam is still 31 December in UTC.
    set_status(activity=early, status=ActivityStatus.POSTPONED, by=None, now=at(2026, 1, 1, 0, 30))
    in_2025, _data = statuses_in_letter(programme, 2025)
    assert in_2025["Oudejaarsavond"][0] == ActivityStatus.POSTPONED
    assert in_2025["Nieuwjaarsochtend"][0] == ActivityStatus.PLANNED


def test_activities_entered_after_the_year_stand_as_planned_unless_completed_within_it(programme, line):
    new_activity(programme, line, 1, "Nieuw plan", on=at(2026, 1, 5), status=ActivityStatus.RUNNING)
    # Entered late, but its completion date lies in 2025; the indicators
    # count it for 2025 too.
    new_activity(
        programme,
        line,
        2,
        "Nagekomen",
        on=at(2026, 2, 1),
        status=ActivityStatus.DONE,
        completed_on=datetime.date(2025, 11, 20),
    )
    # Planned to start after the year: not in the letter, as before.
    new_activity(programme, line, 3, "Volgend jaar", on=at(2025, 6, 1), planned_start=datetime.date(2026, 3, 1))
    in_2025, _data = statuses_in_letter(programme, 2025)
    assert in_2025 == {
        "Nieuw plan": (ActivityStatus.PLANNED, ""),
        "Nagekomen": (ActivityStatus.DONE, display_date(datetime.date(2025, 11, 20))),
    }
    in_2026, _data = statuses_in_letter(programme, 2026)
    assert in_2026["Nieuw plan"] == (ActivityStatus.RUNNING, "")
    assert set(in_2026) == {"Nieuw plan", "Nagekomen", "Volgend jaar"}


def test_done_ahead_of_its_completion_date_is_not_done_yet_at_the_year_end(programme, line):
    early = new_activity(programme, line, 1, "Vooruit gemeld", on=at(2025, 3, 1), status=ActivityStatus.RUNNING)
    set_status(
        activity=early,
        status=ActivityStatus.DONE,
        completed_on=datetime.date(2026, 1, 10),
        by=None,
        now=at(2025, 12, 20),
    )
    assert statuses_at_year_end(programme, 2025)[early.pk].status == ActivityStatus.RUNNING


def test_without_any_history_the_status_is_taken_as_it_is(programme, line):
    running = ActivityFactory(line=line, number=1, status=ActivityStatus.RUNNING)
    done_later = ActivityFactory(
        line=line, number=2, status=ActivityStatus.DONE, completed_on=datetime.date(2026, 3, 1)
    )
    statuses = statuses_at_year_end(programme, 2025)
    assert statuses[running.pk].status == ActivityStatus.RUNNING
    assert statuses[done_later.pk].status == ActivityStatus.PLANNED


def test_the_statuses_of_the_whole_programme_take_one_query(programme, line, django_assert_num_queries):
    for number in range(1, 6):
        activity = new_activity(programme, line, number, f"Activiteit {number}", on=at(2025, 2, number))
        set_status(activity=activity, status=ActivityStatus.RUNNING, by=None, now=at(2025, 6, number))
    with django_assert_num_queries(1):
        statuses = statuses_at_year_end(programme, 2025)
    assert len(statuses) == 5
