"""The case file page and the forms on it.

Every view looks the report up through ``queries.report_for`` first, so a
report of another ADV answers 404 before anything else happens. Each form
posts to its own URL; a GET of such a URL goes back to the case page."""

from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from openinclusie.accounts.access import staff
from openinclusie.accounts.models import Role, User
from openinclusie.cases import queries
from openinclusie.cases.forms.case import (
    AssignmentForm,
    ClassificationForm,
    ConsentForm,
    IncidentLinkForm,
    MessageForm,
    NoteForm,
    ReportLocationForm,
    RevealContactForm,
    StatusForm,
    VersionedForm,
)
from openinclusie.cases.models import Report
from openinclusie.cases.services import audit, handling, incidents, intake_locations, messaging
from openinclusie.core.exceptions import DomainError
from openinclusie.core.http import no_store

ADV_STAFF = (Role.ADV_CONSULTANT, Role.ADV_COORDINATOR)

VERSIONED_FORMS: dict[str, type[VersionedForm]] = {
    "classification": ClassificationForm,
    "status": StatusForm,
    "assignment": AssignmentForm,
    "consent": ConsentForm,
    "incident": IncidentLinkForm,
    "location": ReportLocationForm,
}


def acting_user(request: HttpRequest) -> User:
    """The signed-in staff member; the access policy has checked the login."""
    return cast(User, request.user)


def section_tag(section: str) -> str:
    """Marks a message for the section of the case page it is about: after a
    save the page opens at that section, so the confirmation is shown
    there, where keyboard and screen-reader users are, not at the top."""
    return f"section-{section}"


def case_url(report: Report, section: str = "") -> str:
    url = reverse("cases:case_detail", args=[report.pk])
    return f"{url}#{section}" if section else url


def render_case(
    request: HttpRequest,
    report: Report,
    *,
    bound: dict[str, Any] | None = None,
    conflict: str = "",
    status: int = 200,
) -> HttpResponse:
    """The whole case file. Rendering it is opening it, so it is logged."""
    now = timezone.now()
    audit.log_case_view(report=report, by=acting_user(request), now=now)
    bound = bound or {}
    forms: dict[str, Any] = {
        name: bound.get(name) or form_class(report=report, prefix=name) for name, form_class in VERSIONED_FORMS.items()
    }
    forms["note"] = bound.get("note") or NoteForm(prefix="note")
    forms["message"] = bound.get("message") or MessageForm(prefix="message")
    case = queries.case_file(report, today=timezone.localdate(now))
    context = {
        "case": case,
        "report": report,
        "forms": forms,
        "conflict": conflict,
        "can_export": report.adv_id in queries.adv_ids(request, [Role.ADV_COORDINATOR]),
    }
    return render(request, "cases/case_detail.html", context, status=status)


@staff(*ADV_STAFF)
@no_store
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_case(request, queries.report_for(request, pk))


