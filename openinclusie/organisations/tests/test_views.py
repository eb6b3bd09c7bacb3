"""The management screens for organisations, municipalities and
neighbourhoods, driven through the test client as a platform admin: plain
GET and POST forms, no JavaScript."""

import pytest
from django.urls import reverse

from openinclusie.accounts.models import AdminAction, AdminActionKind, Role
from openinclusie.organisations.models import Municipality, Neighbourhood, Organisation, OrganisationKind
from openinclusie.organisations.tests.factories import NeighbourhoodFactory

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = pytest.mark.usefixtures("english_ui")


@pytest.fixture
def admin(client_for):
    return client_for(Role.PLATFORM_ADMIN)


def _organisation_post(**overrides):
    data = {
        "kind": "partner",
        "name": "Bibliotheek Alfastad",
        "slug": "bibliotheek-alfastad",
        "description": "",
        "website": "",
        "email": "",
        "phone": "",
        "address": "",
        "opening_hours": "",
    }
    data.update(overrides)
    return data


def _municipality_post(world, **overrides):
    data = {
        "name": "Gammastad",
        "slug": "gammastad",
        "cbs_code": "gm0999",
        "adv": world["adv_a"].pk,
        "primary_colour": "#01689b",
        "primary_text_colour": "#ffffff",
        "is_published": "on",
    }
    data.update(overrides)
    return data


# --- Organisations ---------------------------------------------------------------------------------


