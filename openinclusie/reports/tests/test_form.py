import logging
from datetime import date, timedelta
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from openinclusie.cases import inbox_notices
from openinclusie.cases.constants import Channel, ReporterRole, RequestType, ResidentDomain, Status
from openinclusie.cases.models import Report, ReporterContact, StatusChange
from openinclusie.core.sessions import SessionStore
from openinclusie.organisations.tests.factories import MunicipalityFactory, NeighbourhoodFactory
from openinclusie.reports.views import SUBMISSIONS_PER_HOUR

from .flow import (
    ANONYMOUS_ANSWERS,
    CONTACT_ANSWERS,
    check_url,
    fill_in,
    receipt_code_on,
    report_anonymously,
    send,
    sent_url,
    start_url,
    step_url,
    token_on_check_page,
)

pytestmark = pytest.mark.django_db


def _all_text_in_database() -> str:
    """Every row of every table as text: what a database dump would show."""
    chunks: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - table names from introspection
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def _session_texts() -> str:
    # Session.get_decoded() would use Django's plain store and see nothing.
    return "\n".join(repr(SessionStore().decode(s.session_data)) for s in Session.objects.all())


# The way in -------------------------------------------------------------------


def test_the_home_page_links_to_the_form_and_the_follow_up(world, client):
    page = client.get(reverse("public:municipality_home", args=["alfastad"])).content.decode()
    assert f'href="{start_url()}"' in page
    assert reverse("reports:follow_up_login", args=["alfastad"]) in page


def test_the_start_page_explains_and_starts_a_draft(world, client):
    response = client.get(start_url())
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "ADV Alfa" in response.content.decode()
    response = client.post(start_url())
    assert response["Location"] == step_url(1)


def test_dutch_is_the_default(world):
    with translation.override("nl"):
        url = start_url()
    assert url == "/alfastad/melden/"
    html = Client().get(url).content.decode()
    assert 'lang="nl"' in html
    assert "Discriminatie melden" in html


def test_english_pages_live_under_en(world):
    client = Client()
    response = client.get("/en/alfastad/melden/")
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()
    assert "Report discrimination" in response.content.decode()


def test_an_unpublished_municipality_has_no_form(world, client):
    MunicipalityFactory(slug="verborgen", is_published=False)
    assert client.get(start_url("verborgen")).status_code == 404


def test_a_municipality_without_adv_explains_where_to_go(world, client):
    MunicipalityFactory(slug="zonder", name="Zonderdorp", adv=None)
    for url in (start_url("zonder"), step_url(1, "zonder"), check_url("zonder")):
        response = client.get(url)
        assert response.status_code == 200
        assert "Discriminatie.nl" in response.content.decode()
    assert client.post(start_url("zonder")).status_code == 200
    assert not Report.objects.exists()


# The whole journey ------------------------------------------------------------


def test_an_anonymous_report_from_start_to_code(world, client):
    neighbourhood = NeighbourhoodFactory(municipality=world["town_a"], name="Centrum")
    answers = {**ANONYMOUS_ANSWERS, 2: {**ANONYMOUS_ANSWERS[2], "neighbourhood": str(neighbourhood.pk)}}
    client.post(start_url())
    for step in range(1, 5):
        page = client.get(step_url(step))
        assert page.status_code == 200
        assert page["Cache-Control"] == "no-store"
        html = page.content.decode()
        assert f"Step {step} of 5" in html
        assert 'aria-current="step"' in html
        assert client.post(step_url(step), answers[step]).status_code == 302

    check = client.get(check_url())
    html = check.content.decode()
    assert check["Cache-Control"] == "no-store"
    assert "Bij de sportschool mocht ik niet naar binnen." in html
    assert "17 " in html
    assert "2025" in html
    assert "Centrum" in html
    assert "2711" in html
    assert "2711 AB" not in html

    response = send(client)
    assert response["Location"] == sent_url()
    confirmation = client.get(sent_url())
    assert confirmation["Cache-Control"] == "no-store"
    code = receipt_code_on(confirmation.content.decode())

    report = Report.objects.get()
    assert report.channel == Channel.WEB
    assert report.adv == world["adv_a"]
    assert report.status == Status.NEW
    assert report.description == "Bij de sportschool mocht ik niet naar binnen."
    assert report.occurred_on == date(2025, 3, 17)
    assert not report.occurred_on_is_approximate
    assert report.incident_municipality == world["town_a"]
    assert report.incident_neighbourhood == neighbourhood
    assert report.incident_postcode == "2711"
    assert report.resident_domain == ResidentDomain.SPORTS
    assert report.reporter_role == ReporterRole.VICTIM
    assert report.residence_municipality == world["town_a"]
    assert report.request_type == RequestType.KLACHT
    assert report.is_anonymous
    assert sorted(report.resident_grounds.values_list("ground", flat=True)) == ["gender", "religion"]
    assert StatusChange.objects.filter(report=report).count() == 1
    assert report.reference in confirmation.content.decode()

    # Shown once: the code is gone from the page and from the session.
    again = client.get(sent_url()).content.decode()
    assert code not in again
    assert "shown once" in again
    assert code not in _session_texts()
    assert code not in _all_text_in_database()
    assert code.replace("-", "") not in _all_text_in_database()


