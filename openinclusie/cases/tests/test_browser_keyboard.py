"""The consultant's handling of a report by keyboard only, in Chromium
with JavaScript on: from the start page through the menu to the inbox,
filtered by status, to the report, classifying it (grounds, domain, nature, handling) and sending
the reporter a message. Nothing is clicked, filled or focused directly;
axe-core checks every page (WCAG 2.1 A/AA)."""

import re

import pytest
from django.urls import reverse

from openinclusie.accounts.models import Role
from openinclusie.cases.constants import MessageDirection
from openinclusie.cases.models import Message
from openinclusie.cases.tests.factories import ReportFactory
from openinclusie.cases.tests.public_factories import submit
from openinclusie.classification import queries as classification_queries
from openinclusie.classification import services as classification_services
from openinclusie.classification.models import Code, CodeKind
from openinclusie.tests.browser_support import assert_accessible, watch
from openinclusie.tests.keyboard_support import (
    activate,
    assert_focus_visible,
    assert_focused,
    check_box,
    choose_option,
    focused,
    tab_to,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_consultant_classifies_and_answers_a_report_with_the_keyboard_only(
    world, live_server, new_context, client_for, browser_session
):
    version = classification_queries.current_version() or classification_services.seed_start_version()
    report = submit(world["town_a"], description="Bij de kassa werd ik uitgescholden. KANARIE-TOETSENBORD").report
    closed = ReportFactory(adv=world["adv_a"], closed=True)
    ground = Code.objects.get(version=version, kind=CodeKind.GROUND, code="antisemitisme")
    advice = Code.objects.get(version=version, kind=CodeKind.HANDLING, code="advies-informatie")

    context = new_context()
    browser_session(context, client_for(Role.ADV_CONSULTANT))
    page = context.new_page()
    page.set_default_timeout(15_000)
    watched = watch(page, live_server.url)
    inbox = reverse("cases:inbox")
    case = reverse("cases:case_detail", args=[report.pk])

    # From the start page to the inbox through the main menu.
    page.goto(live_server.url + reverse("accounts:start"))
    assert_accessible(page)
    tab_to(page, f"nav a.staff-menu__link[href='{inbox}']", max_presses=15)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{inbox}")
    assert_accessible(page)

    # Only the new reports: choosing a status filters at once (htmx), and
    # the focus stays on the filter.
    closed_case = reverse("cases:case_detail", args=[closed.pk])
    assert page.locator(f"#inbox-results a[href='{closed_case}']").count() == 1
    choose_option(page, "select[name=status]", "Nieuw", max_presses=25)
    page.wait_for_url(re.compile(r"[?&]status=new(&|$)"))
    page.locator(f"#inbox-results a[href='{closed_case}']").wait_for(state="detached")
    assert_focused(page, "select[name=status]")
    assert_accessible(page)

    # From the filter on to the report.
    activate(page, f"#inbox-results a[href='{case}']", max_presses=15)
    page.wait_for_url(f"**{case}")
    assert "KANARIE-TOETSENBORD" in page.locator("#words").inner_text()
    assert_accessible(page)

    # Classify: a ground and a handling (checkboxes, with Space), the
    # domain and the nature (selects, with the arrow keys).
    classification = "form[action$='/classificatie/']"
    check_box(page, f"{classification} input[name=classification-grounds][value='{ground.pk}']", max_presses=80)
    assert_focus_visible(page)
    choose_option(page, f"{classification} select[name=classification-domain]", "Commerciële dienstverlening", 40)
    assert_focus_visible(page)
    choose_option(page, f"{classification} select[name=classification-nature]", "Vijandige bejegening", 3)
    check_box(page, f"{classification} input[name=classification-handlings][value='{advice.pk}']", max_presses=5)
    tab_to(page, f"{classification} button[type=submit]", max_presses=15)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"{re.escape(case)}#classification$"))
    assert_accessible(page)
    report.refresh_from_db()
    assert list(report.grounds.all()) == [ground]
    assert report.domain == Code.objects.get(version=version, kind=CodeKind.DOMAIN, code="commerciele-dienstverlening")
    assert report.nature == Code.objects.get(version=version, kind=CodeKind.NATURE, code="vijandige-bejegening")
    assert list(report.handlings.all()) == [advice]
    assert report.classification_version == version
    assert "Antisemitisme" in page.locator("#classification dl").inner_text()

    # The page opens at the classification; Tab goes on from there to the
    # message to the reporter, further down.
    page.keyboard.press("Tab")
    assert page.locator("#classification").evaluate("e => e.contains(document.activeElement)"), focused(page)
    tab_to(page, "textarea[name=message-body]", max_presses=60)
    assert_focus_visible(page)
    page.keyboard.type("Dank voor uw melding. Wilt u ons vertellen wanneer het gebeurde?")
    page.keyboard.press("Tab")
    assert_focused(page, "form[action$='/bericht/'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"{re.escape(case)}#messages$"))
    assert_accessible(page)
    message = Message.objects.get(report=report)
    assert message.direction == MessageDirection.TO_REPORTER
    assert message.body == "Dank voor uw melding. Wilt u ons vertellen wanneer het gebeurde?"
    assert "Wilt u ons vertellen wanneer het gebeurde?" in page.locator("#messages").inner_text()
    watched.assert_clean()
