"""An ADV manages its own staff (docs/adr/0007-adv-manages-its-own-staff.md):
its coordinators invite colleagues, give and take away ADV roles, reset a
colleague's second factor, make set-password links and switch colleagues
off. The first coordinator of an ADV is made on the server with
``manage.py create_adv_coordinator``, never by platform management.

Giving and taking away roles, second-factor resets, links and switching on
are the general services in ``memberships.py`` and ``users.py``; their rules
already let a coordinator do them for their own ADV's staff only. What is
particular to an ADV team is here."""

import enum
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from openinclusie.accounts.authority import authority_of, memberships_of_account
from openinclusie.accounts.models import ADV_ROLES, AdminActionKind, Membership, Role, User
from openinclusie.organisations.models import Organisation, OrganisationKind

from .audit import record_admin_action
from .memberships import membership_label, remove_membership
from .rules import AccountError, check_may_manage_role, refuse_own_account
from .users import (
    PasswordLink,
    deactivate_user,
    make_password_link,
    new_account,
    normalised_email,
    remove_second_factor,
)

BOOTSTRAP_COMMAND = "manage.py create_adv_coordinator"


class NotAnAdv(AccountError):
    pass


class NotAnAdvRole(AccountError):
    field = "role"


class AlreadyInTeam(AccountError):
    field = "email"


class RolesOutsideAdvs(AccountError):
    field = "email"


class NotInTeam(AccountError):
    pass


class AdvHasCoordinator(AccountError):
    pass


@dataclass(frozen=True)
class Invitation:
    user: User
    membership: Membership
    # None when the person already works for another ADV and keeps logging
    # in as before.
    password_link: PasswordLink | None
    account_existed: bool


class SwitchOff(enum.Enum):
    ACCOUNT_SWITCHED_OFF = "account_switched_off"
    ROLES_TAKEN_AWAY = "roles_taken_away"


def _check_is_adv(adv: Organisation) -> None:
    if adv.kind != OrganisationKind.ADV:
        raise NotAnAdv(_("%(name)s is not an anti-discrimination service (ADV).") % {"name": adv.name})


def _join(*, actor: User, user: User, adv: Organisation, role: Role, now: datetime, detail: str = "") -> Membership:
    membership = Membership.objects.create(user=user, organisation=adv, role=role)
    label = membership_label(membership)
    record_admin_action(
        actor=actor,
        action=AdminActionKind.MEMBERSHIP_ADDED,
        target=user,
        detail=f"{label}; {detail}" if detail else label,
        now=now,
    )
    return membership


def _rekey(*, actor: User, user: User, now: datetime, detail: str) -> None:
    """Makes the person choose a new password and set up their second factor
    again: the old password stops working (and with it every open session
    and every earlier set-password link), every device is removed. Done when
    an existing account enters an ADV, so nobody who knew its old login gets
    into the ADV with it."""
    user = User.objects.select_for_update().get(pk=user.pk)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    remove_second_factor(actor=actor, user=user, now=now, detail=detail)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        record_admin_action(actor=actor, action=AdminActionKind.USER_REACTIVATED, target=user, detail=detail, now=now)


@transaction.atomic
def invite_to_adv(
    *, actor: User, adv: Organisation, email: str, full_name: str, role: Role, now: datetime
) -> Invitation:
    """Adds a colleague to ``adv`` with an ADV role, on behalf of one of its
    coordinators.

    - A new e-mail address gets a new account and a set-password link.
    - An existing account without any role (nobody relies on it) gets the
      role, and its login is renewed: old password and second factor stop
      working, and the person chooses new ones with the link. Whoever made
      or used that account before cannot follow it into the ADV.
    - An account that already works for another ADV gets the role and keeps
      its login.
    - An account with roles outside ADVs is refused: its login is platform
      management's to reset, so it must not get into an ADV."""
    _check_is_adv(adv)
    if role not in ADV_ROLES:
        raise NotAnAdvRole(_("In an ADV team you can give the roles ADV consultant and ADV coordinator."))
    check_may_manage_role(actor=actor, organisation=adv, role=role)
    user = User.objects.select_for_update().filter(email=normalised_email(email)).first()
    if user is None:
        user = new_account(actor=actor, email=email, full_name=full_name, now=now)
        membership = _join(actor=actor, user=user, adv=adv, role=role, now=now)
        link = make_password_link(actor=actor, user=user, now=now)
        return Invitation(user=user, membership=membership, password_link=link, account_existed=False)

    memberships = memberships_of_account(user)
    if any(m.organisation_id == adv.pk and m.role in ADV_ROLES for m in memberships):
        raise AlreadyInTeam(
            _("%(name)s is already in the team of %(adv)s. Change their roles on their page.")
            % {"name": user.full_name, "adv": adv.name}
        )
    outside = [m for m in memberships if m.role not in ADV_ROLES]
    if outside:
        raise RolesOutsideAdvs(
            _(
                "This e-mail address belongs to an account with roles outside ADVs (%(roles)s). Platform "
                "management can reset the login of that account, so it cannot join an ADV. Ask the person for "
                "another work address for the ADV, or ask platform management to take those roles away first."
            )
            % {"roles": "; ".join(membership_label(m) for m in outside)}
        )
    membership = _join(actor=actor, user=user, adv=adv, role=role, now=now)
    if memberships:
        return Invitation(user=user, membership=membership, password_link=None, account_existed=True)
    detail = _("login renewed on joining %(adv)s") % {"adv": adv.name}
    _rekey(actor=actor, user=user, now=now, detail=detail)
    link = make_password_link(actor=actor, user=user, now=now, detail=detail)
    return Invitation(user=user, membership=membership, password_link=link, account_existed=True)


