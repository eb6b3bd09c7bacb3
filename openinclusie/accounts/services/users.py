"""Accounts: creating them, names, switching them off and on, second-factor
resets and set-password links. Every action on a whole account needs
authority over each of its roles (``rules.check_may_manage_account``), so
platform management cannot take over the account of ADV staff."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import devices_for_user

from openinclusie.accounts.models import AdminActionKind, Membership, Role, User

from .audit import record_admin_action
from .rules import AccountError, check_keeps_a_coordinator, check_may_manage_account, refuse_own_account


class EmailInUse(AccountError):
    field = "email"


class AccountSwitchedOff(AccountError):
    pass


class InvalidPasswordLink(AccountError):
    pass


@dataclass(frozen=True)
class PasswordLink:
    uidb64: str
    token: str


@dataclass(frozen=True)
class NewAccount:
    user: User
    password_link: PasswordLink


def normalised_email(email: str) -> str:
    return User.objects.normalize_email(email).strip().lower()


def new_account(*, actor: User | None, email: str, full_name: str, now: datetime, detail: str = "") -> User:
    """An account without a password and without roles. ``actor`` None means
    the account records its own creation (a server command)."""
    email = normalised_email(email)
    if User.objects.filter(email=email).exists():
        raise EmailInUse(_("There is already an account with this e-mail address."))
    user = User(email=email, full_name=full_name.strip())
    user.set_unusable_password()
    user.save()
    record_admin_action(actor=actor or user, action=AdminActionKind.USER_CREATED, target=user, detail=detail, now=now)
    return user


@transaction.atomic
def create_user(*, actor: User, email: str, full_name: str, now: datetime) -> NewAccount:
    """A new account without a password, and the link with which the person
    chooses one, so platform management never knows it."""
    user = new_account(actor=actor, email=email, full_name=full_name, now=now)
    return NewAccount(user=user, password_link=issue_password_link(actor=actor, user=user, now=now))


@transaction.atomic
def rename_user(*, actor: User, user: User, full_name: str, now: datetime) -> User:
    user = User.objects.select_for_update().get(pk=user.pk)
    full_name = full_name.strip()
    if full_name == user.full_name:
        return user
    old_name = user.full_name
    user.full_name = full_name
    user.save(update_fields=["full_name"])
    record_admin_action(
        actor=actor, action=AdminActionKind.USER_RENAMED, target=user, detail=f"{old_name} → {full_name}", now=now
    )
    return user


@transaction.atomic
def deactivate_user(*, actor: User, user: User, now: datetime) -> User:
    """Switches an account off. Its sessions stop working at the next
    request: the authentication backend and the access layer both refuse
    inactive users. The last active coordinator of an ADV stays on."""
    refuse_own_account(actor=actor, user=user)
    check_may_manage_account(actor=actor, user=user)
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_active:
        for membership in Membership.objects.filter(user=user, role=Role.ADV_COORDINATOR).select_related(
            "organisation"
        ):
            check_keeps_a_coordinator(actor=actor, adv=membership.organisation, leaving=user)
        user.is_active = False
        user.save(update_fields=["is_active"])
        record_admin_action(actor=actor, action=AdminActionKind.USER_DEACTIVATED, target=user, now=now)
    return user


@transaction.atomic
def reactivate_user(*, actor: User, user: User, now: datetime) -> User:
    check_may_manage_account(actor=actor, user=user)
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        record_admin_action(actor=actor, action=AdminActionKind.USER_REACTIVATED, target=user, now=now)
    return user


def remove_second_factor(*, actor: User, user: User, now: datetime, detail: str = "") -> int:
    """Removes every second-factor device and records it; no checks. Callers
    check authority first."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    removed = ngettext("%(count)s device removed", "%(count)s devices removed", len(devices)) % {"count": len(devices)}
    record_admin_action(
        actor=actor,
        action=AdminActionKind.MFA_RESET,
        target=user,
        detail=f"{removed}; {detail}" if detail else removed,
        now=now,
    )
    return len(devices)


@transaction.atomic
def reset_second_factor(*, actor: User, user: User, now: datetime) -> int:
    """Removes every second-factor device of the user, so the next login
    asks them to set up an authenticator app again. A session that was
    verified with a removed device is no longer verified. Returns the number
    of devices removed."""
    refuse_own_account(actor=actor, user=user)
    check_may_manage_account(actor=actor, user=user)
    return remove_second_factor(actor=actor, user=user, now=now)


def make_password_link(*, actor: User, user: User, now: datetime, detail: str = "") -> PasswordLink:
    """Makes and records a set-password link; no checks. Callers check
    authority first. The token is made from the stored row: it is tied to
    the password hash, which a caller may just have changed."""
    user = User.objects.get(pk=user.pk)
    link = PasswordLink(
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)), token=default_token_generator.make_token(user)
    )
    record_admin_action(actor=actor, action=AdminActionKind.PASSWORD_LINK_ISSUED, target=user, detail=detail, now=now)
    return link


@transaction.atomic
def issue_password_link(*, actor: User, user: User, now: datetime) -> PasswordLink:
    """A link with which the user chooses their own password. It works once:
    the token is tied to the current password hash, which setting a password
    changes. It expires after ``PASSWORD_RESET_TIMEOUT``. Using it never logs
    anyone in, so it cannot bypass the second factor."""
    refuse_own_account(actor=actor, user=user)
    check_may_manage_account(actor=actor, user=user)
    if not User.objects.filter(pk=user.pk, is_active=True).exists():
        raise AccountSwitchedOff(_("This account is switched off. Switch it on before making a set-password link."))
    return make_password_link(actor=actor, user=user, now=now)


@transaction.atomic
def set_password_with_link(*, user: User, token: str, password: str, now: datetime) -> User:
    """Sets the password chosen through a set-password link. The user row is
    locked and the token checked again, so one link sets one password."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active or not default_token_generator.check_token(user, token):
        raise InvalidPasswordLink(_("This link no longer works."))
    user.set_password(password)
    user.save(update_fields=["password"])
    record_admin_action(actor=user, action=AdminActionKind.PASSWORD_SET, target=user, now=now)
    return user
