"""Writes for accounts: users, memberships, second factors and the trail of
management actions."""

import base64
import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.tokens import default_token_generator
from django.db import models, transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinclusie.core.exceptions import DomainError
from openinclusie.organisations.models import Organisation

from .models import ROLES_BY_ORGANISATION_KIND, AdminAction, AdminActionKind, Membership, Role, User

audit_logger = logging.getLogger("openinclusie.audit")


class AccountError(DomainError):
    """A refused account change. ``field`` names the form field the message
    belongs to, if any."""

    field: str | None = None


class RoleNotAllowedForOrganisation(AccountError):
    field = "role"


class MembershipExists(AccountError):
    field = "role"


class EmailInUse(AccountError):
    field = "email"


class OwnAccount(AccountError):
    pass


class AccountSwitchedOff(AccountError):
    pass


class InvalidPasswordLink(AccountError):
    pass


# --- Trail of management actions -----------------------------------------------------------------


def record_admin_action(
    *,
    actor: User,
    action: AdminActionKind,
    target: models.Model,
    now: datetime,
    target_user: User | None = None,
    detail: str = "",
) -> AdminAction:
    """Adds one entry to the append-only trail, and writes the same event to
    the ``openinclusie.audit`` log so it can be shipped to a log store the
    application cannot rewrite."""
    if target_user is None and isinstance(target, User):
        target_user = target
    entry = AdminAction.objects.create(
        actor=actor,
        action=action,
        target_user=target_user,
        target_type=target._meta.model_name or "",
        target_id=target.pk,
        target_label=str(target)[:200],
        detail=detail[:300],
        at=now,
    )
    audit_logger.info(
        "admin_action action=%s actor=%s target=%s:%s",
        action,
        actor.pk,
        entry.target_type,
        entry.target_id,
        extra={
            "actor_id": actor.pk,
            "action": str(action),
            "target_type": entry.target_type,
            "target_id": entry.target_id,
            "target_user_id": target_user.pk if target_user else None,
            "at": now.isoformat(),
        },
    )
    return entry


# --- Memberships -----------------------------------------------------------------------------------


def _check_role_fits(*, organisation: Organisation, role: Role) -> None:
    allowed = ROLES_BY_ORGANISATION_KIND[organisation.kind]
    if role not in allowed:
        names = ", ".join(sorted(str(Role(r).label) for r in allowed))
        raise RoleNotAllowedForOrganisation(
            _(
                "%(organisation)s is of the kind “%(kind)s”, which cannot give the role “%(role)s”. "
                "It can give: %(roles)s."
            )
            % {
                "organisation": organisation.name,
                "kind": organisation.get_kind_display(),
                "role": Role(role).label,
                "roles": names,
            }
        )


@transaction.atomic
def grant_membership(*, user: User, organisation: Organisation, role: Role) -> Membership:
    _check_role_fits(organisation=organisation, role=role)
    membership, _created = Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    return membership


def _refuse_own_account(*, actor: User, user: User) -> None:
    if actor.pk == user.pk:
        raise OwnAccount(
            _(
                "You cannot change the roles, the two-step login or the password of your own account, "
                "or switch it off. Ask another platform admin."
            )
        )


def _membership_label(membership: Membership) -> str:
    return _("%(role)s at %(organisation)s") % {
        "role": membership.get_role_display(),
        "organisation": membership.organisation.name,
    }


@transaction.atomic
def add_membership(*, actor: User, user: User, organisation: Organisation, role: Role, now: datetime) -> Membership:
    """Gives a user a role in an organisation, on behalf of platform
    management. Nobody changes their own roles."""
    _refuse_own_account(actor=actor, user=user)
    _check_role_fits(organisation=organisation, role=role)
    if Membership.objects.filter(user=user, organisation=organisation, role=role).exists():
        raise MembershipExists(
            _("%(user)s already has the role “%(role)s” at %(organisation)s.")
            % {"user": user.full_name, "role": Role(role).label, "organisation": organisation.name}
        )
    membership = Membership.objects.create(user=user, organisation=organisation, role=role)
    record_admin_action(
        actor=actor,
        action=AdminActionKind.MEMBERSHIP_ADDED,
        target=user,
        detail=_membership_label(membership),
        now=now,
    )
    return membership