@transaction.atomic
def switch_off_in_adv(*, actor: User, adv: Organisation, user: User, now: datetime) -> SwitchOff:
    """What "switch off" means for a colleague: the ADV decides only about
    its own staff. When all of the person's roles are in ADVs the actor
    coordinates, the account is switched off. When the person also has
    roles elsewhere (another ADV, a municipality, a partner, platform
    management), switching the account off would decide for those too, so
    instead their roles in ``adv`` are taken away and the account stays on
    for the rest."""
    _check_is_adv(adv)
    refuse_own_account(actor=actor, user=user)
    check_may_manage_role(actor=actor, organisation=adv, role=Role.ADV_CONSULTANT)
    memberships = memberships_of_account(user)
    here = [m for m in memberships if m.organisation_id == adv.pk and m.role in ADV_ROLES]
    if not here:
        raise NotInTeam(_("%(name)s is not in the team of %(adv)s.") % {"name": user.full_name, "adv": adv.name})
    if authority_of(actor).gap_for_account(memberships).is_closed:
        deactivate_user(actor=actor, user=user, now=now)
        return SwitchOff.ACCOUNT_SWITCHED_OFF
    for membership in here:
        remove_membership(actor=actor, membership=membership, now=now)
    return SwitchOff.ROLES_TAKEN_AWAY


@transaction.atomic
def create_adv_coordinator(*, adv: Organisation, email: str, full_name: str, now: datetime) -> Invitation:
    """The first coordinator of an ADV, made on the server by the ADV's own
    technical staff or hosting (``manage.py create_adv_coordinator``), with a
    set-password link for the person.

    Refused when the ADV already has another active coordinator: from then
    on its coordinators invite colleagues on the Team page. For an ADV whose
    only coordinator lost their phone or left, it renews that person's login
    (or makes the new coordinator). An existing account with roles outside
    this ADV is refused, as with an invitation. The trail records the
    account itself as the actor, with the command as the detail."""
    _check_is_adv(adv)
    coordinators = list(
        Membership.objects.select_for_update()
        .filter(organisation=adv, role=Role.ADV_COORDINATOR)
        .select_related("user")
        .order_by("pk")
    )
    user = User.objects.select_for_update().filter(email=normalised_email(email)).first()
    if any(m.user.is_active and (user is None or m.user.pk != user.pk) for m in coordinators):
        raise AdvHasCoordinator(
            _(
                "%(adv)s already has an active coordinator. Its coordinators invite colleagues on the Team page; "
                "this command is only for an ADV without one."
            )
            % {"adv": adv.name}
        )
    if user is None:
        user = new_account(actor=None, email=email, full_name=full_name, now=now, detail=BOOTSTRAP_COMMAND)
        membership = _join(actor=user, user=user, adv=adv, role=Role.ADV_COORDINATOR, now=now, detail=BOOTSTRAP_COMMAND)
        link = make_password_link(actor=user, user=user, now=now, detail=BOOTSTRAP_COMMAND)
        return Invitation(user=user, membership=membership, password_link=link, account_existed=False)

    memberships = memberships_of_account(user)
    outside = [m for m in memberships if not (m.organisation_id == adv.pk and m.role in ADV_ROLES)]
    if outside:
        raise RolesOutsideAdvs(
            _(
                "The account %(email)s also has roles outside %(adv)s (%(roles)s), so it cannot be made its "
                "coordinator here. Use another e-mail address."
            )
            % {"email": user.email, "adv": adv.name, "roles": "; ".join(membership_label(m) for m in outside)}
        )
    existing = next((m for m in memberships if m.role == Role.ADV_COORDINATOR), None)
    membership = existing or _join(
        actor=user, user=user, adv=adv, role=Role.ADV_COORDINATOR, now=now, detail=BOOTSTRAP_COMMAND
    )
    _rekey(actor=user, user=user, now=now, detail=BOOTSTRAP_COMMAND)
    link = make_password_link(actor=user, user=user, now=now, detail=BOOTSTRAP_COMMAND)
    return Invitation(user=user, membership=membership, password_link=link, account_existed=True)
