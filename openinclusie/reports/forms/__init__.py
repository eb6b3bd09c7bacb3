"""The steps of the public reporting form, and the follow-up page's forms.

Every step is a plain Django form, so each step validates on the server and
works without JavaScript. Questions that belong to one answer of a radio
group (the date under "on a specific day") are ordinary optional fields that
``clean()`` requires or clears, depending on the answer."""

from typing import Any

from openinclusie.cases.services.public_intake import PublicReport

from .common import StepForm
from .contact import ContactForm
from .follow_up import ReceiptCodeForm, ReporterMessageForm
from .steps import AboutForm, WhatHappenedForm, WhereForm

STEP_FORMS: tuple[type[StepForm], ...] = (WhatHappenedForm, WhereForm, AboutForm, ContactForm)


def public_report(steps: list[dict[str, Any]]) -> PublicReport:
    """The service's input, from the cleaned data of the four steps."""
    what, where, about, contact = steps
    return PublicReport(
        description=what["description"],
        occurred_on=what["occurred_on"],
        occurred_on_is_approximate=what["occurred_on_is_approximate"],
        incident_municipality=where["incident_municipality"],
        incident_is_online=where["incident_is_online"],
        incident_neighbourhood=where["incident_neighbourhood"],
        incident_postcode=where["postcode"],
        resident_domain=where.get("domain") or "",
        grounds=list(about.get("grounds") or []),
        reporter_role=about["role"],
        residence_municipality=about["residence_municipality"],
        residence_elsewhere=about["residence_elsewhere"],
        residence_postcode=about.get("residence_postcode") or "",
        residence_declined=about["residence_declined"],
        request_type=contact["request_type"],
        contact=contact["public_contact"],
    )


__all__ = [
    "STEP_FORMS",
    "AboutForm",
    "ContactForm",
    "ReceiptCodeForm",
    "ReporterMessageForm",
    "StepForm",
    "WhatHappenedForm",
    "WhereForm",
    "public_report",
]
