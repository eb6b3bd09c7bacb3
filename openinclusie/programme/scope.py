"""Who may see and change which part of the programme, worked out once per
request from the user's memberships. Queries take a ``Scope``; the views
never filter by hand.

- Programme officer: reads and edits the programme of their own municipality.
- ADV consultant / coordinator: reads the programmes of the municipalities
  their ADV serves, and like a partner posts updates on the activities
  their ADV leads or takes part in.
- Partner member: sees the activities their organisation leads or takes part
  in, and posts updates on those.
- Platform admin: reads and edits everything."""

from dataclasses import dataclass

from django.http import HttpRequest

from openinclusie.accounts.access import memberships_of
from openinclusie.accounts.models import Role
from openinclusie.organisations.models import Municipality


@dataclass(frozen=True)
class Scope:
    is_platform_admin: bool = False
    editable_municipality_ids: frozenset[int] = frozenset()
    readable_municipality_ids: frozenset[int] = frozenset()
    # The organisations whose activities the user works on as a member of
    # the network: partner organisations, and the ADV for its staff.
    partner_organisation_ids: frozenset[int] = frozenset()

    def can_read(self, municipality_id: int) -> bool:
        return self.is_platform_admin or municipality_id in self.readable_municipality_ids

    def can_edit(self, municipality_id: int) -> bool:
        return self.is_platform_admin or municipality_id in self.editable_municipality_ids

    @property
    def can_edit_anything(self) -> bool:
        return self.is_platform_admin or bool(self.editable_municipality_ids)


def scope_of(request: HttpRequest) -> Scope:
    cached = getattr(request, "_programme_scope", None)
    if cached is not None:
        return cached
    is_admin = False
    editable: set[int] = set()
    readable: set[int] = set()
    partners: set[int] = set()
    adv_ids: set[int] = set()
    for membership in memberships_of(request):
        organisation = membership.organisation
        if membership.role == Role.PLATFORM_ADMIN:
            is_admin = True
        elif membership.role == Role.PROGRAMME_OFFICER and organisation.municipality_id is not None:
            editable.add(organisation.municipality_id)
        elif membership.role in (Role.ADV_CONSULTANT, Role.ADV_COORDINATOR):
            adv_ids.add(organisation.pk)
            partners.add(organisation.pk)
        elif membership.role == Role.PARTNER_MEMBER:
            partners.add(organisation.pk)
    if adv_ids:
        readable.update(Municipality.objects.filter(adv_id__in=adv_ids).values_list("pk", flat=True))
    scope = Scope(
        is_platform_admin=is_admin,
        editable_municipality_ids=frozenset(editable),
        readable_municipality_ids=frozenset(readable | editable),
        partner_organisation_ids=frozenset(partners),
    )
    request._programme_scope = scope  # type: ignore[attr-defined]
    return scope
