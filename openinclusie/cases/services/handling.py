"""Writes of the ADV on a case: classification, status, assignment,
deadline, consent and notes.

Every change to the report itself is an optimistic-locked UPDATE: the form
carries the version the user saw, and the UPDATE only matches that version.
If someone else saved in between, nothing is written and ``CaseChanged``
tells the view to show the user's input again. Every change also writes an
append-only history entry."""

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import F

from openinclusie.accounts.access import ADV_ROLES
from openinclusie.accounts.models import Membership, User
from openinclusie.cases import workflow
from openinclusie.cases.constants import HistoryEvent, RequestType
from openinclusie.cases.models import CaseNote, Report
from openinclusie.cases.services.records import record_history
from openinclusie.classification.models import Code, CodeKind, CodeListVersion
from openinclusie.core.exceptions import DomainError
from openinclusie.organisations.models import Organisation


class CaseChanged(DomainError):
    """Someone else saved this case after the user loaded it."""


class CaseAnonymised(DomainError):
    """Retention removed the personal data; the case can no longer change."""


class NotStaffOfThisAdv(DomainError):
    pass


class TransitionNotAllowed(DomainError):
    pass


class InvalidClassification(DomainError):
    pass


class ConsentRequired(DomainError):
    """A step towards the other party needs the reporter's recorded consent."""


def ensure_adv_staff(*, user: User, adv: Organisation) -> None:
    if not Membership.objects.filter(user=user, organisation=adv, role__in=ADV_ROLES).exists():
        raise NotStaffOfThisAdv("Only staff of the ADV that handles a report may change it.")


def _ensure_open_for_changes(report: Report, by: User) -> None:
    if report.anonymised_at is not None:
        raise CaseAnonymised("This report has been anonymised and can no longer be changed.")
    ensure_adv_staff(user=by, adv=report.adv)


def locked_update(*, report: Report, version: int, now: datetime, **fields: Any) -> None:
    """UPDATE the report only if it is still at ``version``; bump it."""
    changed = Report.objects.filter(pk=report.pk, version=version, anonymised_at__isnull=True).update(
        version=F("version") + 1, updated_at=now, **fields
    )
    if not changed:
        raise CaseChanged("Someone else changed this case after you opened it.")
    report.refresh_from_db()


def history(report: Report, *, by: User | None, now: datetime, event: HistoryEvent, detail: str = "") -> None:
    text = f"{event.value}: {detail}" if detail else event.value
    record_history(
        report=report,
        from_status=report.status,
        to_status=report.status,
        now=now,
        by=by,
        event=text[:200],
    )


def classification_version_for(report: Report) -> CodeListVersion | None:
    """A report stays in the code-list version it was first classified in."""
    if report.classification_version_id:
        return report.classification_version
    return CodeListVersion.objects.filter(is_current=True).first()


def needs_consent(handlings: Sequence[Code]) -> list[Code]:
    """The handlings that are a step towards the other party: the code list
    says which (``Code.towards_other_party``, kept per version)."""
    return [code for code in handlings if code.towards_other_party]


def _check_codes(codes: Sequence[Code | None], kind: CodeKind, version: CodeListVersion) -> None:
    for code in codes:
        if code is not None and (code.kind != kind or code.version_id != version.pk):
            raise InvalidClassification(f"Code {code.code} is not a {kind} of {version}.")


