"""The programme by keyboard only, in Chromium with JavaScript on: the
officer goes from the start page through the menu to the programme and adds
an activity (with one mistake, corrected through the error summary), a
partner posts a progress update on it, the officer makes the draft letter,
edits its introduction and publishes it, and the public reads it on the
municipality's site. Nothing is clicked, filled or focused directly;
axe-core checks every page (WCAG 2.1 A/AA); no page asks anything of
another host, breaks the Content Security Policy or throws an error."""

import re
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from openinclusie.accounts.models import Role
from openinclusie.programme.models import Activity, ActivityStatus, ActivityUpdate, LetterStatus, ProgressLetter
from openinclusie.tests.browser_support import assert_accessible, watch
from openinclusie.tests.keyboard_support import (
    activate,
    assert_autofocused,
    assert_focus_visible,
    assert_focused,
    choose_option,
    choose_radio,
    tab_to,
)

from .factories import IndicatorFactory, LineFactory, ObjectiveFactory, ProgrammeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUBMIT = "main form button[type=submit]"
TITLE = "Wijkdialoog in de bibliotheek"
UPDATE = "Eerste dialoog met 28 buurtbewoners."
INTRODUCTION = "Geachte raad, hierbij de voortgang."


def _at(path: str) -> re.Pattern[str]:
    """The URL of a page, with or without a fragment (a form posts to its
    page's URL, and the browser keeps a fragment left by a link of the error
    summary through the redirect to the next page)."""
    return re.compile(rf"^[^#]*{re.escape(path)}(#.*)?$")


def _follow(page: Any, selector: str, path: str, max_presses: int = 40) -> None:
    """Tab to a link or button, press Enter, wait for the next page and
    check it with axe."""
    activate(page, selector, max_presses=max_presses)
    page.wait_for_url(_at(path))
    assert_accessible(page)


def _type_date(page: Any, selector: str, iso: str) -> None:
    """Type a date into the focused date field as a keyboard user does. The
    field shows its day, month and year in the browser's own order, so find
    that order first: an arrow key in a part changes that part of the value
    (the opposite key changes it back), ArrowRight moves to the next part.
    A step that makes the date impossible (31 March one month on) empties
    the value; then the other direction tells, or else the part is the one
    left over."""
    field = page.locator(selector)
    assert_focused(page, selector)
    start = field.input_value()
    assert start, f"{selector} should start with a date, to find the order of its parts"
    order: list[int | None] = []
    for part in range(3):
        found = None
        for step, back in (("ArrowUp", "ArrowDown"), ("ArrowDown", "ArrowUp")):
            page.keyboard.press(step)
            stepped = field.input_value()
            page.keyboard.press(back)
            assert field.input_value() == start, f"{back} did not undo {step} in {selector}"
            if stepped:
                pairs = zip(start.split("-"), stepped.split("-"), strict=True)
                changed = [i for i, (a, b) in enumerate(pairs) if a != b]
                assert len(changed) == 1, f"{step} changed {start} into {stepped}"
                found = changed[0]
                break
        order.append(found)
        if part < 2:
            page.keyboard.press("ArrowRight")
    if None in order:
        order[order.index(None)] = ({0, 1, 2} - set(order)).pop()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    parts = iso.split("-")
    page.keyboard.type("".join(parts[i] for i in order if i is not None))
    assert field.input_value() == iso, f"Typed {iso} in {selector}, which now holds {field.input_value()!r}"


def _keyboard_page(context: Any, base: str) -> tuple[Any, Any]:
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page, watch(page, base)


