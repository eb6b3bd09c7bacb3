"""Who may manage whom (docs/adr/0007-adv-manages-its-own-staff.md).

The Wga makes the ADV independent, so nobody outside an ADV may be able to
take over the account of one of its staff. The rules:

- A *membership* with an ADV role (consultant, coordinator) is managed by a
  coordinator of that same ADV. Every other membership is managed by a
  platform admin.
- An *account-wide* action (resetting the second factor, making a
  set-password link, switching the account off or on) reaches every role
  the account holds: whoever controls the login controls all of them. So
  it needs authority over *each* membership of the account. An account
  without any membership is platform management's.

These are reads; the services in ``services/rules.py`` raise on them, and
the screens use them to hide what the signed-in user may not do."""

from collections.abc import Iterable
from dataclasses import dataclass

from openinclusie.organisations.models import OrganisationKind

from .models import ADV_ROLES, Membership, Role, User


@dataclass(frozen=True)
class AccountGap:
    """What is missing for an account-wide action: the ADVs whose
    coordinator is needed, and whether platform management is needed."""

    adv_names: tuple[str, ...] = ()
    needs_platform_management: bool = False
    has_no_roles: bool = False

    @property
    def is_closed(self) -> bool:
        return not self.adv_names and not self.needs_platform_management


@dataclass(frozen=True)
class Authority:
    """What one actor may manage: the ADVs they coordinate, and whether
    they are a platform admin."""

    coordinated_adv_ids: frozenset[int]
    is_platform_admin: bool

    def over_role(self, *, organisation_id: int, role: str) -> bool:
        if role in ADV_ROLES:
            return organisation_id in self.coordinated_adv_ids
        return self.is_platform_admin

    def over_membership(self, membership: Membership) -> bool:
        return self.over_role(organisation_id=membership.organisation_id, role=membership.role)

    def gap_for_account(self, memberships: Iterable[Membership]) -> AccountGap:
        """``memberships`` are all memberships of the account, with their
        organisations loaded."""
        memberships = list(memberships)
        if not memberships:
            return AccountGap(needs_platform_management=not self.is_platform_admin, has_no_roles=True)
        missing_advs: dict[int, str] = {}
        needs_platform_management = False
        for membership in memberships:
            if self.over_membership(membership):
                continue
            if membership.role in ADV_ROLES:
                missing_advs[membership.organisation_id] = membership.organisation.name
            else:
                needs_platform_management = True
        return AccountGap(
            adv_names=tuple(sorted(missing_advs.values())), needs_platform_management=needs_platform_management
        )


def authority_of(actor: User) -> Authority:
    roles = list(
        Membership.objects.filter(user=actor, user__is_active=True).values_list(
            "organisation_id", "organisation__kind", "role"
        )
    )
    return Authority(
        coordinated_adv_ids=frozenset(
            organisation_id
            for organisation_id, kind, role in roles
            if role == Role.ADV_COORDINATOR and kind == OrganisationKind.ADV
        ),
        is_platform_admin=any(role == Role.PLATFORM_ADMIN for _organisation_id, _kind, role in roles),
    )


def memberships_of_account(user: User) -> list[Membership]:
    return list(
        Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name", "role")
    )


def account_gap(*, actor: User, user: User) -> AccountGap:
    return authority_of(actor).gap_for_account(memberships_of_account(user))


def is_adv_staff(memberships: Iterable[Membership]) -> bool:
    return any(membership.role in ADV_ROLES for membership in memberships)
