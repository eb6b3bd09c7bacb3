"""User management through the test client: accounts, roles, the
set-password link, switching accounts off and resetting the second factor,
each proven against the real two-step login."""

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


@pytest.fixture
def admin_user(world):
    user = UserFactory(full_name="Beheerder Een")
    grant_membership(user=user, organisation=world["platform"], role=Role.PLATFORM_ADMIN)
    return user


@pytest.fixture
def admin(admin_user):
    return signed_in_client(admin_user)


@pytest.fixture
def colleague(world):
    """A partner member: an account platform management manages. (ADV staff
    are managed by their ADV's coordinator: test_adv_staff_management.py.)"""
    user = UserFactory(full_name="Consulent Alfa")
    grant_membership(user=user, organisation=world["partner_a"], role=Role.PARTNER_MEMBER)
    return user


def _password_link(response) -> str:
    match = re.search(r'id="password-link">(http[^<]+)<', response.content.decode())
    assert match, "no set-password link on the page"
    return match.group(1).replace("http://testserver", "")


# --- List and create -------------------------------------------------------------------------------


def test_the_user_list_searches_by_name_and_e_mail_with_a_plain_get_form(admin, colleague):
    UserFactory(full_name="Iemand Anders", email="iemand@example.org")
    response = admin.get(reverse("accounts:user_list"), {"q": "consulent"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Consulent Alfa" in content
    assert "Iemand Anders" not in content
    assert "Partner member at Partner Alfa" in content
    by_email = admin.get(reverse("accounts:user_list"), {"q": "iemand@"}).content.decode()
    assert "Iemand Anders" in by_email
    assert "Consulent Alfa" not in by_email


def test_create_a_user_shows_a_set_password_link_once(admin, admin_user):
    response = admin.post(
        reverse("accounts:user_create"), {"email": "Nieuw@Example.org", "full_name": "Nieuwe Collega"}
    )
    user = User.objects.get(email="nieuw@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:user_detail", args=[user.pk])
    assert not user.has_usable_password()

    detail = admin.get(response["Location"])
    assert _password_link(detail).startswith("/inloggen/wachtwoord/")
    assert 'id="password-link"' not in admin.get(response["Location"]).content.decode()
    actions = set(AdminAction.objects.filter(target_user=user, actor=admin_user).values_list("action", flat=True))
    assert actions == {AdminActionKind.USER_CREATED, AdminActionKind.PASSWORD_LINK_ISSUED}


def test_create_ignores_privilege_fields(admin):
    admin.post(
        reverse("accounts:user_create"),
        {
            "email": "nieuw@example.org",
            "full_name": "Nieuwe Collega",
            "is_superuser": "on",
            "is_staff": "on",
            "password": "zelf gekozen door beheer",
            "memberships": "1",
        },
    )
    user = User.objects.get(email="nieuw@example.org")
    assert not user.is_superuser
    assert not user.is_staff
    assert not user.has_usable_password()
    assert not Membership.objects.filter(user=user).exists()


def test_an_e_mail_address_in_use_is_a_form_error(admin, colleague):
    response = admin.post(reverse("accounts:user_create"), {"email": colleague.email.upper(), "full_name": "Dubbel"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]


# --- The set-password link -------------------------------------------------------------------------


def test_the_set_password_link_works_once_and_never_skips_the_second_factor(admin):
    response = admin.post(reverse("accounts:user_create"), {"email": "nieuw@example.org", "full_name": "Nieuw"})
    link = _password_link(admin.get(response["Location"]))

    visitor = Client()
    page = visitor.get(link)
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    assert 'name="password1"' in page.content.decode()

    response = visitor.post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    user = User.objects.get(email="nieuw@example.org")
    assert user.check_password(NEW_PASSWORD)
    assert "_auth_user_id" not in visitor.session  # setting a password logs nobody in

    again = visitor.get(link)
    assert "This link no longer works" in again.content.decode()
    assert 'name="password1"' not in again.content.decode()
    visitor.post(link, {"password1": "nog een heel ander wachtwoord", "password2": "nog een heel ander wachtwoord"})
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)

    # Logging in now asks for the second factor, starting with setting it up.
    response = visitor.post(reverse("accounts:login"), {"username": user.email, "password": NEW_PASSWORD})
    assert response["Location"].startswith(reverse("accounts:verify"))
    assert visitor.get(reverse("accounts:start"))["Location"].startswith(reverse("accounts:verify"))
    assert visitor.get(reverse("accounts:verify")).context["enrolling"] is True


def test_weak_or_mismatched_passwords_are_refused(admin):
    response = admin.post(reverse("accounts:user_create"), {"email": "nieuw@example.org", "full_name": "Nieuw"})
    link = _password_link(admin.get(response["Location"]))
    visitor = Client()
    mismatch = visitor.post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "!"})
    assert mismatch.context["form"].errors["password2"]
    too_short = visitor.post(link, {"password1": "kort", "password2": "kort"})
    assert too_short.context["form"].errors["password1"]
    assert not User.objects.get(email="nieuw@example.org").has_usable_password()


