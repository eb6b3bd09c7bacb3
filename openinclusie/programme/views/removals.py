"""Removing what was made by mistake. Each view asks first (GET: what goes,
and what goes with it) and removes on POST; no JavaScript needed. Lines and
objectives go only when empty: the page says what to move or remove first."""

from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from openinclusie.accounts.access import StaffRequest, staff
from openinclusie.programme import queries
from openinclusie.programme.letter.numbers import display, display_date
from openinclusie.programme.models import Programme, describe_counts
from openinclusie.programme.queries import removals as counted
from openinclusie.programme.scope import scope_of
from openinclusie.programme.services import letters as letter_services
from openinclusie.programme.services import removals as services
from openinclusie.programme.services.errors import ProgrammeError

from . import EDITORS, UPDATE_POSTERS


def _confirm(
    request: StaffRequest,
    *,
    title: str,
    programme: Programme,
    cancel_url: str,
    about: str = "",
    quote: str = "",
    goes_with: Sequence[str] = (),
    blocker: str = "",
    in_letters: bool = True,
) -> HttpResponse:
    context: dict[str, Any] = {
        "title": title,
        "programme": programme,
        "about": about,
        "quote": quote,
        "goes_with": goes_with,
        "blocker": blocker,
        "in_letters": in_letters,
        "cancel_url": cancel_url,
    }
    return render(request, "programme/confirm_remove.html", context)


@staff(*UPDATE_POSTERS)
def update_remove(request: StaffRequest, update_id: int) -> HttpResponse:
    update = queries.update_for_change(scope_of(request), update_id)
    activity = update.activity
    if request.method == "POST":
        services.remove_update(update=update, by=request.user, now=timezone.now())
        messages.success(request, _("The progress update has been removed."))
        return redirect("programme:activity_detail", activity.pk)
    title = _("Remove the progress update of %(date)s by %(organisation)s?") % {
        "date": display_date(update.happened_on),
        "organisation": update.author_organisation.name,
    }
    return _confirm(
        request,
        title=title,
        programme=activity.owning_line.programme,
        about=_("Activity %(number)s %(title)s")
        % {"number": f"{activity.owning_line.number}.{activity.number}", "title": activity.title},
        quote=update.text,
        goes_with=describe_counts(counted.goes_with_update(update)),
        cancel_url=reverse("programme:activity_detail", args=[activity.pk]),
    )


@staff(*EDITORS)
def activity_remove(request: StaffRequest, activity_id: int) -> HttpResponse:
    activity = queries.activity_for_edit(scope_of(request), activity_id)
    programme = activity.owning_line.programme
    if request.method == "POST":
        services.remove_activity(activity=activity, by=request.user, now=timezone.now())
        messages.success(request, _("The activity has been removed."))
        return redirect("programme:programme_detail", programme.pk)
    title = _("Remove activity %(number)s “%(title)s”?") % {
        "number": f"{activity.owning_line.number}.{activity.number}",
        "title": activity.title,
    }
    return _confirm(
        request,
        title=title,
        programme=programme,
        goes_with=describe_counts(counted.goes_with_activity(activity)),
        cancel_url=reverse("programme:activity_detail", args=[activity.pk]),
    )


@staff(*EDITORS)
def indicator_remove(request: StaffRequest, indicator_id: int) -> HttpResponse:
    indicator = queries.indicator_for_edit(scope_of(request), indicator_id)
    objective = indicator.objective
    if request.method == "POST":
        services.remove_indicator(indicator=indicator, by=request.user, now=timezone.now())
        messages.success(request, _("The indicator has been removed."))
        return redirect("programme:programme_detail", objective.line.programme_id)
    return _confirm(
        request,
        title=_("Remove the indicator “%(name)s”?") % {"name": indicator.name},
        programme=objective.line.programme,
        about=_("Objective %(line)s.%(number)s: %(text)s")
        % {"line": objective.line.number, "number": objective.number, "text": objective.text},
        goes_with=describe_counts(counted.goes_with_indicator(indicator)),
        cancel_url=reverse("programme:indicator_detail", args=[indicator.pk]),
    )


@staff(*EDITORS)
def objective_remove(request: StaffRequest, objective_id: int) -> HttpResponse:
    objective = queries.objective_for_edit(scope_of(request), objective_id)
    programme = objective.line.programme
    if request.method == "POST":
        try:
            services.remove_objective(objective=objective, by=request.user, now=timezone.now())
        except ProgrammeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The objective has been removed."))
        return redirect("programme:programme_detail", programme.pk)
    return _confirm(
        request,
        title=_("Remove objective %(line)s.%(number)s?") % {"line": objective.line.number, "number": objective.number},
        programme=programme,
        quote=objective.text,
        blocker=services.objective_blocker(objective),
        cancel_url=reverse("programme:programme_detail", args=[programme.pk]),
    )


@staff(*EDITORS)
def line_remove(request: StaffRequest, line_id: int) -> HttpResponse:
    line = queries.line_for_edit(scope_of(request), line_id)
    programme = line.programme
    if request.method == "POST":
        try:
            services.remove_line(line=line, by=request.user, now=timezone.now())
        except ProgrammeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The line has been removed."))
        return redirect("programme:programme_detail", programme.pk)
    return _confirm(
        request,
        title=_("Remove line %(number)s “%(title)s”?") % {"number": line.number, "title": line.title},
        programme=programme,
        goes_with=describe_counts(counted.goes_with_line(line)),
        blocker=services.line_blocker(line),
        cancel_url=reverse("programme:programme_detail", args=[programme.pk]),
    )


@staff(*EDITORS)
def measurement_remove(request: StaffRequest, measurement_id: int) -> HttpResponse:
    measurement = queries.measurement_for_edit(scope_of(request), measurement_id)
    indicator = measurement.indicator
    if request.method == "POST":
        services.remove_measurement(measurement=measurement, by=request.user, now=timezone.now())
        messages.success(request, _("The measurement has been removed."))
        return redirect("programme:indicator_detail", indicator.pk)
    title = _("Remove the measurement of %(date)s for “%(name)s”?") % {
        "date": display_date(measurement.measured_on),
        "name": indicator.name,
    }
    return _confirm(
        request,
        title=title,
        programme=indicator.objective.line.programme,
        about=_("Value: %(value)s") % {"value": display(measurement.value, indicator.unit)},
        cancel_url=reverse("programme:indicator_detail", args=[indicator.pk]),
    )


@staff(*EDITORS)
def letter_remove(request: StaffRequest, letter_id: int) -> HttpResponse:
    letter = queries.letter_for_edit(scope_of(request), letter_id)
    if letter.is_published and request.method != "POST":
        messages.info(request, _("This letter has been published and can no longer be changed."))
        return redirect("programme:letter_detail", letter.pk)
    if request.method == "POST":
        try:
            letter_services.remove_draft(letter=letter, by=request.user, now=timezone.now())
        except ProgrammeError as error:
            messages.error(request, str(error))
            return redirect("programme:letter_detail", letter.pk)
        messages.success(request, _("The draft letter has been removed."))
        return redirect("programme:programme_detail", letter.programme_id)
    return _confirm(
        request,
        title=_("Remove the draft “%(title)s”?") % {"title": letter.title},
        programme=letter.programme,
        about=_("The draft letter for %(year)s. You can make a new draft for that year afterwards.")
        % {"year": letter.year},
        goes_with=describe_counts(counted.goes_with_letter(letter)),
        in_letters=False,
        cancel_url=reverse("programme:letter_detail", args=[letter.pk]),
    )
