"""The whole journey across roles in Chromium: a resident reports
anonymously and gets a code; the consultant finds it in the inbox,
classifies it and sends a message; the resident reads it with the code and
replies; the consultant reads the reply. Plus a phone intake. Every page is
checked with axe-core, and no page makes a request to another host."""

import re
from typing import Any

import pytest

from openinclusie.accounts.models import Role
from openinclusie.cases.models import Message, Report
from openinclusie.classification import queries as classification_queries
from openinclusie.classification import services as classification_services
from openinclusie.tests.browser_support import assert_accessible, watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _submit(page: Any) -> None:
    page.locator("button[type=submit]").last.click()


def test_report_classify_message_and_reply_across_roles(world, live_server, new_context, client_for, browser_session):
    if classification_queries.current_version() is None:
        classification_services.seed_start_version()
    resident = new_context().new_page()
    resident.set_default_timeout(15_000)
    resident_watch = watch(resident, live_server.url)

    resident.goto(f"{live_server.url}/alfastad/melden/")
    resident.locator("form button[type=submit]").first.click()
    resident.fill("textarea[name=description]", "Ik werd bij de balie uitgescholden. KANARIE-REIS")
    resident.locator("input[name=when][value=exact]").check()
    resident.fill("input[name=date]", "2025-03-17")
    _submit(resident)
    resident.locator("input[name=place][value=place]").check()
    resident.locator("input[name=domain][value=shop_service]").check()
    _submit(resident)
    resident.locator("input[name=grounds][value=origin]").check()
    resident.locator("input[name=role][value=victim]").check()
    resident.locator("input[name=residence][value=here]").check()
    _submit(resident)
    resident.locator("input[name=request_type][value=melding]").check()
    resident.locator("input[name=contact][value=anonymous]").check()
    _submit(resident)
    resident.wait_for_url("**/melden/controleren/")
    resident.locator("form button[type=submit]").last.click()
    resident.wait_for_url("**/melden/verzonden/")
    code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", resident.content())
    assert code is not None
    report = Report.objects.get()

    consultant_context = new_context()
    browser_session(consultant_context, client_for(Role.ADV_CONSULTANT))
    consultant = consultant_context.new_page()
    consultant.set_default_timeout(15_000)
    consultant_watch = watch(consultant, live_server.url)
    consultant.goto(f"{live_server.url}/adv/meldingen/")
    assert_accessible(consultant)
    consultant.locator(f"a:has-text('{report.reference}')").first.click()
    consultant.wait_for_url(f"**/adv/meldingen/{report.pk}/")
    assert "KANARIE-REIS" in consultant.content()
    assert_accessible(consultant)

    classification = consultant.locator("form[action$='/classificatie/']")
    classification.locator("input[name=classification-grounds]").first.check()
    classification.locator("select[name=classification-domain]").select_option(index=1)
    classification.locator("select[name=classification-nature]").select_option(index=1)
    classification.locator("button[type=submit]").click()
    consultant.wait_for_url(f"**/adv/meldingen/{report.pk}/**")
    report.refresh_from_db()
    assert report.grounds.exists()
    assert report.domain is not None
    assert report.classification_version is not None

    message_form = consultant.locator("form[action$='/bericht/']")
    message_form.locator("textarea[name$=body]").fill("Dank voor uw melding. Wilt u nog iets toevoegen?")
    message_form.locator("button[type=submit]").click()
    consultant.wait_for_url(f"**/adv/meldingen/{report.pk}/**")
    assert Message.objects.filter(report=report, direction="to_reporter").count() == 1
    assert_accessible(consultant)

    resident.goto(f"{live_server.url}/alfastad/melden/volgen/")
    resident.fill("input[name=code]", code.group(0))
    resident.locator("form button[type=submit]").first.click()
    resident.wait_for_url("**/melden/volgen/uw-melding/")
    assert "Wilt u nog iets toevoegen?" in resident.content()
    assert_accessible(resident)
    resident.fill("textarea[name=reply-body]", "Het was op een dinsdagochtend.")
    resident.locator("input[value=reply] ~ button").click()
    resident.locator(".utrecht-alert--ok").wait_for(state="visible")

    consultant.goto(f"{live_server.url}/adv/meldingen/{report.pk}/")
    assert "Het was op een dinsdagochtend." in consultant.content()
    resident_watch.assert_clean()
    consultant_watch.assert_clean()


def test_phone_intake_by_a_consultant(world, live_server, new_context, client_for, browser_session):
    context = new_context()
    browser_session(context, client_for(Role.ADV_CONSULTANT))
    page = context.new_page()
    page.set_default_timeout(15_000)
    watched = watch(page, live_server.url)
    page.goto(f"{live_server.url}/adv/meldingen/nieuw/")
    assert_accessible(page)
    page.locator("input[name=channel][value=phone], select[name=channel]").first.wait_for()
    channel = page.locator("select[name=channel]")
    if channel.count():
        channel.select_option("phone")
    else:
        page.locator("input[name=channel][value=phone]").check()
    page.locator("input[name=request_type][value=klacht]").check()
    page.locator("input[name=reporter_role][value=witness]").check()
    page.fill("textarea[name=description]", "Telefonisch gemeld: weigering bij een sportclub.")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    report = Report.objects.get()
    assert report.channel == "phone"
    assert report.request_type == "klacht"
    assert report.adv == world["adv_a"]
    assert_accessible(page)
    watched.assert_clean()
