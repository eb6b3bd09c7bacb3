"""The inbox and the registration of reports by staff."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from openinclusie.accounts.access import staff
from openinclusie.accounts.models import Role
from openinclusie.cases import queries
from openinclusie.cases.forms.intake import StaffIntakeForm
from openinclusie.cases.forms.other import InboxFilterForm
from openinclusie.cases.services import staff_intake
from openinclusie.core.exceptions import DomainError
from openinclusie.core.http import no_store, template_for

from .case import ADV_STAFF, acting_user, case_url


@staff(*ADV_STAFF)
@no_store
def inbox(request: HttpRequest) -> HttpResponse:
    form = InboxFilterForm(
        request.GET or None,
        municipalities=queries.served_municipalities(request),
        locations=queries.intake_locations_for(request),
    )
    filters = queries.InboxFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = queries.InboxFilters(
            status=data["status"],
            municipality=data["municipality"].pk if data["municipality"] else None,
            assigned=data["assigned"],
            overdue=data["overdue"],
            channel=data["channel"],
            intake_location=data["intake_location"].pk if data["intake_location"] else None,
        )
    result = queries.inbox(request, filters, page_number=request.GET.get("page"), today=timezone.localdate())
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "inbox": result,
        "filters": filters,
        "query": query.urlencode(),
        "coordinates": bool(queries.adv_ids(request, [Role.ADV_COORDINATOR])),
    }
    return render(request, template_for(request, "cases/inbox.html", "results"), context)


@staff(*ADV_STAFF)
@no_store
def intake(request: HttpRequest) -> HttpResponse:
    advs = queries.advs_for(request)
    form = StaffIntakeForm(request.POST or None, advs=advs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        contact = staff_intake.ContactDetails(
            name=data["contact_name"].strip(),
            email=data["contact_email"].strip(),
            phone=data["contact_phone"].strip(),
            preference=data["contact_preference"] or "none",
            safe_times=data["contact_safe_times"].strip(),
        )
        try:
            result = staff_intake.register_report(
                adv=data["adv"],
                by=acting_user(request),
                now=timezone.now(),
                submission_token=data["submission_token"],
                give_receipt_code=data["give_receipt_code"],
                channel=data["channel"],
                intake_location=data["intake_location"],
                referred_by=data["referred_by"],
                received_at=data["received_at"],
                request_type=data["request_type"],
                reporter_role=data["reporter_role"],
                description=data["description"],
                occurred_on=data["occurred_on"],
                occurred_on_is_approximate=data["occurred_on_is_approximate"],
                incident_municipality=data["incident_municipality"],
                incident_is_online=data["incident_is_online"],
                incident_neighbourhood=data["incident_neighbourhood"],
                incident_postcode=data["incident_postcode"],
                resident_grounds=data["resident_grounds"],
                resident_domain=data["resident_domain"],
                residence_municipality=data["residence_municipality"],
                residence_elsewhere=data["residence_elsewhere"],
                residence_postcode=data["residence_postcode"],
                residence_declined=data["residence_declined"],
                contact=contact if contact.is_given else None,
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            report = result.report
            if not result.is_new:
                messages.info(
                    request,
                    _("This report had already been registered as %(reference)s.") % {"reference": report.reference},
                )
                return redirect(case_url(report))
            messages.success(request, _("Report %(reference)s has been registered.") % {"reference": report.reference})
            if result.receipt_code:
                # Shown on this response only: the code is never stored.
                return render(request, "cases/intake_done.html", {"report": report, "code": result.receipt_code})
            return redirect(case_url(report))
    return render(request, "cases/intake.html", {"form": form})
