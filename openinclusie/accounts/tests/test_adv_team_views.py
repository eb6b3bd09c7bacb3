"""The Team screens of an ADV coordinator, and the platform-admin screens
refusing to act on ADV staff (docs/adr/0007), through the test client and
the real two-step login."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinclusie.accounts.models import AdminAction, AdminActionKind, Membership, Role, User
from openinclusie.accounts.services import grant_membership
from openinclusie.accounts.tests.factories import PASSWORD, UserFactory, signed_in_client

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = pytest.mark.usefixtures("english_ui")

NEW_PASSWORD = "fietsen langs de singel in maart"


def _member(world, organisation: str, role: Role, **kwargs):
    user = UserFactory(**kwargs)
    grant_membership(user=user, organisation=world[organisation], role=role)
    return user


@pytest.fixture
def coordinator_user(world):
    return _member(world, "adv_a", Role.ADV_COORDINATOR, full_name="Coördinator Alfa")


@pytest.fixture
def coordinator(coordinator_user):
    return signed_in_client(coordinator_user)


@pytest.fixture
def consultant_a(world):
    return _member(world, "adv_a", Role.ADV_CONSULTANT, full_name="Consulent Alfa")


@pytest.fixture
def consultant_b(world):
    return _member(world, "adv_b", Role.ADV_CONSULTANT, full_name="Consulent Beta")


@pytest.fixture
def admin(world):
    return signed_in_client(_member(world, "platform", Role.PLATFORM_ADMIN, full_name="Beheerder Een"))


MANAGED_BY_ADV = "ADV staff are managed by their ADV's coordinator"


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _password_link(response) -> str:
    match = re.search(r'id="password-link">(http[^<]+)<', response.content.decode())
    assert match, "no set-password link on the page"
    return match.group(1).replace("http://testserver", "")


def _state(user: User) -> tuple:
    user.refresh_from_db()
    return (
        user.is_active,
        user.password,
        sorted(Membership.objects.filter(user=user).values_list("organisation__slug", "role")),
        TOTPDevice.objects.filter(user=user).count(),
        AdminAction.objects.filter(target_user=user).count(),
    )


def _member_url(name: str, adv, user, **extra) -> str:
    return reverse(f"accounts:{name}", kwargs={"adv": adv.slug, "pk": user.pk, **extra})


# --- Platform management sees ADV staff but cannot act on them ---------------------------------------


def test_the_platform_admin_page_of_adv_staff_explains_and_offers_no_takeover(admin, consultant_a, world):
    grant_membership(user=consultant_a, organisation=world["partner_a"], role=Role.PARTNER_MEMBER)
    page = admin.get(reverse("accounts:user_detail", args=[consultant_a.pk]))
    content = page.content.decode()
    assert page.status_code == 200
    assert consultant_a.email in content
    assert "ADV consultant" in content
    assert "ADV Alfa" in content
    assert MANAGED_BY_ADV in _text(page)
    for name in ("user_reset_second_factor", "user_deactivate", "user_password_link", "user_reactivate"):
        assert reverse(f"accounts:{name}", args=[consultant_a.pk]) not in content
    adv_role = Membership.objects.get(user=consultant_a, organisation=world["adv_a"])
    partner_role = Membership.objects.get(user=consultant_a, organisation=world["partner_a"])
    assert reverse("accounts:membership_remove", args=[consultant_a.pk, adv_role.pk]) not in content
    assert reverse("accounts:membership_remove", args=[consultant_a.pk, partner_role.pk]) in content
    # The form to give a role offers no ADV roles.
    assert f'value="{Role.ADV_CONSULTANT}"' not in content
    assert f'value="{Role.ADV_COORDINATOR}"' not in content


@pytest.mark.parametrize("name", ["user_reset_second_factor", "user_deactivate"])
def test_a_platform_admin_is_refused_on_the_confirmation_page_and_the_post(admin, consultant_a, name):
    before = _state(consultant_a)
    url = reverse(f"accounts:{name}", args=[consultant_a.pk])
    for response in (admin.get(url, follow=True), admin.post(url, follow=True)):
        assert response.redirect_chain[-1][0] == reverse("accounts:user_detail", args=[consultant_a.pk])
        assert MANAGED_BY_ADV in _text(response)
    assert _state(consultant_a) == before


def test_a_platform_admin_gets_no_set_password_link_for_adv_staff(admin, consultant_a):
    before = _state(consultant_a)
    response = admin.post(reverse("accounts:user_password_link", args=[consultant_a.pk]), follow=True)
    assert 'id="password-link"' not in response.content.decode()
    assert MANAGED_BY_ADV in _text(response)
    assert _state(consultant_a) == before


def test_a_platform_admin_cannot_switch_adv_staff_on_again(admin, coordinator_user, consultant_a):
    from django.utils import timezone

    from openinclusie.accounts.services import deactivate_user

    deactivate_user(actor=coordinator_user, user=consultant_a, now=timezone.now())
    admin.post(reverse("accounts:user_reactivate", args=[consultant_a.pk]))
    consultant_a.refresh_from_db()
    assert not consultant_a.is_active


@pytest.mark.parametrize("role", [Role.ADV_CONSULTANT, Role.ADV_COORDINATOR])
def test_a_platform_admin_cannot_give_an_adv_role(admin, world, role):
    newcomer = UserFactory()
    response = admin.post(
        reverse("accounts:membership_add", args=[newcomer.pk]), {"organisation": world["adv_a"].pk, "role": role}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["role"]
    assert not Membership.objects.filter(user=newcomer).exists()
    assert not AdminAction.objects.filter(target_user=newcomer).exists()


def test_a_platform_admin_cannot_take_away_an_adv_role(admin, consultant_a):
    membership = Membership.objects.get(user=consultant_a)
    url = reverse("accounts:membership_remove", args=[consultant_a.pk, membership.pk])
    for response in (admin.get(url, follow=True), admin.post(url, follow=True)):
        assert MANAGED_BY_ADV in _text(response)
    assert Membership.objects.filter(pk=membership.pk).exists()


# --- The Team pages ---------------------------------------------------------------------------------------


def test_the_team_lists_only_the_own_advs_staff(coordinator, consultant_a, consultant_b):
    page = coordinator.get(reverse("accounts:team"))
    content = page.content.decode()
    assert page.status_code == 200
    assert "Consulent Alfa" in content
    assert "Coördinator Alfa" in content
    assert "Consulent Beta" not in content
    assert consultant_b.email not in content


def test_the_menu_shows_team_to_coordinators_only(coordinator, world):
    team_url = reverse("accounts:team")
    assert f'href="{team_url}"' in coordinator.get(reverse("accounts:start")).content.decode()
    consultant = signed_in_client(_member(world, "adv_a", Role.ADV_CONSULTANT))
    assert f'href="{team_url}"' not in consultant.get(reverse("accounts:start")).content.decode()
    assert consultant.get(team_url).status_code == 403


def test_another_advs_staff_answer_404_everywhere(coordinator, world, consultant_b):
    """Through ADV A's address and through ADV B's, for every page and
    every POST; nothing changes."""
    before = _state(consultant_b)
    membership = Membership.objects.get(user=consultant_b)
    for adv in (world["adv_a"], world["adv_b"]):
        urls = [
            _member_url(name, adv, consultant_b)
            for name in (
                "team_member",
                "team_role_add",
                "team_reset_second_factor",
                "team_password_link",
                "team_switch_off",
                "team_switch_on",
            )
        ]
        urls.append(_member_url("team_role_remove", adv, consultant_b, membership=membership.pk))
        for url in urls:
            assert coordinator.get(url).status_code in (404, 405), url
            assert coordinator.post(url, {"role": Role.ADV_COORDINATOR}).status_code == 404, url
    assert coordinator.get(reverse("accounts:team_invite", kwargs={"adv": world["adv_b"].slug})).status_code == 404
    response = coordinator.post(
        reverse("accounts:team_invite", kwargs={"adv": world["adv_b"].slug}),
        {"email": "x@adv.example", "full_name": "X", "role": Role.ADV_CONSULTANT},
    )
    assert response.status_code == 404
    assert not User.objects.filter(email="x@adv.example").exists()
    assert _state(consultant_b) == before


def test_invite_shows_the_link_once_and_the_link_leads_to_a_second_factor(coordinator, world, coordinator_user):
    response = coordinator.post(
        reverse("accounts:team_invite", kwargs={"adv": world["adv_a"].slug}),
        {"email": "Nieuw@ADV.example", "full_name": "Nieuwe Collega", "role": Role.ADV_CONSULTANT},
    )
    user = User.objects.get(email="nieuw@adv.example")
    assert response.status_code == 302
    assert response["Location"] == _member_url("team_member", world["adv_a"], user)
    page = coordinator.get(response["Location"])
    link = _password_link(page)
    assert "Nieuwe Collega is now in your team" in page.content.decode()
    assert 'id="password-link"' not in coordinator.get(response["Location"]).content.decode()

    visitor = Client()
    assert visitor.post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}).status_code == 302
    response = visitor.post(reverse("accounts:login"), {"username": user.email, "password": NEW_PASSWORD})
    assert response["Location"].startswith(reverse("accounts:verify"))
    assert visitor.get(reverse("accounts:verify")).context["enrolling"] is True
    assert set(
        AdminAction.objects.filter(target_user=user, actor=coordinator_user).values_list("action", flat=True)
    ) == {
        AdminActionKind.USER_CREATED,
        AdminActionKind.MEMBERSHIP_ADDED,
        AdminActionKind.PASSWORD_LINK_ISSUED,
    }


def test_invite_refusals_are_form_errors(coordinator, world, consultant_a):
    partner = _member(world, "partner_a", Role.PARTNER_MEMBER)
    url = reverse("accounts:team_invite", kwargs={"adv": world["adv_a"].slug})
    for email in (consultant_a.email, partner.email):
        response = coordinator.post(url, {"email": email, "full_name": "X", "role": Role.ADV_CONSULTANT})
        assert response.status_code == 200
        assert response.context["form"].errors["email"]
    response = coordinator.post(url, {"email": "y@adv.example", "full_name": "Y", "role": Role.PLATFORM_ADMIN})
    assert response.context["form"].errors["role"]
    assert not Membership.objects.filter(user=partner, organisation=world["adv_a"]).exists()


def test_give_and_take_away_a_role_in_the_team(coordinator, world, consultant_a):
    adv = world["adv_a"]
    page = coordinator.get(_member_url("team_member", adv, consultant_a)).content.decode()
    assert f'value="{Role.ADV_COORDINATOR}"' in page
    assert f'value="{Role.ADV_CONSULTANT}"' not in page  # already has it
    response = coordinator.post(_member_url("team_role_add", adv, consultant_a), {"role": Role.ADV_COORDINATOR})
    assert response.status_code == 302
    membership = Membership.objects.get(user=consultant_a, role=Role.ADV_COORDINATOR)
    remove = _member_url("team_role_remove", adv, consultant_a, membership=membership.pk)
    assert coordinator.get(remove).status_code == 200
    assert coordinator.post(remove).status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    # Roles outside the ADV's two are not accepted.
    response = coordinator.post(_member_url("team_role_add", adv, consultant_a), {"role": Role.PLATFORM_ADMIN})
    assert response.status_code == 200
    assert not Membership.objects.filter(user=consultant_a, role=Role.PLATFORM_ADMIN).exists()


def test_reset_second_factor_and_new_link_for_a_colleague(coordinator, world, consultant_a):
    adv = world["adv_a"]
    own_client = signed_in_client(consultant_a)
    url = _member_url("team_reset_second_factor", adv, consultant_a)
    assert coordinator.get(url).status_code == 200
    assert coordinator.post(url).status_code == 302
    assert not TOTPDevice.objects.filter(user=consultant_a).exists()
    assert own_client.get(reverse("accounts:start"))["Location"].startswith(reverse("accounts:verify"))

    response = coordinator.post(_member_url("team_password_link", adv, consultant_a))
    link = _password_link(coordinator.get(response["Location"]))
    assert Client().post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}).status_code == 302
    consultant_a.refresh_from_db()
    assert consultant_a.check_password(NEW_PASSWORD)


def test_switch_a_colleague_off_and_on(coordinator, world, consultant_a):
    adv = world["adv_a"]
    own_client = signed_in_client(consultant_a)
    url = _member_url("team_switch_off", adv, consultant_a)
    assert "Switch off the account of Consulent Alfa?" in coordinator.get(url).content.decode()
    assert coordinator.post(url).status_code == 302
    consultant_a.refresh_from_db()
    assert not consultant_a.is_active
    assert own_client.get(reverse("accounts:start"))["Location"].startswith(reverse("accounts:login"))
    # Still in the team, so they can be switched on again.
    assert "Consulent Alfa" in coordinator.get(reverse("accounts:team")).content.decode()
    coordinator.post(_member_url("team_switch_on", adv, consultant_a))
    consultant_a.refresh_from_db()
    assert consultant_a.is_active


def test_switching_off_someone_who_works_elsewhere_removes_them_from_the_team(coordinator, world, consultant_a):
    grant_membership(user=consultant_a, organisation=world["partner_a"], role=Role.PARTNER_MEMBER)
    adv = world["adv_a"]
    page = coordinator.get(_member_url("team_member", adv, consultant_a)).content.decode()
    assert _member_url("team_reset_second_factor", adv, consultant_a) not in page
    assert _member_url("team_password_link", adv, consultant_a) not in page
    url = _member_url("team_switch_off", adv, consultant_a)
    assert "Remove Consulent Alfa from the team of ADV Alfa?" in coordinator.get(url).content.decode()
    response = coordinator.post(url)
    assert response["Location"] == reverse("accounts:team")
    consultant_a.refresh_from_db()
    assert consultant_a.is_active
    assert list(Membership.objects.filter(user=consultant_a).values_list("role", flat=True)) == [Role.PARTNER_MEMBER]
    assert coordinator.get(_member_url("team_member", adv, consultant_a)).status_code == 404
    # Their login is not the coordinator's to reset.
    before = _state(consultant_a)
    coordinator.post(_member_url("team_reset_second_factor", adv, consultant_a))
    assert _state(consultant_a) == before


def test_the_only_coordinator_cannot_step_down(coordinator, coordinator_user, world):
    membership = Membership.objects.get(user=coordinator_user)
    url = _member_url("team_role_remove", world["adv_a"], coordinator_user, membership=membership.pk)
    response = coordinator.post(url, follow=True)
    assert "You are the only coordinator of ADV Alfa" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_coordinator_may_step_down_when_there_is_another(coordinator, coordinator_user, world):
    _member(world, "adv_a", Role.ADV_COORDINATOR)
    membership = Membership.objects.get(user=coordinator_user)
    url = _member_url("team_role_remove", world["adv_a"], coordinator_user, membership=membership.pk)
    response = coordinator.post(url)
    assert response["Location"] == reverse("accounts:start")
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert coordinator.get(reverse("accounts:team")).status_code == 403


def test_a_coordinator_cannot_reset_their_own_login(coordinator, coordinator_user, world):
    page = coordinator.get(_member_url("team_member", world["adv_a"], coordinator_user)).content.decode()
    assert _member_url("team_reset_second_factor", world["adv_a"], coordinator_user) not in page
    coordinator.post(_member_url("team_reset_second_factor", world["adv_a"], coordinator_user))
    coordinator.post(_member_url("team_switch_off", world["adv_a"], coordinator_user))
    coordinator_user.refresh_from_db()
    assert coordinator_user.is_active
    assert TOTPDevice.objects.filter(user=coordinator_user).exists()
    assert coordinator_user.check_password(PASSWORD)
