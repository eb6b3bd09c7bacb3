"""Writes of the figures module: rebuilding the summary, releasing the
figures of a year to the municipality, logging who looked."""

import logging
import time
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from openinclusie.accounts.models import Membership, Role, User
from openinclusie.core.exceptions import DomainError
from openinclusie.organisations.models import Municipality

from .constants import Dimension, FigureAction
from .disclosure import Note, Policy, protect_overview
from .disclosure.periods import year_bounds
from .models import FigureAccessLog, RefreshRun, Release, Tally, YearSummary
from .queries import live
from .queries.build import Catalogue, raw_overview
from .queries.counting import Fact, collect, fact_row, fingerprints

logger = logging.getLogger(__name__)

# Dashboards ask for a refresh when the last one is older than this.
DEFAULT_REFRESH_AFTER = timedelta(minutes=15)
REFRESH_LOCK = "figures:refresh-requested"


class NotCoordinator(DomainError):
    pass


class YearNotOver(DomainError):
    pass


# --- The summary ----------------------------------------------------------------------------------


def refresh(*, now: datetime, full: bool = False, municipality_ids: list[int] | None = None) -> int:
    """Rebuild the summary of every municipality-year whose reports changed
    since the last refresh (all of them with ``full``). Returns how many
    were rebuilt. Safe to run at any time; each year is one transaction."""
    # Only a refresh of everything counts as "the last refresh"; recounting
    # one municipality does not.
    run = RefreshRun.objects.create(started_at=now, full=full) if municipality_ids is None else None
    current = fingerprints(municipality_ids)
    # The running year's protected figures stop at the last completed
    # quarter, so they change when the quarter turns too.
    this_year, cutoff = published_until(now)
    for key in current:
        if key[1] == this_year:
            current[key] += f"|until {cutoff.isoformat()}"
    stored_rows = YearSummary.objects.all()
    if municipality_ids is not None:
        stored_rows = stored_rows.filter(municipality_id__in=municipality_ids)
    stored = {(m, y): f for m, y, f in stored_rows.values_list("municipality_id", "year", "fingerprint")}
    stale = [key for key, fingerprint in current.items() if full or stored.get(key) != fingerprint]
    gone = [key for key in stored if key not in current]
    with transaction.atomic():
        for municipality_id, year in gone:
            YearSummary.objects.filter(municipality_id=municipality_id, year=year).delete()
            Tally.objects.filter(municipality_id=municipality_id, year=year).delete()
    by_year: dict[int, list[int]] = defaultdict(list)
    for municipality_id, year in stale:
        by_year[year].append(municipality_id)
    municipalities = Municipality.objects.in_bulk([m for m, _y in stale])
    catalogue = Catalogue()
    policy = Policy.from_settings()
    for year, ids in sorted(by_year.items()):
        _rebuild_year(
            year,
            [municipalities[m] for m in ids],
            fingerprints={m: current[(m, year)] for m in ids},
            catalogue=catalogue,
            policy=policy,
            now=now,
            everyone=municipality_ids is None and len(ids) == Municipality.objects.count(),
        )
    if run is not None:
        run.finished_at = timezone.now()
        run.partitions = len(stale)
        run.save(update_fields=["finished_at", "partitions"])
    return len(stale)