@transaction.atomic
def remove_membership(*, actor: User, membership: Membership, now: datetime) -> None:
    user = membership.user
    _refuse_own_account(actor=actor, user=user)
    label = _membership_label(membership)
    membership.delete()
    record_admin_action(actor=actor, action=AdminActionKind.MEMBERSHIP_REMOVED, target=user, detail=label, now=now)


# --- Users -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PasswordLink:
    uidb64: str
    token: str


@dataclass(frozen=True)
class NewAccount:
    user: User
    password_link: PasswordLink


@transaction.atomic
def create_user(*, actor: User, email: str, full_name: str, now: datetime) -> NewAccount:
    """A new account without a password, and the link with which the person
    chooses one, so platform management never knows it."""
    email = User.objects.normalize_email(email).strip().lower()
    if User.objects.filter(email=email).exists():
        raise EmailInUse(_("There is already an account with this e-mail address."))
    user = User(email=email, full_name=full_name.strip())
    user.set_unusable_password()
    user.save()
    record_admin_action(actor=actor, action=AdminActionKind.USER_CREATED, target=user, now=now)
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
    inactive users."""
    _refuse_own_account(actor=actor, user=user)
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
        record_admin_action(actor=actor, action=AdminActionKind.USER_DEACTIVATED, target=user, now=now)
    return user


@transaction.atomic
def reactivate_user(*, actor: User, user: User, now: datetime) -> User:
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        record_admin_action(actor=actor, action=AdminActionKind.USER_REACTIVATED, target=user, now=now)
    return user


@transaction.atomic
def reset_second_factor(*, actor: User, user: User, now: datetime) -> int:
    """Removes every second-factor device of the user, so the next login
    asks them to set up an authenticator app again. A session that was
    verified with a removed device is no longer verified. Returns the number
    of devices removed."""
    _refuse_own_account(actor=actor, user=user)
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    record_admin_action(
        actor=actor,
        action=AdminActionKind.MFA_RESET,
        target=user,
        detail=_("%(count)s device(s) removed") % {"count": len(devices)},
        now=now,
    )
    return len(devices)


@transaction.atomic
def issue_password_link(*, actor: User, user: User, now: datetime) -> PasswordLink:
    """A link with which the user chooses their own password. It works once:
    the token is tied to the current password hash, which setting a password
    changes. It expires after ``PASSWORD_RESET_TIMEOUT``. Using it never logs
    anyone in, so it cannot bypass the second factor."""
    _refuse_own_account(actor=actor, user=user)
    user = User.objects.get(pk=user.pk)
    if not user.is_active:
        raise AccountSwitchedOff(_("This account is switched off. Switch it on before making a set-password link."))
    link = PasswordLink(
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)), token=default_token_generator.make_token(user)
    )
    record_admin_action(actor=actor, action=AdminActionKind.PASSWORD_LINK_ISSUED, target=user, now=now)
    return link


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


# --- Second factor (login) -------------------------------------------------------------------------


def start_totp_enrolment(*, user: User) -> TOTPDevice:
    """An unconfirmed device the user confirms by entering its first code;
    a half-finished earlier enrolment is replaced."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def confirm_totp_device(*, device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def confirmed_device(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def demo_totp_key(email: str) -> str:
    """Hex TOTP key for a demo account, derived from its e-mail address so
    that the demo data is reproducible. Never used outside demo data."""
    digest = hmac.new(b"open-inclusie-demo", email.encode(), hashlib.sha1).digest()
    return digest.hex()


def base32_secret(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def otpauth_uri(device: TOTPDevice) -> str:
    # django-otp's config_url names the issuer from OTP_TOTP_ISSUER.
    return str(device.config_url)


def current_totp_token(device: TOTPDevice) -> str:
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