@transaction.atomic
def classify(
    *,
    report: Report,
    by: User,
    version: int,
    now: datetime,
    request_type: str,
    grounds: Sequence[Code],
    domain: Code | None,
    nature: Code | None,
    handlings: Sequence[Code],
) -> Report:
    _ensure_open_for_changes(report, by)
    code_version = classification_version_for(report)
    if code_version is None:
        raise InvalidClassification("There is no current code list version to classify in.")
    _check_codes(grounds, CodeKind.GROUND, code_version)
    _check_codes([domain], CodeKind.DOMAIN, code_version)
    _check_codes([nature], CodeKind.NATURE, code_version)
    _check_codes(handlings, CodeKind.HANDLING, code_version)
    if request_type not in RequestType.values:
        raise InvalidClassification("Unknown request type.")
    blocked = needs_consent(handlings)
    old_handlings = set(report.handlings.values_list("pk", flat=True))
    newly_blocked = [code for code in blocked if code.pk not in old_handlings]
    if newly_blocked and not report.consent_to_contact_other_party:
        raise ConsentRequired(
            "Record the reporter's consent before registering a step towards the other party: "
            + ", ".join(code.code for code in newly_blocked)
        )

    old = {
        "grounds": set(report.grounds.values_list("pk", flat=True)),
        "handlings": old_handlings,
        "domain": report.domain_id,
        "nature": report.nature_id,
        "request_type": report.request_type,
    }
    new = {
        "grounds": {code.pk for code in grounds},
        "handlings": {code.pk for code in handlings},
        "domain": domain.pk if domain else None,
        "nature": nature.pk if nature else None,
        "request_type": request_type,
    }
    if old == new and report.classification_version_id:
        return report
    locked_update(
        report=report,
        version=version,
        now=now,
        classification_version=code_version,
        domain=domain,
        nature=nature,
        request_type=request_type,
    )
    report.grounds.set(grounds)
    report.handlings.set(handlings)
    changed_parts = [name for name in ("grounds", "domain", "nature", "handlings") if old[name] != new[name]]
    if changed_parts:
        codes = [code.code for code in (*grounds, domain, nature, *handlings) if code is not None]
        history(report, by=by, now=now, event=HistoryEvent.CLASSIFIED, detail=", ".join(codes))
    if old["request_type"] != request_type:
        history(report, by=by, now=now, event=HistoryEvent.REQUEST_TYPE, detail=request_type)
    return report


def closing_requirements(report: Report) -> list[Any]:
    return workflow.missing_for_closing(
        request_type=report.request_type,
        has_grounds=report.grounds.exists(),
        has_domain=report.domain_id is not None,
        has_nature=report.nature_id is not None,
        has_handlings=report.handlings.exists(),
    )


@transaction.atomic
def change_status(*, report: Report, by: User, version: int, now: datetime, to_status: str) -> Report:
    _ensure_open_for_changes(report, by)
    step = workflow.transition(report.status, to_status)
    if step is None or report.request_type not in step.request_types:
        raise TransitionNotAllowed(f"A {report.request_type} cannot go from {report.status} to {to_status}.")
    if step.needs_classification:
        missing = closing_requirements(report)
        if missing:
            raise TransitionNotAllowed("Register first: " + ", ".join(str(item) for item in missing))
    from_status = report.status
    closed_at = now if step.target in workflow.CLOSED_STATUSES else None
    locked_update(report=report, version=version, now=now, status=step.target, closed_at=closed_at)
    record_history(
        report=report,
        from_status=from_status,
        to_status=step.target,
        now=now,
        by=by,
        event=HistoryEvent.STATUS.value,
    )
    return report


@transaction.atomic
def assign(
    *, report: Report, by: User, version: int, now: datetime, assignee: User | None, deadline: date | None
) -> Report:
    _ensure_open_for_changes(report, by)
    if assignee is not None:
        ensure_adv_staff(user=assignee, adv=report.adv)
    old_assignee, old_deadline = report.assigned_to_id, report.deadline
    new_assignee = assignee.pk if assignee else None
    if old_assignee == new_assignee and old_deadline == deadline:
        return report
    locked_update(report=report, version=version, now=now, assigned_to=assignee, deadline=deadline)
    if old_assignee != new_assignee:
        if assignee is None:
            history(report, by=by, now=now, event=HistoryEvent.UNASSIGNED)
        else:
            history(report, by=by, now=now, event=HistoryEvent.ASSIGNED, detail=assignee.full_name)
    if old_deadline != deadline:
        if deadline is None:
            history(report, by=by, now=now, event=HistoryEvent.DEADLINE_CLEARED)
        else:
            history(report, by=by, now=now, event=HistoryEvent.DEADLINE_SET, detail=deadline.isoformat())
    return report


@transaction.atomic
def record_consent(*, report: Report, by: User, version: int, now: datetime, consent: bool) -> Report:
    _ensure_open_for_changes(report, by)
    if report.consent_to_contact_other_party == consent:
        return report
    locked_update(
        report=report, version=version, now=now, consent_to_contact_other_party=consent, consent_recorded_at=now
    )
    event = HistoryEvent.CONSENT_GIVEN if consent else HistoryEvent.CONSENT_WITHDRAWN
    history(report, by=by, now=now, event=event)
    return report


@transaction.atomic
def add_note(*, report: Report, by: User, now: datetime, text: str) -> CaseNote:
    """Notes are appended, never edited, so they need no version check."""
    _ensure_open_for_changes(report, by)
    note = CaseNote.objects.create(report=report, author=by, text=text)
    history(report, by=by, now=now, event=HistoryEvent.NOTE_ADDED)
    return note
