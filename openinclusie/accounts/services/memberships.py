"""Roles: which roles an organisation can give, and giving and taking them
away. ADV roles are given and taken away by a coordinator of that ADV, every
other role by platform management (``rules.py``)."""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from openinclusie.accounts.models import (
    ADV_ROLES,
    ROLES_BY_ORGANISATION_KIND,
    AdminActionKind,
    Membership,
    Role,
    User,
)
from openinclusie.organisations.models import Organisation

from .audit import record_admin_action
from .rules import AccountError, check_keeps_a_coordinator, check_may_manage_role, refuse_own_account


class RoleNotAllowedForOrganisation(AccountError):
    field = "role"


class MembershipExists(AccountError):
    field = "role"


class NotYetAdvStaff(AccountError):
    field = "role"


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
    """Gives a role without an actor, an authority check or a trail entry:
    for demo data and tests only. Screens use ``add_membership``, a new
    colleague of an ADV comes in through ``team.invite_to_adv``, and the
    first coordinator of an ADV through ``team.create_adv_coordinator``."""
    _check_role_fits(organisation=organisation, role=role)
    membership, _created = Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    return membership


def membership_label(membership: Membership) -> str:
    return _("%(role)s at %(organisation)s") % {
        "role": membership.get_role_display(),
        "organisation": membership.organisation.name,
    }


@transaction.atomic
def add_membership(*, actor: User, user: User, organisation: Organisation, role: Role, now: datetime) -> Membership:
    """Gives a user a role in an organisation. An ADV role only by a
    coordinator of that ADV, and only to someone who already works for an
    ADV: a new colleague is invited, so that an account someone else may
    control never gets into the ADV. Nobody changes their own roles, except
    a coordinator within their own ADV."""
    _check_role_fits(organisation=organisation, role=role)
    if role not in ADV_ROLES:
        refuse_own_account(actor=actor, user=user)
    check_may_manage_role(actor=actor, organisation=organisation, role=role)
    if role in ADV_ROLES and not Membership.objects.filter(user=user, role__in=ADV_ROLES).exists():
        raise NotYetAdvStaff(
            _(
                "%(name)s does not work for an ADV yet. Add a new colleague with “Invite a colleague”: that makes "
                "sure only they can log in to the account."
            )
            % {"name": user.full_name}
        )
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
        detail=membership_label(membership),
        now=now,
    )
    return membership


@transaction.atomic
def remove_membership(*, actor: User, membership: Membership, now: datetime) -> None:
    """Takes a role away. An ADV always keeps an active coordinator."""
    membership = Membership.objects.select_related("user", "organisation").get(pk=membership.pk)
    user, organisation, role = membership.user, membership.organisation, Role(membership.role)
    if role not in ADV_ROLES:
        refuse_own_account(actor=actor, user=user)
    check_may_manage_role(actor=actor, organisation=organisation, role=role)
    if role == Role.ADV_COORDINATOR:
        check_keeps_a_coordinator(actor=actor, adv=organisation, leaving=user)
    label = membership_label(membership)
    membership.delete()
    record_admin_action(actor=actor, action=AdminActionKind.MEMBERSHIP_REMOVED, target=user, detail=label, now=now)
