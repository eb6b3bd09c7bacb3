"""Security headers on public, staff and error pages; cookie flags under the
production settings; and a static scan that keeps templates free of inline
script and style, which the Content Security Policy would block."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path, reverse

from openinclusie.accounts.access import public
from openinclusie.accounts.models import Role
from openinclusie.accounts.tests.factories import PASSWORD, UserFactory
from openinclusie.core.encryption import generate_key

from .access_matrix import LOGIN_STEP, MATRIX, PUBLIC

# ---------------------------------------------------------------------------
# Headers


def csp_directives(response: HttpResponse) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, "No Content-Security-Policy header"
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_security_headers(response: HttpResponse) -> None:
    """The full set for pages; files (CSS, images, PDF, JSON) need nosniff
    and may carry a stricter policy of their own, e.g. ``default-src 'none'``."""
    is_page = response.headers.get("Content-Type", "").startswith("text/html")
    if not is_page:
        assert response.headers.get("X-Content-Type-Options") == "nosniff"
        assert "unsafe-inline" not in response.headers.get("Content-Security-Policy", "")
        return
    csp = csp_directives(response)
    assert csp.get("object-src") == ["'none'"], csp
    assert csp.get("base-uri") == ["'none'"], csp
    assert csp.get("frame-ancestors") == ["'none'"], csp
    assert csp.get("default-src") == ["'self'"], csp
    all_sources = [source for values in csp.values() for source in values]
    assert "'unsafe-inline'" not in all_sources, csp
    assert "'unsafe-eval'" not in all_sources, csp
    assert "*" not in all_sources, csp
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("Referrer-Policy") in {"same-origin", "no-referrer", "strict-origin"}
    assert response.headers.get("X-Frame-Options") == "DENY"
    assert response.headers.get("Cross-Origin-Opener-Policy") == "same-origin"


def assert_no_store(response: HttpResponse) -> None:
    assert "no-store" in response.headers.get("Cache-Control", ""), response.headers.get("Cache-Control")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", sorted(name for name, row in MATRIX.items() if row.access in (PUBLIC, LOGIN_STEP) and row.method == "get")
)
def test_public_and_login_pages_send_security_headers(name, world, client):
    response = client.get(reverse(name, kwargs=MATRIX[name].kwargs(world)))
    assert response.status_code in (200, 302)
    assert_security_headers(response)


STAFF_PAGES = sorted(name for name, row in MATRIX.items() if isinstance(row.access, frozenset) and row.method == "get")


@pytest.mark.django_db
@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_pages_send_security_headers_and_are_never_stored(name, world, client_for):
    row = MATRIX[name]
    assert isinstance(row.access, frozenset)
    role = row.first_role()
    response = client_for(role).get(reverse(name, kwargs=row.kwargs(world)))
    assert response.status_code in (200, 302)
    assert_security_headers(response)
    assert_no_store(response)


@pytest.mark.django_db
def test_not_found_page_sends_security_headers(client):
    response = client.get("/deze-pagina-bestaat-niet/")
    assert response.status_code == 404
    assert_security_headers(response)


@pytest.mark.django_db
def test_no_access_page_sends_security_headers_and_is_never_stored(client_for):
    # A view without a policy is refused with 403 for everyone.
    with override_settings(ROOT_URLCONF=__name__):
        response = client_for(Role.PARTNER_MEMBER).get("/zonder-beleid/")
    assert response.status_code == 403
    assert_security_headers(response)
    assert_no_store(response)


@pytest.mark.django_db
def test_server_error_page_sends_security_headers():
    client = Client(raise_request_exception=False)
    with override_settings(ROOT_URLCONF=__name__):
        response = client.get("/kapot/")
    assert response.status_code == 500
    assert b"Stack" not in response.content
    assert_security_headers(response)


def _view_without_policy(request: HttpRequest) -> HttpResponse:
    return HttpResponse("should never be shown")


@public
def _broken_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


def _urlpatterns():
    from config.urls import urlpatterns as project_patterns

    return [
        path("zonder-beleid/", _view_without_policy, name="without_policy"),
        path("kapot/", _broken_view, name="broken"),
        *project_patterns,
    ]


urlpatterns = _urlpatterns()
handler403 = "openinclusie.core.views.permission_denied"
handler404 = "openinclusie.core.views.page_not_found"
handler500 = "openinclusie.core.views.server_error"


# ---------------------------------------------------------------------------
# Cookies and HTTPS under the production settings

PRODUCTION_SECURITY_SETTINGS = [
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
]


def production_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "p9Vx-" + "k3Qz8mR2tW7yB4nL6cF1hJ5sD0gA" * 2,
            "DJANGO_FIELD_ENCRYPTION_KEYS": generate_key(),
            "DJANGO_ALLOWED_HOSTS": "openinclusie.example.org",
        }
    )
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def production_values(tmp_path_factory) -> dict[str, object]:
    """The production settings, read in a separate process: importing them
    here would change this process's settings objects."""
    database = tmp_path_factory.mktemp("production") / "db.sqlite3"
    script = (
        "import json, sys\n"
        "from config.settings import production as p\n"
        f"print(json.dumps({{name: getattr(p, name) for name in {PRODUCTION_SECURITY_SETTINGS!r}}}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=production_env(DATABASE_URL=f"sqlite:///{database}"),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _cookie_flags(morsel) -> dict[str, object]:
    return {
        "secure": bool(morsel["secure"]),
        "httponly": bool(morsel["httponly"]),
        "path": morsel["path"],
        "domain": morsel["domain"],
        "samesite": morsel["samesite"],
    }


@pytest.mark.django_db
def test_production_session_and_csrf_cookies_are_host_only_secure_and_httponly(production_values, world):
    cookie_settings = {name: value for name, value in production_values.items() if "COOKIE" in name}
    user = UserFactory()
    from openinclusie.accounts.services import grant_membership

    grant_membership(user=user, organisation=world["adv_a"], role=Role.ADV_CONSULTANT)
    with override_settings(**cookie_settings):
        client = Client()
        client.get(reverse("accounts:login"), secure=True)
        client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD}, secure=True)
        names = {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    assert names == {"__Host-sessionid", "__Host-csrftoken"}
    for name in names:
        assert name in client.cookies, f"{name} was not set"
        flags = _cookie_flags(client.cookies[name])
        # __Host- cookies are only accepted when Secure, on path / and without a Domain.
        assert flags == {"secure": True, "httponly": True, "path": "/", "domain": "", "samesite": "Lax"}, name


@pytest.mark.django_db
def test_production_sends_hsts_and_redirects_to_https(production_values, client):
    hsts_settings = {name: value for name, value in production_values.items() if name.startswith("SECURE_")}
    assert hsts_settings["SECURE_HSTS_SECONDS"] >= 31536000
    with override_settings(**hsts_settings):
        insecure = client.get(reverse("public:index"))
        secure = client.get(reverse("public:index"), secure=True)
    assert insecure.status_code == 301
    assert insecure["Location"].startswith("https://")
    assert secure.headers["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"


# ---------------------------------------------------------------------------
# Templates: nothing inline that the CSP would block. (A <style> element is
# left to the browser crawl, which fails on any CSP report: templates made
# only for WeasyPrint may carry one.)

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)(?![^>]*\btype\s*=\s*[\"']application/(ld\+)?json)[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^<>]*?\sstyle\s*=", re.I | re.S)
EVENT_HANDLER = re.compile(r"<[a-z][^<>]*?\son[a-z]+\s*=", re.I | re.S)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.I)

PROBLEMS = {
    "inline <script> without src": INLINE_SCRIPT,
    "style= attribute": STYLE_ATTRIBUTE,
    "inline event handler (on...=)": EVENT_HANDLER,
    "javascript: URL": JAVASCRIPT_URL,
}


def inline_code_in(text: str) -> list[str]:
    found = []
    for problem, pattern in PROBLEMS.items():
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"line {line}: {problem}: {match.group(0)[:80]!r}")
    return found


