from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from openinclusie.accounts.models import Role
from openinclusie.cases.constants import Channel, RequestType, Status
from openinclusie.cases.models import IntakeLocation, Report, StatusChange
from openinclusie.cases.queries import INBOX_PAGE_SIZE
from openinclusie.organisations.tests.factories import MunicipalityFactory

from .factories import ReportFactory

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = pytest.mark.usefixtures("english_ui")

INBOX = "/adv/meldingen/"


def test_the_inbox_shows_only_the_own_adv_newest_first_without_free_text(world, staff):
    consultant = staff(Role.ADV_CONSULTANT)
    now = timezone.now()
    older = ReportFactory(adv=world["adv_a"], received_at=now - timedelta(days=2), description="OUDE-TEKST")
    newer = ReportFactory(adv=world["adv_a"], received_at=now)
    foreign = ReportFactory(adv=world["adv_b"])
    response = consultant.client.get(reverse("cases:inbox"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert page.index(newer.reference) < page.index(older.reference)
    assert foreign.reference not in page
    assert "OUDE-TEKST" not in page


def test_the_inbox_filters_and_counts(world, staff):
    consultant = staff(Role.ADV_CONSULTANT)
    second_town = MunicipalityFactory(adv=world["adv_a"])
    today = timezone.localdate()
    mine = ReportFactory(adv=world["adv_a"], assigned_to=consultant.user, incident_municipality=world["town_a"])
    late = ReportFactory(adv=world["adv_a"], status=Status.INTAKE, deadline=today - timedelta(days=1))
    elsewhere = ReportFactory(adv=world["adv_a"], residence_municipality=second_town)
    done = ReportFactory(adv=world["adv_a"], closed=True, deadline=today - timedelta(days=3))

    def shown(**params):
        page = consultant.client.get(reverse("cases:inbox"), params).content.decode()
        return {r.reference for r in (mine, late, elsewhere, done) if r.reference in page}

    assert shown() == {mine.reference, late.reference, elsewhere.reference, done.reference}
    assert shown(status="intake") == {late.reference}
    assert shown(assigned="me") == {mine.reference}
    assert shown(assigned="none") == {late.reference, elsewhere.reference, done.reference}
    assert shown(overdue="on") == {late.reference}
    assert shown(municipality=second_town.pk) == {elsewhere.reference}
    assert shown(municipality=world["town_a"].pk) == {mine.reference}
    page = consultant.client.get(reverse("cases:inbox")).content.decode()
    assert "New: 2" in page
    assert "Closed: 1" in page
    assert "Overdue" in page
    # A municipality of another ADV is not a valid filter: nothing leaks.
    assert shown(municipality=world["town_b"].pk) == {
        mine.reference,
        late.reference,
        elsewhere.reference,
        done.reference,
    }


def test_the_inbox_is_paginated_and_answers_htmx_with_the_results_only(world, staff):
    consultant = staff(Role.ADV_CONSULTANT)
    ReportFactory.create_batch(INBOX_PAGE_SIZE + 3, adv=world["adv_a"])
    first = consultant.client.get(reverse("cases:inbox"))
    assert "Page 1 of 2" in first.content.decode()
    second = consultant.client.get(reverse("cases:inbox"), {"page": 2})
    assert second.content.decode().count('href="/adv/meldingen/') >= 3
    partial = consultant.client.get(reverse("cases:inbox"), headers={"HX-Request": "true"})
    assert partial.content.decode().lstrip().startswith('<div id="inbox-results">')


def test_the_pages_follow_the_status_filter_and_are_counted_once(world, staff):
    consultant = staff(Role.ADV_CONSULTANT)
    new = ReportFactory.create_batch(INBOX_PAGE_SIZE + 1, adv=world["adv_a"], status=Status.NEW)
    in_progress = ReportFactory.create_batch(3, adv=world["adv_a"], status=Status.IN_PROGRESS)
    assert "Page 1 of 2" in consultant.client.get(reverse("cases:inbox")).content.decode()
    filtered = consultant.client.get(reverse("cases:inbox"), {"status": Status.IN_PROGRESS}).content.decode()
    assert "Page 1 of 2" not in filtered
    assert all(report.reference in filtered for report in in_progress)
    assert not any(report.reference in filtered for report in new)
    # One count per status and one page of rows; no second count over every report.
    counts = [
        q["sql"]
        for q in _queries_of(consultant.client, reverse("cases:inbox"))
        if "COUNT(" in q["sql"].upper() and "cases_report" in q["sql"]
    ]
    assert len(counts) == 1, counts


def _queries_of(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return captured.captured_queries


def intake_data(world, **extra):
    data = {
        "submission_token": "6f1c8c8e-6a52-4a7e-9a36-0d8d2d3f1a11",
        "adv": world["adv_a"].pk,
        "channel": Channel.PHONE,
        "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "request_type": RequestType.KLACHT,
        "reporter_role": "victim",
        "description": "Belde over een weigering bij de sportschool.",
        "incident_municipality": world["town_a"].pk,
        "resident_grounds": ["origin", "religion"],
        "resident_domain": "sports",
        "contact_preference": "none",
    }
    data.update(extra)
    return data


def test_phone_intake_registers_a_report_of_the_own_adv(world, staff):
    consultant = staff(Role.ADV_CONSULTANT)
    assert consultant.client.get(reverse("cases:intake")).status_code == 200
    response = consultant.client.post(reverse("cases:intake"), intake_data(world, contact_phone="0612345678"))
    assert response.status_code == 302
    report = Report.objects.get()
    assert response["Location"] == reverse("cases:case_detail", args=[report.pk])
    assert report.adv == world["adv_a"]
    assert report.channel == Channel.PHONE
    assert report.registered_by == consultant.user
    assert report.reference.startswith("ADV-ALFA-")
    assert set(report.resident_grounds.values_list("ground", flat=True)) == {"origin", "religion"}
    assert report.contact.phone == "0612345678"
    assert not report.is_anonymous
    assert report.receipt_digest is None
    assert StatusChange.objects.get(report=report).event == "created: phone"
    history = consultant.client.get(response["Location"]).content.decode().split('id="history"')[1]
    assert "Report registered" in history
    assert str(Channel.PHONE.label) in history


def test_a_double_submit_registers_one_report(world, staff):
    consultant = staff(Role.ADV_CONSULTANT)
    data = intake_data(world)
    consultant.client.post(reverse("cases:intake"), data)
    again = consultant.client.post(reverse("cases:intake"), data)
    assert again.status_code == 302
    assert Report.objects.count() == 1


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"channel": Channel.POP_UP}, "intake_location"),
        ({"channel": Channel.PARTNER_REFERRAL}, "referred_by"),
        ({"channel": Channel.WEB}, "channel"),
        ({"contact_name": "Alleen een naam"}, "contact_email"),
    ],
)
def test_intake_refuses_incomplete_channels(world, staff, extra, field):
    consultant = staff(Role.ADV_CONSULTANT)
    response = consultant.client.post(reverse("cases:intake"), intake_data(world, **extra))
    assert response.status_code == 200
    assert f'href="#id_{field}' in response.content.decode()
    assert not Report.objects.exists()


