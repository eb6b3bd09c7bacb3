"""Deny by default, proven: every URL is in the matrix, every view declares
the policy the matrix says, and every role gets the answer the matrix says."""

import pytest
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse

from openinclusie.accounts.access import policy_of
from openinclusie.accounts.models import Role

from .access_matrix import LOGIN_STEP, MATRIX, PUBLIC


def _walk(patterns, namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}{pattern.name}" if pattern.name else None), pattern


def project_urls() -> dict[str | None, URLPattern]:
    return dict(_walk(get_resolver().url_patterns))


def test_every_url_has_a_name():
    assert None not in project_urls(), "Unnamed URL patterns cannot be checked against the access matrix."


def test_every_url_is_in_the_matrix_and_nothing_else():
    names = {name for name in project_urls() if name}
    missing = sorted(names - MATRIX.keys())
    stale = sorted(MATRIX.keys() - names)
    assert not missing, f"Views not in the access matrix: {missing}"
    assert not stale, f"Matrix rows without a view: {stale}"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_view_declares_the_policy_of_the_matrix(name):
    policy = policy_of(project_urls()[name].callback)
    assert policy is not None, f"{name} declares no access policy"
    row = MATRIX[name]
    if row.access == PUBLIC:
        assert policy.is_public
    elif row.access == LOGIN_STEP:
        assert policy.is_login_step
        assert not policy.is_public
    else:
        assert not policy.is_public
        assert not policy.is_login_step
        assert policy.roles == row.access


def _undeclared_view(request):
    from django.http import HttpResponse

    return HttpResponse("secret")


def _urlpatterns_with_undeclared_view():
    from config.urls import urlpatterns as project_patterns

    return [path("undeclared/", _undeclared_view, name="undeclared"), *project_patterns]


urlpatterns = _urlpatterns_with_undeclared_view()


@override_settings(ROOT_URLCONF=__name__)
def test_a_view_without_policy_is_refused(client):
    response = client.get("/undeclared/")
    assert response.status_code == 403
    assert b"secret" not in response.content


def _probe(client: Client, name: str, world):
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs(world))
    if row.method == "post":
        return url, client.post(url, row.data)
    return url, client.get(url)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_anonymous_visitor_gets_only_public_views(name, world, client):
    url, response = _probe(client, name, world)
    access = MATRIX[name].access
    if access in (PUBLIC, LOGIN_STEP):
        assert response.status_code in (200, 302), f"{url}: {response.status_code}"
        if response.status_code == 302:
            assert "/inloggen/" not in response["Location"] or access == LOGIN_STEP
    else:
        assert response.status_code == 302, f"{url} answered {response.status_code} to an anonymous visitor"
        assert response["Location"].startswith("/inloggen/")


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_what_the_matrix_says(name, role, world, client_for):
    client = client_for(role)
    url, response = _probe(client, name, world)
    row = MATRIX[name]
    if row.opens_for(role):
        assert response.status_code in (200, 302), f"{role} on {url}: {response.status_code}"
        if response.status_code == 302:
            assert not response["Location"].startswith("/inloggen/") or name == "accounts:logout"
    elif role in row.scoped_out:
        # Let in by the view, but the object is outside its scope.
        assert response.status_code == 404, f"{role} on {url}: {response.status_code}"
    else:
        assert response.status_code in (403, 404), f"{role} on {url}: {response.status_code}"


@pytest.mark.django_db
def test_signed_in_without_second_factor_reaches_no_staff_view(world, client):
    from openinclusie.accounts.services import grant_membership
    from openinclusie.accounts.tests.factories import PASSWORD, UserFactory

    user = UserFactory()
    grant_membership(user=user, organisation=world["adv_a"], role=Role.ADV_COORDINATOR)
    client.post("/inloggen/", {"username": user.email, "password": PASSWORD})
    for name, row in MATRIX.items():
        if row.access in (PUBLIC, LOGIN_STEP):
            continue
        url, response = _probe(client, name, world)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/inloggen/code/"), url
