"""The rules every account change goes through: who may manage a role or a
whole account (``openinclusie.accounts.authority``), nobody changes their
own account, and an ADV keeps a coordinator. The other service modules call
these before they write, so no screen can go round them."""

from django.utils.translation import gettext as _

from openinclusie.accounts.authority import account_gap, authority_of
from openinclusie.accounts.models import ADV_ROLES, Membership, Role, User
from openinclusie.core.exceptions import DomainError
from openinclusie.organisations.models import Organisation


class AccountError(DomainError):
    """A refused account change. ``field`` names the form field the message
    belongs to, if any."""

    field: str | None = None


class ManagedByAdv(AccountError):
    """Only a coordinator of the ADV manages its staff's roles and accounts."""


class NeedsPlatformManagement(AccountError):
    """Roles outside ADVs, and accounts without roles, are platform
    management's."""


class OwnAccount(AccountError):
    pass


class LastCoordinator(AccountError):
    pass


def refuse_own_account(*, actor: User, user: User) -> None:
    if actor.pk == user.pk:
        raise OwnAccount(
            _(
                "You cannot change the roles, the two-step login or the password of your own account, "
                "or switch it off. Ask another platform admin."
            )
        )


def check_may_manage_role(*, actor: User, organisation: Organisation, role: Role) -> None:
    """An ADV role only by a coordinator of that ADV; any other role only by
    a platform admin."""
    if authority_of(actor).over_role(organisation_id=organisation.pk, role=role):
        return
    if role in ADV_ROLES:
        raise ManagedByAdv(
            _(
                "ADV staff are managed by their ADV's coordinator. Only a coordinator of %(adv)s gives or takes "
                "away its ADV roles."
            )
            % {"adv": organisation.name}
        )
    raise NeedsPlatformManagement(
        _("Only platform management gives or takes away the role “%(role)s”.") % {"role": Role(role).label}
    )


def check_may_manage_account(*, actor: User, user: User) -> None:
    """For an action on the whole account: resetting its second factor,
    making a set-password link, switching it off or on. Whoever controls an
    account's login controls every role it has, so the actor needs
    authority over each of them."""
    gap = account_gap(actor=actor, user=user)
    if gap.adv_names:
        raise ManagedByAdv(
            _(
                "ADV staff are managed by their ADV's coordinator. %(name)s works for %(advs)s, so only a "
                "coordinator there can reset their two-step login, make a set-password link, or switch the "
                "account off or on."
            )
            % {"name": user.full_name, "advs": ", ".join(gap.adv_names)}
        )
    if gap.has_no_roles and gap.needs_platform_management:
        raise NeedsPlatformManagement(
            _("%(name)s has no roles. Platform management manages this account.") % {"name": user.full_name}
        )
    if gap.needs_platform_management:
        raise NeedsPlatformManagement(
            _(
                "%(name)s also has roles outside your ADV, and this would change the whole account. Ask platform "
                "management to take away those roles first, or take away this person's roles in your ADV instead."
            )
            % {"name": user.full_name}
        )


def check_keeps_a_coordinator(*, actor: User, adv: Organisation, leaving: User) -> None:
    """Refuses a change after which ``adv`` would have no active
    coordinator: nobody could then manage its staff from the platform. The
    coordinator rows are locked, so two coordinators cannot take away each
    other's role at the same moment."""
    coordinators = list(
        Membership.objects.select_for_update()
        .filter(organisation=adv, role=Role.ADV_COORDINATOR)
        .select_related("user")
        .order_by("pk")
    )
    if not any(m.user.pk == leaving.pk for m in coordinators):
        return
    if any(m.user.is_active and m.user.pk != leaving.pk for m in coordinators):
        return
    if actor.pk == leaving.pk:
        raise LastCoordinator(
            _(
                "You are the only coordinator of %(adv)s, so you cannot take away your own coordinator role. "
                "Give a colleague the coordinator role first."
            )
            % {"adv": adv.name}
        )
    raise LastCoordinator(
        _(
            "%(name)s is the only active coordinator of %(adv)s. Give a colleague the coordinator role first, so "
            "someone can still manage the ADV's staff."
        )
        % {"name": leaving.full_name, "adv": adv.name}
    )