def test_pop_up_and_referral_keep_location_and_partner(world, staff):
    consultant = staff(Role.ADV_CONSULTANT)
    library = IntakeLocation.objects.create(adv=world["adv_a"], name="Bibliotheek Centrum")
    consultant.client.post(
        reverse("cases:intake"), intake_data(world, channel=Channel.POP_UP, intake_location=library.pk)
    )
    consultant.client.post(
        reverse("cases:intake"),
        intake_data(
            world,
            channel=Channel.PARTNER_REFERRAL,
            referred_by=world["partner_a"].pk,
            submission_token="0b7bc0b4-3b2e-4c43-8d0f-7f3b8e7c2b01",
        ),
    )
    pop_up, referral = Report.objects.order_by("pk")
    assert pop_up.intake_location == library
    assert pop_up.channel_location == ""
    assert referral.referred_by == world["partner_a"]


def test_a_receipt_code_is_shown_once_and_stored_as_a_hash(world, staff):
    receipts = pytest.importorskip("openinclusie.cases.receipts")
    consultant = staff(Role.ADV_CONSULTANT)
    response = consultant.client.post(reverse("cases:intake"), intake_data(world, give_receipt_code="on"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    report = Report.objects.get()
    code = page.split('receipt-code">')[1].split("<")[0].strip()
    assert receipts.normalise(code)
    assert report.receipt_digest == receipts.digest(code)
    assert code not in consultant.client.get(reverse("cases:case_detail", args=[report.pk])).content.decode()


def test_an_adv_b_user_cannot_register_for_adv_a(world, staff):
    outsider = staff(Role.ADV_CONSULTANT, "adv_b")
    response = outsider.client.post(reverse("cases:intake"), intake_data(world))
    assert response.status_code == 200
    assert not Report.objects.exists()