def project_template_files() -> list[Path]:
    base = Path(settings.BASE_DIR).resolve()
    directories = {Path(directory).resolve() for engine in settings.TEMPLATES for directory in engine["DIRS"]}
    directories |= {path.resolve() for path in (base / "openinclusie").glob("*/templates")}
    files = [
        file
        for directory in directories
        if directory.is_relative_to(base) and ".venv" not in directory.parts
        for file in directory.rglob("*")
        if file.is_file() and file.suffix not in {".css", ".js"}
    ]
    return sorted(files)


def test_the_scan_finds_inline_code():
    bad = (
        '<script>alert(1)</script>\n<p style="color: red">x</p>\n'
        '<button onclick="go()">x</button>\n<a href="javascript:go()">x</a>'
    )
    assert len(inline_code_in(bad)) == 4
    good = '<script src="/static/x.js" defer></script>\n<script type="application/json" id="d">{}</script>'
    assert inline_code_in(good) == []


def test_templates_contain_no_inline_script_or_style():
    files = project_template_files()
    assert len(files) > 5, files
    problems = {
        str(file.relative_to(settings.BASE_DIR)): found
        for file in files
        if (found := inline_code_in(file.read_text(encoding="utf-8")))
    }
    assert not problems, json.dumps(problems, indent=2)