def test_the_organisation_list_filters_by_kind_with_a_plain_get_form(admin, world):
    response = admin.get(reverse("organisations:organisation_list"), {"kind": "adv"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "ADV Alfa" in content
    assert "ADV Beta" in content
    assert "Partner Alfa" not in content
    assert '<form method="get"' in content

    everything = admin.get(reverse("organisations:organisation_list")).content.decode()
    assert "Partner Alfa" in everything
    assert "Gemeente Alfastad" in everything


def test_an_unknown_kind_in_the_filter_shows_everything_and_an_error(admin, world):
    response = admin.get(reverse("organisations:organisation_list"), {"kind": "nonsense"})
    assert response.status_code == 200
    assert "Partner Alfa" in response.content.decode()


def test_create_an_organisation(admin, world):
    response = admin.post(
        reverse("organisations:organisation_create"), _organisation_post(active_in=[world["town_a"].pk])
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="bibliotheek-alfastad")
    assert organisation.kind == OrganisationKind.PARTNER
    assert list(organisation.active_in.all()) == [world["town_a"]]
    assert AdminAction.objects.filter(action=AdminActionKind.ORGANISATION_CREATED, target_id=organisation.pk).exists()


def test_the_create_form_does_not_offer_the_kind_municipality(admin, world):
    page = admin.get(reverse("organisations:organisation_create")).content.decode()
    assert 'value="partner"' in page
    assert 'value="municipality"' not in page
    response = admin.post(reverse("organisations:organisation_create"), _organisation_post(kind="municipality"))
    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert not Organisation.objects.filter(slug="bibliotheek-alfastad").exists()


def test_a_refused_rule_shows_as_a_field_error(admin, world):
    response = admin.post(
        reverse("organisations:organisation_create"),
        _organisation_post(kind="adv", active_in=[world["town_a"].pk]),
    )
    assert response.status_code == 200
    assert "Only partner organisations are marked as active" in response.content.decode()
    assert response.context["form"].errors["active_in"]


def test_edit_an_organisation(admin, world):
    partner = world["partner_a"]
    response = admin.post(
        reverse("organisations:organisation_edit", args=[partner.pk]),
        _organisation_post(name="Partner Alfa Plus", slug="partner-alfa", email="info@alfa.example"),
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert (partner.name, partner.email) == ("Partner Alfa Plus", "info@alfa.example")
    assert list(partner.active_in.all()) == []


def test_edit_ignores_fields_that_are_not_on_the_form(admin, world):
    partner = world["partner_a"]
    created_at = partner.created_at
    admin.post(
        reverse("organisations:organisation_edit", args=[partner.pk]),
        _organisation_post(
            name="Partner Alfa",
            slug="partner-alfa",
            municipality=world["town_b"].pk,
            created_at="2000-01-01T00:00:00Z",
            id=999,
            memberships=1,
        ),
    )
    partner.refresh_from_db()
    assert partner.pk == world["partner_a"].pk
    assert partner.municipality is None
    assert partner.created_at == created_at


def test_the_organisation_of_a_municipality_keeps_its_kind_whatever_is_posted(admin, world):
    own = world["municipality_org_a"]
    page = admin.get(reverse("organisations:organisation_edit", args=[own.pk]))
    assert "kind" not in page.context["form"].fields
    response = admin.post(
        reverse("organisations:organisation_edit", args=[own.pk]),
        _organisation_post(
            kind="partner",
            name="Gemeente Alfastad",
            slug=own.slug,
            active_in=[world["town_b"].pk],
            municipality=world["town_b"].pk,
        ),
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.kind == OrganisationKind.MUNICIPALITY
    assert own.municipality == world["town_a"]
    assert list(own.active_in.all()) == []


def test_editing_an_unknown_organisation_is_not_found(admin, world):
    assert admin.get(reverse("organisations:organisation_edit", args=[987654])).status_code == 404


# --- Municipalities --------------------------------------------------------------------------------


def test_create_a_municipality(admin, world):
    response = admin.post(reverse("organisations:municipality_create"), _municipality_post(world))
    municipality = Municipality.objects.get(slug="gammastad")
    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:neighbourhood_list", args=[municipality.pk])
    assert (municipality.cbs_code, municipality.primary_colour, municipality.primary_text_colour) == (
        "GM0999",
        "#01689B",
        "#FFFFFF",
    )
    assert municipality.organisation.kind == OrganisationKind.MUNICIPALITY


def test_only_advs_can_be_chosen_as_the_adv(admin, world):
    page = admin.get(reverse("organisations:municipality_create"))
    choices = {str(value) for value, _label in page.context["form"].fields["adv"].choices if value}
    assert choices == {str(world["adv_a"].pk), str(world["adv_b"].pk)}
    response = admin.post(
        reverse("organisations:municipality_create"), _municipality_post(world, adv=world["partner_a"].pk)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["adv"]


def test_low_contrast_is_explained_next_to_the_field(admin, world):
    response = admin.post(
        reverse("organisations:municipality_create"),
        _municipality_post(world, primary_colour="#777777", primary_text_colour="#FFFFFF"),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "too hard to read" in content
    assert "4.47 to 1" in content
    assert 'href="#id_primary_text_colour"' in content  # linked from the error summary
    assert not Municipality.objects.filter(slug="gammastad").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("cbs_code", "0637"), ("primary_colour", "blue"), ("slug", "Geen Slug"), ("slug", "inloggen")],
)
def test_invalid_municipality_input_gives_form_errors(admin, world, field, value):
    response = admin.post(reverse("organisations:municipality_create"), _municipality_post(world, **{field: value}))
    assert response.status_code == 200
    assert response.context["form"].errors[field]


def test_edit_a_municipality_and_unpublish_it(admin, world):
    town = world["town_a"]
    data = _municipality_post(world, name=town.name, slug=town.slug, cbs_code=town.cbs_code, adv=world["adv_b"].pk)
    del data["is_published"]
    response = admin.post(reverse("organisations:municipality_edit", args=[town.pk]), data)
    assert response.status_code == 302
    town.refresh_from_db()
    assert town.adv == world["adv_b"]
    assert not town.is_published


def test_a_rejected_name_does_not_show_as_the_heading(admin, world):
    town = world["town_a"]
    data = _municipality_post(world, name="Betadorp", slug=town.slug, cbs_code=town.cbs_code)
    response = admin.post(reverse("organisations:municipality_edit", args=[town.pk]), data)
    assert response.status_code == 200
    assert "Edit Alfastad" in response.content.decode()


# --- Neighbourhoods --------------------------------------------------------------------------------


def test_add_rename_and_remove_neighbourhoods(admin, world):
    town = world["town_a"]
    list_url = reverse("organisations:neighbourhood_list", args=[town.pk])
    response = admin.post(list_url, {"name": "Centrum", "cbs_code": "wk099901"})
    assert response.status_code == 302
    neighbourhood = Neighbourhood.objects.get(municipality=town, name="Centrum")
    assert neighbourhood.cbs_code == "WK099901"
    assert "Centrum" in admin.get(list_url).content.decode()

    response = admin.post(
        reverse("organisations:neighbourhood_edit", args=[town.pk, neighbourhood.pk]),
        {"name": "Binnenstad", "cbs_code": ""},
    )
    assert response.status_code == 302
    neighbourhood.refresh_from_db()
    assert neighbourhood.name == "Binnenstad"

    remove_url = reverse("organisations:neighbourhood_remove", args=[town.pk, neighbourhood.pk])
    confirm = admin.get(remove_url)
    assert confirm.status_code == 200
    assert Neighbourhood.objects.filter(pk=neighbourhood.pk).exists()
    assert admin.post(remove_url).status_code == 302
    assert not Neighbourhood.objects.filter(pk=neighbourhood.pk).exists()


def test_a_duplicate_neighbourhood_name_is_a_form_error(admin, world):
    NeighbourhoodFactory(municipality=world["town_a"], name="Centrum")
    response = admin.post(
        reverse("organisations:neighbourhood_list", args=[world["town_a"].pk]), {"name": "Centrum", "cbs_code": ""}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name"]


def test_a_refused_removal_is_explained(admin, world, monkeypatch):
    from openinclusie.organisations.services import neighbourhoods

    neighbourhood = NeighbourhoodFactory(municipality=world["town_a"], name="Centrum")
    monkeypatch.setattr(neighbourhoods, "_references_to", lambda instance: ["reports: 2"])
    response = admin.post(
        reverse("organisations:neighbourhood_remove", args=[world["town_a"].pk, neighbourhood.pk]), follow=True
    )
    assert "Centrum cannot be removed" in response.content.decode()
    assert Neighbourhood.objects.filter(pk=neighbourhood.pk).exists()


def test_a_neighbourhood_is_only_reached_through_its_own_municipality(admin, world):
    other = NeighbourhoodFactory(municipality=world["town_b"])
    for name in ("organisations:neighbourhood_edit", "organisations:neighbourhood_remove"):
        assert admin.get(reverse(name, args=[world["town_a"].pk, other.pk])).status_code == 404
    assert (
        admin.post(reverse("organisations:neighbourhood_remove", args=[world["town_a"].pk, other.pk])).status_code
        == 404
    )
    assert Neighbourhood.objects.filter(pk=other.pk).exists()


# --- Menu ------------------------------------------------------------------------------------------


def test_the_menu_shows_management_to_platform_admins_only(client_for, world):
    admin_page = client_for(Role.PLATFORM_ADMIN).get(reverse("accounts:start")).content.decode()
    for url_name in (
        "organisations:organisation_list",
        "organisations:municipality_list",
        "accounts:user_list",
    ):
        assert f'href="{reverse(url_name)}"' in admin_page
    coordinator_page = client_for(Role.ADV_COORDINATOR).get(reverse("accounts:start")).content.decode()
    assert reverse("organisations:organisation_list") not in coordinator_page
    assert reverse("accounts:user_list") not in coordinator_page


def test_platform_management_starts_at_beheer(world, client_for):
    page = client_for(Role.PLATFORM_ADMIN).get("/beheer/").content.decode()
    for link in ("/beheer/organisaties/", "/beheer/gemeenten/", "/beheer/gebruikers/", "/beheer/codelijsten/"):
        assert f'href="{link}"' in page
