"""Activities, their progress updates and photos. Partners see the
activities their organisation leads or takes part in, and post updates on
those only."""

from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from openinclusie.accounts.access import StaffRequest, memberships_of, staff
from openinclusie.accounts.models import Role
from openinclusie.organisations.models import Organisation
from openinclusie.programme import queries
from openinclusie.programme.forms import ActivityForm, UpdateEditForm, UpdateForm, place_of
from openinclusie.programme.models import Activity
from openinclusie.programme.queries.activities import updates_of
from openinclusie.programme.scope import Scope, scope_of
from openinclusie.programme.services import activities as services
from openinclusie.programme.services.errors import DuplicateNumberError, InvalidPhotoError, ProgrammeError
from openinclusie.programme.services.plan import next_number

from . import ACTIVITY_READERS, EDITORS, UPDATE_POSTERS

FORM_FIELDS = (
    "number",
    "title",
    "description",
    "lead_organisation",
    "partner_organisations",
    "planned_start",
    "planned_end",
    "status",
    "completed_on",
    "tag",
)


def _save(request: HttpRequest, form: ActivityForm, activity: Activity | None) -> Activity | None:
    data = {name: form.cleaned_data[name] for name in FORM_FIELDS}
    try:
        return services.save_activity(
            programme=form.programme,
            line=form.cleaned_data["line"],
            objective=form.cleaned_data["objective"],
            activity=activity,
            by=request.user,  # type: ignore[arg-type]
            now=timezone.now(),
            **data,
        )
    except DuplicateNumberError as error:
        form.add_error("number", str(error))
    except ProgrammeError as error:
        form.add_error(None, str(error))
    return None


