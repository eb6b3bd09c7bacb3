"""Reads for the accounts screens."""

from dataclasses import dataclass

from django.contrib.auth.tokens import default_token_generator
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django_otp import user_has_device

from .access import memberships_of
from .models import AdminAction, Membership, User


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


# --- Platform management -------------------------------------------------------------------------


def users_matching(search: str = "") -> QuerySet[User]:
    """Accounts for the user list, optionally narrowed by a part of the name
    or e-mail address."""
    users = User.objects.order_by("full_name", "email")
    search = search.strip()
    if search:
        users = users.filter(Q(full_name__icontains=search) | Q(email__icontains=search))
    return users.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("organisation").order_by("organisation__name", "role"),
        )
    )


def user_for_management(pk: int) -> User:
    return get_object_or_404(User, pk=pk)


def memberships_of_user(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name", "role")


def membership_of_user(user: User, pk: int) -> Membership:
    return get_object_or_404(memberships_of_user(user), pk=pk)


def has_second_factor(user: User) -> bool:
    return user_has_device(user, confirmed=True)


def admin_actions_about(user: User, limit: int = 100) -> QuerySet[AdminAction]:
    """The newest management actions on this account, its roles and its
    second factor."""
    return AdminAction.objects.filter(target_user=user).select_related("actor").order_by("-at", "-id")[:limit]


def admin_actions_by(user: User, limit: int = 100) -> QuerySet[AdminAction]:
    """The newest management actions this account carried out on others."""
    return (
        AdminAction.objects.filter(actor=user)
        .exclude(target_user=user)
        .select_related("actor")
        .order_by("-at", "-id")[:limit]
    )


@dataclass(frozen=True)
class UserOverview:
    user: User
    memberships: list[Membership]
    has_second_factor: bool
    actions_about: list[AdminAction]
    actions_by: list[AdminAction]


def user_overview(pk: int) -> UserOverview:
    """Everything the management page of one account shows."""
    user = user_for_management(pk)
    return UserOverview(
        user=user,
        memberships=list(memberships_of_user(user)),
        has_second_factor=has_second_factor(user),
        actions_about=list(admin_actions_about(user)),
        actions_by=list(admin_actions_by(user)),
    )


def user_for_password_link(uidb64: str, token: str) -> User | None:
    """The active account a set-password link is for, if the link still
    works."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user
