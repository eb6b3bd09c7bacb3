"""Logging in and reading the public site the hard ways: keyboard only, and
with JavaScript switched off."""

from typing import Any

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinclusie.accounts.models import Role
from openinclusie.accounts.services import current_totp_token, grant_membership
from openinclusie.accounts.tests.factories import PASSWORD, UserFactory

from .access_matrix import MATRIX, PUBLIC
from .browser_support import assert_accessible
from .keyboard_support import assert_focus_visible, assert_focused, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _staff_user(world: dict[str, Any]) -> Any:
    user = UserFactory()
    grant_membership(user=user, organisation=world["adv_a"], role=Role.ADV_CONSULTANT)
    return user


def _code_for(user: Any) -> str:
    return current_totp_token(TOTPDevice.objects.get(user=user, confirmed=True))


def test_login_with_the_keyboard_only(world, live_server, page):
    user = _staff_user(world)
    page.goto(live_server.url + reverse("public:index"))

    # From the home page to the login page: the footer link, by keyboard.
    tab_to(page, f"footer a[href='{reverse('accounts:login')}']", max_presses=80)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{reverse('accounts:login')}")

    tab_to(page, "input[name=username]")
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    assert_focused(page, "input[name=password]")
    assert_focus_visible(page)
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{reverse('accounts:verify')}")

    tab_to(page, "input[name=token]")
    page.keyboard.type(_code_for(user))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{reverse('accounts:start')}")
    assert user.full_name in page.locator("h1").inner_text()


def test_skip_link_is_hidden_until_focused_and_moves_focus_to_the_content(live_server, page):
    page.goto(live_server.url + reverse("public:index"))
    skip_link = page.locator(".utrecht-skip-link")
    assert not skip_link.is_visible() or not skip_link.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.right > 0; }"
    ), "The skip link shows before it has focus"
    page.keyboard.press("Tab")
    assert skip_link.evaluate("e => e === document.activeElement")
    assert skip_link.evaluate("e => e.getBoundingClientRect().bottom > 0"), "The focused skip link is off screen"
    page.keyboard.press("Enter")
    assert page.locator("main").evaluate("e => e === document.activeElement || e.contains(document.activeElement)")


@pytest.fixture
def page_without_javascript(new_context):
    context = new_context(java_script_enabled=False)
    return context.new_page()


def test_public_pages_work_without_javascript(world, live_server, page_without_javascript):
    page = page_without_javascript
    opened = 0
    for name, row in sorted(MATRIX.items()):
        if row.access != PUBLIC or row.method != "get":
            continue
        url = live_server.url + reverse(name, kwargs=row.kwargs(world))
        if not page.request.get(url).headers.get("content-type", "").startswith("text/html"):
            continue  # CSS, JSON, downloads: not a page
        response = page.goto(url)
        assert response is not None
        assert response.status == 200, url
        assert page.locator("h1").first.is_visible(), url
        assert_accessible(page)
        opened += 1
    assert opened, "No public HTML page in the access matrix"


def test_login_and_logout_work_without_javascript(world, live_server, page_without_javascript):
    page = page_without_javascript
    user = _staff_user(world)
    page.goto(live_server.url + reverse("accounts:login"))
    page.fill("input[name=username]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.utrecht-form button[type=submit]").click()
    page.wait_for_url(f"**{reverse('accounts:verify')}")
    page.fill("input[name=token]", _code_for(user))
    page.locator("form.utrecht-form button[type=submit]").click()
    page.wait_for_url(f"**{reverse('accounts:start')}")
    assert user.full_name in page.locator("h1").inner_text()

    page.locator("header form button[type=submit]").click()
    page.wait_for_url(live_server.url + reverse("public:index"))
    assert page.locator("[role=status]").is_visible()
