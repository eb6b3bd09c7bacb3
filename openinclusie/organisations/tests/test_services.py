"""Management services for organisations, municipalities and neighbourhoods:
the rules the database cannot hold, and the trail every change leaves."""

from datetime import UTC, datetime

import pytest

from openinclusie.accounts.models import AdminAction, AdminActionKind, Membership, Role
from openinclusie.accounts.services import grant_membership
from openinclusie.accounts.tests.factories import UserFactory
from openinclusie.organisations import services
from openinclusie.organisations.models import Municipality, Neighbourhood, Organisation, OrganisationKind
from openinclusie.organisations.tests.factories import NeighbourhoodFactory, OrganisationFactory

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = pytest.mark.usefixtures("english_ui")

NOW = datetime(2026, 3, 21, 10, 0, tzinfo=UTC)


@pytest.fixture
def actor(db):
    return UserFactory(full_name="Beheerder Een")


def _organisation_values(**overrides):
    values = {"kind": OrganisationKind.PARTNER, "name": "Bibliotheek", "slug": "bibliotheek"}
    values.update(overrides)
    return values


def _municipality_values(world, **overrides):
    values = {
        "name": "Gammastad",
        "slug": "gammastad",
        "cbs_code": "GM0999",
        "adv": world["adv_a"],
        "primary_colour": "#01689B",
        "primary_text_colour": "#FFFFFF",
        "is_published": True,
    }
    values.update(overrides)
    return values


# --- Organisations ---------------------------------------------------------------------------------


def test_create_organisation_records_who_did_it(world, actor):
    organisation = services.create_organisation(
        actor=actor, now=NOW, active_in=[world["town_a"]], **_organisation_values()
    )
    assert organisation.kind == OrganisationKind.PARTNER
    assert list(organisation.active_in.all()) == [world["town_a"]]
    entry = AdminAction.objects.get(action=AdminActionKind.ORGANISATION_CREATED)
    assert (entry.actor, entry.target_type, entry.target_id, entry.at) == (actor, "organisation", organisation.pk, NOW)
    assert entry.target_user is None


def test_an_organisation_of_kind_municipality_is_not_created_on_its_own(world, actor):
    with pytest.raises(services.KindNotAllowed):
        services.create_organisation(actor=actor, now=NOW, **_organisation_values(kind=OrganisationKind.MUNICIPALITY))
    assert not Organisation.objects.filter(slug="bibliotheek").exists()


def test_only_partners_are_active_in_municipalities(world, actor):
    with pytest.raises(services.ActiveInOnlyForPartners):
        services.create_organisation(
            actor=actor, now=NOW, active_in=[world["town_a"]], **_organisation_values(kind=OrganisationKind.ADV)
        )


def test_organisation_slug_must_be_free(world, actor):
    with pytest.raises(services.SlugInUse):
        services.create_organisation(actor=actor, now=NOW, **_organisation_values(slug="partner-alfa"))


def test_update_organisation_logs_the_changed_fields(world, actor):
    partner = world["partner_a"]
    services.update_organisation(
        actor=actor,
        organisation=partner,
        now=NOW,
        kind=OrganisationKind.PARTNER,
        name="Partner Alfa en Omstreken",
        slug=partner.slug,
        email="info@alfa.example",
        active_in=[world["town_a"], world["town_b"]],
    )
    partner.refresh_from_db()
    assert partner.name == "Partner Alfa en Omstreken"
    assert set(partner.active_in.all()) == {world["town_a"], world["town_b"]}
    entry = AdminAction.objects.get(action=AdminActionKind.ORGANISATION_CHANGED)
    assert "Partner Alfa → Partner Alfa en Omstreken" in entry.detail
    assert "active in municipalities" in entry.detail


def test_update_without_changes_leaves_no_trail(world, actor):
    partner = world["partner_a"]
    services.update_organisation(
        actor=actor,
        organisation=partner,
        now=NOW,
        kind=partner.kind,
        name=partner.name,
        slug=partner.slug,
        active_in=list(partner.active_in.all()),
    )
    assert not AdminAction.objects.exists()


def test_the_kind_cannot_change_while_roles_do_not_fit_the_new_kind(world, actor):
    partner = world["partner_a"]
    grant_membership(user=UserFactory(), organisation=partner, role=Role.PARTNER_MEMBER)
    with pytest.raises(services.KindChangeRefused, match="1 role"):
        services.update_organisation(
            actor=actor, organisation=partner, now=NOW, kind=OrganisationKind.ADV, name=partner.name, slug=partner.slug
        )
    partner.refresh_from_db()
    assert partner.kind == OrganisationKind.PARTNER


