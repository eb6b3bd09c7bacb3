"""The footer offers staff the way in, or back to work once they are in."""

import pytest
from django.test import Client

from openinclusie.accounts.models import Role
from openinclusie.accounts.services import grant_membership
from openinclusie.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN_LINK = 'href="/inloggen/">Inloggen voor medewerkers<'
WORKSPACE_LINK = 'href="/start/">Naar uw werkomgeving<'


@pytest.mark.parametrize("path", ["/", "/alfastad/"])
def test_a_visitor_is_offered_the_login(path, world):
    page = Client().get(path).content.decode()
    assert LOGIN_LINK in page
    assert WORKSPACE_LINK not in page


@pytest.mark.parametrize("path", ["/", "/alfastad/"])
def test_signed_in_staff_are_offered_their_workspace_instead(path, world, client_for):
    page = client_for(Role.PROGRAMME_OFFICER).get(path).content.decode()
    assert WORKSPACE_LINK in page
    assert LOGIN_LINK not in page


def test_halfway_through_the_login_the_login_is_still_offered(world):
    """Password given, authenticator code not yet: not signed in."""
    user = UserFactory()
    grant_membership(user=user, organisation=world["adv_a"], role=Role.ADV_CONSULTANT)
    client = Client()
    assert client.post("/inloggen/", {"username": user.email, "password": PASSWORD}).status_code == 302
    page = client.get("/alfastad/").content.decode()
    assert LOGIN_LINK in page
    assert WORKSPACE_LINK not in page
