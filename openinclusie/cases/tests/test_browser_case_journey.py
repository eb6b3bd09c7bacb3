"""The whole journey across roles in Chromium: a resident reports
anonymously and gets a code; the consultant finds it in the inbox,
classifies it and sends a message; the resident reads it with the code and
replies; the consultant reads the reply. The same with contact details:
the consultant reveals the reporter's e-mail address with a reason, the
reporter gets an e-mail notice without any case content. Plus a phone
intake. Every page is checked with axe-core, and no page makes a request to
another host."""

import re
import secrets
from typing import Any

import pytest
from django.core import mail

from openinclusie.accounts.models import Role
from openinclusie.cases.constants import AccessAction, MessageDirection
from openinclusie.cases.models import CaseAccessLog, Message, Report
from openinclusie.classification import queries as classification_queries
from openinclusie.classification import services as classification_services
from openinclusie.reports.tests.flow import CONTACT_ANSWERS
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


def _answer(page: Any, answers: dict[str, Any]) -> None:
    """Fill in one step of the public form the way a resident does, from the
    same answers the test-client walk uses (reports/tests/flow.py)."""
    for name, value in answers.items():
        fields = page.locator(f"[name={name}]")
        kind = fields.first.evaluate("field => field.type")
        if kind in ("radio", "checkbox"):
            for each in value if isinstance(value, list) else [value]:
                choice = fields if kind == "checkbox" and each == "on" else page.locator(f"[name={name}][value={each}]")
                choice.check()
        elif kind.startswith("select"):
            fields.select_option(value)
        else:
            fields.fill(value)


def test_report_with_contact_details_reveal_message_and_reply_across_roles(
    world, live_server, new_context, client_for, browser_session
):
    """A resident reports with an e-mail address; the consultant opens the
    case from the inbox, reveals the contact details with a reason (logged),
    and sends a message from the case page. The reporter gets an e-mail
    notice at that address that carries no case content, reads the message
    with the receipt code and replies; the consultant reads the reply."""
    marker = f"KANARIE-CONTACT-{secrets.token_hex(4)}"
    description = f"Bij de woningcorporatie kreeg ik geen woning aangeboden. {marker}"
    message_text = f"Wij willen u graag bellen over uw melding. {secrets.token_hex(4)}"
    reply_text = "Bel mij liever op dinsdagavond."
    reason = "Reporter asked for help; I need to call them back."
    contact = CONTACT_ANSWERS[4]
    answers = {
        **CONTACT_ANSWERS,
        1: {"description": description, "when": "exact", "date": "2025-03-17"},
        4: {**contact, "request_type": "klacht"},
    }

    resident = new_context().new_page()
    resident.set_default_timeout(15_000)
    resident_watch = watch(resident, live_server.url)
    resident.goto(f"{live_server.url}/alfastad/melden/")
    assert_accessible(resident)
    resident.locator("form button[type=submit]").first.click()
    for step in range(1, 5):
        resident.wait_for_url(f"**/melden/stap/{step}/")
        _answer(resident, answers[step])
        assert_accessible(resident)
        _submit(resident)
    resident.wait_for_url("**/melden/controleren/")
    assert marker in resident.content()
    assert contact["email"] in resident.content()
    assert_accessible(resident)
    resident.locator("form button[type=submit]").last.click()
    resident.wait_for_url("**/melden/verzonden/")
    assert_accessible(resident)
    code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", resident.content())
    assert code is not None
    report = Report.objects.get()
    assert report.contact.email == contact["email"]
    assert not mail.outbox, "the receipt code or the report went out by e-mail"

    consultant_context = new_context()
    browser_session(consultant_context, client_for(Role.ADV_CONSULTANT))
    consultant = consultant_context.new_page()
    consultant.set_default_timeout(15_000)
    consultant_watch = watch(consultant, live_server.url)
    consultant.goto(f"{live_server.url}/adv/meldingen/")
    assert_accessible(consultant)
    consultant.locator(f"a:has-text('{report.reference}')").first.click()
    consultant.wait_for_url(f"**/adv/meldingen/{report.pk}/")
    assert marker in consultant.content()
    # Hidden by default: the case page never shows the address.
    assert contact["email"] not in consultant.content()
    assert_accessible(consultant)

    consultant.locator(f"a[href$='/adv/meldingen/{report.pk}/contactgegevens/']").first.click()
    consultant.wait_for_url(f"**/adv/meldingen/{report.pk}/contactgegevens/")
    assert contact["email"] not in consultant.content()
    assert_accessible(consultant)
    consultant.fill("[name=reason]", reason)
    consultant.locator("main form button[type=submit]").click()
    consultant.locator("dl").filter(has_text=contact["email"]).wait_for()
    assert contact["email"] in consultant.content()
    assert_accessible(consultant)
    # Reasons and messages are encrypted at rest: compare in Python.
    reveals = CaseAccessLog.objects.filter(report=report, action=AccessAction.REVEAL_CONTACT)
    assert [entry.reason for entry in reveals] == [reason]

    consultant.locator(f"a[href$='/adv/meldingen/{report.pk}/']").first.click()
    consultant.wait_for_url(f"**/adv/meldingen/{report.pk}/")
    assert contact["email"] not in consultant.content()
    message_form = consultant.locator("form[action$='/bericht/']")
    message_form.locator("textarea[name$=body]").fill(message_text)
    message_form.locator("button[type=submit]").click()
    consultant.wait_for_url(f"**/adv/meldingen/{report.pk}/**")
    assert message_text in consultant.content()
    assert_accessible(consultant)
    sent = Message.objects.filter(report=report, direction=MessageDirection.TO_REPORTER)
    assert [message.body for message in sent] == [message_text]

    # The notice: to the reporter's address, and nothing of the case in it.
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    notice = mail.outbox[0]
    assert notice.to == [contact["email"]]
    texts = [notice.subject, notice.body, *(str(content) for content, *_ in getattr(notice, "alternatives", []))]
    case_content = [message_text, description, marker, report.reference, code.group(0), contact["name"], reason]
    for text in texts:
        for content in case_content:
            assert content not in text, f"the e-mail notice carries {content!r}"
    follow_up = f"{live_server.url}/alfastad/melden/volgen/"
    assert "/alfastad/melden/volgen/" in notice.body

    resident.goto(follow_up)
    assert_accessible(resident)
    resident.fill("input[name=code]", code.group(0))
    resident.locator("form button[type=submit]").first.click()
    resident.wait_for_url("**/melden/volgen/uw-melding/")
    assert message_text in resident.content()
    assert_accessible(resident)
    resident.fill("textarea[name=reply-body]", reply_text)
    resident.locator("input[value=reply] ~ button").click()
    resident.locator(".utrecht-alert--ok").wait_for(state="visible")
    assert reply_text in resident.content()
    assert_accessible(resident)
    replies = Message.objects.filter(report=report, direction=MessageDirection.FROM_REPORTER)
    assert [message.body for message in replies] == [reply_text]

    consultant.goto(f"{live_server.url}/adv/meldingen/{report.pk}/")
    assert reply_text in consultant.content()
    assert_accessible(consultant)
    # The reply reached the ADV through the product, not by e-mail.
    assert len(mail.outbox) == 1
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