def test_a_tampered_link_does_not_work(db, client):
    user = UserFactory(password=None)
    response = client.get(reverse("accounts:set_password", kwargs={"uidb64": "MQ", "token": "abc-123"}))
    assert "This link no longer works" in response.content.decode()
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_an_admin_can_make_a_new_link_for_someone_else(admin, colleague):
    response = admin.post(reverse("accounts:user_password_link", args=[colleague.pk]))
    assert response.status_code == 302
    link = _password_link(admin.get(response["Location"]))
    assert Client().post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}).status_code == 302
    colleague.refresh_from_db()
    assert colleague.check_password(NEW_PASSWORD)


# --- Editing ---------------------------------------------------------------------------------------


def test_edit_changes_the_name_only(admin, colleague):
    response = admin.post(
        reverse("accounts:user_edit", args=[colleague.pk]),
        {
            "full_name": "Consulent Alfa-Beta",
            "email": "ander@example.org",
            "is_superuser": "on",
            "is_staff": "on",
            "is_active": "",
            "password": "overgenomen",
        },
    )
    assert response.status_code == 302
    before_email = colleague.email
    colleague.refresh_from_db()
    assert colleague.full_name == "Consulent Alfa-Beta"
    assert colleague.email == before_email
    assert not colleague.is_superuser
    assert not colleague.is_staff
    assert colleague.is_active
    assert colleague.check_password(PASSWORD)


# --- Switching off ---------------------------------------------------------------------------------


