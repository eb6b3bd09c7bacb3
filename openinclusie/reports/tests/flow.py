"""Walk the public form with the test client, the way a browser without
JavaScript does: one POST per step, following the redirects."""

import re
from typing import Any

from django.test import Client
from django.urls import reverse

ANONYMOUS_ANSWERS: dict[int, dict[str, Any]] = {
    1: {"description": "Bij de sportschool mocht ik niet naar binnen.", "when": "exact", "date": "2025-03-17"},
    2: {"place": "place", "municipality": "alfastad", "postcode": "2711 AB", "domain": "sports"},
    3: {"grounds": ["religion", "gender"], "role": "victim", "residence": "here"},
    4: {"request_type": "klacht", "contact": "anonymous"},
}

CONTACT_ANSWERS: dict[int, dict[str, Any]] = {
    **ANONYMOUS_ANSWERS,
    3: {"role": "witness", "residence": "elsewhere", "residence_name": "Betadorp", "residence_postcode": "3311"},
    4: {
        "request_type": "melding",
        "contact": "contact",
        "name": "Samira",
        "email": "samira@example.org",
        "phone": "06 12345678",
        "preference": "phone",
        "safe_times": "na 18 uur",
        "consent": "on",
    },
}


def start_url(slug: str = "alfastad") -> str:
    return reverse("reports:report_start", args=[slug])


def step_url(step: int, slug: str = "alfastad") -> str:
    return reverse("reports:report_step", args=[slug, step])


def check_url(slug: str = "alfastad") -> str:
    return reverse("reports:report_check", args=[slug])


def sent_url(slug: str = "alfastad") -> str:
    return reverse("reports:report_sent", args=[slug])


def fill_in(client: Client, answers: dict[int, dict[str, Any]], slug: str = "alfastad") -> None:
    """Start a report and answer the four steps; ends on the check page."""
    response = client.post(start_url(slug))
    assert response.status_code == 302, response
    for step in range(1, 5):
        response = client.post(step_url(step, slug), answers[step])
        assert response.status_code == 302, (step, response.content.decode()[:3000])
    assert response["Location"] == check_url(slug)


def token_on_check_page(client: Client, slug: str = "alfastad") -> str:
    response = client.get(check_url(slug))
    assert response.status_code == 200
    content = response.content.decode()
    marker = 'name="token" value="'
    start = content.index(marker) + len(marker)
    return content[start : content.index('"', start)]


def send(client: Client, slug: str = "alfastad", token: str | None = None):
    token = token or token_on_check_page(client, slug)
    return client.post(check_url(slug), {"token": token})


def receipt_code_on(page: str) -> str:
    match = re.search(r'<span aria-hidden="true">([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</span>', page)
    assert match, page[:3000]
    return match.group(1)


def report_anonymously(client: Client, answers: dict[int, dict[str, Any]] | None = None, slug: str = "alfastad"):
    """The whole journey; returns the code shown on the confirmation."""
    fill_in(client, answers or ANONYMOUS_ANSWERS, slug)
    response = send(client, slug)
    assert response.status_code == 302, response
    assert response["Location"] == sent_url(slug), response
    page = client.get(sent_url(slug)).content.decode()
    return receipt_code_on(page)
