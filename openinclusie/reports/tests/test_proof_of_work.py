"""The proof of work on the public form (VAL-06): a browser with JavaScript
sends a proof and is never held; reports without one share a budget per
municipality per hour, and a resident who meets the exhausted budget keeps
every answer and is told how else to reach the ADV."""

import hashlib
import re

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from openinclusie.cases.models import Report
from openinclusie.reports import proof_of_work

from .flow import ANONYMOUS_ANSWERS, check_url, fill_in, sent_url, token_on_check_page


def test_leading_zero_bits_counts_from_the_first_byte():
    assert proof_of_work.leading_zero_bits(bytes([0x80])) == 0
    assert proof_of_work.leading_zero_bits(bytes([0x01, 0xFF])) == 7
    assert proof_of_work.leading_zero_bits(bytes([0x00, 0x00, 0x10])) == 19
    assert proof_of_work.leading_zero_bits(bytes(4)) == 32


def test_a_proof_is_the_number_the_browser_finds():
    challenge = proof_of_work.new_challenge()
    nonce = proof_of_work.solve(challenge, 10)
    # The same hash the browser computes (reports/proof-of-work.js).
    digest = hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()
    assert digest[0] == 0
    assert digest[1] < 0x40
    assert proof_of_work.is_solved(challenge, nonce, 10)
    assert not proof_of_work.is_solved(challenge, nonce, 256)
    assert not proof_of_work.is_solved("", nonce, 0)


@given(nonce=st.text(max_size=40))
def test_anything_that_is_not_a_short_number_is_no_proof(nonce):
    solved = proof_of_work.is_solved("c0ffee", nonce, 0)
    assert solved == (nonce.isascii() and nonce.isdigit() and 0 < len(nonce) <= 20)


def _send(client: Client, *, proof: str | None, slug: str = "alfastad"):
    token = token_on_check_page(client, slug)
    data = {"token": token}
    if proof is not None:
        data["proof"] = proof
    return client.post(check_url(slug), data)


def _challenge_on_check_page(client: Client, slug: str = "alfastad") -> tuple[str, int]:
    page = client.get(check_url(slug)).content.decode()
    match = re.search(r'data-work-challenge="([0-9a-f]{32})" data-work-bits="(\d+)"', page)
    assert match, page[:3000]
    return match.group(1), int(match.group(2))


@pytest.mark.django_db
def test_reports_without_a_proof_share_one_budget_per_municipality(world, settings):
    settings.REPORT_UNPROVEN_PER_HOUR = 1
    first = Client()
    fill_in(first, ANONYMOUS_ANSWERS)
    assert _send(first, proof=None)["Location"] == sent_url()

    # Another resident, another connection: the budget is the municipality's.
    second = Client()
    fill_in(second, ANONYMOUS_ANSWERS)
    response = _send(second, proof=None)
    assert response.status_code == 429
    page = response.content.decode()
    assert "JavaScript switched off" in page
    assert "Bij de sportschool mocht ik niet naar binnen." in page  # nothing lost
    assert 'id="contact-heading"' in page  # how else to reach the ADV
    assert Report.objects.count() == 1

    # The same draft with its browser's proof goes through.
    challenge, bits = _challenge_on_check_page(second)
    response = _send(second, proof=proof_of_work.solve(challenge, bits))
    assert response["Location"] == sent_url()
    assert Report.objects.count() == 2

    # Betadorp's budget is its own.
    third = Client()
    fill_in(third, {**ANONYMOUS_ANSWERS, 2: {**ANONYMOUS_ANSWERS[2], "municipality": "betadorp"}}, slug="betadorp")
    assert _send(third, proof=None, slug="betadorp")["Location"] == sent_url("betadorp")


@pytest.mark.django_db
def test_a_wrong_or_reused_proof_counts_as_none(world, settings):
    settings.REPORT_UNPROVEN_PER_HOUR = 0
    client = Client()
    fill_in(client, ANONYMOUS_ANSWERS)
    challenge, bits = _challenge_on_check_page(client)
    proof = proof_of_work.solve(challenge, bits)
    wrong = next(str(n) for n in range(10_000) if not proof_of_work.is_solved(challenge, str(n), bits))
    assert _send(client, proof=wrong).status_code == 429
    assert _send(client, proof=proof)["Location"] == sent_url()

    # The next report is a new draft with a new challenge: the old proof
    # does not send it.
    fill_in(client, ANONYMOUS_ANSWERS)
    new_challenge, _ = _challenge_on_check_page(client)
    assert new_challenge != challenge
    if not proof_of_work.is_solved(new_challenge, proof, bits):
        assert _send(client, proof=proof).status_code == 429
    assert Report.objects.count() == 1
