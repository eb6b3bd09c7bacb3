"""The ADV manages its own staff (docs/adr/0007): platform management cannot
give ADV roles or take over an ADV account; an ADV coordinator manages their
own ADV's staff only, and an ADV always keeps a coordinator."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.tokens import default_token_generator
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinclusie.accounts import queries, services
from openinclusie.accounts.models import AdminAction, AdminActionKind, Membership, Role, User
from openinclusie.accounts.tests.factories import PASSWORD, UserFactory

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = pytest.mark.usefixtures("english_ui")

NOW = datetime(2026, 7, 1, 9, 30, tzinfo=UTC)


def _member(world, organisation: str, role: Role, **kwargs):
    user = UserFactory(**kwargs)
    services.grant_membership(user=user, organisation=world[organisation], role=role)
    return user


@pytest.fixture
def platform_admin(world):
    return _member(world, "platform", Role.PLATFORM_ADMIN, full_name="Beheerder Een")


@pytest.fixture
def coordinator_a(world):
    return _member(world, "adv_a", Role.ADV_COORDINATOR, full_name="Coördinator Alfa")


@pytest.fixture
def consultant_a(world):
    return _member(world, "adv_a", Role.ADV_CONSULTANT, full_name="Consulent Alfa")


@pytest.fixture
def consultant_b(world):
    return _member(world, "adv_b", Role.ADV_CONSULTANT, full_name="Consulent Beta")


def _snapshot(user: User) -> tuple:
    user.refresh_from_db()
    return (
        user.is_active,
        user.password,
        sorted(Membership.objects.filter(user=user).values_list("organisation__slug", "role")),
        TOTPDevice.objects.filter(user=user).count(),
        AdminAction.objects.filter(target_user=user).count(),
    )


# --- Platform management cannot take over ADV staff -------------------------------------------------


@pytest.mark.parametrize("role", [Role.ADV_CONSULTANT, Role.ADV_COORDINATOR])
def test_a_platform_admin_cannot_give_an_adv_role(world, platform_admin, consultant_b, role):
    """Not to a fresh account, and not to someone who already works for
    another ADV."""
    fresh = UserFactory()
    for user in (fresh, consultant_b, platform_admin):
        before = _snapshot(user)
        with pytest.raises(services.ManagedByAdv, match="ADV staff are managed by their ADV's coordinator"):
            services.add_membership(actor=platform_admin, user=user, organisation=world["adv_a"], role=role, now=NOW)
        assert _snapshot(user) == before


def test_a_platform_admin_cannot_take_away_an_adv_role(world, platform_admin, consultant_a):
    membership = Membership.objects.get(user=consultant_a)
    with pytest.raises(services.ManagedByAdv):
        services.remove_membership(actor=platform_admin, membership=membership, now=NOW)
    assert Membership.objects.filter(pk=membership.pk).exists()


@pytest.mark.parametrize(
    "action",
    [services.reset_second_factor, services.issue_password_link, services.deactivate_user],
    ids=["reset_second_factor", "issue_password_link", "deactivate_user"],
)
def test_a_platform_admin_cannot_take_over_an_adv_account(world, platform_admin, consultant_a, action):
    before = _snapshot(consultant_a)
    with pytest.raises(services.ManagedByAdv, match="ADV Alfa"):
        action(actor=platform_admin, user=consultant_a, now=NOW)
    assert _snapshot(consultant_a) == before
    assert consultant_a.check_password(PASSWORD)


def test_a_platform_admin_cannot_switch_adv_staff_on_again(world, platform_admin, coordinator_a, consultant_a):
    services.deactivate_user(actor=coordinator_a, user=consultant_a, now=NOW)
    with pytest.raises(services.ManagedByAdv):
        services.reactivate_user(actor=platform_admin, user=consultant_a, now=NOW)
    consultant_a.refresh_from_db()
    assert not consultant_a.is_active


def test_an_adv_role_on_top_of_other_roles_still_protects_the_account(world, platform_admin, consultant_a):
    """A platform admin may give ADV staff a role outside the ADV, but that
    does not open the account to them."""
    services.add_membership(
        actor=platform_admin, user=consultant_a, organisation=world["partner_a"], role=Role.PARTNER_MEMBER, now=NOW
    )
    with pytest.raises(services.ManagedByAdv):
        services.reset_second_factor(actor=platform_admin, user=consultant_a, now=NOW)
    services.rename_user(actor=platform_admin, user=consultant_a, full_name="Consulent Alfa-Beta", now=NOW)
    partner = Membership.objects.get(user=consultant_a, role=Role.PARTNER_MEMBER)
    services.remove_membership(actor=platform_admin, membership=partner, now=NOW)


def test_a_platform_admin_who_is_also_coordinator_manages_that_adv(world, platform_admin, consultant_a):
    services.grant_membership(user=platform_admin, organisation=world["adv_a"], role=Role.ADV_COORDINATOR)
    services.reset_second_factor(actor=platform_admin, user=consultant_a, now=NOW)
    assert not TOTPDevice.objects.filter(user=consultant_a).exists()


def test_a_new_account_cannot_be_made_by_a_coordinator_outside_the_team_screens(world, coordinator_a):
    """An account without roles is platform management's, so a coordinator
    only makes accounts by inviting them into their ADV."""
    with pytest.raises(services.NeedsPlatformManagement):
        services.create_user(actor=coordinator_a, email="los@example.org", full_name="Los", now=NOW)
    assert not User.objects.filter(email="los@example.org").exists()


# --- A coordinator manages their own ADV's staff ----------------------------------------------------------


def test_a_coordinator_manages_roles_second_factor_links_and_switching_of_their_staff(
    world, coordinator_a, consultant_a
):
    membership = services.add_membership(
        actor=coordinator_a, user=consultant_a, organisation=world["adv_a"], role=Role.ADV_COORDINATOR, now=NOW
    )
    services.remove_membership(actor=coordinator_a, membership=membership, now=NOW)
    assert services.reset_second_factor(actor=coordinator_a, user=consultant_a, now=NOW) == 1
    link = services.issue_password_link(actor=coordinator_a, user=consultant_a, now=NOW)
    assert queries.user_for_password_link(link.uidb64, link.token) == consultant_a
    services.deactivate_user(actor=coordinator_a, user=consultant_a, now=NOW)
    services.reactivate_user(actor=coordinator_a, user=consultant_a, now=NOW)
    trail = AdminAction.objects.filter(target_user=consultant_a).order_by("id")
    assert {entry.actor for entry in trail} == {coordinator_a}
    assert [entry.action for entry in trail] == [
        AdminActionKind.MEMBERSHIP_ADDED,
        AdminActionKind.MEMBERSHIP_REMOVED,
        AdminActionKind.MFA_RESET,
        AdminActionKind.PASSWORD_LINK_ISSUED,
        AdminActionKind.USER_DEACTIVATED,
        AdminActionKind.USER_REACTIVATED,
    ]


def test_a_coordinator_cannot_touch_another_advs_staff(world, coordinator_a, consultant_b):
    before = _snapshot(consultant_b)
    membership = Membership.objects.get(user=consultant_b)
    with pytest.raises(services.ManagedByAdv, match="ADV Beta"):
        services.remove_membership(actor=coordinator_a, membership=membership, now=NOW)
    with pytest.raises(services.ManagedByAdv):
        services.add_membership(
            actor=coordinator_a, user=consultant_b, organisation=world["adv_b"], role=Role.ADV_COORDINATOR, now=NOW
        )
    for action in (services.reset_second_factor, services.issue_password_link, services.deactivate_user):
        with pytest.raises(services.ManagedByAdv):
            action(actor=coordinator_a, user=consultant_b, now=NOW)
    with pytest.raises(services.ManagedByAdv):
        services.switch_off_in_adv(actor=coordinator_a, adv=world["adv_b"], user=consultant_b, now=NOW)
    with pytest.raises(services.NotInTeam):
        services.switch_off_in_adv(actor=coordinator_a, adv=world["adv_a"], user=consultant_b, now=NOW)
    assert _snapshot(consultant_b) == before


def test_a_consultant_manages_nobody(world, consultant_a):
    colleague = _member(world, "adv_a", Role.ADV_CONSULTANT)
    with pytest.raises(services.ManagedByAdv):
        services.reset_second_factor(actor=consultant_a, user=colleague, now=NOW)
    with pytest.raises(services.ManagedByAdv):
        services.add_membership(
            actor=consultant_a, user=consultant_a, organisation=world["adv_a"], role=Role.ADV_COORDINATOR, now=NOW
        )


@pytest.mark.parametrize(("organisation", "role"), [("adv_a", Role.PLATFORM_ADMIN), ("partner_a", Role.PARTNER_MEMBER)])
def test_a_coordinator_gives_no_roles_outside_adv_roles(world, coordinator_a, consultant_a, organisation, role):
    with pytest.raises(services.NeedsPlatformManagement):
        services.add_membership(
            actor=coordinator_a, user=consultant_a, organisation=world[organisation], role=role, now=NOW
        )


def test_an_adv_role_goes_only_to_someone_already_in_an_adv(world, coordinator_a):
    """Anyone else comes in by invitation, which renews their login."""
    outsider = UserFactory()
    with pytest.raises(services.NotYetAdvStaff):
        services.add_membership(
            actor=coordinator_a, user=outsider, organisation=world["adv_a"], role=Role.ADV_CONSULTANT, now=NOW
        )
    assert not Membership.objects.filter(user=outsider).exists()


def test_a_disabled_coordinator_manages_nothing(world, coordinator_a, consultant_a):
    User.objects.filter(pk=coordinator_a.pk).update(is_active=False)
    with pytest.raises(services.ManagedByAdv):
        services.reset_second_factor(actor=coordinator_a, user=consultant_a, now=NOW)


# --- The last coordinator --------------------------------------------------------------------------------


def test_the_only_coordinator_cannot_take_away_their_own_coordinator_role(world, coordinator_a):
    membership = Membership.objects.get(user=coordinator_a)
    with pytest.raises(services.LastCoordinator, match="only coordinator of ADV Alfa"):
        services.remove_membership(actor=coordinator_a, membership=membership, now=NOW)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_switched_off_second_coordinator_does_not_count(world, coordinator_a):
    other = _member(world, "adv_a", Role.ADV_COORDINATOR)
    services.deactivate_user(actor=coordinator_a, user=other, now=NOW)
    with pytest.raises(services.LastCoordinator):
        services.remove_membership(actor=coordinator_a, membership=Membership.objects.get(user=coordinator_a), now=NOW)


def test_with_another_coordinator_a_coordinator_may_step_down(world, coordinator_a):
    other = _member(world, "adv_a", Role.ADV_COORDINATOR)
    services.add_membership(
        actor=coordinator_a, user=coordinator_a, organisation=world["adv_a"], role=Role.ADV_CONSULTANT, now=NOW
    )
    services.remove_membership(
        actor=coordinator_a,
        membership=Membership.objects.get(user=coordinator_a, role=Role.ADV_COORDINATOR),
        now=NOW,
    )
    assert list(Membership.objects.filter(user=coordinator_a).values_list("role", flat=True)) == [Role.ADV_CONSULTANT]
    # Now the other one is the last coordinator, and nobody can remove their role.
    with pytest.raises(services.LastCoordinator):
        services.remove_membership(actor=other, membership=Membership.objects.get(user=other), now=NOW)


def test_nobody_switches_off_their_own_account_or_resets_their_own_login(world, coordinator_a):
    for action in (services.deactivate_user, services.reset_second_factor, services.issue_password_link):
        with pytest.raises(services.OwnAccount):
            action(actor=coordinator_a, user=coordinator_a, now=NOW)
    with pytest.raises(services.OwnAccount):
        services.switch_off_in_adv(actor=coordinator_a, adv=world["adv_a"], user=coordinator_a, now=NOW)


# --- Switching off ---------------------------------------------------------------------------------------


def test_switching_off_someone_who_works_only_here_switches_the_account_off(world, coordinator_a, consultant_a):
    outcome = services.switch_off_in_adv(actor=coordinator_a, adv=world["adv_a"], user=consultant_a, now=NOW)
    assert outcome == services.SwitchOff.ACCOUNT_SWITCHED_OFF
    consultant_a.refresh_from_db()
    assert not consultant_a.is_active
    assert Membership.objects.filter(user=consultant_a, organisation=world["adv_a"]).exists()


@pytest.mark.parametrize(("organisation", "role"), [("partner_a", Role.PARTNER_MEMBER), ("adv_b", Role.ADV_CONSULTANT)])
def test_switching_off_someone_who_works_elsewhere_too_takes_away_only_the_roles_here(
    world, coordinator_a, consultant_a, organisation, role
):
    """The ADV decides about its own staff, not about the person's work for
    a partner or another ADV: the account stays on, the roles here go."""
    services.grant_membership(user=consultant_a, organisation=world[organisation], role=role)
    services.grant_membership(user=consultant_a, organisation=world["adv_a"], role=Role.ADV_COORDINATOR)
    outcome = services.switch_off_in_adv(actor=coordinator_a, adv=world["adv_a"], user=consultant_a, now=NOW)
    assert outcome == services.SwitchOff.ROLES_TAKEN_AWAY
    consultant_a.refresh_from_db()
    assert consultant_a.is_active
    assert list(Membership.objects.filter(user=consultant_a).values_list("organisation__slug", "role")) == [
        (world[organisation].slug, role)
    ]
    assert AdminAction.objects.filter(target_user=consultant_a, action=AdminActionKind.MEMBERSHIP_REMOVED).count() == 2
    # And their login stays theirs: the coordinator cannot reset it.
    with pytest.raises(services.AccountError):
        services.reset_second_factor(actor=coordinator_a, user=consultant_a, now=NOW)


def test_an_account_in_two_advs_needs_both_coordinators_for_account_wide_actions(
    world, coordinator_a, consultant_a, platform_admin
):
    services.grant_membership(user=consultant_a, organisation=world["adv_b"], role=Role.ADV_CONSULTANT)
    with pytest.raises(services.ManagedByAdv, match="ADV Beta"):
        services.issue_password_link(actor=coordinator_a, user=consultant_a, now=NOW)
    with pytest.raises(services.ManagedByAdv, match="ADV Alfa, ADV Beta"):
        services.issue_password_link(actor=platform_admin, user=consultant_a, now=NOW)


# --- Invitations -----------------------------------------------------------------------------------------


def test_inviting_a_new_address_makes_an_account_with_a_link(world, coordinator_a):
    invitation = services.invite_to_adv(
        actor=coordinator_a,
        adv=world["adv_a"],
        email=" Nieuw@ADV.example ",
        full_name=" Nieuwe Collega ",
        role=Role.ADV_CONSULTANT,
        now=NOW,
    )
    user = invitation.user
    assert (user.email, user.full_name, invitation.account_existed) == ("nieuw@adv.example", "Nieuwe Collega", False)
    assert not user.has_usable_password()
    assert list(Membership.objects.filter(user=user).values_list("organisation", "role")) == [
        (world["adv_a"].pk, Role.ADV_CONSULTANT)
    ]
    link = invitation.password_link
    assert link is not None
    assert queries.user_for_password_link(link.uidb64, link.token) == user
    trail = AdminAction.objects.filter(target_user=user).order_by("id")
    assert [entry.action for entry in trail] == [
        AdminActionKind.USER_CREATED,
        AdminActionKind.MEMBERSHIP_ADDED,
        AdminActionKind.PASSWORD_LINK_ISSUED,
    ]
    assert {entry.actor for entry in trail} == {coordinator_a}


def test_an_account_prepared_by_someone_else_is_renewed_when_it_joins(world, coordinator_a, platform_admin):
    """Platform management makes an account for the address first, keeps its
    link, sets a password and an authenticator app and stays logged in. When
    the ADV invites that address, none of it works any more."""
    prepared = services.create_user(actor=platform_admin, email="collega@adv.example", full_name="X", now=NOW)
    old_link = prepared.password_link
    user = prepared.user
    user.set_password("wachtwoord van de beheerder")
    user.save()
    TOTPDevice.objects.create(user=user, name="van de beheerder", confirmed=True)
    second_link_token = default_token_generator.make_token(user)

    invitation = services.invite_to_adv(
        actor=coordinator_a,
        adv=world["adv_a"],
        email="collega@adv.example",
        full_name="Echte Collega",
        role=Role.ADV_CONSULTANT,
        now=NOW,
    )
    user.refresh_from_db()
    assert invitation.account_existed
    assert not user.has_usable_password()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert queries.user_for_password_link(old_link.uidb64, old_link.token) is None
    assert queries.user_for_password_link(old_link.uidb64, second_link_token) is None
    assert invitation.password_link is not None
    assert queries.user_for_password_link(invitation.password_link.uidb64, invitation.password_link.token) == user
    # From now on platform management cannot issue a new link for it either.
    with pytest.raises(services.ManagedByAdv):
        services.issue_password_link(actor=platform_admin, user=user, now=NOW)


def test_a_switched_off_account_without_roles_is_switched_on_when_it_joins(world, coordinator_a, platform_admin):
    user = UserFactory(email="terug@adv.example")
    services.deactivate_user(actor=platform_admin, user=user, now=NOW)
    services.invite_to_adv(
        actor=coordinator_a, adv=world["adv_a"], email=user.email, full_name="", role=Role.ADV_CONSULTANT, now=NOW
    )
    user.refresh_from_db()
    assert user.is_active
    assert not user.has_usable_password()


def test_an_account_with_roles_outside_advs_cannot_join(world, coordinator_a):
    partner = _member(world, "partner_a", Role.PARTNER_MEMBER, email="lid@partner.example")
    before = _snapshot(partner)
    with pytest.raises(services.RolesOutsideAdvs, match="Partner member at Partner Alfa"):
        services.invite_to_adv(
            actor=coordinator_a,
            adv=world["adv_a"],
            email="LID@partner.example",
            full_name="Lid",
            role=Role.ADV_CONSULTANT,
            now=NOW,
        )
    assert _snapshot(partner) == before


def test_someone_from_another_adv_joins_and_keeps_their_login(world, coordinator_a, consultant_b):
    invitation = services.invite_to_adv(
        actor=coordinator_a,
        adv=world["adv_a"],
        email=consultant_b.email,
        full_name="",
        role=Role.ADV_CONSULTANT,
        now=NOW,
    )
    assert invitation.password_link is None
    consultant_b.refresh_from_db()
    assert consultant_b.check_password(PASSWORD)
    assert TOTPDevice.objects.filter(user=consultant_b).exists()
    assert Membership.objects.filter(user=consultant_b, organisation=world["adv_a"]).exists()


def test_inviting_someone_already_in_the_team_is_refused(world, coordinator_a, consultant_a):
    with pytest.raises(services.AlreadyInTeam):
        services.invite_to_adv(
            actor=coordinator_a,
            adv=world["adv_a"],
            email=consultant_a.email,
            full_name="",
            role=Role.ADV_COORDINATOR,
            now=NOW,
        )


def test_only_a_coordinator_of_the_adv_invites_and_only_to_adv_roles(world, coordinator_a, platform_admin):
    for actor, adv in ((platform_admin, "adv_a"), (coordinator_a, "adv_b")):
        with pytest.raises(services.ManagedByAdv):
            services.invite_to_adv(
                actor=actor, adv=world[adv], email="x@adv.example", full_name="X", role=Role.ADV_CONSULTANT, now=NOW
            )
    with pytest.raises(services.NotAnAdvRole):
        services.invite_to_adv(
            actor=coordinator_a,
            adv=world["adv_a"],
            email="x@adv.example",
            full_name="X",
            role=Role.PLATFORM_ADMIN,
            now=NOW,
        )
    with pytest.raises(services.NotAnAdv):
        services.invite_to_adv(
            actor=coordinator_a,
            adv=world["partner_a"],
            email="x@adv.example",
            full_name="X",
            role=Role.ADV_CONSULTANT,
            now=NOW,
        )
    assert not User.objects.filter(email="x@adv.example").exists()


def test_no_view_gives_roles_without_the_rules():
    """``grant_membership`` skips the authority rules (demo data, tests); no
    view module may call it."""
    from pathlib import Path

    import openinclusie

    root = Path(openinclusie.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if ("views" in path.name or "views" in path.parts or path.name == "api.py" or "api" in path.parts)
        and "tests" not in path.parts
        and "grant_membership" in path.read_text()
    ]
    assert offenders == []