@staff(*EDITORS)
def activity_create(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = queries.programme_for_edit(scope_of(request), programme_id)
    organisations = queries.organisation_choices(programme.municipality)
    initial: dict[str, Any] = {"status": "planned"}
    line_id = request.GET.get("line", "")
    line = programme.lines.filter(pk=line_id).first() if line_id.isdigit() else None
    if line is not None:
        initial["place"] = f"line-{line.pk}"
        numbers = list(queries.activities_of_line(line).values_list("number", flat=True))
        initial["number"] = next_number(numbers)
    form = ActivityForm(request.POST or None, initial=initial, programme=programme, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        activity = _save(request, form, None)
        if activity is not None:
            messages.success(request, _("The activity has been added."))
            return redirect("programme:activity_detail", activity.pk)
    return render(request, "programme/form.html", {"title": _("New activity"), "programme": programme, "form": form})


@staff(*EDITORS)
def activity_edit(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = queries.activity_for_edit(scope_of(request), activity_id)
    programme = activity.owning_line.programme
    initial = {name: getattr(activity, name) for name in FORM_FIELDS if name != "partner_organisations"}
    initial["partner_organisations"] = list(activity.partner_organisations.all())
    initial["place"] = place_of(activity)
    form = ActivityForm(
        request.POST or None,
        initial=initial,
        programme=programme,
        organisations=queries.organisation_choices(programme.municipality),
    )
    if request.method == "POST" and form.is_valid() and _save(request, form, activity) is not None:
        messages.success(request, _("The activity has been saved."))
        return redirect("programme:activity_detail", activity.pk)
    return render(
        request,
        "programme/form.html",
        {"title": _("Edit the activity"), "programme": programme, "subject": activity, "form": form},
    )


def _posting_organisations(request: HttpRequest, scope: Scope, activity: Activity) -> list[Organisation]:
    """The organisations the user can post an update for on this activity:
    their partner organisations (or ADV) involved in it, and the municipality's own
    organisation for its officers (any organisation for platform admins)."""
    involved = {activity.lead_organisation_id, *(o.pk for o in activity.partner_organisations.all())}
    municipality = activity.owning_line.programme.municipality
    result = []
    for membership in memberships_of(request):
        organisation = membership.organisation
        is_involved_partner = (
            membership.role in (Role.PARTNER_MEMBER, Role.ADV_CONSULTANT, Role.ADV_COORDINATOR)
            and organisation.pk in involved
        )
        is_own_officer = membership.role == Role.PROGRAMME_OFFICER and organisation.municipality_id == municipality.pk
        if is_involved_partner or is_own_officer:
            result.append(organisation)
    if not result and scope.is_platform_admin:
        result.append(municipality.organisation)
    return list({o.pk: o for o in result}.values())


@staff(*ACTIVITY_READERS)
def activity_detail(request: HttpRequest, activity_id: int) -> HttpResponse:
    scope = scope_of(request)
    activity = queries.activity_for_read(scope, activity_id)
    return render(
        request,
        "programme/activity_detail.html",
        {
            "activity": activity,
            "programme": activity.owning_line.programme,
            "updates": updates_of(activity),
            "can_edit": scope.can_edit(activity.owning_line.programme.municipality_id),
            # Partners reach an activity through "My activities", not the programme.
            "reads_programme": scope.can_read(activity.owning_line.programme.municipality_id),
            "can_post": queries.can_post_update(scope, activity),
            "changeable_updates": queries.changeable_update_ids(scope, activity),
            "history": activity.status_changes.select_related("changed_by").order_by("-changed_at", "-pk"),
        },
    )


def _photo_uploads(data: dict[str, Any]) -> list[services.PhotoUpload]:
    return [
        services.PhotoUpload(file=data[name], description=data[f"{name}_description"].strip())
        for name in ("photo_1", "photo_2")
        if data.get(name)
    ]


@staff(*UPDATE_POSTERS)
def update_create(request: HttpRequest, activity_id: int) -> HttpResponse:
    scope = scope_of(request)
    activity = queries.activity_for_update(scope, activity_id)
    organisations = _posting_organisations(request, scope, activity)
    form = UpdateForm(
        request.POST or None,
        request.FILES or None,
        initial={"happened_on": timezone.localdate()},
        organisations=organisations,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        photos = _photo_uploads(data)
        try:
            services.post_update(
                activity=activity,
                organisation=data.get("organisation") or organisations[0],
                author=request.user,  # type: ignore[arg-type]
                happened_on=data["happened_on"],
                text=data["text"],
                links=data["links"],
                participants=data["participants"],
                organisations_reached=data["organisations_reached"],
                photos=photos,
                now=timezone.now(),
            )
        except InvalidPhotoError as error:
            form.add_error("photo_1", str(error))
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your update has been posted."))
            return redirect("programme:activity_detail", activity.pk)
    return render(
        request,
        "programme/form.html",
        {
            "title": _("Post a progress update"),
            "subject": activity,
            "form": form,
            "cancel": ("programme:activity_detail", activity.pk),
        },
    )


@staff(*UPDATE_POSTERS)
def update_edit(request: StaffRequest, update_id: int) -> HttpResponse:
    """For the officers of the municipality, and for the members of the
    organisation the update was posted for while it takes part in the
    activity (queries.updates_changeable)."""
    update = queries.update_for_change(scope_of(request), update_id)
    activity = update.activity
    photos = update.photos.order_by("pk")
    initial = {
        "happened_on": update.happened_on,
        "text": update.text,
        "links": update.links,
        "participants": update.participants,
        "organisations_reached": update.organisations_reached,
    }
    form = UpdateEditForm(request.POST or None, request.FILES or None, initial=initial, photos=photos)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.edit_update(
                update=update,
                happened_on=data["happened_on"],
                text=data["text"],
                links=data["links"],
                participants=data["participants"],
                organisations_reached=data["organisations_reached"],
                remove_photos=list(data.get("remove_photos") or []),
                add_photos=_photo_uploads(data),
                now=timezone.now(),
            )
        except InvalidPhotoError as error:
            form.add_error("photo_1", str(error))
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The update has been saved."))
            return redirect("programme:activity_detail", activity.pk)
    return render(
        request,
        "programme/update_edit.html",
        {"activity": activity, "update": update, "photos": photos, "form": form},
    )


@staff(Role.PARTNER_MEMBER)
def my_activities(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request)
    return render(
        request,
        "programme/my_activities.html",
        {"activities": queries.activities_of_partner(scope), "partner_ids": scope.partner_organisation_ids},
    )


@staff(*ACTIVITY_READERS)
def photo(request: HttpRequest, photo_id: int) -> HttpResponseBase:
    """Staff only, so the privacy middleware marks it no-store."""
    stored = queries.photo_for_read(scope_of(request), photo_id)
    response = FileResponse(stored.file.open("rb"), content_type=stored.content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
