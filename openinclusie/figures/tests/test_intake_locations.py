"""The ADV's own dashboard counts reports per intake location for a year:
exact, only the ADV's own locations, mass reports apart."""

import pytest
from django.urls import reverse
from django.utils import timezone

from openinclusie.accounts.models import Role
from openinclusie.cases.models import IntakeLocation, Report
from openinclusie.figures import queries, services
from openinclusie.figures.disclosure.periods import year_bounds
from openinclusie.figures.queries.counting import per_intake_location

from .factories import incident, local, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def located(world):
    adv, town = world["adv_a"], world["town_a"]
    library = IntakeLocation.objects.create(adv=adv, name="Pop-up Bibliotheek")
    market = IntakeLocation.objects.create(adv=adv, name="Pop-up Markt", is_active=False)
    IntakeLocation.objects.create(adv=adv, name="Pop-up Ongebruikt", is_active=False)
    quiet = IntakeLocation.objects.create(adv=adv, name="Pop-up Wijkhuis")
    foreign = IntakeLocation.objects.create(adv=world["adv_b"], name="Pop-up Beta")
    mass = incident(adv, mass=True)

    def at(location, when, **extra):
        made = report(extra.pop("adv", adv), at=when, lives=town, happened=town, **extra)
        Report.objects.filter(pk=made.pk).update(intake_location=location)

    at(library, local(2025, 1, 10))
    at(library, local(2025, 12, 31, 23, 30))  # still 2025 in Amsterdam
    at(library, local(2025, 3, 3), linked=mass)
    at(library, local(2024, 5, 5))
    at(market, local(2025, 6, 6))
    at(None, local(2025, 7, 7))
    at(foreign, local(2025, 8, 8), adv=world["adv_b"])
    return {"library": library, "market": market, "quiet": quiet}


def test_reports_are_counted_per_location_of_the_adv(world, located):
    start, end = year_bounds(2025)
    counts = {c.name: (c.reports, c.mass) for c in per_intake_location([world["adv_a"].pk], start, end)}
    # A location in use is listed without reports; one switched off only
    # when it has reports that year. Another ADV's location never.
    assert counts == {"Pop-up Bibliotheek": (2, 1), "Pop-up Markt": (1, 0), "Pop-up Wijkhuis": (0, 0)}
    table = queries.intake_locations([world["adv_a"].pk], 2025)
    assert [row.label for row in table.rows] == ["Pop-up Bibliotheek", "Pop-up Markt", "Pop-up Wijkhuis"]
    assert table.totals is not None
    assert [cell.value for cell in table.totals.cells] == [3, 1]
    assert not table.protected


def test_the_adv_dashboard_shows_the_location_table(world, located, client_for):
    services.refresh(now=timezone.now())
    response = client_for(Role.ADV_CONSULTANT).get(reverse("figures:adv_dashboard") + "?jaar=2025")
    assert response.status_code == 200
    assert [row.label for row in response.context["locations"].rows] == [
        "Pop-up Bibliotheek",
        "Pop-up Markt",
        "Pop-up Wijkhuis",
    ]
    page = response.content.decode()
    assert 'id="adv-intake-locations-heading"' in page
    assert "Pop-up Beta" not in page
    assert "Pop-up Ongebruikt" not in page
    report(world["adv_b"], at=local(2025, 9, 9), lives=world["town_b"], happened=world["town_b"])
    services.refresh(now=timezone.now())
    other = client_for(Role.ADV_CONSULTANT, world["adv_b"]).get(reverse("figures:adv_dashboard") + "?jaar=2025")
    assert other.status_code == 200
    assert [row.label for row in other.context["locations"].rows] == ["Pop-up Beta"]
    assert "Pop-up Bibliotheek" not in other.content.decode()
