"""Writes of indicators and their hand-entered measurements."""

from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openinclusie.accounts.models import User
from openinclusie.programme.models import (
    FiguresMeasure,
    Indicator,
    IndicatorSource,
    Measurement,
    Objective,
    ReportChannel,
)

from .common import excluding
from .edits import INDICATOR_FIELDS, record_edit, snapshot
from .errors import DuplicateNumberError, NotManualError, ProgrammeError


class IncompleteIndicatorError(ProgrammeError):
    pass


@transaction.atomic
def save_indicator(
    *,
    objective: Objective,
    number: int,
    name: str,
    definition: str,
    unit: str,
    source: str,
    activity_tag: str = "",
    activity_measure: str = "",
    figures_measure: str = "",
    figures_channel: str = "",
    baseline_value: Decimal | None = None,
    baseline_date: date | None = None,
    target_value: Decimal | None = None,
    target_date: date | None = None,
    indicator: Indicator | None = None,
    by: User | None = None,
    now: datetime | None = None,
) -> Indicator:
    """A new indicator, or changes to one; a change is recorded as an edit
    (at ``now``, by ``by``) when a field really changed."""
    if excluding(Indicator.objects.filter(objective=objective, number=number), indicator).exists():
        raise DuplicateNumberError(_("Indicator %(number)s already exists for this objective.") % {"number": number})
    if (baseline_value is None) != (baseline_date is None):
        raise IncompleteIndicatorError(_("Give the baseline value together with its date."))
    if (target_value is None) != (target_date is None):
        raise IncompleteIndicatorError(_("Give the target value together with its date."))
    # Keep only the settings of the chosen source.
    if source != IndicatorSource.ACTIVITIES:
        activity_tag, activity_measure = "", ""
    elif not activity_tag or not activity_measure:
        raise IncompleteIndicatorError(_("Say which type of activity to count, and what to count."))
    if source != IndicatorSource.FIGURES:
        figures_measure = ""
    elif not figures_measure:
        raise IncompleteIndicatorError(_("Say which figure to use."))
    if figures_measure != FiguresMeasure.CHANNEL_SHARE:
        figures_channel = ""
    elif figures_channel not in ReportChannel.values:
        raise IncompleteIndicatorError(_("Say which way of reporting to use."))
    before = None if indicator is None else snapshot(indicator, INDICATOR_FIELDS)
    indicator = indicator or Indicator(objective=objective)
    indicator.objective, indicator.number, indicator.name = objective, number, name
    indicator.definition, indicator.unit, indicator.source = definition, unit, source
    indicator.activity_tag, indicator.activity_measure = activity_tag, activity_measure
    indicator.figures_measure, indicator.figures_channel = figures_measure, figures_channel
    indicator.baseline_value, indicator.baseline_date = baseline_value, baseline_date
    indicator.target_value, indicator.target_date = target_value, target_date
    indicator.save()
    if before is not None:
        after = snapshot(indicator, INDICATOR_FIELDS)
        record_edit(indicator=indicator, before=before, after=after, by=by, now=now or timezone.now())
    return indicator


@transaction.atomic
def record_measurement(
    *, indicator: Indicator, measured_on: date, value: Decimal, note: str = "", by: User | None, now: datetime
) -> Measurement:
    if indicator.source != IndicatorSource.MANUAL:
        raise NotManualError(_("This indicator is computed; its values cannot be entered by hand."))
    if Measurement.objects.filter(indicator=indicator, measured_on=measured_on).exists():
        raise DuplicateNumberError(_("There is already a measurement on this date."))
    return Measurement.objects.create(
        indicator=indicator, measured_on=measured_on, value=value, note=note, recorded_at=now, recorded_by=by
    )


@transaction.atomic
def edit_measurement(
    *, measurement: Measurement, measured_on: date, value: Decimal, note: str = "", by: User | None, now: datetime
) -> Measurement:
    """Correct a value. It counts as recorded again (now, by ``by``), so it
    shows under "what changed since the last letter"."""
    indicator = measurement.indicator
    if indicator.source != IndicatorSource.MANUAL:
        raise NotManualError(_("This indicator is computed; its values cannot be entered by hand."))
    if excluding(Measurement.objects.filter(indicator=indicator, measured_on=measured_on), measurement).exists():
        raise DuplicateNumberError(_("There is already a measurement on this date."))
    measurement.measured_on, measurement.value, measurement.note = measured_on, value, note
    measurement.recorded_at, measurement.recorded_by = now, by
    measurement.save()
    return measurement
