"""Fixtures shared by every app's tests: demo-like organisations and one
fully signed-in user per role."""

import pytest
from django.test import Client

from openinclusie.accounts.models import Role
from openinclusie.accounts.tests.factories import UserFactory, signed_in_client
from openinclusie.organisations.tests.factories import MunicipalityFactory, OrganisationFactory

# Browser-test fixtures (Chromium launch arguments, axe, page watching), and
# transactional tests that always start from the migrated, seeded database.
pytest_plugins = ["openinclusie.tests.browser_support", "openinclusie.tests.transactional_support"]


@pytest.fixture
def world(db):
    """Two municipalities with different ADVs, a partner in each, and the
    platform organisation: enough to prove that one tenant cannot see
    another's data."""
    adv_a = OrganisationFactory(kind="adv", name="ADV Alfa", slug="adv-alfa")
    adv_b = OrganisationFactory(kind="adv", name="ADV Beta", slug="adv-beta")
    town_a = MunicipalityFactory(name="Alfastad", slug="alfastad", adv=adv_a)
    town_b = MunicipalityFactory(name="Betadorp", slug="betadorp", adv=adv_b)
    partner_a = OrganisationFactory(kind="partner", name="Partner Alfa", slug="partner-alfa")
    partner_a.active_in.add(town_a)
    partner_b = OrganisationFactory(kind="partner", name="Partner Beta", slug="partner-beta")
    partner_b.active_in.add(town_b)
    platform = OrganisationFactory(kind="platform", name="Beheer", slug="beheer")
    return {
        "adv_a": adv_a,
        "adv_b": adv_b,
        "town_a": town_a,
        "town_b": town_b,
        "municipality_org_a": town_a.organisation,
        "municipality_org_b": town_b.organisation,
        "partner_a": partner_a,
        "partner_b": partner_b,
        "platform": platform,
    }


ROLE_HOME = {
    Role.ADV_CONSULTANT: "adv_a",
    Role.ADV_COORDINATOR: "adv_a",
    Role.PROGRAMME_OFFICER: "municipality_org_a",
    Role.PARTNER_MEMBER: "partner_a",
    Role.PLATFORM_ADMIN: "platform",
}


@pytest.fixture
def client_for(world):
    """``client_for(Role.X)``: a client signed in with password and TOTP as a
    user holding that role in tenant A."""

    def make(role: Role, organisation=None) -> Client:
        organisation = organisation or world[ROLE_HOME[role]]
        user = UserFactory()
        from openinclusie.accounts.services import grant_membership

        grant_membership(user=user, organisation=organisation, role=role)
        return signed_in_client(user)

    return make


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _dutch_by_default():
    """Requests to /en/ pages switch the active language; each test starts in
    Dutch again so URLs reversed in tests have no language prefix."""
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture
def english_ui(settings):
    """For tests that assert on interface wording: run them against the
    English interface, so they check behaviour, not translations. That every
    string has a Dutch translation is checked in test_translations.py; Dutch
    as the default is checked by the public-site and meldpunt tests."""
    from django.urls import clear_url_caches
    from django.utils import translation

    # The URL resolver caches its reverse table per language, prefix
    # included; it must be rebuilt whenever the default language changes.
    settings.LANGUAGE_CODE = "en"
    clear_url_caches()
    translation.activate("en")
    yield
    translation.activate("nl")
    clear_url_caches()