def test_a_report_with_contact_details(world, client):
    report_anonymously(client, CONTACT_ANSWERS)
    report = Report.objects.get()
    assert not report.is_anonymous
    assert report.request_type == RequestType.MELDING
    assert report.reporter_role == ReporterRole.WITNESS
    assert report.residence_municipality == world["town_b"]
    assert report.residence_postcode == "3311"
    assert report.contact.name == "Samira"
    assert report.contact.email == "samira@example.org"
    assert report.contact.phone == "06 12345678"
    assert report.contact.preference == "phone"
    assert report.contact.safe_times == "na 18 uur"


def test_online_and_other_answers_are_stored_as_such(world, client):
    answers = {
        1: {"description": "Een reactie onder mijn filmpje.", "when": "about", "month": "2", "year": "2024"},
        2: {"place": "online", "municipality": "alfastad", "postcode": "2711", "domain": "internet"},
        3: {"role": "victim", "residence": "elsewhere", "residence_name": "Verweggistan"},
        4: {"request_type": "melding", "contact": "anonymous", "email": "ignored@example.org"},
    }
    report_anonymously(client, answers)
    report = Report.objects.get()
    assert report.occurred_on == date(2024, 2, 1)
    assert report.occurred_on_is_approximate
    assert report.incident_is_online
    assert report.incident_municipality is None
    assert report.incident_postcode == ""
    assert report.residence_municipality is None
    assert report.residence_elsewhere == "Verweggistan"
    assert not report.resident_grounds.exists()
    assert report.is_anonymous
    assert not ReporterContact.objects.exists()


def test_declining_residence_and_not_knowing_the_date(world, client):
    answers = {
        **ANONYMOUS_ANSWERS,
        1: {"description": "Lang geleden.", "when": "unknown", "date": "2025-01-01"},
        3: {"role": "victim", "residence": "declined", "residence_name": "Alfastad", "residence_postcode": "1234"},
    }
    report_anonymously(client, answers)
    report = Report.objects.get()
    assert report.occurred_on is None
    assert report.residence_declined
    assert report.residence_municipality is None
    assert report.residence_postcode == ""


# Navigation ---------------------------------------------------------------------


def test_steps_cannot_be_skipped(world, client):
    assert client.get(step_url(1))["Location"] == start_url()
    client.post(start_url())
    client.post(step_url(1), ANONYMOUS_ANSWERS[1])
    assert client.get(step_url(3))["Location"] == step_url(2)
    assert client.post(step_url(4), ANONYMOUS_ANSWERS[4])["Location"] == step_url(2)
    assert client.get(check_url())["Location"] == step_url(2)
    assert client.get(step_url(5)).status_code == 404


def test_back_links_and_saved_answers(world, client):
    client.post(start_url())
    client.post(step_url(1), ANONYMOUS_ANSWERS[1])
    page = client.get(step_url(2)).content.decode()
    assert f'href="{step_url(1)}"' in page
    page = client.get(step_url(1)).content.decode()
    assert "Bij de sportschool mocht ik niet naar binnen." in page
    assert 'value="2025-03-17"' in page


def test_changing_an_answer_from_the_check_page_returns_there(world, client):
    fill_in(client, ANONYMOUS_ANSWERS)
    page = client.get(check_url()).content.decode()
    assert f'href="{step_url(3)}"' in page
    response = client.post(step_url(3), {**ANONYMOUS_ANSWERS[3], "grounds": ["age"]})
    assert response["Location"] == check_url()
    send(client)
    assert list(Report.objects.get().resident_grounds.values_list("ground", flat=True)) == ["age"]


