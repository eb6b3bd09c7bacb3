"""Writes of indicators and their hand-entered measurements."""

from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from openinclusie.accounts.models import User
from openinclusie.programme.models import Indicator, IndicatorSource, Measurement, Objective

from .common import excluding
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
    baseline_value: Decimal | None = None,
    baseline_date: date | None = None,
    target_value: Decimal | None = None,
    target_date: date | None = None,
    indicator: Indicator | None = None,
) -> Indicator:
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
    indicator = indicator or Indicator(objective=objective)
    indicator.objective, indicator.number, indicator.name = objective, number, name
    indicator.definition, indicator.unit, indicator.source = definition, unit, source
    indicator.activity_tag, indicator.activity_measure, indicator.figures_measure = (
        activity_tag,
        activity_measure,
        figures_measure,
    )
    indicator.baseline_value, indicator.baseline_date = baseline_value, baseline_date
    indicator.target_value, indicator.target_date = target_value, target_date
    indicator.save()
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
