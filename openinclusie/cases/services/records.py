"""Building blocks every report write uses: references and history."""

from datetime import datetime

from django.db import transaction
from django.db.models import F

from openinclusie.accounts.models import User
from openinclusie.cases.models import ReferenceCounter, Report, StatusChange
from openinclusie.organisations.models import Organisation


@transaction.atomic
def next_reference(*, adv: Organisation, now: datetime) -> str:
    """The next reference of this ADV for this year. The increment is a single
    UPDATE, so two submissions at the same moment get different numbers."""
    ReferenceCounter.objects.get_or_create(adv=adv, year=now.year)
    ReferenceCounter.objects.filter(adv=adv, year=now.year).update(last_number=F("last_number") + 1)
    number = ReferenceCounter.objects.get(adv=adv, year=now.year).last_number
    return f"{adv.slug.upper()}-{now.year}-{number:05d}"


def record_history(
    *, report: Report, to_status: str, now: datetime, by: User | None = None, from_status: str = "", event: str = ""
) -> StatusChange:
    return StatusChange.objects.create(
        report=report, from_status=from_status, to_status=to_status, event=event, changed_by=by, changed_at=now
    )
