"""The summary the dashboards read always equals a direct count after a
refresh; a release is a frozen snapshot."""

import pytest
from django.utils import timezone

from openinclusie.accounts.models import Role
from openinclusie.accounts.services import grant_membership
from openinclusie.accounts.tests.factories import UserFactory
from openinclusie.cases.models import Incident, Report
from openinclusie.figures import services
from openinclusie.figures.constants import Dimension
from openinclusie.figures.disclosure.periods import years_bounds
from openinclusie.figures.models import Release, Tally, YearSummary
from openinclusie.figures.queries import (
    protected_figures,
    release_figures,
    summary_figures,
    summary_overview,
    totals_by_municipality,
    unprotected_figures,
    yearly_headlines,
)
from openinclusie.figures.queries.counting import collect

from .factories import local, report

pytestmark = pytest.mark.django_db


def direct_totals():
    start, end = years_bounds(2020, 2030)
    return {
        (f.municipality_id, f.year, f.period, f.column, f.is_mass): (f.reports, f.incidents)
        for f in collect(None, start, end, breakdowns=False)
    }


def summary_totals():
    return {
        (t.municipality_id, t.year, t.period, t.column, t.is_mass): (t.reports, t.incidents)
        for t in Tally.objects.filter(dimension=Dimension.TOTAL)
    }


def test_summary_equals_a_direct_count(counted):
    now = timezone.now()
    assert services.refresh(now=now) > 0
    assert summary_totals() == direct_totals()
    this_year, cutoff = services.published_until(now)
    for summary in YearSummary.objects.select_related("municipality"):
        if summary.year < this_year:
            assert summary.protected == protected_figures(summary.municipality, summary.year).to_dict()
        elif summary.protected:
            expected = protected_figures(summary.municipality, summary.year, until=cutoff).to_dict()
            assert {**summary.protected, "notes": summary.protected["notes"][:-1]} == expected
            assert summary.protected["notes"][-1]["code"] == "until"
        exact = summary_overview(summary.municipality, summary.year)
        assert exact is not None
        assert exact.figures.to_dict() == unprotected_figures(summary.municipality, summary.year).to_dict()


def test_the_running_year_shows_completed_quarters_only(counted):
    here = counted["here"]
    services.refresh(now=local(2025, 11, 15))
    protected = summary_figures(here, 2025)
    assert protected is not None
    # r6 (5 Oct), r7 (31 Dec) and r15 (11 Nov) are in the running quarter.
    assert protected.figures["headline"].row_of("reports").main_cell.display == "8"
    assert protected.figures.notes[-1].code == "until"
    exact = summary_overview(here, 2025)
    assert exact is not None
    assert exact.figures["headline"].row_of("reports").main_cell.value == 11
    # Before the first quarter is over there is nothing protected to show.
    services.refresh(now=local(2025, 2, 1), full=True)
    assert summary_figures(here, 2025) is None
    assert summary_overview(here, 2025) is not None
    # When the quarter turns, the summary is rebuilt without any report changing.
    assert services.refresh(now=local(2025, 4, 1, 0, 5)) >= 1
    assert summary_figures(here, 2025) is not None


def test_refresh_rebuilds_only_what_changed_and_stays_equal(counted):
    services.refresh(now=timezone.now())
    assert services.refresh(now=timezone.now()) == 0
    # A consultant reclassifies r3 (services bump updated_at) ...
    r3 = counted["reports"]["r3"]
    Report.objects.filter(pk=r3.pk).update(channel="email", updated_at=timezone.now())
    # ... and a new report arrives for Betadorp.
    report(counted["adv_b"], at=local(2025, 9, 9), lives=counted["there"], happened=counted["there"])
    rebuilt = services.refresh(now=timezone.now())
    # Alfastad 2025 (r3), Betadorp 2025 (new report).
    assert rebuilt == 2
    assert summary_totals() == direct_totals()


def test_flagging_a_mass_report_is_noticed(counted):
    services.refresh(now=timezone.now())
    Incident.objects.filter(pk=counted["reports"]["r12"].incident_id).update(is_mass_report=True)
    assert services.refresh(now=timezone.now()) == 1
    assert summary_totals() == direct_totals()
    totals = totals_by_municipality([counted["here"]], 2025)[counted["here"].pk]
    assert totals["A"] == 3  # r12 and r13 are mass reports now
    assert totals["mass"] == 4


def test_a_year_without_reports_any_more_disappears(counted):
    services.refresh(now=timezone.now())
    Report.objects.filter(pk=counted["reports"]["r16"].pk).delete()
    services.refresh(now=timezone.now())
    assert not YearSummary.objects.filter(municipality=counted["here"], year=2024).exists()
    assert [year for year, _table in yearly_headlines(counted["here"])] == [2025, 2026]


def test_summary_figures_are_protected(counted):
    services.refresh(now=timezone.now())
    summary = summary_figures(counted["here"], 2025)
    assert summary is not None
    headline = summary.figures["headline"].row_of("reports")
    assert summary.figures.protected
    assert [cell.display for cell in headline.cells] == ["5", "< 5", "< 5"]
    assert headline.main_cell.display == "11"


def coordinator(world, adv="adv_a"):
    user = UserFactory()
    grant_membership(user=user, organisation=world[adv], role=Role.ADV_COORDINATOR)
    return user


def test_release_is_a_frozen_snapshot(counted):
    user = coordinator(counted)
    released = services.release(municipality=counted["here"], year=2025, by=user, now=timezone.now())
    before = release_figures(released).to_dict()
    for _ in range(6):
        report(counted["adv_a"], at=local(2025, 3, 3), lives=counted["here"], happened=counted["here"])
    Release.objects.filter(pk=released.pk).first()
    released.refresh_from_db()
    assert release_figures(released).to_dict() == before
    assert protected_figures(counted["here"], 2025).to_dict() != before
    assert released.snapshot["protected"] is True
    # Hidden values are not in the snapshot at all.
    headline = released.snapshot["tables"]["headline"]["rows"][0]
    assert [cell["value"] for cell in headline["cells"]] == [5, None, None]


def test_only_the_coordinator_of_the_serving_adv_releases(counted):
    consultant = UserFactory()
    grant_membership(user=consultant, organisation=counted["adv_a"], role=Role.ADV_CONSULTANT)
    with pytest.raises(services.NotCoordinator):
        services.release(municipality=counted["here"], year=2025, by=consultant, now=timezone.now())
    with pytest.raises(services.NotCoordinator):
        services.release(municipality=counted["here"], year=2025, by=coordinator(counted, "adv_b"), now=timezone.now())
    with pytest.raises(services.YearNotOver):
        services.release(
            municipality=counted["here"], year=timezone.now().year + 1, by=coordinator(counted), now=timezone.now()
        )


def test_dashboards_ask_the_worker_for_a_refresh_when_the_summary_is_old(counted, monkeypatch):
    from openinclusie.figures.models import RefreshRun

    monkeypatch.setattr(services, "_last_attempt", 0.0)
    assert services.request_refresh_if_stale(now=timezone.now(), last_refresh=None)
    # The test settings run tasks at once.
    assert RefreshRun.objects.filter(finished_at__isnull=False).exists()
    assert YearSummary.objects.filter(municipality=counted["here"], year=2025).exists()
    # Fresh now: nothing asked.
    assert not services.request_refresh_if_stale(now=timezone.now(), last_refresh=timezone.now())
