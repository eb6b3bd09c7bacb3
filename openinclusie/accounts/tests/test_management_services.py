"""Management services for accounts: roles that fit the organisation, no
changes to one's own privileges, second-factor resets, set-password links,
and the trail each of them leaves."""

from datetime import UTC, datetime

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinclusie.accounts import queries, services
from openinclusie.accounts.models import AdminAction, AdminActionKind, Membership, Role, User
from openinclusie.accounts.tests.factories import UserFactory

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = pytest.mark.usefixtures("english_ui")

NOW = datetime(2026, 7, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def actor(world):
    """A platform admin."""
    user = UserFactory(full_name="Beheerder Een")
    services.grant_membership(user=user, organisation=world["platform"], role=Role.PLATFORM_ADMIN)
    return user


@pytest.fixture
def person(db):
    return UserFactory(full_name="Medewerker Twee")


def _trail(user: User) -> list[tuple[str, str]]:
    return list(AdminAction.objects.filter(target_user=user).order_by("id").values_list("action", "detail"))


# --- Roles -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("organisation", "role"),
    [
        ("municipality_org_a", Role.PROGRAMME_OFFICER),
        ("partner_a", Role.PARTNER_MEMBER),
        ("platform", Role.PLATFORM_ADMIN),
        ("partner_a", Role.PLATFORM_ADMIN),
    ],
)
def test_a_role_the_organisation_kind_can_give_is_added_and_logged(world, actor, person, organisation, role):
    membership = services.add_membership(actor=actor, user=person, organisation=world[organisation], role=role, now=NOW)
    assert membership.role == role
    entry = AdminAction.objects.get(action=AdminActionKind.MEMBERSHIP_ADDED)
    assert (entry.actor, entry.target_user, entry.at) == (actor, person, NOW)
    assert world[organisation].name in entry.detail


@pytest.mark.parametrize(
    ("organisation", "role"),
    [
        ("partner_a", Role.ADV_CONSULTANT),
        ("municipality_org_a", Role.ADV_COORDINATOR),
        ("adv_a", Role.PROGRAMME_OFFICER),
        ("adv_a", Role.PARTNER_MEMBER),
        ("platform", Role.ADV_CONSULTANT),
    ],
)
def test_a_role_the_organisation_kind_cannot_give_is_refused(world, actor, person, organisation, role):
    with pytest.raises(services.RoleNotAllowedForOrganisation) as refused:
        services.add_membership(actor=actor, user=person, organisation=world[organisation], role=role, now=NOW)
    assert world[organisation].name in str(refused.value)
    assert not Membership.objects.filter(user=person).exists()
    assert not AdminAction.objects.exists()


def test_grant_membership_applies_the_same_rule(world, person):
    with pytest.raises(services.RoleNotAllowedForOrganisation):
        services.grant_membership(user=person, organisation=world["partner_a"], role=Role.ADV_CONSULTANT)


def test_the_same_role_twice_is_refused_with_a_message(world, actor, person):
    services.add_membership(
        actor=actor, user=person, organisation=world["partner_a"], role=Role.PARTNER_MEMBER, now=NOW
    )
    with pytest.raises(services.MembershipExists):
        services.add_membership(
            actor=actor, user=person, organisation=world["partner_a"], role=Role.PARTNER_MEMBER, now=NOW
        )


def test_removing_a_role_is_logged(world, actor, person):
    membership = services.grant_membership(
        user=person, organisation=world["municipality_org_a"], role=Role.PROGRAMME_OFFICER
    )
    services.remove_membership(actor=actor, membership=membership, now=NOW)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert _trail(person) == [(AdminActionKind.MEMBERSHIP_REMOVED, "Programme officer at Gemeente Alfastad")]


def test_nobody_changes_their_own_roles(world, actor):
    with pytest.raises(services.OwnAccount):
        services.add_membership(
            actor=actor, user=actor, organisation=world["partner_a"], role=Role.PARTNER_MEMBER, now=NOW
        )
    membership = Membership.objects.get(user=actor, role=Role.PLATFORM_ADMIN)
    with pytest.raises(services.OwnAccount):
        services.remove_membership(actor=actor, membership=membership, now=NOW)
    assert Membership.objects.filter(pk=membership.pk).exists()


# --- Accounts ----------------------------------------------------------------------------------------


def test_a_new_account_has_no_usable_password_and_gets_a_working_link(db, actor):
    account = services.create_user(actor=actor, email=" Nieuw@Example.ORG ", full_name=" Nieuwe Collega ", now=NOW)
    user = account.user
    assert user.email == "nieuw@example.org"
    assert user.full_name == "Nieuwe Collega"
    assert not user.has_usable_password()
    assert user.is_active
    assert queries.user_for_password_link(account.password_link.uidb64, account.password_link.token) == user
    assert [action for action, _detail in _trail(user)] == [
        AdminActionKind.USER_CREATED,
        AdminActionKind.PASSWORD_LINK_ISSUED,
    ]


