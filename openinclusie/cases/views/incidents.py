"""Incidents (voorvallen): list, create, edit, link reports, and one message
to every reporter of an incident."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from openinclusie.accounts.access import staff
from openinclusie.cases import queries
from openinclusie.cases.forms.case import MessageForm
from openinclusie.cases.forms.other import IncidentForm, LinkReportForm
from openinclusie.cases.models import Incident, ReporterContact
from openinclusie.cases.services import incidents, messaging
from openinclusie.core.exceptions import DomainError
from openinclusie.core.http import no_store

from .case import ADV_STAFF, acting_user


def incident_url(incident: Incident) -> str:
    return reverse("cases:incident_detail", args=[incident.pk])


@staff(*ADV_STAFF)
@no_store
def incident_list(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/incident_list.html", {"incidents": queries.incident_list(request)})


def _save(request: HttpRequest, form: IncidentForm, incident: Incident | None) -> Incident | None:
    data = form.cleaned_data
    try:
        return incidents.save_incident(
            adv=data["adv"],
            by=acting_user(request),
            title=data["title"],
            municipality=data["municipality"],
            occurred_on=data["occurred_on"],
            is_mass_report=data["is_mass_report"],
            incident=incident,
        )
    except DomainError as error:
        form.add_error(None, str(error))
        return None


@staff(*ADV_STAFF)
@no_store
def incident_create(request: HttpRequest) -> HttpResponse:
    form = IncidentForm(request.POST or None, advs=queries.advs_for(request))
    if request.method == "POST" and form.is_valid():
        incident = _save(request, form, None)
        if incident is not None:
            messages.success(request, _("The incident has been created."))
            return redirect(incident_url(incident))
    return render(request, "cases/incident_form.html", {"form": form})


def _detail(
    request: HttpRequest,
    incident: Incident,
    form: IncidentForm | None = None,
    link_form: LinkReportForm | None = None,
) -> HttpResponse:
    initial = {
        "adv": incident.adv_id,
        "title": incident.title,
        "municipality": incident.municipality_id,
        "occurred_on": incident.occurred_on,
        "is_mass_report": incident.is_mass_report,
    }
    context = {
        "incident": incident,
        "form": form or IncidentForm(initial=initial, advs=[incident.adv]),
        "link_form": link_form or LinkReportForm(prefix="link"),
        "reports": queries.reports_of_incident(incident),
    }
    return render(request, "cases/incident_detail.html", context)


@staff(*ADV_STAFF)
@no_store
def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    incident = queries.incident_for(request, pk)
    if request.method != "POST":
        return _detail(request, incident)
    form = IncidentForm(request.POST, advs=[incident.adv])
    if form.is_valid() and _save(request, form, incident) is not None:
        messages.success(request, _("The incident has been saved."))
        return redirect(incident_url(incident))
    return _detail(request, incident, form=form)


@staff(*ADV_STAFF)
@no_store
def incident_reports(request: HttpRequest, pk: int) -> HttpResponse:
    """Link a report by its reference, or unlink one (``unlink`` = report id)."""
    incident = queries.incident_for(request, pk)
    if request.method != "POST":
        return redirect(incident_url(incident))
    now = timezone.now()
    if "unlink" in request.POST:
        unlink = request.POST.get("unlink", "").strip()
        report = queries.reports_for(request).filter(pk=int(unlink)).first() if unlink.isdigit() else None
        if report is not None:
            try:
                incidents.unlink_report(incident=incident, report=report, by=acting_user(request), now=now)
            except DomainError:
                report = None
        if report is None:
            messages.error(request, _("That report is not linked to this incident."))
        else:
            messages.success(request, _("Report %(reference)s has been unlinked.") % {"reference": report.reference})
        return redirect(incident_url(incident))
    link_form = LinkReportForm(request.POST, prefix="link")
    if link_form.is_valid():
        try:
            report = incidents.link_report(
                incident=incident,
                reference=link_form.cleaned_data["reference"],
                by=acting_user(request),
                now=now,
            )
        except DomainError:
            link_form.add_error("reference", _("No open report of your ADV has this reference."))
        else:
            messages.success(request, _("Report %(reference)s has been linked.") % {"reference": report.reference})
            return redirect(incident_url(incident))
    return _detail(request, incident, link_form=link_form)


@staff(*ADV_STAFF)
@no_store
def incident_message(request: HttpRequest, pk: int) -> HttpResponse:
    """One message to every reporter of the incident, each on their own
    follow-up page."""
    incident = queries.incident_for(request, pk)
    form = MessageForm(request.POST or None)
    reports = queries.reports_of_incident(incident).filter(anonymised_at__isnull=True)
    if request.method == "POST" and form.is_valid():
        try:
            sent = messaging.send_message_to_incident(
                incident=incident,
                by=acting_user(request),
                body=form.cleaned_data["body"],
                now=timezone.now(),
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "The message has been sent to %(count)d reporter.",
                    "The message has been sent to %(count)d reporters.",
                    len(sent),
                )
                % {"count": len(sent)},
            )
            return redirect(incident_url(incident))
    context = {
        "incident": incident,
        "form": form,
        "report_count": reports.count(),
        "email_count": ReporterContact.objects.filter(report__in=reports).exclude(email="").count(),
    }
    return render(request, "cases/incident_message.html", context)
