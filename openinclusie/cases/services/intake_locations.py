"""Intake locations: the ADV coordinator keeps the list of places where
the ADV takes reports in person; staff record on a report where it was
taken.

A report's location must belong to the report's ADV. The database cannot
say so in a CHECK (it spans two tables), so every write that sets a
location goes through ``check_location``."""

from datetime import datetime

from django.db import IntegrityError, transaction

from openinclusie.accounts.models import Membership, Role, User
from openinclusie.cases.constants import Channel, HistoryEvent
from openinclusie.cases.models import IntakeLocation, Report
from openinclusie.cases.services.handling import CaseAnonymised, ensure_adv_staff, history, locked_update
from openinclusie.core.exceptions import DomainError
from openinclusie.organisations.models import Organisation, OrganisationKind


class InvalidIntakeLocation(DomainError):
    pass


class DuplicateLocationName(InvalidIntakeLocation):
    """The ADV already has a location of this name (in any capitals)."""


class LocationNotUsable(InvalidIntakeLocation):
    """Another ADV's location, or one that is no longer in use."""


def _ensure_coordinator(*, user: User, adv: Organisation) -> None:
    if not Membership.objects.filter(user=user, organisation=adv, role=Role.ADV_COORDINATOR).exists():
        raise InvalidIntakeLocation("Only a coordinator of this ADV manages its intake locations.")


def _save(location: IntakeLocation) -> IntakeLocation:
    location.name = location.name.strip()
    location.address = location.address.strip()
    location.description = location.description.strip()
    if not location.name:
        raise InvalidIntakeLocation("An intake location needs a name.")
    try:
        with transaction.atomic():
            location.save()
    except IntegrityError as clash:
        raise DuplicateLocationName(f"{location.adv} already has a location named {location.name}.") from clash
    return location


def add_location(*, adv: Organisation, by: User, name: str, address: str = "", description: str = "") -> IntakeLocation:
    if adv.kind != OrganisationKind.ADV:
        raise InvalidIntakeLocation("Intake locations belong to an ADV.")
    _ensure_coordinator(user=by, adv=adv)
    return _save(IntakeLocation(adv=adv, name=name, address=address, description=description))


def change_location(
    *, location: IntakeLocation, by: User, name: str, address: str, description: str, is_active: bool
) -> IntakeLocation:
    """Rename, describe, switch off or on again. A location is never deleted
    here: its reports keep it."""
    _ensure_coordinator(user=by, adv=location.adv)
    location.name, location.address, location.description = name, address, description
    location.is_active = is_active
    return _save(location)


def check_location(*, adv: Organisation, location: IntakeLocation | None, current: int | None = None) -> None:
    """A location may be chosen for a report of ``adv`` when it is one of
    that ADV's locations in use; ``current`` (the report's location now)
    may stay even when it has been switched off."""
    if location is None:
        return
    if location.adv_id != adv.pk:
        raise LocationNotUsable("The intake location belongs to another ADV.")
    if not location.is_active and location.pk != current:
        raise LocationNotUsable("This intake location is no longer in use.")


@transaction.atomic
def set_intake_location(
    *, report: Report, by: User, version: int, now: datetime, location: IntakeLocation | None
) -> Report:
    if report.anonymised_at is not None:
        raise CaseAnonymised("This report has been anonymised and can no longer be changed.")
    ensure_adv_staff(user=by, adv=report.adv)
    check_location(adv=report.adv, location=location, current=report.intake_location_id)
    new = location.pk if location is not None else None
    if new == report.intake_location_id:
        return report
    if report.channel == Channel.POP_UP and location is None and not report.channel_location:
        raise InvalidIntakeLocation("A report from a pop-up location keeps its location.")
    locked_update(report=report, version=version, now=now, intake_location=location)
    history(report, by=by, now=now, event=HistoryEvent.INTAKE_LOCATION, detail=location.name if location else "—")
    return report
