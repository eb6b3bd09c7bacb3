"""Property-based tests: whatever a visitor sends to any step of the form or
to the follow-up page, the answer is a page (never a server error), and the
database holds either a whole report with its history, or nothing."""

from typing import Any

from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from openinclusie.cases.models import Message, Report, ReporterContact, StatusChange
from openinclusie.cases.tests.public_factories import submit
from openinclusie.organisations.tests.factories import MunicipalityFactory, NeighbourhoodFactory, OrganisationFactory
from openinclusie.reports import draft

from .flow import ANONYMOUS_ANSWERS, CONTACT_ANSWERS, check_url, start_url, step_url

FUZZ = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

odd_strings = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "0",
        "-1",
        "9" * 5000,
        "2025-02-30",
        "0001-01-01",
        "9999-12-31",
        "31-12-2999",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "' OR 1=1 --",
        "ñ̃👩🏽‍🦱\u202e",
        "on",
        "other",
        "place",
        "online",
        "about",
        "exact",
        "contact",
        "alfastad",
        "betadorp",
    ]
)
huge = st.builds(lambda piece, times: piece * times, st.text(min_size=1, max_size=3), st.integers(1, 6000))
any_value = st.one_of(st.text(max_size=300), odd_strings, huge)


def answers_for(valid: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Each field: the valid answer, arbitrary text, an odd value, or absent;
    plus fields the form does not know."""
    fields = {}
    for name, value in valid.items():
        options = [st.just(value), any_value, st.lists(any_value, max_size=4), st.just(None)]
        fields[name] = st.one_of(*options)
    extras = st.dictionaries(st.text(min_size=1, max_size=20), any_value, max_size=3)

    def combine(values: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
        data = {k: v for k, v in extra.items() if "\x00" not in k}
        data.update({k: v for k, v in values.items() if v is not None})
        return data

    return st.builds(combine, st.fixed_dictionaries(fields), extras)


def every_step(base: dict[int, dict[str, Any]]) -> st.SearchStrategy[dict[int, dict[str, Any]]]:
    return st.fixed_dictionaries({step: answers_for(base[step]) for step in range(1, 5)})


def one_step(base: dict[int, dict[str, Any]]) -> st.SearchStrategy[dict[int, dict[str, Any]]]:
    """Valid answers except at one step, so many examples get all the way to
    sending (arbitrary text in the story is a valid answer)."""
    return st.integers(1, 4).flatmap(
        lambda fuzzed: st.fixed_dictionaries(
            {step: answers_for(base[step]) if step == fuzzed else st.just(base[step]) for step in range(1, 5)}
        )
    )


class PublicFormProperties(TestCase):
    # Made once per class; every example runs in its own rolled-back
    # transaction on top of it.
    @classmethod
    def setUpTestData(cls) -> None:
        adv = OrganisationFactory(kind="adv", slug="adv-alfa", email="meldpunt@adv-alfa.example")
        cls.town = MunicipalityFactory(name="Alfastad", slug="alfastad", adv=adv)
        MunicipalityFactory(name="Betadorp", slug="betadorp")
        cls.neighbourhood = NeighbourhoodFactory(municipality=cls.town, name="Centrum")

    def _assert_whole_or_nothing(self) -> None:
        for report in Report.objects.all():
            assert StatusChange.objects.filter(report=report).count() >= 1
            assert report.is_anonymous == (not ReporterContact.objects.filter(report=report).exists())
            assert report.receipt_digest
            assert report.submission_token
        assert StatusChange.objects.exclude(report__in=Report.objects.all()).count() == 0

    def _walk(self, steps: dict[int, dict[str, Any]], token: str | None) -> None:
        cache.clear()
        client = Client()
        assert client.post(start_url()).status_code == 302
        for step in range(1, 5):
            response = client.post(step_url(step), steps[step])
            assert response.status_code in (200, 302), (step, response.status_code)
            assert client.get(step_url(step)).status_code in (200, 302)
        response = client.get(check_url())
        assert response.status_code in (200, 302)
        state = client.session.get("reports.draft:alfastad") or {}
        response = client.post(check_url(), {"token": token if token is not None else state.get("token", "")})
        assert response.status_code in (200, 302, 429)
        if response.status_code == 302:
            assert client.get(response["Location"]).status_code in (200, 302)
        event("report saved" if Report.objects.exists() else "no report")
        self._assert_whole_or_nothing()

    @FUZZ
    @given(steps=one_step(ANONYMOUS_ANSWERS))
    def test_any_answer_at_one_step_anonymous(self, steps):
        self._walk(steps, None)

    @FUZZ
    @given(steps=one_step(CONTACT_ANSWERS))
    def test_any_answer_at_one_step_with_contact(self, steps):
        self._walk(steps, None)

    @FUZZ
    @given(
        steps=st.one_of(every_step(ANONYMOUS_ANSWERS), every_step(CONTACT_ANSWERS)),
        token=st.one_of(st.none(), any_value),
    )
    def test_any_answers_everywhere_and_any_token(self, steps, token):
        self._walk(steps, token)

    @FUZZ
    @given(
        description=st.one_of(st.text(min_size=1, max_size=2000), huge),
        residence_name=st.text(max_size=120),
        name=st.text(max_size=160),
        safe_times=st.text(max_size=210),
    )
    def test_any_free_text_is_saved_whole_or_refused(self, description, residence_name, name, safe_times):
        steps = {
            **CONTACT_ANSWERS,
            1: {**CONTACT_ANSWERS[1], "description": description},
            3: {**CONTACT_ANSWERS[3], "residence_name": residence_name},
            4: {**CONTACT_ANSWERS[4], "name": name, "safe_times": safe_times},
        }
        self._walk(steps, None)
        report = Report.objects.first()
        if report is not None:
            # Round trip: what was typed is what the ADV reads.
            assert report.description == description.strip()
            assert report.contact.name == " ".join(name.split())

    @FUZZ
    @given(step=st.integers(1, 4), data=st.dictionaries(st.text(max_size=30), any_value, max_size=8))
    def test_any_fields_at_any_step(self, step, data):
        cache.clear()
        client = Client()
        client.post(start_url())
        for earlier in range(1, step):
            client.post(step_url(earlier), ANONYMOUS_ANSWERS[earlier])
        data = {k: v for k, v in data.items() if "\x00" not in k}
        response = client.post(step_url(step), data)
        assert response.status_code in (200, 302)
        assert client.get(step_url(step)).status_code in (200, 302)
        assert not Report.objects.exists()


class FollowUpProperties(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        adv = OrganisationFactory(kind="adv", slug="adv-alfa")
        cls.town = MunicipalityFactory(name="Alfastad", slug="alfastad", adv=adv)
        cls.submission = submit(cls.town)

    @FUZZ
    @given(code=any_value)
    def test_any_code(self, code):
        cache.clear()
        client = Client()
        response = client.post(reverse("reports:follow_up_login", args=["alfastad"]), {"code": code})
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            # Only the real code (in some spelling) opens the page.
            assert client.session[draft.FOLLOW_UP_KEY]["report"] == self.submission.report.pk

    @FUZZ
    @given(form=st.one_of(st.sampled_from(["reply", "addition"]), any_value), body=any_value, extra=any_value)
    def test_any_message(self, form, body, extra):
        cache.clear()
        client = Client()
        client.post(reverse("reports:follow_up_login", args=["alfastad"]), {"code": self.submission.receipt_code})
        before = Message.objects.count()
        page = reverse("reports:follow_up", args=["alfastad"])
        response = client.post(page, {"form": form, "reply-body": body, "addition-body": extra})
        assert response.status_code in (200, 302)
        added = Message.objects.count() - before
        assert added in (0, 1)
        if added:
            assert StatusChange.objects.filter(report=self.submission.report).count() >= 2
        assert client.get(page).status_code == 200
