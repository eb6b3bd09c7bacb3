"""The programme in Chromium: an officer edits the programme, a partner
posts an update, the officer makes, edits and publishes the letter, and the
public reads it. Once with JavaScript switched off (everything must work
without it) and once with it on, when every page is also checked with
axe-core (WCAG 2.1 A/AA; axe.run never finishes in a page without
JavaScript). No page may ask anything of another host."""

from typing import Any

import pytest
from playwright.sync_api import expect

from openinclusie.accounts.models import Role
from openinclusie.programme.models import Activity, ActivityUpdate, LetterStatus, ProgressLetter
from openinclusie.tests.browser_support import assert_accessible as check_accessible
from openinclusie.tests.browser_support import watch

from .factories import IndicatorFactory, LineFactory, ObjectiveFactory, ProgrammeFactory

# The flow follows English link texts; Dutch is checked in test_translations.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("english_ui")]


def _submit(page: Any) -> None:
    _follow(page, page.locator("main form button[type=submit]").first)


def _follow(page: Any, link: Any) -> None:
    link.click()
    page.wait_for_load_state()


def _shows(page: Any, text: str) -> None:
    """Waits for the text: a click only waits for the next page to start,
    so reading page.content() at once can see it half parsed."""
    expect(page.locator("main")).to_contain_text(text)


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js-and-axe"])
def test_edit_update_publish_and_read(world, live_server, new_context, client_for, browser_session, javascript):
    def assert_accessible(page: Any) -> None:
        if javascript:
            check_accessible(page)

    programme = ProgrammeFactory(municipality=world["town_a"], name="Programma Alfastad", start_year=2025)
    line = LineFactory(programme=programme, number=1, title="Ontmoeting")
    IndicatorFactory(objective=ObjectiveFactory(line=line, number=1), number=1, name="Bekendheid meldpunt")
    base = live_server.url

    officer = new_context(java_script_enabled=javascript)
    browser_session(officer, client_for(Role.PROGRAMME_OFFICER))
    page = officer.new_page()
    watched = watch(page, base)

    # The officer adds an activity led by partner A.
    page.goto(f"{base}/programma/{programme.pk}/activiteiten/nieuw/?line={line.pk}")
    _submit(page)  # empty title: the error summary appears
    assert page.locator("#error-summary").is_visible()
    assert_accessible(page)
    page.fill("input[name=title]", "Wijkdialoog in de bibliotheek")
    page.select_option("select[name=lead_organisation]", label="Partner Alfa")
    page.locator("input[name=status][value=running]").check()
    page.fill("input[name=tag]", "dialoog")
    _submit(page)
    activity = Activity.objects.get(title="Wijkdialoog in de bibliotheek")
    assert page.url.endswith(f"/programma/activiteiten/{activity.pk}/")
    assert_accessible(page)
    page.goto(f"{base}/programma/{programme.pk}/")
    _shows(page, "Wijkdialoog in de bibliotheek")
    assert_accessible(page)

    # Partner A posts an update on it.
    partner = new_context(java_script_enabled=javascript)
    browser_session(partner, client_for(Role.PARTNER_MEMBER))
    partner_page = partner.new_page()
    partner_watched = watch(partner_page, base)
    partner_page.goto(f"{base}/programma/mijn-activiteiten/")
    assert_accessible(partner_page)
    _follow(partner_page, partner_page.locator("a", has_text="Wijkdialoog in de bibliotheek"))
    _follow(partner_page, partner_page.locator("a", has_text="Post a progress update"))
    assert_accessible(partner_page)
    partner_page.fill("input[name=happened_on]", "2025-04-17")
    partner_page.fill("textarea[name=text]", "Eerste dialoog met 28 buurtbewoners.")
    partner_page.fill("input[name=participants]", "28")
    _submit(partner_page)
    assert ActivityUpdate.objects.get().author_organisation == world["partner_a"]
    _shows(partner_page, "Eerste dialoog met 28 buurtbewoners.")
    assert_accessible(partner_page)

    # The officer makes the draft letter, writes the introduction, publishes.
    page.goto(f"{base}/programma/{programme.pk}/brieven/nieuw/")
    assert_accessible(page)
    page.select_option("select[name=year]", "2025")
    _submit(page)
    letter = ProgressLetter.objects.get()
    _shows(page, "Eerste dialoog met 28 buurtbewoners.")
    assert_accessible(page)
    _follow(page, page.locator("a", has_text="Edit the texts"))
    assert_accessible(page)
    intro = letter.blocks.get(kind="introduction")
    page.fill(f"textarea[name=text_{intro.pk}]", "Geachte raad, hierbij de voortgang.")
    _submit(page)
    _follow(page, page.locator("a", has_text="Publish").first)
    assert_accessible(page)
    _submit(page)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.PUBLISHED

    # The public reads it on the municipality's site.
    visitor = new_context(java_script_enabled=javascript)
    public_page = visitor.new_page()
    public_watched = watch(public_page, base)
    public_page.goto(f"{base}/alfastad/")
    _follow(public_page, public_page.locator("a[href$='/voortgang/']"))
    assert_accessible(public_page)
    _follow(public_page, public_page.locator("a", has_text=letter.title))
    _shows(public_page, "Geachte raad, hierbij de voortgang.")
    _shows(public_page, "Wijkdialoog in de bibliotheek")
    assert_accessible(public_page)

    for watched_one in (watched, partner_watched, public_watched):
        watched_one.assert_clean()
