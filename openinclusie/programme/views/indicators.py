"""Indicators and their measurements."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from openinclusie.accounts.access import StaffRequest, staff
from openinclusie.programme import queries
from openinclusie.programme.forms import IndicatorForm, MeasurementForm
from openinclusie.programme.letter.charts import indicator_chart
from openinclusie.programme.letter.content import indicator_data
from openinclusie.programme.scope import scope_of
from openinclusie.programme.services import indicators as services
from openinclusie.programme.services.edits import INDICATOR_FIELDS
from openinclusie.programme.services.errors import DuplicateNumberError, ProgrammeError
from openinclusie.programme.services.plan import next_number

from . import EDITORS, READERS


@staff(*EDITORS)
def indicator_create(request: HttpRequest, objective_id: int) -> HttpResponse:
    objective = queries.objective_for_edit(scope_of(request), objective_id)
    number = next_number(list(objective.indicators.values_list("number", flat=True)))
    form = IndicatorForm(request.POST or None, initial={"number": number, "source": "manual"})
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.save_indicator(
                objective=objective,
                by=request.user,  # type: ignore[arg-type]
                now=timezone.now(),
                **form.cleaned_data,
            )
        except DuplicateNumberError as error:
            form.add_error("number", str(error))
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The indicator has been added."))
            return redirect("programme:indicator_detail", indicator.pk)
    return render(
        request,
        "programme/form.html",
        {"title": _("New indicator"), "programme": objective.line.programme, "subject": objective, "form": form},
    )


@staff(*EDITORS)
def indicator_edit(request: HttpRequest, indicator_id: int) -> HttpResponse:
    indicator = queries.indicator_for_edit(scope_of(request), indicator_id)
    form = IndicatorForm(request.POST or None, initial={f: getattr(indicator, f) for f in INDICATOR_FIELDS})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_indicator(
                objective=indicator.objective,
                indicator=indicator,
                by=request.user,  # type: ignore[arg-type]
                now=timezone.now(),
                **form.cleaned_data,
            )
        except DuplicateNumberError as error:
            form.add_error("number", str(error))
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The indicator has been saved."))
            return redirect("programme:indicator_detail", indicator.pk)
    return render(
        request,
        "programme/form.html",
        {
            "title": _("Edit the indicator"),
            "programme": indicator.objective.line.programme,
            "subject": indicator,
            "form": form,
        },
    )


@staff(*READERS)
def indicator_detail(request: HttpRequest, indicator_id: int) -> HttpResponse:
    scope = scope_of(request)
    indicator = queries.indicator_for_read(scope, indicator_id)
    programme = indicator.objective.line.programme
    year = min(timezone.localdate().year, programme.end_year)
    data = indicator_data(indicator, year=year, programme=programme)
    return render(
        request,
        "programme/indicator_detail.html",
        {
            "indicator": indicator,
            "programme": programme,
            "data": data,
            "chart": indicator_chart(data, colour=programme.municipality.primary_colour, chart_id="indicator-chart"),
            "measurements": indicator.measurements.order_by("-measured_on"),
            "can_edit": scope.can_edit(programme.municipality_id),
        },
    )


@staff(*EDITORS)
def measurement_create(request: HttpRequest, indicator_id: int) -> HttpResponse:
    indicator = queries.indicator_for_edit(scope_of(request), indicator_id)
    if indicator.is_computed:
        messages.info(request, _("This indicator is computed; its values cannot be entered by hand."))
        return redirect("programme:indicator_detail", indicator.pk)
    form = MeasurementForm(request.POST or None, initial={"measured_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_measurement(
                indicator=indicator,
                by=request.user,  # type: ignore[arg-type]
                now=timezone.now(),
                **form.cleaned_data,
            )
        except ProgrammeError as error:
            form.add_error("measured_on", str(error))
        else:
            messages.success(request, _("The measurement has been recorded."))
            return redirect("programme:indicator_detail", indicator.pk)
    return render(
        request,
        "programme/form.html",
        {
            "title": _("New measurement"),
            "programme": indicator.objective.line.programme,
            "subject": indicator,
            "form": form,
            "cancel": ("programme:indicator_detail", indicator.pk),
        },
    )


@staff(*EDITORS)
def measurement_edit(request: StaffRequest, measurement_id: int) -> HttpResponse:
    measurement = queries.measurement_for_edit(scope_of(request), measurement_id)
    indicator = measurement.indicator
    if indicator.is_computed:
        messages.info(request, _("This indicator is computed; its values cannot be entered by hand."))
        return redirect("programme:indicator_detail", indicator.pk)
    initial = {"measured_on": measurement.measured_on, "value": measurement.value, "note": measurement.note}
    form = MeasurementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_measurement(measurement=measurement, by=request.user, now=timezone.now(), **form.cleaned_data)
        except DuplicateNumberError as error:
            form.add_error("measured_on", str(error))
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The measurement has been saved."))
            return redirect("programme:indicator_detail", indicator.pk)
    return render(
        request,
        "programme/form.html",
        {
            "title": _("Edit the measurement"),
            "programme": indicator.objective.line.programme,
            "subject": indicator,
            "form": form,
            "cancel": ("programme:indicator_detail", indicator.pk),
        },
    )
