"""Intake locations in Chromium without JavaScript: the coordinator adds a
pop-up location, registers a report made there, finds it in the inbox by
location, changes it on the case page and sees it counted in the ADV's
figures. Every page is checked with axe-core."""

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from openinclusie.accounts.models import Role
from openinclusie.cases.constants import Channel
from openinclusie.cases.models import IntakeLocation, Report
from openinclusie.figures import services as figures_services
from openinclusie.tests.browser_support import assert_accessible, watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _submit(form: Any) -> None:
    form.locator("button[type=submit]").click()


def test_a_pop_up_location_from_list_to_figures(world, live_server, new_context, client_for, browser_session):
    context = new_context(java_script_enabled=False)
    browser_session(context, client_for(Role.ADV_COORDINATOR))
    page = context.new_page()
    page.set_default_timeout(15_000)
    watched = watch(page, live_server.url)
    adv = world["adv_a"]
    IntakeLocation.objects.create(adv=adv, name="Pop-up Markt", is_active=False)

    page.goto(live_server.url + reverse("cases:intake_locations"))
    form = page.locator(f"form:has(input[name=adv][value='{adv.pk}'])")
    form.locator(f"input[name=adv{adv.pk}-name]").fill("Pop-up Bibliotheek Alfastad")
    form.locator(f"input[name=adv{adv.pk}-address]").fill("Stationsplein 1")
    _submit(form)
    page.wait_for_url("**/adv/locaties/")
    assert "Pop-up Bibliotheek Alfastad" in page.content()
    assert_accessible(page)
    library = IntakeLocation.objects.get(name="Pop-up Bibliotheek Alfastad")

    page.goto(live_server.url + reverse("cases:intake"))
    page.locator(f"input[name=channel][value={Channel.POP_UP}]").check()
    options = page.locator("select[name=intake_location] option").all_inner_texts()
    assert "Pop-up Bibliotheek Alfastad" in options
    assert "Pop-up Markt" not in options
    page.locator("select[name=intake_location]").select_option(str(library.pk))
    page.locator("input[name=request_type][value=melding]").check()
    page.locator("input[name=reporter_role][value=witness]").check()
    page.fill("textarea[name=description]", "Verteld op het spreekuur in de bibliotheek.")
    page.locator("select[name=incident_municipality]").select_option(str(world["town_a"].pk))
    assert_accessible(page)
    page.locator("form button[type=submit]").last.click()
    report = Report.objects.get()
    page.wait_for_url(f"**/adv/meldingen/{report.pk}/")
    assert report.intake_location == library
    assert "Pop-up Bibliotheek Alfastad" in page.locator("#summary").inner_text()
    assert_accessible(page)

    page.goto(f"{live_server.url}{reverse('cases:inbox')}?intake_location={library.pk}")
    assert report.reference in page.content()
    assert_accessible(page)

    # Renamed on the list's edit page: the report shows the new name.
    page.goto(live_server.url + reverse("cases:intake_location_edit", args=[library.pk]))
    page.fill("input[name=name]", "Pop-up Bibliotheek Centrum")
    assert_accessible(page)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/adv/locaties/")
    page.goto(live_server.url + reverse("cases:case_detail", args=[report.pk]))
    assert "Pop-up Bibliotheek Centrum" in page.locator("#summary").inner_text()

    figures_services.refresh(now=timezone.now())
    year = timezone.localdate().year
    page.goto(f"{live_server.url}{reverse('figures:adv_dashboard')}?jaar={year}")
    table = page.locator("#adv-intake-locations-heading").locator("xpath=..")
    assert "Pop-up Bibliotheek Centrum" in table.inner_text()
    assert_accessible(page)
    watched.assert_clean()