def test_the_kind_changes_when_all_roles_fit(world, actor):
    partner = world["partner_a"]
    grant_membership(user=UserFactory(), organisation=partner, role=Role.PLATFORM_ADMIN)
    services.update_organisation(
        actor=actor,
        organisation=partner,
        now=NOW,
        kind=OrganisationKind.PLATFORM,
        name=partner.name,
        slug=partner.slug,
        active_in=[],
    )
    partner.refresh_from_db()
    assert partner.kind == OrganisationKind.PLATFORM


def test_an_adv_that_serves_municipalities_keeps_its_kind(world, actor):
    adv = world["adv_a"]
    with pytest.raises(services.KindChangeRefused, match="Alfastad"):
        services.update_organisation(
            actor=actor, organisation=adv, now=NOW, kind=OrganisationKind.PARTNER, name=adv.name, slug=adv.slug
        )


def test_no_organisation_becomes_a_municipality_and_back(world, actor):
    partner, own = world["partner_a"], world["municipality_org_a"]
    with pytest.raises(services.KindChangeRefused):
        services.update_organisation(
            actor=actor,
            organisation=partner,
            now=NOW,
            kind=OrganisationKind.MUNICIPALITY,
            name=partner.name,
            slug=partner.slug,
            active_in=[],
        )
    with pytest.raises(services.KindChangeRefused):
        services.update_organisation(
            actor=actor, organisation=own, now=NOW, kind=OrganisationKind.PARTNER, name=own.name, slug=own.slug
        )


def test_the_organisation_of_a_municipality_keeps_kind_and_municipality_when_kind_is_left_out(world, actor):
    own = world["municipality_org_a"]
    services.update_organisation(
        actor=actor, organisation=own, now=NOW, name="Gemeente Alfastad, team inclusie", slug=own.slug
    )
    own.refresh_from_db()
    assert own.kind == OrganisationKind.MUNICIPALITY
    assert own.municipality == world["town_a"]


# --- Municipalities --------------------------------------------------------------------------------


def test_create_municipality_makes_its_organisation_too(world, actor):
    municipality = services.create_municipality(actor=actor, now=NOW, **_municipality_values(world))
    organisation = municipality.organisation
    assert organisation.kind == OrganisationKind.MUNICIPALITY
    assert organisation.slug == "gemeente-gammastad"
    assert organisation.name == "Gemeente Gammastad"
    assert AdminAction.objects.filter(action=AdminActionKind.MUNICIPALITY_CREATED, target_id=municipality.pk).exists()


def test_one_adv_serves_several_municipalities(world, actor):
    services.create_municipality(actor=actor, now=NOW, **_municipality_values(world))
    assert set(world["adv_a"].served_municipalities.all()) == {
        world["town_a"],
        Municipality.objects.get(slug="gammastad"),
    }


def test_the_adv_of_a_municipality_must_be_an_adv(world, actor):
    with pytest.raises(services.AdvNotAllowed):
        services.create_municipality(actor=actor, now=NOW, **_municipality_values(world, adv=world["partner_a"]))


def test_colours_with_too_little_contrast_are_refused_in_plain_words(world, actor):
    with pytest.raises(services.ColoursTooAlike) as refused:
        services.create_municipality(
            actor=actor, now=NOW, **_municipality_values(world, primary_colour="#777777", primary_text_colour="#FFFFFF")
        )
    message = str(refused.value)
    assert "4.47 to 1" in message
    assert "at least 4.5 to 1" in message
    assert refused.value.field == "primary_text_colour"
    assert not Municipality.objects.filter(slug="gammastad").exists()


def test_colours_with_enough_contrast_pass_either_way_round(world, actor):
    municipality = services.create_municipality(
        actor=actor, now=NOW, **_municipality_values(world, primary_colour="#FFDD00", primary_text_colour="#000000")
    )
    assert municipality.primary_colour == "#FFDD00"


@pytest.mark.parametrize("slug", ["beheer", "inloggen", "start", "thema", "en", "static"])
def test_a_slug_the_platform_uses_itself_is_refused(world, actor, slug):
    with pytest.raises(services.SlugReserved):
        services.create_municipality(actor=actor, now=NOW, **_municipality_values(world, slug=slug))


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("slug", "alfastad", services.SlugInUse),
        ("name", "Alfastad", services.NameInUse),
    ],
)
def test_municipality_name_and_slug_are_unique(world, actor, field, value, error):
    with pytest.raises(error):
        services.create_municipality(actor=actor, now=NOW, **_municipality_values(world, **{field: value}))


