"""Management screens for the code lists. Platform admins maintain them; ADV
coordinators may read them (they answer for the registration and the yearly
figures)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinclusie.accounts.access import roles_of, staff
from openinclusie.accounts.models import Role

from . import queries, services
from .forms import AddCodeForm, CopyVersionForm, EditCodeForm
from .models import Code, CodeKind, CodeListVersion

READERS = (Role.PLATFORM_ADMIN, Role.ADV_COORDINATOR)


def _detail_url(version: CodeListVersion, kind: str | None = None) -> str:
    url = reverse("classification:version_detail", args=[version.pk])
    return f"{url}#list-{kind}" if kind else url


@staff(*READERS)
def version_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "classification/version_list.html",
        {"versions": queries.all_versions(), "can_manage": Role.PLATFORM_ADMIN in roles_of(request)},
    )


@staff(*READERS)
def version_detail(request: HttpRequest, version_id: int) -> HttpResponse:
    version = queries.version_by_id(version_id)
    return render(
        request,
        "classification/version_detail.html",
        {
            "version": version,
            "lists": queries.lists_of(version),
            "can_manage": Role.PLATFORM_ADMIN in roles_of(request),
        },
    )


@staff(Role.PLATFORM_ADMIN)
def version_copy(request: HttpRequest, version_id: int) -> HttpResponse:
    source = queries.version_by_id(version_id)
    form = CopyVersionForm(request.POST or None, initial={"valid_from": timezone.localdate(), "notes": source.notes})
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.copy_version(source=source, **form.cleaned_data)
        except services.VersionNameTakenError as error:
            form.add_error("name", str(error))
        else:
            messages.success(
                request, _("Version “%(name)s” has been made. It is not current yet.") % {"name": copy.name}
            )
            return redirect("classification:version_detail", copy.pk)
    return render(request, "classification/version_copy.html", {"source": source, "form": form})


@staff(Role.PLATFORM_ADMIN)
def version_make_current(request: HttpRequest, version_id: int) -> HttpResponse:
    """GET asks for confirmation, POST switches; works without JavaScript."""
    version = queries.version_by_id(version_id)
    if version.is_current:
        messages.info(request, _("This is already the current version."))
        return redirect("classification:version_detail", version.pk)
    if request.method == "POST":
        try:
            services.make_current(version=version)
        except services.ClassificationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("New reports are now registered under “%(name)s”.") % {"name": version.name})
        return redirect("classification:version_detail", version.pk)
    return render(
        request,
        "classification/version_make_current.html",
        {"version": version, "current": queries.current_version()},
    )


@staff(Role.PLATFORM_ADMIN)
def code_add(request: HttpRequest, version_id: int) -> HttpResponse:
    version = queries.version_by_id(version_id)
    if version.in_use:  # type: ignore[attr-defined]
        messages.error(request, _("Reports use this version, so no codes can be added. Make a new version first."))
        return redirect("classification:version_detail", version.pk)
    kind = request.GET.get("kind")
    initial = {"kind": kind if kind in CodeKind.values else CodeKind.GROUND, "parent": request.GET.get("parent")}
    form = AddCodeForm(request.POST or None, initial=initial, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            code = services.add_code(version=version, **form.cleaned_data)
        except services.ClassificationError as error:
            form.add_error(_add_error_field(error), str(error))
        else:
            messages.success(request, _("The code “%(label)s” has been added.") % {"label": code.label})
            return HttpResponseRedirect(_detail_url(version, code.kind))
    return render(request, "classification/code_form.html", {"version": version, "form": form, "code": None})


def _add_error_field(error: services.ClassificationError) -> str | None:
    if isinstance(error, services.DuplicateCodeError):
        return "code"
    if isinstance(error, services.InvalidParentError):
        return "parent"
    return None


@staff(Role.PLATFORM_ADMIN)
def code_edit(request: HttpRequest, version_id: int, code_id: int) -> HttpResponse:
    version = queries.version_by_id(version_id)
    code = queries.code_in_version(version, code_id)
    form = EditCodeForm(
        request.POST or None,
        initial={
            "label_nl": code.label_nl,
            "label_en": code.label_en,
            "position": code.position,
            "is_active": code.is_active,
            "towards_other_party": code.towards_other_party,
        },
        labels_fixed=version.in_use,  # type: ignore[attr-defined]
        kind=code.kind,
    )
    if request.method == "POST" and form.is_valid():
        try:
            code = services.update_code(code=code, **form.cleaned_data)
        except (services.InvalidParentError, services.IncompleteVersionError) as error:
            form.add_error("is_active", str(error))
        except services.ClassificationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The code “%(label)s” has been saved.") % {"label": code.label})
            return HttpResponseRedirect(_detail_url(version, code.kind))
    return render(request, "classification/code_form.html", {"version": version, "form": form, "code": code})


@staff(Role.PLATFORM_ADMIN)
@require_POST
def code_remove(request: HttpRequest, version_id: int, code_id: int) -> HttpResponse:
    version = queries.version_by_id(version_id)
    code: Code = queries.code_in_version(version, code_id)
    try:
        services.remove_code(code=code)
    except services.ClassificationError as error:
        messages.error(request, str(error))
        return redirect("classification:code_edit", version.pk, code.pk)
    messages.success(request, _("The code “%(label)s” has been removed.") % {"label": code.label})
    return HttpResponseRedirect(_detail_url(version, code.kind))
