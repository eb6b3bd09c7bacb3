import pytest

from openinclusie.cases.constants import Status
from openinclusie.cases.models import Incident, Report
from openinclusie.classification.models import CodeKind
from openinclusie.demo.case_history import HISTORY
from openinclusie.demo.case_records import IDB, MASS_REPORTS_PER_INCIDENT, RADAR
from openinclusie.demo.services import load_demo

from .factories import code


@pytest.fixture
def demo_codes(db):
    """The codes the demo classifies with, whether or not the seeded code
    list is in the database."""
    for spec in (*IDB, *RADAR, *HISTORY):
        for slug in spec.grounds:
            code(CodeKind.GROUND, slug)
        for slug in spec.handlings:
            code(CodeKind.HANDLING, slug)
        if spec.domain:
            code(CodeKind.DOMAIN, spec.domain)
        if spec.nature:
            code(CodeKind.NATURE, spec.nature)


def test_the_demo_fills_each_inbox_once(demo_codes):
    load_demo()
    expected = len(IDB) + len(RADAR) + len(HISTORY) + 2 * MASS_REPORTS_PER_INCIDENT
    assert Report.objects.count() == expected
    assert set(Report.objects.values_list("adv__slug", flat=True)) == {"idb", "radar"}
    statuses = set(Report.objects.values_list("status", flat=True))
    assert {Status.NEW, Status.INTAKE, Status.IN_PROGRESS, Status.REGISTERED, Status.CLOSED} <= statuses
    mass = Incident.objects.filter(is_mass_report=True)
    assert mass.count() == 2
    assert all(incident.reports.count() == MASS_REPORTS_PER_INCIDENT for incident in mass)
    load_demo()
    assert Report.objects.count() == expected
    assert Incident.objects.count() == 2


def test_radar_takes_reports_at_its_pop_up_locations(demo_codes):
    from openinclusie.cases.models import IntakeLocation

    load_demo()
    locations = {
        location.name: location for location in IntakeLocation.objects.filter(adv__slug="radar").order_by("name")
    }
    assert set(locations) == {
        "Pop-up Bibliotheek Dordrecht",
        "Pop-up Wijkcentrum Dordt West",
        "Pop-up Weekmarkt Sterrenburg",
    }
    assert not locations["Pop-up Weekmarkt Sterrenburg"].is_active
    for location in locations.values():
        assert location.reports.exists(), location.name
    assert not IntakeLocation.objects.exclude(adv__slug="radar").exists()
    # Loading again adds no location and switches none back on.
    load_demo()
    assert IntakeLocation.objects.count() == 3
    assert not IntakeLocation.objects.get(name="Pop-up Weekmarkt Sterrenburg").is_active