@transaction.atomic
def _rebuild_year(
    year: int,
    municipalities: list[Municipality],
    *,
    fingerprints: dict[int, str],
    catalogue: Catalogue,
    policy: Policy,
    now: datetime,
    everyone: bool,
) -> None:
    start, end = year_bounds(year)
    ids = [m.pk for m in municipalities]
    facts = collect(None if everyone else ids, start, end)
    by_municipality: dict[int, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_municipality[fact.municipality_id].append(fact)
    # Protected figures of the running year cover completed quarters only.
    this_year, cutoff = published_until(now)
    protected_facts = by_municipality
    if year == this_year:
        protected_facts = defaultdict(list)
        if cutoff > start:
            for fact in collect(None if everyone else ids, start, cutoff):
                protected_facts[fact.municipality_id].append(fact)
    Tally.objects.filter(municipality_id__in=ids, year=year).delete()
    Tally.objects.bulk_create(
        [
            Tally(
                municipality_id=fact.municipality_id,
                year=fact.year,
                period=fact.period,
                column=fact.column,
                is_mass=fact.is_mass,
                dimension=fact.dimension,
                key=fact.key,
                reports=fact.reports,
                incidents=fact.incidents,
            )
            for fact in facts
            if fact.dimension == Dimension.TOTAL and fact.municipality_id in fingerprints
        ],
        batch_size=2000,
    )
    YearSummary.objects.filter(municipality_id__in=ids, year=year).delete()
    summaries = []
    for municipality in municipalities:
        raw = raw_overview(municipality, year, protected_facts.get(municipality.pk, []), catalogue)
        protected: dict[str, Any] = protect_overview(raw, policy).to_dict()
        if year == this_year:
            # Nothing to show before the first quarter is over.
            until = Note("until", {"date": cutoff.date().isoformat()}).to_dict()
            protected = {**protected, "notes": [*protected["notes"], until]} if cutoff > start else {}
        summaries.append(
            YearSummary(
                municipality=municipality,
                year=year,
                fingerprint=fingerprints[municipality.pk],
                refreshed_at=now,
                protected=protected,
                exact=[fact_row(fact) for fact in by_municipality.get(municipality.pk, [])],
            )
        )
    YearSummary.objects.bulk_create(summaries, batch_size=200)


def published_until(now: datetime) -> tuple[int, datetime]:
    """The running year and the start of its current quarter: protected
    figures of the running year count reports received before that moment.
    Figures that changed with every new report would let a reader who
    compares two visits learn about the reports that came in between
    (differencing over time, STAT-04); a completed quarter changes only
    through late corrections."""
    local = timezone.localtime(now)
    quarter_start = ((local.month - 1) // 3) * 3 + 1
    start = year_bounds(local.year)[0]
    return local.year, start.replace(month=quarter_start)


def refresh_after() -> timedelta:
    return getattr(settings, "FIGURES_REFRESH_AFTER", DEFAULT_REFRESH_AFTER)


_last_attempt = 0.0


def request_refresh_if_stale(*, now: datetime, last_refresh: datetime | None) -> bool:
    """Queue a refresh for the task worker when the summary is older than
    ``FIGURES_REFRESH_AFTER``; at most one request per interval (a shared
    lock in the cache), and each process asks at most once a minute."""
    global _last_attempt
    if last_refresh is not None and now - last_refresh < refresh_after():
        return False
    if time.monotonic() - _last_attempt < 60:
        return False
    _last_attempt = time.monotonic()
    if not cache.add(REFRESH_LOCK, "1", timeout=int(refresh_after().total_seconds())):
        return False
    from .tasks import refresh_figures

    try:
        refresh_figures.enqueue()
    except Exception:  # a broken queue must not break a dashboard
        logger.exception("Could not queue the figures refresh.")
        cache.delete(REFRESH_LOCK)
        return False
    return True


# --- Releases -------------------------------------------------------------------------------------


def _ensure_coordinator(user: User, municipality: Municipality) -> None:
    if (
        not municipality.adv_id
        or not Membership.objects.filter(
            user=user, organisation_id=municipality.adv_id, role=Role.ADV_COORDINATOR
        ).exists()
    ):
        raise NotCoordinator("Only a coordinator of the ADV that serves this municipality can release its figures.")


@transaction.atomic
def release(*, municipality: Municipality, year: int, by: User, now: datetime) -> Release:
    """Freeze the protected figures of ``year`` as they are now and release
    them to the municipality. An earlier release of the same year stays as
    history; the newest one counts."""
    _ensure_coordinator(by, municipality)
    if year >= timezone.localtime(now).year:
        raise YearNotOver("The figures of a year can be released once the year is over.")
    figures = live.protected_figures(municipality, year)
    released = Release.objects.create(
        municipality=municipality, year=year, released_by=by, released_at=now, snapshot=figures.to_dict()
    )
    log_access(user=by, municipality=municipality, year=year, action=FigureAction.RELEASE, now=now)
    return released


# --- Access log -----------------------------------------------------------------------------------


def log_access(
    *, user: User, municipality: Municipality | None, year: int | None, action: str, now: datetime
) -> FigureAccessLog:
    return FigureAccessLog.objects.create(user=user, municipality=municipality, year=year, action=action, at=now)
