"""The public reporting form (meldpunt): start, the four steps, check and
send, and the confirmation with the receipt code."""

import time
import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from openinclusie.accounts.access import public
from openinclusie.cases.constants import RequestType
from openinclusie.cases.services import public_intake
from openinclusie.core.http import no_store
from openinclusie.core.ratelimit import client_identifier, is_limited
from openinclusie.organisations.models import Municipality
from openinclusie.reports import draft as drafts
from openinclusie.reports import proof_of_work
from openinclusie.reports.forms import STEP_FORMS, StepForm, public_report
from openinclusie.reports.summary import summary_sections

from .common import content_template, no_adv_page, site_municipality

SUBMISSIONS_PER_HOUR = 10

STEP_TITLES = (
    gettext_lazy("What happened"),
    gettext_lazy("Where it happened"),
    gettext_lazy("About the discrimination and about you"),
    gettext_lazy("What you would like"),
    gettext_lazy("Check and send"),
)
TOTAL_STEPS = len(STEP_TITLES)
CHECK_STEP = TOTAL_STEPS


def _progress(municipality: Municipality, draft: drafts.Draft | None, current: int) -> list[dict[str, Any]]:
    """The steps for the progress list: done steps are links back."""
    steps = []
    for number, title in enumerate(STEP_TITLES, start=1):
        done = draft is not None and number < CHECK_STEP and draft.is_complete(number)
        url = _step_url(municipality, number) if done and number != current else None
        steps.append({"number": number, "title": title, "done": done, "url": url})
    return steps


def _step_url(municipality: Municipality, number: int) -> str:
    if number == CHECK_STEP:
        return reverse("reports:report_check", args=[municipality.slug])
    return reverse("reports:report_step", args=[municipality.slug, number])


def _step_context(municipality: Municipality, draft: drafts.Draft | None, number: int) -> dict[str, Any]:
    back = (
        reverse("reports:report_start", args=[municipality.slug])
        if number == 1
        else _step_url(municipality, number - 1)
    )
    return {
        "municipality": municipality,
        "adv": municipality.adv,
        "step": number,
        "total_steps": TOTAL_STEPS,
        "step_title": STEP_TITLES[number - 1],
        "progress": _progress(municipality, draft, number),
        "back_url": back,
    }


def _initial(form: StepForm, data: Any) -> dict[str, Any]:
    """Saved but unfinished answers, shown again without error messages."""
    initial: dict[str, Any] = {}
    for name, field in form.fields.items():
        values = data.getlist(name)
        if not values:
            continue
        multiple = getattr(field.widget, "allow_multiple_selected", False)
        initial[name] = values if multiple else values[-1]
    return initial


def _bound_steps(draft: drafts.Draft, municipality: Municipality) -> list[StepForm]:
    return [
        form_class(draft.data(number), municipality=municipality)
        for number, form_class in enumerate(STEP_FORMS, start=1)
    ]


@public
@no_store
@require_http_methods(["GET", "POST"])
def report_start(request: HttpRequest, municipality: str) -> HttpResponse:
    current = site_municipality(municipality)
    if current.adv is None:
        return no_adv_page(request, current)
    if request.method == "POST":
        if request.POST.get("action") == "restart":
            existing = drafts.Draft.load(request.session, current.slug)
            if existing is not None:
                existing.discard()
        draft = drafts.Draft.start(request.session, current.slug)
        return redirect(_step_url(current, draft.first_incomplete() or CHECK_STEP))
    return render(
        request,
        "reports/start.html",
        {
            "municipality": current,
            "adv": current.adv,
            "content": content_template("start"),
            "has_draft": drafts.Draft.load(request.session, current.slug) is not None,
        },
    )


@public
@no_store
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def report_step(request: HttpRequest, municipality: str, step: int) -> HttpResponse:
    if not 1 <= step <= len(STEP_FORMS):
        raise Http404
    current = site_municipality(municipality)
    if current.adv is None:
        return no_adv_page(request, current)
    draft = drafts.Draft.load(request.session, current.slug)
    if draft is None:
        return redirect("reports:report_start", current.slug)
    first_open = draft.first_incomplete()
    if first_open is not None and step > first_open:
        # No skipping ahead: the earlier answers are needed first.
        return redirect(_step_url(current, first_open))
    form_class = STEP_FORMS[step - 1]
    if request.method == "POST":
        form = form_class(request.POST, municipality=current)
        is_valid = form.is_valid()
        # Kept even when something is wrong, so going back loses nothing.
        draft.save_step(step, request.POST, list(form.fields), complete=is_valid)
        if is_valid:
            return redirect(_step_url(current, CHECK_STEP if draft.first_incomplete() is None else step + 1))
    else:
        saved = draft.data(step)
        if saved is not None and draft.is_complete(step):
            form = form_class(saved, municipality=current)
        else:
            blank = form_class(municipality=current)
            form = form_class(municipality=current, initial=_initial(blank, saved) if saved is not None else None)
    context = _step_context(current, draft, step)
    context.update({"form": form, "content_privacy": content_template("privacy") if step == 4 else None})
    return render(request, f"reports/step_{step}.html", context)