def test_an_e_mail_address_is_used_once_whatever_its_case(db, actor, person):
    with pytest.raises(services.EmailInUse):
        services.create_user(actor=actor, email=person.email.upper(), full_name="Dubbel", now=NOW)


def test_the_set_password_link_works_once(db, actor, person):
    link = services.issue_password_link(actor=actor, user=person, now=NOW)
    services.set_password_with_link(user=person, token=link.token, password="een nieuw lang wachtwoord", now=NOW)
    person.refresh_from_db()
    assert person.check_password("een nieuw lang wachtwoord")
    assert queries.user_for_password_link(link.uidb64, link.token) is None
    with pytest.raises(services.InvalidPasswordLink):
        services.set_password_with_link(user=person, token=link.token, password="nog een ander wachtwoord", now=NOW)
    entry = AdminAction.objects.get(action=AdminActionKind.PASSWORD_SET)
    assert entry.actor == person


def test_a_link_does_not_work_for_a_switched_off_account(db, actor, person):
    link = services.issue_password_link(actor=actor, user=person, now=NOW)
    services.deactivate_user(actor=actor, user=person, now=NOW)
    assert queries.user_for_password_link(link.uidb64, link.token) is None
    with pytest.raises(services.AccountSwitchedOff):
        services.issue_password_link(actor=actor, user=person, now=NOW)


@pytest.mark.parametrize("uidb64", ["", "!!", "MTIzNDU2Nzg5"])
def test_a_broken_link_finds_nobody(db, person, uidb64):
    assert queries.user_for_password_link(uidb64, "abc-def") is None


def test_deactivate_and_reactivate_are_logged_once(db, actor, person):
    services.deactivate_user(actor=actor, user=person, now=NOW)
    services.deactivate_user(actor=actor, user=person, now=NOW)
    person.refresh_from_db()
    assert not person.is_active
    services.reactivate_user(actor=actor, user=person, now=NOW)
    person.refresh_from_db()
    assert person.is_active
    assert [action for action, _detail in _trail(person)] == [
        AdminActionKind.USER_DEACTIVATED,
        AdminActionKind.USER_REACTIVATED,
    ]


def test_nobody_switches_off_their_own_account_or_resets_their_own_second_factor(db, actor):
    with pytest.raises(services.OwnAccount):
        services.deactivate_user(actor=actor, user=actor, now=NOW)
    with pytest.raises(services.OwnAccount):
        services.reset_second_factor(actor=actor, user=actor, now=NOW)
    with pytest.raises(services.OwnAccount):
        services.issue_password_link(actor=actor, user=actor, now=NOW)
    actor.refresh_from_db()
    assert actor.is_active
    assert TOTPDevice.objects.filter(user=actor).exists()


def test_reset_second_factor_removes_every_device_and_is_logged(db, actor, person):
    services.start_totp_enrolment(user=person)  # a half-finished second device
    assert TOTPDevice.objects.filter(user=person).count() == 2
    removed = services.reset_second_factor(actor=actor, user=person, now=NOW)
    assert removed == 2
    assert not TOTPDevice.objects.filter(user=person).exists()
    entry = AdminAction.objects.get(action=AdminActionKind.MFA_RESET)
    assert (entry.actor, entry.target_user, entry.detail) == (actor, person, "2 devices removed")


def test_rename_is_logged_with_old_and_new_name(db, actor, person):
    services.rename_user(actor=actor, user=person, full_name="Medewerker Drie", now=NOW)
    person.refresh_from_db()
    assert person.full_name == "Medewerker Drie"
    assert _trail(person) == [(AdminActionKind.USER_RENAMED, "Medewerker Twee → Medewerker Drie")]


def test_the_trail_is_listed_newest_first(db, actor, person):
    services.rename_user(actor=actor, user=person, full_name="A", now=NOW)
    services.rename_user(actor=actor, user=person, full_name="B", now=NOW.replace(hour=11))
    assert [entry.detail for entry in queries.admin_actions_about(person)] == ["A → B", "Medewerker Twee → A"]
    assert [entry.detail for entry in queries.admin_actions_by(actor)] == ["A → B", "Medewerker Twee → A"]


def test_user_search_matches_name_and_e_mail(db, person):
    UserFactory(full_name="Iemand Anders", email="anders@example.org")
    assert list(queries.users_matching("twee")) == [person]
    assert list(queries.users_matching("ANDERS@")) == [User.objects.get(email="anders@example.org")]
    assert queries.users_matching("").count() == 2
