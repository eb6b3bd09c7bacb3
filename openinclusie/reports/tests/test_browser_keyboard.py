"""The resident's report by keyboard only, in Chromium with JavaScript on:
from the municipality's home page through every step of the form (with one
mistake, corrected through the error summary), the check page, sending,
the receipt code, and a reply on the follow-up page. Nothing is clicked,
filled or focused directly; axe-core checks every page (WCAG 2.1 A/AA)."""

import re
from datetime import date
from typing import Any

import pytest

from openinclusie.accounts.tests.factories import UserFactory
from openinclusie.cases.constants import MessageDirection
from openinclusie.cases.models import Message, Report
from openinclusie.tests.browser_support import assert_accessible, watch
from openinclusie.tests.keyboard_support import (
    activate,
    assert_autofocused,
    assert_focus_visible,
    assert_focused,
    check_box,
    choose_option,
    choose_radio,
    tab_to,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CODE = re.compile(r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")
NEXT = "form button[type=submit]"


def _at(path: str) -> re.Pattern[str]:
    """The URL of a page, with or without a fragment: a form posts to its
    page's URL, and the browser keeps that URL's fragment (left by a link of
    the error summary) through the redirect to the next page."""
    return re.compile(rf"^[^#]*{re.escape(path)}(#.*)?$")


def _next_step(page: Any, path: str) -> None:
    """Tab to the form's button, press Enter and wait for the next page."""
    activate(page, NEXT, max_presses=40)
    page.wait_for_url(_at(path))
    assert_accessible(page)


def test_a_resident_reports_and_follows_up_with_the_keyboard_only(world, live_server, new_context):
    page = new_context().new_page()
    page.set_default_timeout(15_000)
    watched = watch(page, live_server.url)

    page.goto(f"{live_server.url}/alfastad/")
    assert_accessible(page)
    activate(page, "main a[href$='/alfastad/melden/']", max_presses=30)
    page.wait_for_url("**/alfastad/melden/")
    assert_accessible(page)
    tab_to(page, NEXT, max_presses=30)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/melden/stap/1/")
    assert_accessible(page)

    # Step 1, sent empty: the error summary lists both questions, and each
    # link takes the focus to its question.
    activate(page, NEXT, max_presses=30)
    summary = page.locator("#error-summary")
    summary.wait_for(state="visible")
    assert page.title().startswith("Fout:"), page.title()
    assert summary.locator("a").count() == 2
    # The page opens with the focus on the summary, so the first Tab is its first link.
    assert_autofocused(page, "#error-summary")
    assert_accessible(page)
    tab_to(page, "#error-summary a[href='#id_description']", max_presses=2)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert_focused(page, "textarea#id_description")
    assert_focus_visible(page)
    page.keyboard.type("Bij de sportschool mocht ik niet naar binnen. KANARIE-TOETSENBORD")
    # Back to the summary for the second mistake: its link is the stop
    # right before the story.
    page.keyboard.press("Shift+Tab")
    assert_focused(page, "#error-summary a[href='#id_when']")
    page.keyboard.press("Enter")
    assert_focused(page, "fieldset#id_when")
    choose_radio(page, "input[name=when][value=about]", max_presses=3)
    assert_focus_visible(page)
    page.keyboard.press("Tab")
    assert_focused(page, "select#id_month")
    choose_option(page, "select#id_month", "maart", max_presses=1)
    assert_focus_visible(page)
    page.keyboard.press("Tab")
    assert_focused(page, "input#id_year")
    page.keyboard.type("2025")
    _next_step(page, "/melden/stap/2/")

    # Step 2: in a place in Alfastad (the municipality already chosen),
    # with a postcode, at a sports club.
    choose_radio(page, "input[name=place][value=place]", max_presses=10)
    assert page.locator("select#id_municipality").evaluate("e => e.options[e.selectedIndex].label") == "Alfastad"
    tab_to(page, "input#id_postcode", max_presses=3)
    page.keyboard.type("2711")
    choose_radio(page, "input[name=domain][value=sports]", max_presses=3)
    _next_step(page, "/melden/stap/3/")

    # Step 3: two grounds (checkboxes, with Space), the role and residence.
    check_box(page, "input[name=grounds][value=religion]", max_presses=15)
    assert_focus_visible(page)
    check_box(page, "input[name=grounds][value=gender]", max_presses=5)
    choose_radio(page, "input[name=role][value=victim]", max_presses=10)
    choose_radio(page, "input[name=residence][value=here]", max_presses=3)
    _next_step(page, "/melden/stap/4/")

    # Step 4: help, with an e-mail address and consent.
    choose_radio(page, "input[name=request_type][value=klacht]", max_presses=10)
    choose_radio(page, "input[name=contact][value=contact]", max_presses=3)
    tab_to(page, "input#id_email", max_presses=3)
    page.keyboard.type("samira@example.org")
    check_box(page, "input#id_consent", max_presses=10)
    assert_focus_visible(page)
    _next_step(page, "/melden/controleren/")

    # The check page shows the answers; the button sends them.
    main = page.locator("main").inner_text()
    assert "KANARIE-TOETSENBORD" in main
    assert "samira@example.org" in main
    tab_to(page, NEXT, max_presses=40)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(_at("/melden/verzonden/"))
    assert_accessible(page)

    report = Report.objects.get()
    assert "KANARIE-TOETSENBORD" in report.description
    assert report.request_type == "klacht"
    assert report.occurred_on == date(2025, 3, 1)
    assert report.occurred_on_is_approximate
    assert report.incident_postcode == "2711"
    assert report.resident_domain == "sports"
    assert sorted(report.resident_grounds.values_list("ground", flat=True)) == ["gender", "religion"]
    assert report.residence_municipality == world["town_a"]
    assert report.contact.email == "samira@example.org"

    # The receipt code, as shown, and spelled out for screen readers.
    code = page.locator(".receipt__code [aria-hidden=true]").inner_text().strip()
    assert CODE.match(code), code
    assert page.locator(".receipt__code .visually-hidden").inner_text().strip()

    # The ADV asks a question; the resident follows the link on this page.
    Message.objects.create(
        report=report,
        direction=MessageDirection.TO_REPORTER,
        body="Dank voor uw melding. Wanneer kunnen wij u bellen?",
        author=UserFactory(),
        created_at=report.received_at,
    )
    activate(page, "main a[href$='/alfastad/melden/volgen/']", max_presses=30)
    page.wait_for_url("**/alfastad/melden/volgen/")
    assert_accessible(page)
    tab_to(page, "input#id_code", max_presses=15)
    page.keyboard.type(code.lower())
    page.keyboard.press("Enter")
    page.wait_for_url("**/melden/volgen/uw-melding/")
    assert "Wanneer kunnen wij u bellen?" in page.locator("main").inner_text()
    assert_accessible(page)

    tab_to(page, "textarea[name=reply-body]", max_presses=15)
    page.keyboard.type("Na 18 uur, op mijn mobiele nummer.")
    page.keyboard.press("Tab")
    assert_focused(page, "form:has(input[value=reply]) button[type=submit]")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.locator("article.message", has_text="Na 18 uur, op mijn mobiele nummer.").wait_for()
    assert page.locator(".utrecht-alert--ok").is_visible()
    assert_accessible(page)
    reply = Message.objects.get(report=report, direction=MessageDirection.FROM_REPORTER)
    assert reply.body == "Na 18 uur, op mijn mobiele nummer."
    watched.assert_clean()
