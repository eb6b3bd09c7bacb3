"""Synthetic report data at scale for the benchmark. Realistic skew: most
reports about origin, the labour market the largest domain, and mass-report
spikes tied to one incident."""

import random
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from openinclusie.cases.constants import Channel, ReporterRole, RequestType, ResidentDomain, Status
from openinclusie.cases.models import Incident, Report
from openinclusie.organisations.models import Municipality, Organisation

CHANNEL_WEIGHTS = {
    Channel.WEB: 55,
    Channel.PHONE: 20,
    Channel.EMAIL: 15,
    Channel.WALK_IN: 4,
    Channel.POP_UP: 3,
    Channel.PARTNER_REFERRAL: 3,
}
STATUS_WEIGHTS = {
    Status.NEW: 5,
    Status.INTAKE: 5,
    Status.IN_PROGRESS: 10,
    Status.WAITING_FOR_REPORTER: 3,
    Status.REGISTERED: 40,
    Status.CLOSED: 37,
}
DOMAIN_WEIGHTS = {
    ResidentDomain.WORK: 25,
    ResidentDomain.JOB_SEEKING: 8,
    ResidentDomain.NEIGHBOURHOOD: 12,
    ResidentDomain.SHOP_SERVICE: 12,
    ResidentDomain.INTERNET: 10,
    ResidentDomain.SCHOOL: 7,
    ResidentDomain.HOUSING: 6,
    ResidentDomain.GOVERNMENT: 5,
    ResidentDomain.POLICE: 4,
    ResidentDomain.GOING_OUT: 4,
    ResidentDomain.SPORTS: 3,
    ResidentDomain.OTHER: 4,
}


def _pick(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def generate_reports(*, adv: Organisation, count: int, years: int = 10, seed: int = 42) -> int:
    """Adds ``count`` reports for ``adv`` spread over its municipalities and
    the last ``years`` years. Returns the number created."""
    rng = random.Random(seed)
    municipalities = list(Municipality.objects.filter(adv=adv).order_by("pk"))
    now = timezone.now()
    start = now - timedelta(days=365 * years)
    mass_incident = Incident.objects.create(
        adv=adv, title="Uitspraak in talkshow (benchmark)", is_mass_report=True, occurred_on=now.date()
    )
    prefix = f"BENCH-{adv.slug.upper()}"
    offset = Report.objects.filter(reference__startswith=prefix).count()
    batch: list[Report] = []
    created = 0
    for number in range(offset, offset + count):
        received_at: datetime = start + timedelta(seconds=rng.randrange(int((now - start).total_seconds())))
        is_mass = rng.random() < 0.08
        municipality = rng.choice(municipalities)
        status = _pick(rng, STATUS_WEIGHTS)
        batch.append(
            Report(
                adv=adv,
                reference=f"{prefix}-{number:07d}",
                incident=mass_incident if is_mass else None,
                channel=Channel.WEB if is_mass else _pick(rng, CHANNEL_WEIGHTS),
                received_at=received_at,
                request_type=RequestType.MELDING if rng.random() < 0.6 else RequestType.KLACHT,
                reporter_role=ReporterRole.VICTIM if rng.random() < 0.8 else ReporterRole.WITNESS,
                description="Benchmarkmelding zonder echte inhoud.",
                incident_municipality=None if is_mass else municipality,
                incident_is_online=is_mass,
                residence_municipality=municipality if rng.random() < 0.85 else None,
                resident_domain=ResidentDomain.INTERNET if is_mass else _pick(rng, DOMAIN_WEIGHTS),
                status=status,
                closed_at=received_at + timedelta(days=30) if status in (Status.CLOSED, Status.REGISTERED) else None,
            )
        )
        if len(batch) >= 5000:
            with transaction.atomic():
                Report.objects.bulk_create(batch)
            created += len(batch)
            batch = []
    if batch:
        with transaction.atomic():
            Report.objects.bulk_create(batch)
        created += len(batch)
    return created
