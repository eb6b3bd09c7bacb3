"""manage.py create_adv_coordinator: the first coordinator of an ADV is made
on the server, never by platform management (docs/adr/0007)."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinclusie.accounts.models import AdminAction, AdminActionKind, Membership, Role, User
from openinclusie.accounts.services import grant_membership
from openinclusie.accounts.tests.factories import PASSWORD, UserFactory

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = pytest.mark.usefixtures("english_ui")

NEW_PASSWORD = "fietsen langs de singel in maart"


def _run(*args: str) -> str:
    out = StringIO()
    call_command("create_adv_coordinator", *args, "--base-url", "https://inclusie.example/", stdout=out)
    return out.getvalue()


def _link(output: str) -> str:
    match = re.search(r"https://inclusie\.example(/inloggen/wachtwoord/\S+/)", output)
    assert match, output
    return match.group(1)


def test_it_makes_the_first_coordinator_with_a_one_time_link(world):
    output = _run("--adv", "adv-alfa", "--email", "Coordinator@ADV.example", "--name", "Sam de Vries")
    user = User.objects.get(email="coordinator@adv.example")
    assert "ADV Alfa: made coordinator Sam de Vries <coordinator@adv.example>" in output
    assert list(Membership.objects.filter(user=user).values_list("organisation", "role")) == [
        (world["adv_a"].pk, Role.ADV_COORDINATOR)
    ]
    assert not user.has_usable_password()
    link = _link(output)
    assert Client().post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}).status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert "This link no longer works" in Client().get(link).content.decode()
    trail = AdminAction.objects.filter(target_user=user).order_by("id")
    assert [entry.action for entry in trail] == [
        AdminActionKind.USER_CREATED,
        AdminActionKind.MEMBERSHIP_ADDED,
        AdminActionKind.PASSWORD_LINK_ISSUED,
        AdminActionKind.PASSWORD_SET,
    ]
    assert all(entry.actor == user for entry in trail)
    assert all("create_adv_coordinator" in entry.detail for entry in trail[:3])


def test_it_refuses_when_the_adv_already_has_a_coordinator(world):
    existing = UserFactory()
    grant_membership(user=existing, organisation=world["adv_a"], role=Role.ADV_COORDINATOR)
    with pytest.raises(CommandError, match="already has an active coordinator"):
        _run("--adv", "adv-alfa", "--email", "tweede@adv.example", "--name", "Tweede")
    assert not User.objects.filter(email="tweede@adv.example").exists()
    assert not AdminAction.objects.exists()


def test_it_renews_the_login_of_an_only_coordinator_who_lost_their_phone(world):
    coordinator = UserFactory(email="enige@adv.example")
    grant_membership(user=coordinator, organisation=world["adv_a"], role=Role.ADV_COORDINATOR)
    output = _run("--adv", "adv-alfa", "--email", "enige@adv.example", "--name", "Wordt niet gebruikt")
    assert "renewed the login of coordinator" in output
    coordinator.refresh_from_db()
    assert not coordinator.check_password(PASSWORD)
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert Membership.objects.filter(user=coordinator).count() == 1
    assert Client().post(_link(output), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}).status_code == 302


def test_a_switched_off_coordinator_does_not_block_a_new_one(world):
    gone = UserFactory(is_active=False)
    grant_membership(user=gone, organisation=world["adv_a"], role=Role.ADV_COORDINATOR)
    _run("--adv", "adv-alfa", "--email", "nieuw@adv.example", "--name", "Nieuw")
    assert Membership.objects.filter(user__email="nieuw@adv.example", role=Role.ADV_COORDINATOR).exists()


def test_it_refuses_an_account_with_roles_outside_the_adv(world):
    admin = UserFactory(email="beheer@platform.example")
    grant_membership(user=admin, organisation=world["platform"], role=Role.PLATFORM_ADMIN)
    with pytest.raises(CommandError, match="also has roles outside ADV Alfa"):
        _run("--adv", "adv-alfa", "--email", "beheer@platform.example", "--name", "Beheer")
    assert not Membership.objects.filter(user=admin, organisation=world["adv_a"]).exists()
    admin.refresh_from_db()
    assert admin.check_password(PASSWORD)


@pytest.mark.parametrize(("slug", "message"), [("bestaat-niet", "no organisation"), ("partner-alfa", "not an anti")])
def test_it_refuses_anything_but_an_adv(world, slug, message):
    with pytest.raises(CommandError, match=message):
        _run("--adv", slug, "--email", "x@adv.example", "--name", "X")
    assert not User.objects.filter(email="x@adv.example").exists()


def test_its_help_explains_who_runs_it():
    from openinclusie.accounts.management.commands.create_adv_coordinator import Command

    assert "ADV's own technical staff" in Command.help
    assert "docs/adr/0007" in Command.help
