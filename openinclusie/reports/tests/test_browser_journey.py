"""The resident's journey in Chromium: every page of the form, an error,
the confirmation and the follow-up page. Once with JavaScript switched off
(as in Tor Browser's safest mode), and once with it on so axe-core can check
each page (WCAG 2.1 A/AA). No request ever goes to another host."""

import os
import re
from typing import Any

import pytest

from openinclusie.cases.constants import MessageDirection
from openinclusie.cases.models import Message, Report
from openinclusie.tests.browser_support import assert_accessible, watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("REPORT_SCREENSHOTS")


def _checked(page: Any, name: str) -> None:
    # axe runs as a script, so only where scripts may run.
    if page.context.javascript:
        assert_accessible(page)
    if SCREENSHOTS:
        suffix = "" if page.context.javascript else "-nojs"
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}{suffix}.png"), full_page=True)


@pytest.mark.parametrize(("language", "javascript"), [("nl", False), ("nl", True), ("en", True)])
def test_a_resident_reports_and_follows_up(world, live_server, new_context, language, javascript):
    from openinclusie.accounts.tests.factories import UserFactory

    context = new_context(java_script_enabled=javascript)
    context.javascript = javascript
    page = context.new_page()
    page.set_default_timeout(15_000)
    watched = watch(page, live_server.url)
    prefix = "" if language == "nl" else "/en"

    page.goto(f"{live_server.url}{prefix}/alfastad/")
    page.locator("a[href$='/melden/']").first.click()
    page.wait_for_url("**/melden/")
    _checked(page, f"{language}-0-start")
    page.locator("form button[type=submit]").first.click()

    # Step 1, first with a mistake.
    page.locator("input[name=when][value=exact]").check()
    page.locator("button[type=submit]").click()
    page.locator("#error-summary").wait_for(state="visible")
    _checked(page, f"{language}-1-error")
    page.fill("textarea[name=description]", "Bij de sportschool mocht ik niet naar binnen. KANARIE-BROWSER")
    page.fill("input[name=date]", "2025-03-17")
    _checked(page, f"{language}-1")
    page.locator("button[type=submit]").click()

    page.locator("input[name=place][value=place]").check()
    page.locator("input[name=domain][value=sports]").check()
    _checked(page, f"{language}-2")
    page.locator("button[type=submit]").click()

    page.locator("input[name=grounds][value=religion]").check()
    page.locator("input[name=role][value=victim]").check()
    page.locator("input[name=residence][value=here]").check()
    _checked(page, f"{language}-3")
    page.locator("button[type=submit]").click()

    page.locator("input[name=request_type][value=klacht]").check()
    page.locator("input[name=contact][value=contact]").check()
    page.fill("input[name=email]", "samira@example.org")
    page.locator("input[name=consent]").check()
    _checked(page, f"{language}-4")
    page.locator("button[type=submit]").click()

    page.wait_for_url("**/melden/controleren/")
    assert "KANARIE-BROWSER" in page.content()
    _checked(page, f"{language}-5-check")
    page.locator("form button[type=submit]").last.click()

    page.wait_for_url("**/melden/verzonden/")
    _checked(page, f"{language}-6-sent")
    code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", page.content())
    assert code is not None
    report = Report.objects.get()
    # The ADV's message is made here directly; the consultant's side of this
    # journey with contact details (reveal, message from the case page, the
    # e-mail notice) runs through the product in
    # cases/tests/test_browser_case_journey.py.
    Message.objects.create(
        report=report,
        direction=MessageDirection.TO_REPORTER,
        body="Dank voor uw melding. Wanneer kunnen wij u bellen?",
        author=UserFactory(),
        created_at=report.received_at,
    )
    page.goto(f"{live_server.url}{prefix}/alfastad/melden/volgen/")
    _checked(page, f"{language}-7-follow-up-login")
    page.fill("input[name=code]", code.group(0).lower())
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/melden/volgen/uw-melding/")
    assert "Wanneer kunnen wij u bellen?" in page.content()
    _checked(page, f"{language}-8-follow-up")
    page.fill("textarea[name=reply-body]", "Na 18 uur.")
    page.locator("input[value=reply] ~ button").click()
    page.locator(".utrecht-alert--ok").wait_for(state="visible")
    assert "Na 18 uur." in page.content()
    _checked(page, f"{language}-9-follow-up-sent")
    watched.assert_clean()
