"""Pages for the ADV coordinator only: the access log, retention, and the
PDF export of one case for a reporter's access request."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from openinclusie.accounts.access import staff
from openinclusie.accounts.models import Role
from openinclusie.cases import queries
from openinclusie.cases.forms.other import AccessLogFilterForm, RetentionForm
from openinclusie.cases.queries import coordinator as coordinator_queries
from openinclusie.cases.services import audit, retention
from openinclusie.core.exceptions import DomainError
from openinclusie.core.http import no_store
from openinclusie.core.pdf import render_pdf

from .case import acting_user

COORDINATOR = [Role.ADV_COORDINATOR]


@staff(Role.ADV_COORDINATOR)
@no_store
def access_log(request: HttpRequest) -> HttpResponse:
    form = AccessLogFilterForm(request.GET or None, staff=queries.staff_of_advs(request, COORDINATOR))
    filters = coordinator_queries.AccessLogFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = coordinator_queries.AccessLogFilters(
            reference=data["reference"],
            user=data["user"].pk if data["user"] else None,
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
    page = coordinator_queries.access_log(request, filters, page_number=request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "cases/access_log.html", {"form": form, "page": page, "query": query.urlencode()})


@staff(Role.ADV_COORDINATOR)
@no_store
def retention_settings(request: HttpRequest) -> HttpResponse:
    """One form per ADV the user coordinates; ``adv`` says which is saved."""
    advs = queries.advs_for(request, COORDINATOR)
    now = timezone.now()
    rows = []
    for adv in advs:
        prefix = f"adv{adv.pk}"
        bound = request.method == "POST" and request.POST.get("adv") == str(adv.pk)
        form = RetentionForm(
            request.POST if bound else None, prefix=prefix, initial={"months_after_closing": retention.months_for(adv)}
        )
        if bound and form.is_valid():
            try:
                retention.set_retention_policy(
                    adv=adv,
                    by=acting_user(request),
                    months_after_closing=form.cleaned_data["months_after_closing"],
                )
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The retention period of %(adv)s has been saved.") % {"adv": adv.name})
                return redirect("cases:retention")
        anonymised, recent = coordinator_queries.recent_anonymisations(adv)
        rows.append(
            {
                "adv": adv,
                "form": form,
                "due": retention.expired_reports(adv=adv, now=now).count(),
                "anonymised": anonymised,
                "recent": recent,
            }
        )
    return render(request, "cases/retention.html", {"rows": rows})


@staff(Role.ADV_COORDINATOR)
@no_store
def case_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole case file as a PDF, for a reporter's access request. Logged."""
    report = queries.report_for(request, pk, COORDINATOR)
    now = timezone.now()
    audit.log_export(report=report, by=acting_user(request), now=now)
    context = {
        "case": queries.case_file(report, today=timezone.localdate(now)),
        "report": report,
        "contact": getattr(report, "contact", None) if hasattr(report, "contact") else None,
        "exported_at": now,
        "exported_by": request.user,
    }
    pdf = render_pdf("cases/case_export.html", context, stylesheets=["cases/case_export.css"])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{report.reference}.pdf"'
    return response
