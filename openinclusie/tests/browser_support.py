"""Fixtures and helpers for browser tests (Playwright driving Debian's Chromium).

Loaded for the whole suite from the root ``conftest.py``, so any app's
``@pytest.mark.browser`` test can use them. Never run ``playwright install``:
the browser is the system's ``chromium`` (see docs/testing.md).
"""

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

# WCAG 2.1 level A and AA: the level Dutch public bodies must meet (EN 301 549).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright's launch arguments, pointed at the system Chromium."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Browser tests need Debian's chromium package: run `make test` (it installs it) or apt-get it.")
    # Playwright's sync API keeps an event loop running in this thread for the
    # rest of the session, which makes Django refuse ORM calls from the tests
    # ("SynchronousOnlyOperation"). scripts/run-tests.sh sets this too; setting
    # it here keeps a plain `pytest -m browser` working.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


# ---------------------------------------------------------------------------
# axe-core


def _axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


def format_axe_violations(violations: list[dict[str, Any]]) -> str:
    lines = [f"{len(violations)} accessibility violation(s) (axe-core, WCAG 2.1 A/AA):"]
    for violation in violations:
        lines.append("")
        lines.append(f"* {violation['id']} ({violation.get('impact')}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"  - at {target}")
            lines.append(f"    {node['html'][:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n      ")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


# True when the page runs scripts: with scripting on, the HTML parser keeps
# the content of <noscript> as text; with it off, as elements.
SCRIPTING_PROBE = (
    "() => { const n = document.createElement('noscript'); n.innerHTML = '<p></p>'; return !n.children.length; }"
)


def _scripted_copy_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core waits on timers, which never fire in a page without
    JavaScript. Check a copy instead: the same HTML and URL (so the same
    stylesheets), in a context with JavaScript, with the scripts removed and
    <noscript> content shown, as the visitor without JavaScript sees it."""
    html = re.sub(r"<script\b[^>]*>.*?</script\s*>", "", page.content(), flags=re.I | re.S)
    html = re.sub(r"<(/?)noscript\b", r"<\1div", html, flags=re.I)
    target = page.url.split("#")[0]
    context = page.context.browser.new_context()
    try:
        copy = context.new_page()
        copy.route(
            lambda url: url.split("#")[0] == target,
            lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html),
        )
        copy.goto(target)
        return axe_violations(copy)
    finally:
        context.close()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core (the copy bundled in axe-playwright-python, so no network)
    on the page as it is now. Works on pages without JavaScript too."""
    # A click that follows a link returns before the next document exists;
    # scanning then would read a page that is between documents.
    page.wait_for_load_state("load")
    if not page.evaluate(SCRIPTING_PROBE):
        return _scripted_copy_violations(page)
    # evaluate() runs through the DevTools protocol, which the page's CSP does
    # not block, so the scan needs no exception in the policy.
    page.evaluate(_axe_script())
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return list(results["violations"])


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}\n" + format_axe_violations(violations)


# ---------------------------------------------------------------------------
# What a page does while it loads


@dataclass
class PageWatch:
    """Everything a page asked for and complained about."""

    origin: str
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def external_requests(self) -> list[str]:
        def is_local(url: str) -> bool:
            parts = urlsplit(url)
            if parts.scheme in {"data", "blob", "about"}:
                return True
            return f"{parts.scheme}://{parts.netloc}" == self.origin

        return [url for url in self.requests if not is_local(url)]

    def csp_violations(self) -> list[str]:
        return [message for message in self.console if "Content Security Policy" in message]

    def assert_clean(self) -> None:
        assert not self.external_requests(), f"Requests to other hosts: {self.external_requests()}"
        assert not self.csp_violations(), "CSP violations:\n" + "\n".join(self.csp_violations())
        assert not self.errors, "JavaScript errors:\n" + "\n".join(self.errors)


def watch(page: Any, origin: str) -> PageWatch:
    """Record every request, console message and uncaught error of ``page``."""
    watched = PageWatch(origin=origin.rstrip("/"))
    page.on("request", lambda request: watched.requests.append(request.url))
    page.on("console", lambda message: watched.console.append(f"[{message.type}] {message.text}"))
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    return watched


# ---------------------------------------------------------------------------
# Signing in a browser


def session_cookie_from(client: Client, base_url: str) -> dict[str, Any]:
    """The session cookie of a Django test client, ready for
    ``BrowserContext.add_cookies``: the browser continues that session."""
    name = settings.SESSION_COOKIE_NAME
    return {"name": name, "value": client.cookies[name].value, "url": base_url}


@pytest.fixture
def browser_session(live_server: Any) -> Callable[[Any, Client], None]:
    """``browser_session(context, client)`` hands the session of a test
    client (e.g. one from ``client_for`` or ``signed_in_client``) to a
    browser context."""

    def hand_over(context: Any, client: Client) -> None:
        context.add_cookies([session_cookie_from(client, live_server.url)])

    return hand_over


@pytest.fixture
def watched_page(new_context: Callable[..., Any], live_server: Any) -> tuple[Any, PageWatch]:
    """A fresh page plus what it did; fails nothing by itself."""
    context = new_context()
    page = context.new_page()
    return page, watch(page, live_server.url)
