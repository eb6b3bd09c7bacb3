"""Reads for the accounts screens."""

from dataclasses import dataclass

from django.http import HttpRequest

from .access import memberships_of
from .models import Membership


@dataclass(frozen=True)
class Workspace:
    organisation_name: str
    organisation_kind: str
    roles: tuple[str, ...]


def workspaces_for(request: HttpRequest) -> list[Workspace]:
    """The organisations the signed-in user works for, with their roles."""
    grouped: dict[int, list[Membership]] = {}
    for membership in memberships_of(request):
        grouped.setdefault(membership.organisation_id, []).append(membership)
    return [
        Workspace(
            organisation_name=group[0].organisation.name,
            organisation_kind=str(group[0].organisation.get_kind_display()),
            roles=tuple(str(m.get_role_display()) for m in group),
        )
        for group in grouped.values()
    ]
