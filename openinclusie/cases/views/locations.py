"""The ADV coordinator's list of intake locations: add, rename, switch off.
A location is never deleted here; reports keep the location they were
made at."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from openinclusie.accounts.access import staff
from openinclusie.accounts.models import Role
from openinclusie.cases import queries
from openinclusie.cases.forms.other import IntakeLocationForm
from openinclusie.cases.services import intake_locations
from openinclusie.core.exceptions import DomainError
from openinclusie.core.http import no_store

from .case import acting_user

COORDINATOR = [Role.ADV_COORDINATOR]


def _refused(form: IntakeLocationForm, error: DomainError) -> None:
    if isinstance(error, intake_locations.DuplicateLocationName):
        form.add_error("name", _("There is already a location with this name."))
    else:
        form.add_error(None, str(error))


@staff(Role.ADV_COORDINATOR)
@no_store
def location_list(request: HttpRequest) -> HttpResponse:
    """One list and one form to add per ADV the user coordinates; ``adv``
    says which form was sent."""
    rows = []
    for adv in queries.advs_for(request, COORDINATOR):
        bound = request.method == "POST" and request.POST.get("adv") == str(adv.pk)
        form = IntakeLocationForm(request.POST if bound else None, prefix=f"adv{adv.pk}")
        if bound and form.is_valid():
            try:
                location = intake_locations.add_location(adv=adv, by=acting_user(request), **form.cleaned_data)
            except DomainError as error:
                _refused(form, error)
            else:
                messages.success(request, _("%(name)s has been added.") % {"name": location.name})
                return redirect("cases:intake_locations")
        rows.append({"adv": adv, "form": form, "locations": queries.locations_of(adv)})
    return render(request, "cases/intake_locations.html", {"rows": rows})


@staff(Role.ADV_COORDINATOR)
@no_store
def location_edit(request: HttpRequest, pk: int) -> HttpResponse:
    location = queries.intake_location_for(request, pk)
    initial = {
        "name": location.name,
        "address": location.address,
        "description": location.description,
        "is_active": location.is_active,
    }
    form = IntakeLocationForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            intake_locations.change_location(location=location, by=acting_user(request), **form.cleaned_data)
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, _("%(name)s has been saved.") % {"name": location.name})
            return redirect("cases:intake_locations")
    return render(request, "cases/intake_location_edit.html", {"form": form, "location": location})
