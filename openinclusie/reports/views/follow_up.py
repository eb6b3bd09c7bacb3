"""The follow-up page: the resident opens their report with the receipt
code, reads the ADV's messages, replies and adds information."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from openinclusie.accounts.access import public
from openinclusie.cases.constants import Status
from openinclusie.cases.services import public_intake
from openinclusie.core.http import no_store
from openinclusie.core.ratelimit import client_identifier, is_limited
from openinclusie.reports import draft as drafts
from openinclusie.reports.forms import ReceiptCodeForm, ReporterMessageForm

from .common import content_template, site_municipality

CODE_ATTEMPTS_PER_WINDOW = 10
CODE_WINDOW_SECONDS = 15 * 60
MESSAGES_PER_HOUR = 20

STATUS_TEXT = {
    Status.NEW: gettext_lazy("Your report has arrived. Someone will read it soon."),
    Status.INTAKE: gettext_lazy("Someone is reading your report and looking at what is needed."),
    Status.IN_PROGRESS: gettext_lazy("We are working on your report."),
    Status.WAITING_FOR_REPORTER: gettext_lazy("We are waiting for an answer from you. Read the messages below."),
    Status.REGISTERED: gettext_lazy("Your report has been registered. It counts in the figures."),
    Status.CLOSED: gettext_lazy("Your report is closed. You can still read the messages and send a message."),
}


@public
@no_store
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def follow_up_login(request: HttpRequest, municipality: str) -> HttpResponse:
    current = site_municipality(municipality)
    report_id, _timed_out = drafts.follow_up_session_report(request.session)
    if report_id is not None:
        return redirect("reports:follow_up", current.slug)
    context: dict[str, Any] = {"municipality": current, "adv": current.adv, "content": content_template("follow_up")}
    if request.method == "POST":
        if is_limited(
            scope="receipt-lookup",
            identifier=client_identifier(request),
            limit=CODE_ATTEMPTS_PER_WINDOW,
            window_seconds=CODE_WINDOW_SECONDS,
        ):
            context.update({"form": ReceiptCodeForm(), "too_many": True})
            return render(request, "reports/follow_up_login.html", context, status=429)
        form = ReceiptCodeForm(request.POST)
        if form.is_valid():
            report = public_intake.report_for_receipt(code=form.cleaned_data["code"])
            if report is not None:
                drafts.start_follow_up_session(request.session, report.pk)
                return redirect("reports:follow_up", current.slug)
            # The same words for a mistyped and an unknown code.
            form.add_error(
                "code",
                _("We cannot find a report with this code. Check the code and try again."),
            )
        # A wrong code is not shown again.
        blanked = request.POST.copy()
        blanked["code"] = ""
        form.data = blanked
    else:
        form = ReceiptCodeForm()
    context["form"] = form
    return render(request, "reports/follow_up_login.html", context)


@public
@no_store
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest, municipality: str) -> HttpResponse:
    current = site_municipality(municipality)
    report_id, timed_out = drafts.follow_up_session_report(request.session)
    if report_id is None:
        if timed_out:
            messages.info(request, _("For your safety the page of your report was closed. Fill in your code again."))
        return redirect("reports:follow_up_login", current.slug)

    reply_form = ReporterMessageForm(prefix="reply", label=_("Your reply"))
    addition_form = ReporterMessageForm(
        prefix="addition",
        label=_("What do you want to add?"),
        help_text=_("For example something you forgot, or something that happened later."),
    )
    status = 200
    too_many = False
    if request.method == "POST":
        kind = request.POST.get("form")
        if kind not in ("reply", "addition"):
            return redirect("reports:follow_up", current.slug)
        posted = ReporterMessageForm(
            request.POST,
            prefix=kind,
            label=reply_form.fields["body"].label if kind == "reply" else addition_form.fields["body"].label,
            help_text=None if kind == "reply" else addition_form.fields["body"].help_text,
        )
        if kind == "reply":
            reply_form = posted
        else:
            addition_form = posted
        if is_limited(
            scope="reporter-message", identifier=str(report_id), limit=MESSAGES_PER_HOUR, window_seconds=3600
        ):
            too_many, status = True, 429
        elif posted.is_valid():
            try:
                public_intake.send_reporter_message(
                    report_id=report_id,
                    body=posted.cleaned_data["body"],
                    is_addition=kind == "addition",
                    now=timezone.now(),
                )
            except public_intake.FollowUpClosed:
                posted.add_error(None, _("You can no longer send messages about this report."))
            except public_intake.InvalidPublicReport:
                posted.add_error("body", _("Write your message first."))
            else:
                messages.success(request, _("Your message has been sent."))
                return redirect("reports:follow_up", current.slug)

    page = public_intake.open_follow_up(report_id=report_id, now=timezone.now())
    if page is None:
        drafts.end_follow_up_session(request.session)
        return redirect("reports:follow_up_login", current.slug)
    return render(
        request,
        "reports/follow_up.html",
        {
            "municipality": current,
            "adv": page.report.adv,
            "page": page,
            "status_text": STATUS_TEXT.get(Status(page.report.status), ""),
            "reply_form": reply_form,
            "addition_form": addition_form,
            "too_many": too_many,
        },
        status=status,
    )


@public
@no_store
@require_POST
def follow_up_close(request: HttpRequest, municipality: str) -> HttpResponse:
    current = site_municipality(municipality)
    drafts.end_follow_up_session(request.session)
    messages.success(request, _("The page of your report is closed. To open it again, fill in your code."))
    return redirect("reports:follow_up_login", current.slug)
