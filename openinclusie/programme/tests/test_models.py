"""The rules the database itself keeps."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from openinclusie.programme.models import (
    Activity,
    ActivityStatus,
    Edit,
    FiguresMeasure,
    Indicator,
    IndicatorSource,
    LetterBlock,
    LetterStatus,
    Measurement,
    ProgressLetter,
)

from .factories import (
    ActivityFactory,
    IndicatorFactory,
    LineFactory,
    ObjectiveFactory,
    ProgressLetterFactory,
)

pytestmark = pytest.mark.django_db


def _raw(sql: str, pk: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])


def _refused(make) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_an_activity_belongs_to_exactly_one_line():
    line = LineFactory()
    objective = ObjectiveFactory(line=line)
    _refused(lambda: Activity.objects.create(line=None, objective=None, number=1, title="Nergens"))
    _refused(lambda: Activity.objects.create(line=line, objective=objective, number=2, title="Twee keer"))
    direct = Activity.objects.create(line=line, number=3, title="Direct")
    via_objective = Activity.objects.create(objective=objective, number=4, title="Via doel")
    assert direct.owning_line == line
    assert via_objective.owning_line == line


def test_activity_numbers_are_unique_in_a_line_and_done_needs_a_date():
    activity = ActivityFactory(number=1)
    _refused(lambda: ActivityFactory(line=activity.line, number=1))
    _refused(lambda: Activity.objects.filter(pk=activity.pk).update(status=ActivityStatus.DONE))
    _refused(lambda: Activity.objects.filter(pk=activity.pk).update(status="finished"))
    Activity.objects.filter(pk=activity.pk).update(status=ActivityStatus.DONE, completed_on=datetime.date(2025, 3, 1))
    _refused(
        lambda: Activity.objects.filter(pk=activity.pk).update(
            planned_start=datetime.date(2025, 5, 1), planned_end=datetime.date(2025, 4, 1)
        )
    )


def test_a_measurement_needs_an_indicator():
    _refused(
        lambda: Measurement.objects.create(
            indicator=None, measured_on=datetime.date(2025, 1, 1), value=1, recorded_at=timezone.now()
        )
    )
    indicator = IndicatorFactory()
    Measurement.objects.create(
        indicator=indicator, measured_on=datetime.date(2025, 1, 1), value=1, recorded_at=timezone.now()
    )
    _refused(
        lambda: Measurement.objects.create(
            indicator=indicator, measured_on=datetime.date(2025, 1, 1), value=2, recorded_at=timezone.now()
        )
    )


def test_an_indicator_carries_exactly_the_settings_of_its_source():
    objective = ObjectiveFactory()
    base = {"objective": objective, "name": "x", "definition": "x", "unit": "x"}
    _refused(lambda: Indicator.objects.create(**base, number=1, source=IndicatorSource.ACTIVITIES))
    _refused(lambda: Indicator.objects.create(**base, number=2, source=IndicatorSource.MANUAL, activity_tag="x"))
    _refused(lambda: Indicator.objects.create(**base, number=3, source=IndicatorSource.FIGURES))
    _refused(
        lambda: Indicator.objects.create(
            **base, number=4, source=IndicatorSource.MANUAL, baseline_value=3, baseline_date=None
        )
    )
    Indicator.objects.create(
        **base, number=5, source=IndicatorSource.ACTIVITIES, activity_tag="kennisatelier", activity_measure="done_count"
    )


def test_a_way_of_reporting_is_set_exactly_for_the_channel_share():
    objective = ObjectiveFactory()
    base = {"objective": objective, "name": "x", "definition": "x", "unit": "%", "source": IndicatorSource.FIGURES}
    share = FiguresMeasure.CHANNEL_SHARE
    _refused(lambda: Indicator.objects.create(**base, number=1, figures_measure=share))
    _refused(lambda: Indicator.objects.create(**base, number=2, figures_measure=share, figures_channel="fax"))
    _refused(
        lambda: Indicator.objects.create(
            **base, number=3, figures_measure=FiguresMeasure.REPORTS_TOTAL, figures_channel="web"
        )
    )
    Indicator.objects.create(**base, number=4, figures_measure=share, figures_channel="web")


def test_an_edit_is_of_one_activity_or_indicator_and_names_a_field():
    activity, indicator = ActivityFactory(), IndicatorFactory()
    now = timezone.now()
    _refused(lambda: Edit.objects.create(fields="title", edited_at=now))
    _refused(lambda: Edit.objects.create(activity=activity, indicator=indicator, fields="title", edited_at=now))
    _refused(lambda: Edit.objects.create(activity=activity, fields="", edited_at=now))
    Edit.objects.create(activity=activity, fields="title", edited_at=now)
    Edit.objects.create(indicator=indicator, fields="definition,target_value", edited_at=now)


def test_a_draft_letter_has_no_snapshot_and_a_published_one_must_have_one():
    letter = ProgressLetterFactory()
    _refused(lambda: ProgressLetter.objects.filter(pk=letter.pk).update(status=LetterStatus.PUBLISHED))
    _refused(lambda: ProgressLetter.objects.filter(pk=letter.pk).update(snapshot={"x": 1}))


def test_the_database_refuses_to_change_a_published_letter():
    letter = ProgressLetterFactory()
    block = LetterBlock.objects.create(letter=letter, kind="introduction", position=0, heading="Inleiding", text="a")
    ProgressLetter.objects.filter(pk=letter.pk).update(
        status=LetterStatus.PUBLISHED, published_at=timezone.now(), snapshot={"title": "x"}, published_html="<p>x</p>"
    )
    _refused(lambda: ProgressLetter.objects.filter(pk=letter.pk).update(published_html="<p>changed</p>"))
    _refused(lambda: ProgressLetter.objects.filter(pk=letter.pk).update(status=LetterStatus.DRAFT))
    _refused(lambda: LetterBlock.objects.filter(pk=block.pk).update(text="changed"))
    _refused(lambda: _raw("DELETE FROM programme_letterblock WHERE id = %s", block.pk))
    _refused(lambda: _raw("DELETE FROM programme_progressletter WHERE id = %s", letter.pk))
    _refused(lambda: LetterBlock.objects.create(letter=letter, kind="closing", position=9, heading="x", text="y"))
    letter.refresh_from_db()
    assert letter.published_html == "<p>x</p>"


def _published_letter() -> ProgressLetter:
    letter = ProgressLetterFactory()
    ProgressLetter.objects.filter(pk=letter.pk).update(
        status=LetterStatus.PUBLISHED, published_at=timezone.now(), snapshot={"title": "x"}, published_html="<p>x</p>"
    )
    return ProgressLetter.objects.get(pk=letter.pk)


@pytest.mark.django_db(transaction=True)
def test_flush_empties_published_letters_and_leaves_the_database_refusing_after():
    """``manage.py flush`` (and every transactional test) must still empty
    the tables, on SQLite too, where it deletes rows the triggers guard."""
    from django.core.management import call_command

    _published_letter()
    call_command("flush", interactive=False, verbosity=0)
    assert ProgressLetter.objects.count() == 0

    letter = _published_letter()
    _refused(lambda: _raw("DELETE FROM programme_progressletter WHERE id = %s", letter.pk))
    _refused(lambda: ProgressLetter.objects.filter(pk=letter.pk).update(published_html="<p>changed</p>"))
