"""Intake locations: the coordinator's list, a report's location checked
against its ADV, the inbox filter, and retention keeping the location."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from openinclusie.accounts.models import Role
from openinclusie.cases.constants import Channel, HistoryEvent, Status
from openinclusie.cases.models import IntakeLocation, Report
from openinclusie.cases.services import handling, intake_locations, retention, staff_intake

from .factories import ReportFactory
from .test_inbox_and_intake import intake_data

pytestmark = pytest.mark.usefixtures("english_ui")

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def places(world):
    return {
        "library": IntakeLocation.objects.create(adv=world["adv_a"], name="Pop-up Bibliotheek"),
        "market": IntakeLocation.objects.create(adv=world["adv_a"], name="Pop-up Markt", is_active=False),
        "foreign": IntakeLocation.objects.create(adv=world["adv_b"], name="Pop-up Beta"),
    }


# The database ------------------------------------------------------------


def test_a_name_is_unique_per_adv_in_any_capitals(world, places):
    with pytest.raises(IntegrityError), transaction.atomic():
        IntakeLocation.objects.create(adv=world["adv_a"], name="POP-UP bibliotheek")
    # Another ADV may use the same name.
    IntakeLocation.objects.create(adv=world["adv_b"], name="Pop-up Bibliotheek")


@pytest.mark.parametrize("name", ["", "   "])
def test_a_location_needs_a_name(world, name):
    with pytest.raises(IntegrityError), transaction.atomic():
        IntakeLocation.objects.create(adv=world["adv_a"], name=name)


def test_a_location_with_reports_cannot_be_deleted(world, places):
    ReportFactory(adv=world["adv_a"], intake_location=places["library"])
    with pytest.raises(ProtectedError):
        places["library"].delete()
    places["foreign"].delete()


# Services ----------------------------------------------------------------


def test_only_a_coordinator_of_the_adv_manages_its_locations(world, staff):
    coordinator = staff(Role.ADV_COORDINATOR, sign_in=False).user
    consultant = staff(Role.ADV_CONSULTANT, sign_in=False).user
    other = staff(Role.ADV_COORDINATOR, "adv_b", sign_in=False).user
    made = intake_locations.add_location(adv=world["adv_a"], by=coordinator, name="  Pop-up Wijkhuis ")
    assert made.name == "Pop-up Wijkhuis"
    for user in (consultant, other):
        with pytest.raises(intake_locations.InvalidIntakeLocation):
            intake_locations.add_location(adv=world["adv_a"], by=user, name="Pop-up Elders")
    with pytest.raises(intake_locations.DuplicateLocationName):
        intake_locations.add_location(adv=world["adv_a"], by=coordinator, name="pop-up wijkhuis")
    changed = intake_locations.change_location(
        location=made, by=coordinator, name="Pop-up Buurthuis", address="", description="", is_active=False
    )
    assert (changed.name, changed.is_active) == ("Pop-up Buurthuis", False)


def _register(world, user, location, channel=Channel.POP_UP):
    return staff_intake.register_report(
        adv=world["adv_a"],
        by=user,
        now=NOW,
        channel=channel,
        received_at=NOW,
        request_type="melding",
        reporter_role="victim",
        description="Verteld bij de pop-up.",
        intake_location=location,
    )


def test_intake_refuses_another_advs_location_and_one_no_longer_in_use(world, staff, places):
    consultant = staff(Role.ADV_CONSULTANT, sign_in=False).user
    with pytest.raises(intake_locations.LocationNotUsable):
        _register(world, consultant, places["foreign"])
    with pytest.raises(intake_locations.LocationNotUsable):
        _register(world, consultant, places["market"])
    with pytest.raises(staff_intake.InvalidIntake):
        _register(world, consultant, None)
    assert not Report.objects.exists()
    report = _register(world, consultant, places["library"]).report
    assert report.intake_location == places["library"]
    walk_in = _register(world, consultant, places["library"], channel=Channel.WALK_IN).report
    assert walk_in.intake_location == places["library"]


def test_setting_the_location_on_a_case_is_checked_and_in_the_history(world, staff, places):
    consultant = staff(Role.ADV_CONSULTANT, sign_in=False).user
    report = ReportFactory(adv=world["adv_a"], channel=Channel.WALK_IN)
    with pytest.raises(intake_locations.LocationNotUsable):
        intake_locations.set_intake_location(
            report=report, by=consultant, version=report.version, now=NOW, location=places["foreign"]
        )
    with pytest.raises(intake_locations.LocationNotUsable):
        intake_locations.set_intake_location(
            report=report, by=consultant, version=report.version, now=NOW, location=places["market"]
        )
    intake_locations.set_intake_location(
        report=report, by=consultant, version=report.version, now=NOW, location=places["library"]
    )
    report.refresh_from_db()
    assert report.intake_location == places["library"]
    assert report.history.filter(event=f"{HistoryEvent.INTAKE_LOCATION.value}: Pop-up Bibliotheek").exists()
    # An old version is refused, as for every other change to a case.
    with pytest.raises(handling.CaseChanged):
        intake_locations.set_intake_location(
            report=report, by=consultant, version=report.version - 1, now=NOW, location=None
        )
    # Staff of another ADV cannot set it at all.
    outsider = staff(Role.ADV_CONSULTANT, "adv_b", sign_in=False).user
    with pytest.raises(handling.NotStaffOfThisAdv):
        intake_locations.set_intake_location(report=report, by=outsider, version=report.version, now=NOW, location=None)


def test_a_location_switched_off_stays_on_its_reports(world, staff, places):
    consultant = staff(Role.ADV_CONSULTANT, sign_in=False).user
    report = ReportFactory(adv=world["adv_a"], channel=Channel.POP_UP, intake_location=places["market"])
    # Saving the same location again is no change, not a refusal.
    intake_locations.set_intake_location(
        report=report, by=consultant, version=report.version, now=NOW, location=places["market"]
    )
    # A pop-up report keeps a location.
    with pytest.raises(intake_locations.InvalidIntakeLocation):
        intake_locations.set_intake_location(
            report=report, by=consultant, version=report.version, now=NOW, location=None
        )


# Pages -------------------------------------------------------------------


def test_the_intake_form_offers_the_advs_locations_in_use(world, staff, places):
    consultant = staff(Role.ADV_CONSULTANT)
    page = consultant.client.get(reverse("cases:intake")).content.decode()
    assert "Pop-up Bibliotheek" in page
    assert "Pop-up Markt" not in page
    assert "Pop-up Beta" not in page
    refused = consultant.client.post(
        reverse("cases:intake"), intake_data(world, channel=Channel.POP_UP, intake_location=places["foreign"].pk)
    )
    assert 'href="#id_intake_location' in refused.content.decode()
    assert not Report.objects.exists()
    consultant.client.post(
        reverse("cases:intake"), intake_data(world, channel=Channel.WALK_IN, intake_location=places["library"].pk)
    )
    report = Report.objects.get()
    assert (report.channel, report.intake_location) == (Channel.WALK_IN, places["library"])
    case = consultant.client.get(reverse("cases:case_detail", args=[report.pk])).content.decode()
    assert "Walk-in: Pop-up Bibliotheek" in case


def test_the_case_page_changes_the_location(world, staff, places):
    consultant = staff(Role.ADV_CONSULTANT)
    report = ReportFactory(adv=world["adv_a"], channel=Channel.WALK_IN)
    page = consultant.client.get(reverse("cases:case_detail", args=[report.pk])).content.decode()
    form = page.split('id="location"')[1].split("</section>")[0]
    assert "Pop-up Bibliotheek" in form
    assert "Pop-up Markt" not in form
    assert "Pop-up Beta" not in form
    url = reverse("cases:case_intake_location", args=[report.pk])
    response = consultant.client.post(
        url, {"location-version": report.version, "location-intake_location": places["library"].pk}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#location")
    report.refresh_from_db()
    assert report.intake_location == places["library"]
    # Another ADV's location is not a choice.
    refused = consultant.client.post(
        url, {"location-version": report.version, "location-intake_location": places["foreign"].pk}
    )
    assert refused.status_code == 200
    report.refresh_from_db()
    assert report.intake_location == places["library"]


def test_the_old_free_text_location_is_still_shown(world, staff):
    consultant = staff(Role.ADV_CONSULTANT)
    report = ReportFactory(adv=world["adv_a"], channel=Channel.POP_UP, channel_location="Buurthuis Oost")
    page = consultant.client.get(reverse("cases:case_detail", args=[report.pk])).content.decode()
    assert "Pop-up location: Buurthuis Oost" in page


def test_the_inbox_filters_by_location_and_channel(world, staff, places):
    consultant = staff(Role.ADV_CONSULTANT)
    at_library = ReportFactory(adv=world["adv_a"], channel=Channel.POP_UP, intake_location=places["library"])
    at_market = ReportFactory(adv=world["adv_a"], channel=Channel.WALK_IN, intake_location=places["market"])
    by_phone = ReportFactory(adv=world["adv_a"], channel=Channel.PHONE)
    foreign = ReportFactory(adv=world["adv_b"], channel=Channel.POP_UP, intake_location=places["foreign"])

    def shown(**params):
        page = consultant.client.get(reverse("cases:inbox"), params).content.decode()
        return {r.reference for r in (at_library, at_market, by_phone, foreign) if r.reference in page}

    everything = {at_library.reference, at_market.reference, by_phone.reference}
    assert shown() == everything
    assert shown(intake_location=places["library"].pk) == {at_library.reference}
    # A location no longer in use can still be filtered on: its reports stay.
    assert shown(intake_location=places["market"].pk) == {at_market.reference}
    assert shown(channel=Channel.PHONE) == {by_phone.reference}
    assert shown(channel=Channel.WALK_IN, intake_location=places["library"].pk) == set()
    # Another ADV's location is not a valid filter, and is not named.
    assert shown(intake_location=places["foreign"].pk) == everything
    assert "Pop-up Beta" not in consultant.client.get(reverse("cases:inbox")).content.decode()


def test_the_coordinator_adds_renames_and_switches_off_locations(world, staff, places):
    coordinator = staff(Role.ADV_COORDINATOR)
    url = reverse("cases:intake_locations")
    page = coordinator.client.get(url).content.decode()
    assert "Pop-up Bibliotheek" in page
    assert "Pop-up Beta" not in page
    prefix = f"adv{world['adv_a'].pk}"
    added = coordinator.client.post(url, {"adv": world["adv_a"].pk, f"{prefix}-name": "Pop-up Wijkhuis"})
    assert added.status_code == 302
    assert IntakeLocation.objects.filter(adv=world["adv_a"], name="Pop-up Wijkhuis", is_active=True).exists()
    twice = coordinator.client.post(url, {"adv": world["adv_a"].pk, f"{prefix}-name": "pop-up wijkhuis"})
    assert twice.status_code == 200
    assert "There is already a location with this name." in twice.content.decode()
    edit = reverse("cases:intake_location_edit", args=[places["library"].pk])
    assert coordinator.client.get(edit).status_code == 200
    saved = coordinator.client.post(edit, {"name": "Pop-up Bibliotheek Centrum", "address": "Plein 1"})
    assert saved.status_code == 302
    places["library"].refresh_from_db()
    assert places["library"].name == "Pop-up Bibliotheek Centrum"
    assert not places["library"].is_active
    # Another ADV's location answers 404, as if it did not exist.
    assert coordinator.client.get(reverse("cases:intake_location_edit", args=[places["foreign"].pk])).status_code == 404


def test_consultants_do_not_manage_locations(world, staff, places):
    consultant = staff(Role.ADV_CONSULTANT)
    assert consultant.client.get(reverse("cases:intake_locations")).status_code == 403
    edit = reverse("cases:intake_location_edit", args=[places["library"].pk])
    assert consultant.client.post(edit, {"name": "Anders"}).status_code == 403
    places["library"].refresh_from_db()
    assert places["library"].name == "Pop-up Bibliotheek"


# Retention ---------------------------------------------------------------


def test_retention_keeps_the_intake_location_and_forgets_the_free_text(world, places):
    report = ReportFactory(
        adv=world["adv_a"],
        channel=Channel.POP_UP,
        intake_location=places["library"],
        channel_location="Bij de ingang, naast meneer Jansen",
        status=Status.CLOSED,
        closed_at=NOW - timedelta(days=3 * 365),
    )
    assert retention.anonymise_expired(now=NOW) == 1
    report.refresh_from_db()
    assert report.anonymised_at == NOW
    assert report.channel_location == ""
    assert report.intake_location == places["library"]
    assert "intake_location" not in report.anonymisations.get().removed_fields
    assert Report.objects.filter(intake_location=places["library"]).count() == 1


def test_an_anonymised_case_keeps_its_location_unchangeable(world, staff, places):
    consultant = staff(Role.ADV_CONSULTANT, sign_in=False).user
    report = ReportFactory(adv=world["adv_a"], intake_location=places["library"], closed=True)
    retention.anonymise_report(report=report, now=timezone.now())
    report.refresh_from_db()
    with pytest.raises(handling.CaseAnonymised):
        intake_locations.set_intake_location(
            report=report, by=consultant, version=report.version, now=NOW, location=None
        )