def test_a_switched_off_user_loses_their_session_at_once(admin, colleague):
    own_client = signed_in_client(colleague)
    assert own_client.get(reverse("accounts:start")).status_code == 200

    assert admin.get(reverse("accounts:user_deactivate", args=[colleague.pk])).status_code == 200  # confirmation
    colleague.refresh_from_db()
    assert colleague.is_active
    assert admin.post(reverse("accounts:user_deactivate", args=[colleague.pk])).status_code == 302

    response = own_client.get(reverse("accounts:start"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    # Nor can they log in again.
    fresh = Client()
    assert fresh.post(reverse("accounts:login"), {"username": colleague.email, "password": PASSWORD}).status_code == 200
    assert "_auth_user_id" not in fresh.session

    admin.post(reverse("accounts:user_reactivate", args=[colleague.pk]))
    colleague.refresh_from_db()
    assert colleague.is_active
    # (A TOTP code works once, so only the password step is repeated here.)
    again = Client().post(reverse("accounts:login"), {"username": colleague.email, "password": PASSWORD})
    assert again["Location"].startswith(reverse("accounts:verify"))


def test_an_admin_cannot_switch_off_their_own_account(admin, admin_user):
    response = admin.post(reverse("accounts:user_deactivate", args=[admin_user.pk]), follow=True)
    admin_user.refresh_from_db()
    assert admin_user.is_active
    assert "Ask another platform admin" in response.content.decode()


# --- Second factor ---------------------------------------------------------------------------------


def test_reset_second_factor_forces_enrolment_and_is_logged(admin, admin_user, colleague):
    own_client = signed_in_client(colleague)
    assert admin.get(reverse("accounts:user_reset_second_factor", args=[colleague.pk])).status_code == 200
    assert TOTPDevice.objects.filter(user=colleague).exists()

    response = admin.post(reverse("accounts:user_reset_second_factor", args=[colleague.pk]))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=colleague).exists()

    # The open session is no longer verified: back to the second step, which
    # now sets up a new authenticator app.
    response = own_client.get(reverse("accounts:start"))
    assert response["Location"].startswith(reverse("accounts:verify"))
    assert own_client.get(reverse("accounts:verify")).context["enrolling"] is True

    fresh = Client()
    fresh.post(reverse("accounts:login"), {"username": colleague.email, "password": PASSWORD})
    assert fresh.get(reverse("accounts:verify")).context["enrolling"] is True

    entry = AdminAction.objects.get(action=AdminActionKind.MFA_RESET)
    assert (entry.actor, entry.target_user) == (admin_user, colleague)
    detail = admin.get(reverse("accounts:user_detail", args=[colleague.pk])).content.decode()
    assert "Two-step login reset" in detail
    assert "Beheerder Een" in detail


# --- Roles -----------------------------------------------------------------------------------------


def test_give_and_take_away_a_role(admin, admin_user, world, colleague):
    response = admin.post(
        reverse("accounts:membership_add", args=[colleague.pk]),
        {"organisation": world["municipality_org_a"].pk, "role": Role.PROGRAMME_OFFICER},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=colleague, role=Role.PROGRAMME_OFFICER)

    remove_url = reverse("accounts:membership_remove", args=[colleague.pk, membership.pk])
    assert admin.get(remove_url).status_code == 200
    assert admin.post(remove_url).status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()

    detail = admin.get(reverse("accounts:user_detail", args=[colleague.pk])).content.decode()
    assert "Role given" in detail
    assert "Role taken away" in detail
    assert detail.count("Programme officer at Gemeente Alfastad") >= 2


def test_a_role_the_organisation_cannot_give_is_a_form_error(admin, world, colleague):
    response = admin.post(
        reverse("accounts:membership_add", args=[colleague.pk]),
        {"organisation": world["partner_a"].pk, "role": Role.PROGRAMME_OFFICER},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["role"]
    assert "Partner Alfa" in response.content.decode()
    assert not Membership.objects.filter(user=colleague, role=Role.PROGRAMME_OFFICER).exists()


def test_an_unknown_role_is_a_form_error(admin, world, colleague):
    response = admin.post(
        reverse("accounts:membership_add", args=[colleague.pk]),
        {"organisation": world["adv_a"].pk, "role": "superuser"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["role"]


def test_an_admin_cannot_give_themselves_a_role(admin, admin_user, world):
    response = admin.post(
        reverse("accounts:membership_add", args=[admin_user.pk]),
        {"organisation": world["partner_a"].pk, "role": Role.PARTNER_MEMBER},
    )
    assert response.status_code == 200
    assert "Ask another platform admin" in response.content.decode()
    assert not Membership.objects.filter(user=admin_user, role=Role.PARTNER_MEMBER).exists()


def test_a_membership_is_only_removed_through_its_own_user(admin, world, colleague):
    other = UserFactory()
    membership = grant_membership(user=other, organisation=world["partner_a"], role=Role.PARTNER_MEMBER)
    url = reverse("accounts:membership_remove", args=[colleague.pk, membership.pk])
    assert admin.get(url).status_code == 404
    assert admin.post(url).status_code == 404
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_role_taken_away_closes_the_pages_it_opened(admin, world):
    coordinator = UserFactory()
    membership = grant_membership(user=coordinator, organisation=world["platform"], role=Role.PLATFORM_ADMIN)
    own_client = signed_in_client(coordinator)
    assert own_client.get(reverse("accounts:user_list")).status_code == 200
    admin.post(reverse("accounts:membership_remove", args=[coordinator.pk, membership.pk]))
    assert own_client.get(reverse("accounts:user_list")).status_code == 403
