"""The proof of work in a real browser: with JavaScript the report goes
even when the budget for reports without a proof is spent (the browser
found the proof by itself, also when "Send" was chosen before it was
done); without JavaScript the resident meets the explanation, with every
answer kept."""

import pytest
from django.test import Client

from openinclusie.cases.models import Report
from openinclusie.tests.browser_support import assert_accessible, watch

from .flow import ANONYMOUS_ANSWERS, check_url, fill_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("bits", [12, 19])
def test_with_javascript_the_browser_proves_its_work(world, live_server, new_context, browser_session, settings, bits):
    settings.REPORT_UNPROVEN_PER_HOUR = 0
    settings.REPORT_PROOF_OF_WORK_BITS = bits
    client = Client()
    fill_in(client, ANONYMOUS_ANSWERS)
    context = new_context()
    browser_session(context, client)
    page = context.new_page()
    page.set_default_timeout(60_000)
    watched = watch(page, live_server.url)

    page.goto(live_server.url + check_url())
    # At 19 bits the search takes seconds: "Send" is chosen at once, and
    # the form says it is busy and sends by itself when the proof is found.
    page.locator("form button[type=submit]").last.click()
    if bits == 19:
        page.wait_for_function(
            "() => location.pathname.endsWith('/verzonden/')"
            " || (document.querySelector('.work-status') || {}).textContent"
        )
    page.wait_for_url("**/melden/verzonden/")
    assert Report.objects.count() == 1
    watched.assert_clean()


def test_without_javascript_a_spent_budget_keeps_the_answers(
    world, live_server, new_context, browser_session, settings
):
    settings.REPORT_UNPROVEN_PER_HOUR = 0
    client = Client()
    fill_in(client, ANONYMOUS_ANSWERS)
    context = new_context(java_script_enabled=False)
    browser_session(context, client)
    page = context.new_page()
    watched = watch(page, live_server.url)

    page.goto(live_server.url + check_url())
    page.locator("form button[type=submit]").last.click()
    page.locator("#contact-heading").wait_for()
    assert "JavaScript" in page.locator("[role=alert]").inner_text()
    assert "Bij de sportschool mocht ik niet naar binnen." in page.content()
    assert Report.objects.count() == 0
    assert_accessible(page)
    watched.assert_clean()