def test_the_programme_is_edited_updated_published_and_read_with_the_keyboard_only(
    world, live_server, new_context, client_for, browser_session
):
    programme = ProgrammeFactory(municipality=world["town_a"], name="Programma Alfastad", start_year=2025)
    line = LineFactory(programme=programme, number=1, title="Ontmoeting")
    IndicatorFactory(objective=ObjectiveFactory(line=line, number=1), number=1, name="Bekendheid meldpunt")
    base = live_server.url
    programme_url = reverse("programme:programme_detail", args=[programme.pk])
    new_activity = reverse("programme:activity_create", args=[programme.pk]) + f"?line={line.pk}"

    officer = new_context()
    browser_session(officer, client_for(Role.PROGRAMME_OFFICER))
    page, watched = _keyboard_page(officer, base)

    # From the start page through the main menu to the programme.
    page.goto(base + reverse("accounts:start"))
    assert_accessible(page)
    tab_to(page, f"nav.staff-menu a[href='{reverse('programme:home')}']", max_presses=15)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(_at(reverse("programme:home")))
    assert_accessible(page)
    _follow(page, f"main a[href='{programme_url}']", programme_url)
    _follow(page, f"main a[href='{new_activity}']", new_activity)

    # Sent without a title: the error summary has the focus, and its link
    # takes the focus to the title.
    activate(page, SUBMIT, max_presses=40)
    summary = page.locator("#error-summary")
    summary.wait_for(state="visible")
    assert summary.locator("a").count() == 1
    assert_autofocused(page, "#error-summary")
    assert_accessible(page)
    tab_to(page, "#error-summary a[href='#id_title']", max_presses=1)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert_focused(page, "input#id_title")
    assert_focus_visible(page)
    page.keyboard.type(TITLE)

    # Partner Alfa leads it (a select, with the arrow keys); it is running
    # (radio buttons, with the arrow keys); its type is "dialoog".
    choose_option(page, "select[name=lead_organisation]", "Partner Alfa", max_presses=5)
    assert_focus_visible(page)
    choose_radio(page, "input[name=status][value=running]", max_presses=15)
    assert_focus_visible(page)
    tab_to(page, "input[name=tag]", max_presses=5)
    page.keyboard.type("dialoog")
    tab_to(page, SUBMIT, max_presses=3)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/programma/activiteiten/\d+/(#.*)?$"))
    activity = Activity.objects.get(title=TITLE)
    assert page.url.split("#")[0].endswith(reverse("programme:activity_detail", args=[activity.pk]))
    assert activity.line == line
    assert activity.lead_organisation == world["partner_a"]
    assert activity.status == ActivityStatus.RUNNING
    assert activity.tag == "dialoog"
    expect(page.locator("main h1")).to_contain_text(TITLE)
    expect(page.locator("main")).to_contain_text("Partner Alfa")
    assert_accessible(page)

    # Partner Alfa posts an update on it, from its own menu.
    partner = new_context()
    browser_session(partner, client_for(Role.PARTNER_MEMBER))
    partner_page, partner_watched = _keyboard_page(partner, base)
    partner_page.goto(base + reverse("accounts:start"))
    assert_accessible(partner_page)
    my_activities = reverse("programme:my_activities")
    _follow(partner_page, f"nav.staff-menu a[href='{my_activities}']", my_activities, max_presses=15)
    activity_url = reverse("programme:activity_detail", args=[activity.pk])
    _follow(partner_page, f"main a[href='{activity_url}']", activity_url)
    update_url = reverse("programme:update_create", args=[activity.pk])
    _follow(partner_page, f"main a[href='{update_url}']", update_url)
    # The date field holds today; the update is of last year's April.
    tab_to(partner_page, "input#id_happened_on", max_presses=40)
    _type_date(partner_page, "input#id_happened_on", "2025-04-17")
    tab_to(partner_page, "textarea#id_text", max_presses=5)
    partner_page.keyboard.type(UPDATE)
    tab_to(partner_page, "input#id_participants", max_presses=5)
    partner_page.keyboard.type("28")
    activate(partner_page, SUBMIT, max_presses=15)
    partner_page.wait_for_url(_at(activity_url))
    expect(partner_page.locator("main")).to_contain_text(UPDATE)
    assert_accessible(partner_page)
    update = ActivityUpdate.objects.get()
    assert update.activity == activity
    assert update.author_organisation == world["partner_a"]
    assert update.happened_on.isoformat() == "2025-04-17"
    assert update.participants == 28

    # The officer goes back to the programme (the breadcrumb) and makes the
    # letter for 2025.
    _follow(page, f"main nav a[href='{programme_url}']", programme_url)
    expect(page.locator("main")).to_contain_text(TITLE)
    new_letter = reverse("programme:letter_create", args=[programme.pk])
    _follow(page, f"main a[href='{new_letter}']", new_letter)
    choose_option(page, "select[name=year]", "2025", max_presses=40)
    tab_to(page, SUBMIT, max_presses=3)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/programma/brieven/\d+/$"))
    letter = ProgressLetter.objects.get()
    assert letter.year == 2025
    assert letter.status == LetterStatus.DRAFT
    expect(page.locator("main")).to_contain_text(UPDATE)
    assert_accessible(page)

    # The introduction, written over whatever the draft put in it.
    letter_url = reverse("programme:letter_detail", args=[letter.pk])
    edit_url = reverse("programme:letter_edit", args=[letter.pk])
    _follow(page, f"main a[href='{edit_url}']", edit_url)
    intro = letter.blocks.get(kind="introduction")
    tab_to(page, f"textarea[name=text_{intro.pk}]", max_presses=60)
    assert_focus_visible(page)
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(INTRODUCTION)
    activate(page, SUBMIT, max_presses=80)
    page.wait_for_url(_at(letter_url))
    expect(page.locator("main")).to_contain_text(INTRODUCTION)
    assert_accessible(page)
    intro.refresh_from_db()
    assert intro.text == INTRODUCTION

    # Publish, and confirm.
    publish_url = reverse("programme:letter_publish", args=[letter.pk])
    _follow(page, f"main a[href='{publish_url}']", publish_url)
    tab_to(page, SUBMIT, max_presses=40)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(_at(letter_url))
    expect(page.locator("main .utrecht-alert--ok")).to_be_visible()
    assert_accessible(page)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.PUBLISHED

    # The public finds it from the municipality's home page.
    public_page, public_watched = _keyboard_page(new_context(), base)
    public_page.goto(f"{base}/alfastad/")
    assert_accessible(public_page)
    letters = reverse("progress:letter_list", args=["alfastad"])
    _follow(public_page, f"main a[href='{letters}']", letters)
    public_letter = reverse("progress:letter_detail", args=["alfastad", letter.pk])
    _follow(public_page, f"main a[href='{public_letter}']", public_letter)
    expect(public_page.locator("main")).to_contain_text(INTRODUCTION)
    expect(public_page.locator("main")).to_contain_text(TITLE)
    expect(public_page.locator("main")).to_contain_text(UPDATE)
    assert_accessible(public_page)

    for watched_one in (watched, partner_watched, public_watched):
        watched_one.assert_clean()
