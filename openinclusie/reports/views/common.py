"""Helpers shared by the form's and the follow-up page's views."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import select_template
from django.utils import translation

from openinclusie.organisations import queries as organisation_queries
from openinclusie.organisations.models import Municipality


def content_template(name: str) -> str:
    """Longer resident texts are written per language (B1 Dutch is its own
    text, not a translation)."""
    language = translation.get_language() or "nl"
    return select_template([f"reports/content/{name}.{language}.html", f"reports/content/{name}.nl.html"]).template.name


def site_municipality(slug: str) -> Municipality:
    return organisation_queries.published_municipality(slug)


def no_adv_page(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    return render(request, "reports/no_adv.html", {"municipality": municipality, "adv": None})
