from datetime import UTC, timedelta

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import select_template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.views.decorators.cache import cache_control

from openinclusie.accounts.access import public
from openinclusie.figures import queries as figures_queries
from openinclusie.organisations import queries as organisation_queries


def _content_template(name: str) -> str:
    """Long texts are written per language (B1 Dutch is not a translation of
    the English), so each page has one template per language."""
    language = translation.get_language() or "nl"
    return select_template([f"public/content/{name}.{language}.html", f"public/content/{name}.nl.html"]).template.name


def _report_form_url(municipality_slug: str) -> str | None:
    """The public reporting form, once the meldpunt module is installed."""
    try:
        return reverse("reports:report_start", args=[municipality_slug])
    except NoReverseMatch:
        return None


@public
def health(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@public
def security_txt(request: HttpRequest) -> HttpResponse:
    """RFC 9116: where to report a vulnerability. Expires a year ahead, so
    a running installation never publishes a stale file."""
    expires = (timezone.now() + timedelta(days=365)).replace(microsecond=0)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {settings.PUBLIC_BASE_URL}/.well-known/security.txt",
    ]
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@public
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "public/index.html",
        {"municipalities": organisation_queries.published_municipalities()},
    )


@public
def municipality_home(request: HttpRequest, municipality: str) -> HttpResponse:
    current = organisation_queries.published_municipality(municipality)
    return render(
        request,
        "public/municipality_home.html",
        {
            "municipality": current,
            "adv": current.adv,
            "content": _content_template("home"),
            "report_url": _report_form_url(current.slug),
            "headline_figures": figures_queries.latest_headline(current),
        },
    )


@public
def privacy_statement(request: HttpRequest, municipality: str) -> HttpResponse:
    current = organisation_queries.published_municipality(municipality)
    return render(
        request,
        "public/statement.html",
        {"municipality": current, "adv": current.adv, "content": _content_template("privacy")},
    )


@public
def accessibility_statement(request: HttpRequest, municipality: str) -> HttpResponse:
    current = organisation_queries.published_municipality(municipality)
    return render(
        request,
        "public/statement.html",
        {"municipality": current, "adv": current.adv, "content": _content_template("accessibility")},
    )


@public
@cache_control(max_age=300, public=True)
def theme_css(request: HttpRequest, municipality: str) -> HttpResponse:
    current = organisation_queries.published_municipality(municipality)
    return render(request, "public/theme.css", {"municipality": current}, content_type="text/css; charset=utf-8")