def test_a_second_click_on_start_keeps_the_draft_and_restart_empties_it(world, client):
    client.post(start_url())
    client.post(step_url(1), ANONYMOUS_ANSWERS[1])
    assert client.post(start_url())["Location"] == step_url(2)
    assert "Continue my report" in client.get(start_url()).content.decode()
    assert client.post(start_url(), {"action": "restart"})["Location"] == step_url(1)
    assert "Bij de sportschool" not in client.get(step_url(1)).content.decode()


def test_switching_language_keeps_the_answers(world, client):
    client.post(start_url())
    client.post(step_url(1), ANONYMOUS_ANSWERS[1])
    page = client.get("/alfastad/melden/stap/1/").content.decode()
    assert 'lang="nl"' in page
    assert "Bij de sportschool mocht ik niet naar binnen." in page


# Errors keep what was typed -------------------------------------------------------


def test_an_error_keeps_everything_typed_and_says_what_to_fix(world, client):
    client.post(start_url())
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    story = "Mijn buurman schold mij uit <script>alert(1)</script> & meer."
    response = client.post(step_url(1), {"description": story, "when": "exact", "date": tomorrow})
    assert response.status_code == 200
    html = response.content.decode()
    assert "The date cannot be in the future." in html
    assert 'id="error-summary"' in html
    assert 'href="#id_date"' in html
    assert "Mijn buurman schold mij uit &lt;script&gt;alert(1)&lt;/script&gt; &amp; meer." in html
    assert "<script>alert(1)</script>" not in html
    assert f'value="{tomorrow}"' in html
    assert "<title>Error: " in html
    # Going back and forth does not lose it either.
    client.get(start_url())
    assert "Mijn buurman schold mij uit" in client.get(step_url(1)).content.decode()


def test_a_missing_choice_links_to_its_group(world, client):
    client.post(start_url())
    html = client.post(step_url(1), {"description": "Iets"}).content.decode()
    assert 'href="#id_when"' in html
    assert 'id="id_when"' in html


