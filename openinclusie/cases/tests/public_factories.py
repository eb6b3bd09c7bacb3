"""Building blocks for tests of the resident's side: a valid report as the
public form would hand it to the service."""

import uuid
from datetime import date
from typing import Any

from django.utils import timezone

from openinclusie.cases.constants import ReporterRole, RequestType, ResidentDomain, ResidentGround
from openinclusie.cases.services.public_intake import PublicContact, PublicReport, Submission, submit_public_report
from openinclusie.organisations.models import Municipality


def public_report(**overrides: Any) -> PublicReport:
    values: dict[str, Any] = {
        "description": "Bij de sportschool mocht ik niet naar binnen vanwege mijn hoofddoek.",
        "request_type": RequestType.KLACHT,
        "reporter_role": ReporterRole.VICTIM,
        "occurred_on": date(2025, 3, 17),
        "resident_domain": ResidentDomain.SPORTS,
        "grounds": [ResidentGround.RELIGION, ResidentGround.GENDER],
        "residence_postcode": "2711",
    }
    values.update(overrides)
    return PublicReport(**values)


def contact(**overrides: Any) -> PublicContact:
    values: dict[str, Any] = {
        "name": "Samira",
        "email": "samira@example.org",
        "phone": "06 12345678",
        "preference": "email",
        "safe_times": "na 18 uur",
    }
    values.update(overrides)
    return PublicContact(**values)


def submit(municipality: Municipality, *, token: uuid.UUID | None = None, **overrides: Any) -> Submission:
    overrides.setdefault("incident_municipality", municipality)
    return submit_public_report(
        municipality=municipality,
        report=public_report(**overrides),
        submission_token=token or uuid.uuid4(),
        now=timezone.now(),
    )


def code_of(submission: Submission) -> str:
    """The receipt code of a new submission (only new ones have one)."""
    assert submission.receipt_code is not None
    return submission.receipt_code
