"""The status workflow of a report: which status may follow which, for
which kind of request, and what must be done first.

A melding (registration only) is classified and then registered, which
closes it. A klacht (the reporter asks for help) goes through intake and
handling and is closed when the help ends. Reopening is always possible
until retention has anonymised the report."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from openinclusie.cases.constants import RequestType, Status

MELDING = frozenset({RequestType.MELDING})
KLACHT = frozenset({RequestType.KLACHT})
ANY_REQUEST = frozenset(RequestType)

# Statuses in which a report counts as closed (``Report.closed_at`` is set).
CLOSED_STATUSES = frozenset({Status.REGISTERED, Status.CLOSED})


@dataclass(frozen=True)
class Transition:
    source: Status
    target: Status
    label: str | Promise
    request_types: frozenset[RequestType] = ANY_REQUEST
    # Grounds, domain and nature must be registered first; for a klacht
    # also at least one handling.
    needs_classification: bool = False


S = Status
TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.NEW, S.INTAKE, _("Start intake")),
    Transition(S.NEW, S.REGISTERED, _("Register and close (melding)"), MELDING, needs_classification=True),
    Transition(S.INTAKE, S.REGISTERED, _("Register and close (melding)"), MELDING, needs_classification=True),
    Transition(S.INTAKE, S.IN_PROGRESS, _("Start handling (klacht)"), KLACHT),
    Transition(S.INTAKE, S.WAITING_FOR_REPORTER, _("Wait for the reporter")),
    Transition(S.INTAKE, S.CLOSED, _("Close the case"), KLACHT, needs_classification=True),
    Transition(S.IN_PROGRESS, S.WAITING_FOR_REPORTER, _("Wait for the reporter")),
    Transition(S.IN_PROGRESS, S.CLOSED, _("Close the case"), KLACHT, needs_classification=True),
    Transition(S.WAITING_FOR_REPORTER, S.INTAKE, _("Back to intake")),
    Transition(S.WAITING_FOR_REPORTER, S.IN_PROGRESS, _("Continue handling (klacht)"), KLACHT),
    Transition(S.WAITING_FOR_REPORTER, S.REGISTERED, _("Register and close (melding)"), MELDING, True),
    Transition(S.WAITING_FOR_REPORTER, S.CLOSED, _("Close the case"), KLACHT, needs_classification=True),
    Transition(S.REGISTERED, S.INTAKE, _("Reopen")),
    Transition(S.CLOSED, S.INTAKE, _("Reopen")),
)

_BY_PAIR = {(t.source, t.target): t for t in TRANSITIONS}


def transition(source: str, target: str) -> Transition | None:
    return _BY_PAIR.get((Status(source), Status(target)))


def next_steps(status: str, request_type: str) -> list[Transition]:
    """The transitions open from ``status`` for this kind of request."""
    return [t for t in TRANSITIONS if t.source == status and request_type in t.request_types]


def missing_for_closing(
    *, request_type: str, has_grounds: bool, has_domain: bool, has_nature: bool, has_handlings: bool
) -> list[str | Promise]:
    """What still has to be registered before the report may be closed."""
    missing: list[str | Promise] = []
    if not has_grounds:
        missing.append(_("at least one discrimination ground"))
    if not has_domain:
        missing.append(_("the societal domain"))
    if not has_nature:
        missing.append(_("the nature of the incident"))
    if request_type == RequestType.KLACHT and not has_handlings:
        missing.append(_("at least one handling"))
    return missing