@public
@no_store
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def report_check(request: HttpRequest, municipality: str) -> HttpResponse:
    current = site_municipality(municipality)
    if current.adv is None:
        return no_adv_page(request, current)

    token = None
    if request.method == "POST":
        try:
            token = uuid.UUID(str(request.POST.get("token", "")))
        except ValueError:
            token = None
        # A second click, or sending again after going back: the report
        # exists already. The session is left alone here, so a request that
        # is still storing the code for the first confirmation is not undone.
        if token is not None and public_intake.submitted_report(submission_token=token) is not None:
            return redirect("reports:report_sent", current.slug)

    draft = drafts.Draft.load(request.session, current.slug)
    if draft is None:
        messages.info(
            request, _("Your answers are no longer there, maybe because you waited too long. Please start again.")
        )
        return redirect("reports:report_start", current.slug)
    first_open = draft.first_incomplete()
    if first_open is not None:
        return redirect(_step_url(current, first_open))
    forms = _bound_steps(draft, current)
    for number, form in enumerate(forms, start=1):
        if not form.is_valid():
            # An answer that was fine before is not any more (for example a
            # neighbourhood that was removed): show that step again.
            draft.save_step(number, draft.data(number), list(form.fields), complete=False)
            return redirect(_step_url(current, number))

    context = _step_context(current, draft, CHECK_STEP)
    context.update(
        {
            "sections": summary_sections(forms, current),
            "token": draft.token,
            "content": content_template("before_sending"),
            "work_challenge": draft.work_challenge(),
            "work_bits": proof_of_work.difficulty(),
        }
    )
    if request.method == "GET":
        return render(request, "reports/check.html", context)

    if token != draft.token:
        # A page from an older draft: show the current answers to check.
        return redirect("reports:report_check", current.slug)
    if is_limited(
        scope="report-submit", identifier=client_identifier(request), limit=SUBMISSIONS_PER_HOUR, window_seconds=3600
    ):
        context["too_many"] = True
        return render(request, "reports/check.html", context, status=429)
    if draft.seconds_since_start(time.time()) < settings.REPORT_MINIMUM_SECONDS:
        # No person answers four pages of questions this fast; a script
        # does. Nothing is lost: sending again a moment later works. A
        # barrier without JavaScript and without a third party (VAL-06).
        context["too_fast"] = True
        return render(request, "reports/check.html", context, status=429)
    proven = proof_of_work.is_solved(draft.work_challenge(), request.POST.get("proof", ""), proof_of_work.difficulty())
    if not proven and is_limited(
        scope="report-unproven",
        identifier=current.slug,
        limit=settings.REPORT_UNPROVEN_PER_HOUR,
        window_seconds=3600,
    ):
        # Reports without the browser's proof of work share one budget per
        # municipality: a flood without JavaScript stops here, and the few
        # residents without JavaScript keep their answers (VAL-06).
        context["unproven_limit"] = True
        return render(request, "reports/check.html", context, status=429)
    try:
        submission = public_intake.submit_public_report(
            municipality=current,
            report=public_report([form.cleaned_data for form in forms]),
            submission_token=draft.token,
            now=timezone.now(),
        )
    except public_intake.NoAdvForMunicipality:
        return no_adv_page(request, current)
    if not submission.is_new or submission.receipt_code is None:
        return redirect("reports:report_sent", current.slug)
    draft.discard()
    drafts.remember_sent(
        request.session,
        current.slug,
        code=submission.receipt_code,
        reference=submission.report.reference,
        request_type=submission.report.request_type,
    )
    return redirect("reports:report_sent", current.slug)


@public
@no_store
def report_sent(request: HttpRequest, municipality: str) -> HttpResponse:
    """The confirmation. The code is shown on the first view only; it leaves
    the session as this page is rendered."""
    current = site_municipality(municipality)
    sent, code = drafts.take_sent(request.session, current.slug)
    if sent is None:
        return redirect("reports:report_start", current.slug)
    return render(
        request,
        "reports/sent.html",
        {
            "municipality": current,
            "adv": current.adv,
            "code": code,
            "code_spelled": ", ".join(" ".join(group) for group in code.split("-")) if code else "",
            "reference": sent.get("reference", ""),
            "wants_help": sent.get("request_type") == RequestType.KLACHT,
            "content": content_template("sent"),
        },
    )
