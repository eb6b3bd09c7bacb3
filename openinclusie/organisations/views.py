"""Management screens for organisations, municipalities and neighbourhoods.
Platform management only; nothing here reads or touches case files."""

import copy

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from openinclusie.accounts.access import StaffRequest, staff
from openinclusie.accounts.models import Role
from openinclusie.core.exceptions import DomainError

from . import queries, services
from .forms import (
    MunicipalityForm,
    MunicipalityOrganisationForm,
    NeighbourhoodForm,
    OrganisationFilterForm,
    OrganisationForm,
)
from .models import OrganisationKind

PAGE_SIZE = 50


def _refused(form: object, error: DomainError) -> None:
    """Shows a refused change as an error on the field it is about."""
    field = getattr(error, "field", None)
    form.add_error(field if field in form.fields else None, str(error))  # type: ignore[attr-defined]


# --- Organisations ---------------------------------------------------------------------------------


@staff(Role.PLATFORM_ADMIN)
def management_home(request: StaffRequest) -> HttpResponse:
    """/beheer/: where platform management starts; the menu links each part."""
    return render(request, "organisations/management_home.html")


@staff(Role.PLATFORM_ADMIN)
def organisation_list(request: StaffRequest) -> HttpResponse:
    filter_form = OrganisationFilterForm(request.GET or None)
    kind = filter_form.cleaned_data["kind"] if filter_form.is_valid() else ""
    page = Paginator(queries.organisations_for_management(kind=kind or None), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "organisations/organisation_list.html",
        {"filter_form": filter_form, "page": page, "query": urlencode({"kind": kind}) if kind else ""},
    )


@staff(Role.PLATFORM_ADMIN)
def organisation_create(request: StaffRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.create_organisation(actor=request.user, now=timezone.now(), **form.cleaned_data)
        except services.OrganisationError as error:
            _refused(form, error)
        else:
            messages.success(request, _("%(name)s has been created.") % {"name": organisation.name})
            return redirect("organisations:organisation_list")
    return render(request, "organisations/organisation_form.html", {"form": form, "organisation": None})


@staff(Role.PLATFORM_ADMIN)
def organisation_edit(request: StaffRequest, pk: int) -> HttpResponse:
    organisation = queries.organisation_for_management(pk)
    form_class = (
        MunicipalityOrganisationForm if organisation.kind == OrganisationKind.MUNICIPALITY else OrganisationForm
    )
    # The form works on a copy, so a rejected value never shows up as the
    # organisation's name elsewhere on the page.
    form = form_class(request.POST or None, instance=copy.copy(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.update_organisation(
                actor=request.user, organisation=organisation, now=timezone.now(), **form.cleaned_data
            )
        except services.OrganisationError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The changes to %(name)s have been saved.") % {"name": organisation.name})
            return redirect("organisations:organisation_list")
    return render(request, "organisations/organisation_form.html", {"form": form, "organisation": organisation})


# --- Municipalities --------------------------------------------------------------------------------


@staff(Role.PLATFORM_ADMIN)
def municipality_list(request: StaffRequest) -> HttpResponse:
    page = Paginator(queries.municipalities_for_management(), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "organisations/municipality_list.html", {"page": page})


@staff(Role.PLATFORM_ADMIN)
def municipality_create(request: StaffRequest) -> HttpResponse:
    form = MunicipalityForm(
        request.POST or None, initial={"primary_colour": "#01689B", "primary_text_colour": "#FFFFFF"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            municipality = services.create_municipality(actor=request.user, now=timezone.now(), **form.cleaned_data)
        except services.OrganisationError as error:
            _refused(form, error)
        else:
            messages.success(
                request,
                _("%(name)s has been created, together with its organisation. Add its neighbourhoods below.")
                % {"name": municipality.name},
            )
            return redirect("organisations:neighbourhood_list", municipality=municipality.pk)
    return render(request, "organisations/municipality_form.html", {"form": form, "municipality": None})


@staff(Role.PLATFORM_ADMIN)
def municipality_edit(request: StaffRequest, pk: int) -> HttpResponse:
    municipality = queries.municipality_for_management(pk)
    form = MunicipalityForm(request.POST or None, instance=copy.copy(municipality))
    if request.method == "POST" and form.is_valid():
        try:
            municipality = services.update_municipality(
                actor=request.user, municipality=municipality, now=timezone.now(), **form.cleaned_data
            )
        except services.OrganisationError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The changes to %(name)s have been saved.") % {"name": municipality.name})
            return redirect("organisations:municipality_list")
    return render(request, "organisations/municipality_form.html", {"form": form, "municipality": municipality})


# --- Neighbourhoods --------------------------------------------------------------------------------


@staff(Role.PLATFORM_ADMIN)
def neighbourhood_list(request: StaffRequest, municipality: int) -> HttpResponse:
    """The neighbourhoods of a municipality, with a form to add one."""
    current = queries.municipality_for_management(municipality)
    form = NeighbourhoodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            neighbourhood = services.add_neighbourhood(
                actor=request.user, municipality=current, now=timezone.now(), **form.cleaned_data
            )
        except services.OrganisationError as error:
            _refused(form, error)
        else:
            messages.success(request, _("%(name)s has been added.") % {"name": neighbourhood.name})
            return redirect("organisations:neighbourhood_list", municipality=current.pk)
    return render(
        request,
        "organisations/neighbourhood_list.html",
        {"municipality": current, "neighbourhoods": queries.neighbourhoods_of(current), "form": form},
    )


@staff(Role.PLATFORM_ADMIN)
def neighbourhood_edit(request: StaffRequest, municipality: int, pk: int) -> HttpResponse:
    current = queries.municipality_for_management(municipality)
    neighbourhood = queries.neighbourhood_of(current, pk)
    form = NeighbourhoodForm(request.POST or None, instance=copy.copy(neighbourhood))
    if request.method == "POST" and form.is_valid():
        try:
            neighbourhood = services.update_neighbourhood(
                actor=request.user, neighbourhood=neighbourhood, now=timezone.now(), **form.cleaned_data
            )
        except services.OrganisationError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The changes to %(name)s have been saved.") % {"name": neighbourhood.name})
            return redirect("organisations:neighbourhood_list", municipality=current.pk)
    return render(
        request,
        "organisations/neighbourhood_form.html",
        {"municipality": current, "neighbourhood": neighbourhood, "form": form},
    )


@staff(Role.PLATFORM_ADMIN)
def neighbourhood_remove(request: StaffRequest, municipality: int, pk: int) -> HttpResponse:
    """Asks for confirmation (GET), then removes (POST)."""
    current = queries.municipality_for_management(municipality)
    neighbourhood = queries.neighbourhood_of(current, pk)
    if request.method == "POST":
        try:
            services.remove_neighbourhood(actor=request.user, neighbourhood=neighbourhood, now=timezone.now())
        except services.OrganisationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s has been removed.") % {"name": neighbourhood.name})
        return redirect("organisations:neighbourhood_list", municipality=current.pk)
    return render(
        request,
        "organisations/neighbourhood_confirm_remove.html",
        {"municipality": current, "neighbourhood": neighbourhood},
    )
