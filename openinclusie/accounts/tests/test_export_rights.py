import csv
import io

import pytest
from django.core.management import call_command

from openinclusie.accounts.models import Role
from openinclusie.accounts.services import grant_membership
from openinclusie.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _export() -> list[dict[str, str]]:
    out = io.StringIO()
    call_command("export_rights", stdout=out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_every_role_of_every_user_is_listed_once(world):
    both = UserFactory(email="twee@example.org")
    grant_membership(user=both, organisation=world["adv_a"], role=Role.ADV_CONSULTANT)
    grant_membership(user=both, organisation=world["adv_a"], role=Role.ADV_COORDINATOR)
    officer = UserFactory(email="beleid@example.org", with_totp=False)
    grant_membership(user=officer, organisation=world["municipality_org_a"], role=Role.PROGRAMME_OFFICER)
    UserFactory(email="slapend@example.org", is_active=False)

    rows = _export()
    assert [(r["email"], r["organisation"], r["role"]) for r in rows] == [
        ("beleid@example.org", "Gemeente Alfastad", Role.PROGRAMME_OFFICER.value),
        ("slapend@example.org", "", ""),
        ("twee@example.org", "ADV Alfa", Role.ADV_CONSULTANT.value),
        ("twee@example.org", "ADV Alfa", Role.ADV_COORDINATOR.value),
    ]
    by_email = {r["email"]: r for r in rows}
    assert by_email["twee@example.org"]["second_factor"] == "yes"
    assert by_email["beleid@example.org"]["second_factor"] == "no"
    assert by_email["slapend@example.org"]["active"] == "no"
    assert by_email["twee@example.org"]["organisation_kind"] == "adv"