def test_a_too_long_story_is_kept_and_explained(world, client):
    client.post(start_url())
    story = "woord " * 2000
    html = client.post(step_url(1), {"description": story, "when": "unknown"}).content.decode()
    assert "at most 10000 characters" in html
    assert story.strip() in html
    assert "maxlength" not in html.split('name="description"')[1].split(">")[0]


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        (1, {"description": "x", "when": "about", "month": "13", "year": "2024"}, "Choose one of the options."),
        (1, {"description": "x", "when": "about", "year": "2024"}, "Choose the month"),
        (1, {"description": "x", "when": "about", "month": "1", "year": "1850"}, "between 1900 and now"),
        (1, {"description": "x", "when": "exact", "date": "31-02-2024"}, "Fill in a real date"),
        (1, {"description": "   ", "when": "unknown"}, "Tell us what happened."),
        (2, {"place": "place", "municipality": "atlantis"}, "Choose one of the options."),
        (2, {"place": "place", "municipality": "alfastad", "postcode": "27110"}, "Fill in a postcode"),
        (3, {"role": "victim", "residence": "elsewhere"}, "Fill in the name of your municipality or your postcode"),
        (3, {"grounds": ["race"], "role": "victim", "residence": "here"}, "Choose one of the options."),
        (4, {"request_type": "klacht", "contact": "contact", "consent": "on"}, "Fill in your e-mail address or"),
        (4, {"request_type": "klacht", "contact": "contact", "email": "a@b.nl"}, "Tick the box"),
        (4, {"request_type": "klacht", "contact": "contact", "email": "geen-adres", "consent": "on"}, "like name@"),
        (4, {"request_type": "klacht", "contact": "contact", "phone": "bel me", "consent": "on"}, "telephone number"),
        (
            4,
            {"request_type": "klacht", "contact": "contact", "email": "a@b.nl", "preference": "phone", "consent": "on"},
            "You chose telephone",
        ),
    ],
)
def test_each_step_validates_with_a_clear_message(world, client, step, data, message):
    fill_in(client, ANONYMOUS_ANSWERS)
    response = client.post(step_url(step), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    # The earlier complete answers are still there, the step is marked open.
    assert client.get(check_url())["Location"] == step_url(step)


def test_a_neighbourhood_needs_its_own_municipality(world, client):
    neighbourhood = NeighbourhoodFactory(municipality=world["town_a"], name="Centrum")
    fill_in(client, ANONYMOUS_ANSWERS)
    response = client.post(
        step_url(2), {"place": "place", "municipality": "betadorp", "neighbourhood": str(neighbourhood.pk)}
    )
    assert "This neighbourhood is in Alfastad" in response.content.decode()


# Sending once ----------------------------------------------------------------------


def test_a_double_submit_gives_one_report_and_shows_the_code_once(world, client):
    fill_in(client, ANONYMOUS_ANSWERS)
    token = token_on_check_page(client)
    first = client.post(check_url(), {"token": token})
    second = client.post(check_url(), {"token": token})
    assert first["Location"] == second["Location"] == sent_url()
    assert Report.objects.count() == 1
    page = client.get(sent_url()).content.decode()
    code = receipt_code_on(page)
    third = client.post(check_url(), {"token": token})
    assert third["Location"] == sent_url()
    page = client.get(sent_url()).content.decode()
    assert code not in page
    assert Report.objects.get().reference in page
    assert "shown once" in page
    assert Report.objects.count() == 1


def test_a_stale_or_missing_token_does_not_send(world, client):
    fill_in(client, ANONYMOUS_ANSWERS)
    assert client.post(check_url(), {"token": "not-a-uuid"})["Location"] == check_url()
    assert client.post(check_url(), {})["Location"] == check_url()
    assert not Report.objects.exists()


def test_the_confirmation_without_a_report_goes_to_the_start(world, client):
    assert client.get(sent_url())["Location"] == start_url()


def test_sending_is_rate_limited_without_losing_the_answers(world):
    client = Client(REMOTE_ADDR="198.51.100.9")
    for _ in range(SUBMISSIONS_PER_HOUR):
        report_anonymously(client)
    fill_in(client, ANONYMOUS_ANSWERS)
    response = send(client)
    assert response.status_code == 429
    assert "Your answers are kept" in response.content.decode()
    assert "Bij de sportschool" in response.content.decode()
    assert Report.objects.count() == SUBMISSIONS_PER_HOUR
    assert client.get(check_url()).status_code == 200
    # Another resident is not affected.
    other = Client(REMOTE_ADDR="198.51.100.10")
    report_anonymously(other)
    assert Report.objects.count() == SUBMISSIONS_PER_HOUR + 1


def test_a_failing_mail_server_still_gives_the_resident_their_code(world, client, django_capture_on_commit_callbacks):
    world["adv_a"].email = "meldpunt@adv-alfa.example"
    world["adv_a"].save()
    with (
        mock.patch.object(inbox_notices, "send_mail", side_effect=ConnectionRefusedError("smtp down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        code = report_anonymously(client)
    assert code
    assert Report.objects.count() == 1
    assert mail.outbox == []


def test_the_adv_is_told_without_content(world, client, django_capture_on_commit_callbacks):
    world["adv_a"].email = "meldpunt@adv-alfa.example"
    world["adv_a"].save()
    with django_capture_on_commit_callbacks(execute=True):
        code = report_anonymously(client, CONTACT_ANSWERS)
    assert len(mail.outbox) == 1
    text = f"{mail.outbox[0].subject}{mail.outbox[0].body}"
    for secret in (code, "sportschool", "Samira", "samira@example.org", "06 12345678"):
        assert secret not in text


# Privacy -------------------------------------------------------------------------------


def test_no_client_address_or_browser_is_stored_or_logged(world, caplog, django_capture_on_commit_callbacks):
    world["adv_a"].email = "meldpunt@adv-alfa.example"
    world["adv_a"].save()
    marker_ip = "203.0.113.77"
    marker_agent = "MarkerBrowser/9.9 (fingerprint-4711)"
    client = Client(REMOTE_ADDR=marker_ip, HTTP_USER_AGENT=marker_agent, HTTP_X_FORWARDED_FOR=marker_ip)
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        code = report_anonymously(client, CONTACT_ANSWERS)
    follow_up = client.post(reverse("reports:follow_up_login", args=["alfastad"]), {"code": code})
    assert follow_up.status_code == 302
    everything = _all_text_in_database() + caplog.text + "".join(m.message().as_string() for m in mail.outbox)
    for marker in (marker_ip, "fingerprint-4711", "MarkerBrowser"):
        assert marker not in everything


def test_the_form_fields_do_not_invite_autofill_of_the_story(world, client):
    client.post(start_url())
    html = client.get(step_url(1)).content.decode()
    textarea = html.split("<textarea")[1].split(">")[0]
    assert 'autocomplete="off"' in textarea