def test_municipality_cbs_code_is_unique(world, actor):
    with pytest.raises(services.CbsCodeInUse):
        services.create_municipality(
            actor=actor, now=NOW, **_municipality_values(world, cbs_code=world["town_a"].cbs_code)
        )


def test_changing_the_adv_is_named_in_the_trail(world, actor):
    town = world["town_a"]
    values = _municipality_values(world, name=town.name, slug=town.slug, cbs_code=town.cbs_code, adv=world["adv_b"])
    services.update_municipality(actor=actor, municipality=town, now=NOW, **values)
    town.refresh_from_db()
    assert town.adv == world["adv_b"]
    entry = AdminAction.objects.get(action=AdminActionKind.MUNICIPALITY_CHANGED)
    assert "ADV Alfa → ADV Beta" in entry.detail


def test_renaming_a_municipality_renames_its_default_organisation_name(world, actor):
    town = world["town_a"]
    town.organisation.name = "Gemeente Alfastad"
    town.organisation.save()
    values = _municipality_values(world, name="Alfastad aan Zee", slug=town.slug, cbs_code=town.cbs_code)
    services.update_municipality(actor=actor, municipality=town, now=NOW, **values)
    town.organisation.refresh_from_db()
    assert town.organisation.name == "Gemeente Alfastad aan Zee"


def test_update_municipality_checks_contrast_too(world, actor):
    town = world["town_a"]
    values = _municipality_values(
        world, name=town.name, slug=town.slug, cbs_code=town.cbs_code, primary_colour="#EEEEEE"
    )
    with pytest.raises(services.ColoursTooAlike):
        services.update_municipality(actor=actor, municipality=town, now=NOW, **values)
    town.refresh_from_db()
    assert town.primary_colour != "#EEEEEE"


# --- Neighbourhoods --------------------------------------------------------------------------------


def test_add_rename_and_remove_a_neighbourhood(world, actor):
    town = world["town_a"]
    neighbourhood = services.add_neighbourhood(actor=actor, municipality=town, name="Centrum", cbs_code="", now=NOW)
    services.update_neighbourhood(actor=actor, neighbourhood=neighbourhood, name="Binnenstad", cbs_code="", now=NOW)
    neighbourhood.refresh_from_db()
    assert neighbourhood.name == "Binnenstad"
    services.remove_neighbourhood(actor=actor, neighbourhood=neighbourhood, now=NOW)
    assert not Neighbourhood.objects.filter(pk=neighbourhood.pk).exists()
    assert list(AdminAction.objects.order_by("id").values_list("action", "target_label")) == [
        (AdminActionKind.NEIGHBOURHOOD_ADDED, "Centrum (Alfastad)"),
        (AdminActionKind.NEIGHBOURHOOD_CHANGED, "Binnenstad (Alfastad)"),
        (AdminActionKind.NEIGHBOURHOOD_REMOVED, "Binnenstad (Alfastad)"),
    ]


def test_neighbourhood_names_are_unique_within_a_municipality_only(world, actor):
    NeighbourhoodFactory(municipality=world["town_a"], name="Centrum")
    with pytest.raises(services.NameInUse):
        services.add_neighbourhood(actor=actor, municipality=world["town_a"], name="Centrum", now=NOW)
    services.add_neighbourhood(actor=actor, municipality=world["town_b"], name="Centrum", now=NOW)


def test_a_neighbourhood_something_refers_to_is_not_removed(world, actor, monkeypatch):
    neighbourhood = NeighbourhoodFactory(municipality=world["town_a"], name="Centrum")
    monkeypatch.setattr(services.neighbourhoods, "_references_to", lambda instance: ["reports: 3"])
    with pytest.raises(services.NeighbourhoodInUse, match=r"Centrum cannot be removed.*reports: 3"):
        services.remove_neighbourhood(actor=actor, neighbourhood=neighbourhood, now=NOW)
    assert Neighbourhood.objects.filter(pk=neighbourhood.pk).exists()
    assert not AdminAction.objects.exists()


def test_references_are_found_whatever_the_delete_rule(world):
    """Reports point at a neighbourhood with SET_NULL: deleting would not
    fail, it would silently unlink them. The check must see them anyway."""
    neighbourhood = NeighbourhoodFactory(municipality=world["town_a"])
    assert services.neighbourhoods._references_to(neighbourhood) == []
    # Any model that points at Neighbourhood counts; memberships are used here
    # as a stand-in relation that exists in every installation.
    organisation = OrganisationFactory()
    assert services.neighbourhoods._references_to(organisation) == []
    grant_membership(user=UserFactory(), organisation=organisation, role=Role.PARTNER_MEMBER)
    assert services.neighbourhoods._references_to(organisation) == [f"{Membership._meta.verbose_name_plural}: 1"]
