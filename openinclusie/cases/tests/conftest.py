"""Fixtures of the ADV back-office tests: signed-in staff with their user
object, and a classified-ready code list."""

from dataclasses import dataclass

import pytest
from django.test import Client

from openinclusie.accounts.models import Role, User
from openinclusie.accounts.services import grant_membership
from openinclusie.accounts.tests.factories import UserFactory, signed_in_client

from .factories import classification_codes


@dataclass
class Staff:
    user: User
    client: Client


@pytest.fixture
def staff(world):
    """``staff(Role.ADV_CONSULTANT)`` signs in a new member of ADV A;
    ``staff(role, "adv_b")`` one of ADV B."""

    def make(role: Role = Role.ADV_CONSULTANT, organisation: str = "adv_a", sign_in: bool = True) -> Staff:
        user = UserFactory()
        grant_membership(user=user, organisation=world[organisation], role=role)
        return Staff(user=user, client=signed_in_client(user) if sign_in else Client())

    return make


@pytest.fixture
def codes(db):
    return classification_codes()
