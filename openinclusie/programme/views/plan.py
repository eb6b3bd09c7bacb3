"""Visions, programmes, lines and objectives."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from openinclusie.accounts.access import staff
from openinclusie.programme import queries
from openinclusie.programme.forms import LineForm, ObjectiveForm, ProgrammeForm, VisionForm, single_municipality
from openinclusie.programme.scope import scope_of
from openinclusie.programme.services import plan as services
from openinclusie.programme.services.errors import ProgrammeError
from openinclusie.programme.services.plan import next_number

from . import EDITORS, READERS


def render_form(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    return render(request, "programme/form.html", context)


@staff(*READERS)
def home(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request)
    municipalities = list(queries.municipalities_readable(scope))
    programmes = list(queries.programmes_readable(scope))
    return render(
        request,
        "programme/home.html",
        {
            "overview": [
                {
                    "municipality": m,
                    "can_edit": scope.can_edit(m.pk),
                    "visions": list(queries.visions_of(m)),
                    "programmes": [p for p in programmes if p.municipality_id == m.pk],
                }
                for m in municipalities
            ],
            "can_create": scope.can_edit_anything,
        },
    )


@staff(*EDITORS)
def vision_create(request: HttpRequest) -> HttpResponse:
    municipalities = queries.municipalities_editable(scope_of(request))
    form = VisionForm(request.POST or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "municipality"}
        try:
            services.save_vision(municipality=single_municipality(form, municipalities), **data)
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The vision has been saved."))
            return redirect("programme:home")
    return render_form(request, {"title": _("New vision"), "form": form, "cancel_url": "programme:home"})


@staff(*EDITORS)
def vision_edit(request: HttpRequest, vision_id: int) -> HttpResponse:
    vision = queries.vision_for_edit(scope_of(request), vision_id)
    initial = {f: getattr(vision, f) for f in ("title", "start_year", "end_year", "ambition", "summary")}
    form = VisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_vision(municipality=vision.municipality, vision=vision, **form.cleaned_data)
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The vision has been saved."))
            return redirect("programme:home")
    return render_form(
        request, {"title": _("Edit the vision"), "subject": vision, "form": form, "cancel_url": "programme:home"}
    )


@staff(*EDITORS)
def programme_create(request: HttpRequest) -> HttpResponse:
    municipalities = queries.municipalities_editable(scope_of(request))
    form = ProgrammeForm(request.POST or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "municipality"}
        try:
            programme = services.save_programme(municipality=single_municipality(form, municipalities), **data)
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The programme has been made. Add its lines next."))
            return redirect("programme:programme_detail", programme.pk)
    return render_form(request, {"title": _("New programme"), "form": form, "cancel_url": "programme:home"})


@staff(*READERS)
def programme_detail(request: HttpRequest, programme_id: int) -> HttpResponse:
    scope = scope_of(request)
    programme = queries.programme_for_read(scope, programme_id)
    return render(
        request,
        "programme/programme_detail.html",
        {
            "programme": programme,
            "outline": queries.programme_outline(programme),
            "letters": queries.letters_of(programme),
            "can_edit": scope.can_edit(programme.municipality_id),
        },
    )


@staff(*EDITORS)
def programme_edit(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = queries.programme_for_edit(scope_of(request), programme_id)
    initial = {f: getattr(programme, f) for f in ("name", "start_year", "end_year", "introduction")}
    form = ProgrammeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_programme(municipality=programme.municipality, programme=programme, **form.cleaned_data)
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The programme has been saved."))
            return redirect("programme:programme_detail", programme.pk)
    return render_form(request, {"title": _("Edit the programme"), "programme": programme, "form": form})


@staff(*EDITORS)
def line_create(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = queries.programme_for_edit(scope_of(request), programme_id)
    number = next_number(list(programme.lines.values_list("number", flat=True)))
    form = LineForm(request.POST or None, initial={"number": number})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_line(programme=programme, **form.cleaned_data)
        except ProgrammeError as error:
            form.add_error("number", str(error))
        else:
            messages.success(request, _("The line has been added."))
            return redirect("programme:programme_detail", programme.pk)
    return render_form(request, {"title": _("New line"), "programme": programme, "form": form})


@staff(*EDITORS)
def line_edit(request: HttpRequest, line_id: int) -> HttpResponse:
    line = queries.line_for_edit(scope_of(request), line_id)
    form = LineForm(
        request.POST or None, initial={"number": line.number, "title": line.title, "description": line.description}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_line(programme=line.programme, line=line, **form.cleaned_data)
        except ProgrammeError as error:
            form.add_error("number", str(error))
        else:
            messages.success(request, _("The line has been saved."))
            return redirect("programme:programme_detail", line.programme_id)
    return render_form(
        request, {"title": _("Edit the line"), "programme": line.programme, "subject": line, "form": form}
    )


@staff(*EDITORS)
def objective_create(request: HttpRequest, line_id: int) -> HttpResponse:
    line = queries.line_for_edit(scope_of(request), line_id)
    number = next_number(list(line.objectives.values_list("number", flat=True)))
    form = ObjectiveForm(request.POST or None, initial={"number": number})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_objective(line=line, **form.cleaned_data)
        except ProgrammeError as error:
            form.add_error("number", str(error))
        else:
            messages.success(request, _("The objective has been added."))
            return redirect("programme:programme_detail", line.programme_id)
    title = _("New objective for line %(number)s") % {"number": line.number}
    return render_form(request, {"title": title, "programme": line.programme, "subject": line, "form": form})


@staff(*EDITORS)
def objective_edit(request: HttpRequest, objective_id: int) -> HttpResponse:
    objective = queries.objective_for_edit(scope_of(request), objective_id)
    form = ObjectiveForm(request.POST or None, initial={"number": objective.number, "text": objective.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_objective(line=objective.line, objective=objective, **form.cleaned_data)
        except ProgrammeError as error:
            form.add_error("number", str(error))
        else:
            messages.success(request, _("The objective has been saved."))
            return redirect("programme:programme_detail", objective.line.programme_id)
    programme = objective.line.programme
    return render_form(request, {"title": _("Edit the objective"), "programme": programme, "form": form})


@staff(*EDITORS)
def changes(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = queries.programme_for_edit(scope_of(request), programme_id)
    last = queries.last_published_letter(programme)
    return render(
        request,
        "programme/changes.html",
        {
            "programme": programme,
            "last_letter": last,
            "changes": queries.changes_since(programme, last.published_at if last else None),
        },
    )
