"""Every page, opened in Chromium by someone allowed to see it, in Dutch and
in English: no axe-core (WCAG 2.1 A/AA) violations, no request to another
host, no Content Security Policy violation, no JavaScript error.

The pages come from the access matrix, so a page added later is crawled
without touching this file. A row whose URL needs objects builds them in its
own ``kwargs`` builder from the ``world`` fixture."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from openinclusie.accounts.models import Role
from openinclusie.accounts.services import grant_membership
from openinclusie.accounts.tests.factories import PASSWORD, UserFactory

from .access_matrix import LOGIN_STEP, MATRIX, PUBLIC, Row
from .browser_support import PageWatch, assert_accessible, axe_violations, format_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = ["nl", "en"]
GET_PAGES = sorted(name for name, row in MATRIX.items() if row.method == "get")


def _url(name: str, row: Row, world: dict[str, Any], language: str) -> str:
    with translation.override(language):
        return reverse(name, kwargs=row.kwargs(world))


def _allowed_role(row: Row) -> Role:
    """The first role, in the order of ``Role``, that may open the page."""
    return row.first_role()


def _password_step_only(world: dict[str, Any]) -> Client:
    """A visitor halfway through logging in: password given, code not yet."""
    user = UserFactory()
    grant_membership(user=user, organisation=world["adv_a"], role=Role.ADV_CONSULTANT)
    client = Client()
    response = client.post("/inloggen/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def _open(page: Any, url: str) -> Any:
    response = page.goto(url, wait_until="load")
    assert response is not None, url
    return response


def _is_html(response: Any) -> bool:
    return _content_type(response) == "text/html"


# What the matrix's non-page URLs may answer with: downloads, data and theme.
NON_PAGE_TYPES = {
    "application/json",
    "application/pdf",
    "application/vnd.oai.openapi",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "image/png",
    "image/jpeg",
    "text/css",
    "text/csv",
    "text/plain",
}


def _content_type(response: Any) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


def _check(page: Any, watched: PageWatch) -> None:
    assert_accessible(page)
    watched.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", GET_PAGES)
def test_page_is_accessible_and_self_contained(
    name, language, world, client_for, live_server, watched_page, browser_session
):
    page, watched = watched_page
    row = MATRIX[name]
    path = _url(name, row, world, language)
    if row.access == LOGIN_STEP:
        browser_session(page.context, _password_step_only(world))
    elif row.access != PUBLIC:
        browser_session(page.context, client_for(_allowed_role(row)))

    # Ask first, with the browser's cookies: navigating to a PDF or a download
    # would not give a page to check.
    probe = page.request.get(live_server.url + path)
    if not _is_html(probe):
        # A download, data or a style sheet: nothing to render for axe, but
        # the allowed user gets it, as what it says it is.
        assert probe.status == 200, f"{path} answered {probe.status}"
        assert _content_type(probe) in NON_PAGE_TYPES, f"{path}: {probe.headers.get('content-type')}"
        assert probe.body(), f"{path} is empty"
        return

    response = _open(page, live_server.url + path)
    assert _is_html(response)
    assert response.status == 200, f"{path} answered {response.status}"
    if row.access not in (PUBLIC, LOGIN_STEP):
        assert "/inloggen/" not in page.url, f"{path} sent an allowed user to {page.url}"
    assert page.locator("html").get_attribute("lang") == language
    _check(page, watched)


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page(language, live_server, watched_page):
    page, watched = watched_page
    prefix = "" if language == "nl" else f"/{language}"
    response = _open(page, f"{live_server.url}{prefix}/deze-pagina-bestaat-niet/")
    assert response.status == 404
    _check(page, watched)


def _page_denied_to_some_role() -> tuple[str, Row, Role] | None:
    for name in GET_PAGES:
        row = MATRIX[name]
        if isinstance(row.access, frozenset):
            refused = [role for role in Role if role not in row.access]
            if refused:
                return name, row, refused[0]
    return None


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_access_page(language, world, client_for, live_server, watched_page, browser_session):
    denied = _page_denied_to_some_role()
    assert denied is not None, "every page is open to every role: the matrix has lost its rows"
    name, row, role = denied
    page, watched = watched_page
    browser_session(page.context, client_for(role))
    response = _open(page, live_server.url + _url(name, row, world, language))
    assert response.status in (403, 404)
    _check(page, watched)


@pytest.mark.parametrize("language", LANGUAGES)
def test_login_form_with_errors(language, live_server, watched_page):
    page, watched = watched_page
    with translation.override(language):
        path = reverse("accounts:login")
    _open(page, live_server.url + path)
    page.locator("form.utrecht-form button[type=submit]").press("Enter")
    page.wait_for_load_state()
    assert page.locator("#error-summary").is_visible()
    _check(page, watched)


@pytest.mark.parametrize("language", LANGUAGES)
def test_authenticator_enrolment_page(language, world, live_server, watched_page, browser_session):
    """First login of a user without an authenticator: the QR code page."""
    user = UserFactory(with_totp=False)
    user.save()  # the factory saves the password only together with a device
    grant_membership(user=user, organisation=world["adv_a"], role=Role.ADV_CONSULTANT)
    client = Client()
    assert client.post("/inloggen/", {"username": user.email, "password": PASSWORD}).status_code == 302
    page, watched = watched_page
    browser_session(page.context, client)
    with translation.override(language):
        path = reverse("accounts:verify")
    _open(page, live_server.url + path)
    assert page.locator(".totp-qr img").is_visible()
    _check(page, watched)


def test_axe_helper_finds_planted_violations(page):
    """Guards the guard: a scan that silently found nothing would pass every page."""
    page.set_content(
        '<!DOCTYPE html><html lang="nl"><head><title>t</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>'
    )
    violations = axe_violations(page)
    assert {"image-alt", "label"} <= {violation["id"] for violation in violations}
    report = format_axe_violations(violations)
    assert "image-alt" in report
    assert "<img" in report


def test_axe_helper_works_without_javascript(live_server, new_context):
    """axe-core cannot run in a page without JavaScript (its timers never
    fire); the helper checks a scripted copy, and must still find problems."""
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + reverse("public:index"))
    page.evaluate("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')")
    assert "label" in {violation["id"] for violation in axe_violations(page)}