def _versioned_action(
    request: HttpRequest,
    pk: int,
    section: str,
    save: Callable[[Report, dict[str, Any]], object],
    success: str,
) -> HttpResponse:
    report = queries.report_for(request, pk)
    if request.method != "POST":
        return redirect(case_url(report, section))
    form = VERSIONED_FORMS[section](request.POST, report=report, prefix=section)
    if form.is_valid():
        try:
            save(report, form.cleaned_data)
        except handling.CaseChanged:
            fresh = queries.report_for(request, pk)
            form.report = fresh
            return render_case(
                request, fresh, bound={section: form.with_current_version()}, conflict=section, status=409
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            # Shown inside the section the page opens at (see case_detail.html).
            messages.success(request, success, extra_tags=section_tag(section))
            return redirect(case_url(report, section))
    return render_case(request, report, bound={section: form})


def _now() -> Any:
    return timezone.now()


@staff(*ADV_STAFF)
@no_store
def case_classify(request: HttpRequest, pk: int) -> HttpResponse:
    def save(report: Report, data: dict[str, Any]) -> object:
        return handling.classify(
            report=report,
            by=acting_user(request),
            version=data["version"],
            now=_now(),
            request_type=data["request_type"],
            grounds=data["ground_codes"],
            domain=data["domain"],
            nature=data["nature"],
            handlings=list(data["handlings"]),
        )

    return _versioned_action(request, pk, "classification", save, _("The classification has been saved."))


@staff(*ADV_STAFF)
@no_store
def case_status(request: HttpRequest, pk: int) -> HttpResponse:
    def save(report: Report, data: dict[str, Any]) -> object:
        return handling.change_status(
            report=report,
            by=acting_user(request),
            version=data["version"],
            now=_now(),
            to_status=data["to_status"],
        )

    return _versioned_action(request, pk, "status", save, _("The status has been changed."))


@staff(*ADV_STAFF)
@no_store
def case_assign(request: HttpRequest, pk: int) -> HttpResponse:
    def save(report: Report, data: dict[str, Any]) -> object:
        return handling.assign(
            report=report,
            by=acting_user(request),
            version=data["version"],
            now=_now(),
            assignee=data["assigned_to"],
            deadline=data["deadline"],
        )

    return _versioned_action(request, pk, "assignment", save, _("Assignment and deadline have been saved."))


@staff(*ADV_STAFF)
@no_store
def case_consent(request: HttpRequest, pk: int) -> HttpResponse:
    def save(report: Report, data: dict[str, Any]) -> object:
        return handling.record_consent(
            report=report,
            by=acting_user(request),
            version=data["version"],
            now=_now(),
            consent=data["consent"],
        )

    return _versioned_action(request, pk, "consent", save, _("The reporter's consent has been recorded."))


@staff(*ADV_STAFF)
@no_store
def case_incident(request: HttpRequest, pk: int) -> HttpResponse:
    def save(report: Report, data: dict[str, Any]) -> object:
        return incidents.set_incident(
            report=report,
            incident=data["incident"],
            by=acting_user(request),
            version=data["version"],
            now=_now(),
        )

    return _versioned_action(request, pk, "incident", save, _("The incident link has been saved."))


@staff(*ADV_STAFF)
@no_store
def case_intake_location(request: HttpRequest, pk: int) -> HttpResponse:
    def save(report: Report, data: dict[str, Any]) -> object:
        return intake_locations.set_intake_location(
            report=report,
            location=data["intake_location"],
            by=acting_user(request),
            version=data["version"],
            now=_now(),
        )

    return _versioned_action(request, pk, "location", save, _("The intake location has been saved."))


@staff(*ADV_STAFF)
@no_store
def case_note(request: HttpRequest, pk: int) -> HttpResponse:
    report = queries.report_for(request, pk)
    if request.method != "POST":
        return redirect(case_url(report, "notes"))
    form = NoteForm(request.POST, prefix="note")
    if form.is_valid():
        try:
            handling.add_note(report=report, by=acting_user(request), now=_now(), text=form.cleaned_data["text"])
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The note has been added."), extra_tags=section_tag("notes"))
            return redirect(case_url(report, "notes"))
    return render_case(request, report, bound={"note": form})


@staff(*ADV_STAFF)
@no_store
def case_message(request: HttpRequest, pk: int) -> HttpResponse:
    report = queries.report_for(request, pk)
    if request.method != "POST":
        return redirect(case_url(report, "messages"))
    form = MessageForm(request.POST, prefix="message")
    if form.is_valid():
        try:
            messaging.send_message(report=report, by=acting_user(request), body=form.cleaned_data["body"], now=_now())
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The message has been sent."), extra_tags=section_tag("messages"))
            return redirect(case_url(report, "messages"))
    return render_case(request, report, bound={"message": form})


@staff(*ADV_STAFF)
@no_store
def case_reveal_contact(request: HttpRequest, pk: int) -> HttpResponse:
    """Contact details are hidden until the user gives a reason, which goes
    into the access log. They are shown on this response only."""
    report = queries.report_for(request, pk)
    form = RevealContactForm(request.POST or None)
    has_contact = hasattr(report, "contact")
    context: dict[str, Any] = {"report": report, "form": form, "has_contact": has_contact}
    if request.method == "POST" and has_contact and form.is_valid():
        try:
            context["contact"] = audit.reveal_contact(
                report=report,
                by=acting_user(request),
                reason=form.cleaned_data["reason"],
                now=_now(),
            )
        except DomainError as error:
            form.add_error(None, str(error))
    return render(request, "cases/reveal_contact.html", context)
