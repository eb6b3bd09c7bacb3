"""Reads for the accounts screens."""

from dataclasses import dataclass

from django.contrib.auth.tokens import default_token_generator
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinclusie.organisations.models import Organisation, OrganisationKind

from .access import memberships_of
from .authority import AccountGap, authority_of
from .models import ADV_ROLES, AdminAction, Membership, Role, User


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
    # What the viewer lacks for actions on the whole account (ADV staff:
    # their ADV's coordinator), and which roles the viewer may take away.
    gap: AccountGap
    manageable_membership_ids: frozenset[int]
    is_adv_staff: bool


def user_overview(pk: int, *, viewer: User) -> UserOverview:
    """Everything the management page of one account shows."""
    user = user_for_management(pk)
    memberships = list(memberships_of_user(user))
    authority = authority_of(viewer)
    return UserOverview(
        user=user,
        memberships=memberships,
        has_second_factor=has_second_factor(user),
        actions_about=list(admin_actions_about(user)),
        actions_by=list(admin_actions_by(user)),
        gap=authority.gap_for_account(memberships),
        manageable_membership_ids=frozenset(m.pk for m in memberships if authority.over_membership(m)),
        is_adv_staff=any(m.role in ADV_ROLES for m in memberships),
    )


# --- An ADV's own team, for its coordinators ----------------------------------------------------

# The roles a coordinator gives in their ADV's team.
TEAM_ROLES = (Role.ADV_CONSULTANT, Role.ADV_COORDINATOR)


def coordinated_advs(request: HttpRequest) -> list[Organisation]:
    """The ADVs the signed-in user is a coordinator of."""
    seen: dict[int, Organisation] = {}
    for membership in memberships_of(request):
        if membership.role == Role.ADV_COORDINATOR and membership.organisation.kind == OrganisationKind.ADV:
            seen.setdefault(membership.organisation_id, membership.organisation)
    return sorted(seen.values(), key=lambda adv: adv.name)


def coordinated_adv(request: HttpRequest, slug: str) -> Organisation:
    """One ADV the signed-in user coordinates; any other answers 404."""
    for adv in coordinated_advs(request):
        if adv.slug == slug:
            return adv
    raise Http404


def team_of(adv: Organisation) -> QuerySet[User]:
    """The ADV's staff: everyone with an ADV role in it, switched off or
    not, with those roles as ``team_roles``."""
    return (
        User.objects.filter(pk__in=Membership.objects.filter(organisation=adv, role__in=ADV_ROLES).values("user_id"))
        .order_by("full_name", "email")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(organisation=adv, role__in=ADV_ROLES).order_by("role"),
                to_attr="team_roles",
            )
        )
    )


def team_member(adv: Organisation, pk: int) -> User:
    """A member of the ADV's team; anyone else answers 404."""
    return get_object_or_404(team_of(adv), pk=pk)


def team_role(adv: Organisation, user: User, pk: int) -> Membership:
    """One ADV role of a team member in this ADV; anything else answers 404."""
    return get_object_or_404(
        Membership.objects.select_related("organisation", "user"),
        organisation=adv,
        user=user,
        role__in=ADV_ROLES,
        pk=pk,
    )


@dataclass(frozen=True)
class TeamMemberOverview:
    user: User
    roles_here: list[Membership]
    roles_elsewhere: list[Membership]
    has_second_factor: bool
    # What the viewing coordinator lacks for actions on the whole account.
    gap: AccountGap
    roles_to_give: list[tuple[str, str]]
    actions_about: list[AdminAction]


def team_member_overview(adv: Organisation, pk: int, *, viewer: User) -> TeamMemberOverview:
    """Everything the page of one team member shows to a coordinator."""
    user = team_member(adv, pk)
    memberships = list(memberships_of_user(user))
    roles_here = [m for m in memberships if m.organisation_id == adv.pk and m.role in ADV_ROLES]
    held = {m.role for m in roles_here}
    return TeamMemberOverview(
        user=user,
        roles_here=roles_here,
        roles_elsewhere=[m for m in memberships if m not in roles_here],
        has_second_factor=has_second_factor(user),
        gap=authority_of(viewer).gap_for_account(memberships),
        roles_to_give=[(role.value, str(role.label)) for role in TEAM_ROLES if role not in held],
        actions_about=list(admin_actions_about(user)),
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


RIGHTS_REVIEW_COLUMNS = (
    "email",
    "name",
    "active",
    "organisation",
    "organisation_kind",
    "role",
    "granted_at",
    "last_login",
    "second_factor",
)


def rights_review_rows() -> list[tuple[str, ...]]:
    """Every user with every role in every organisation, for the periodic
    review of who may do what (security reference AC-07). Users without a
    role are listed once with an empty role, so dormant accounts show too."""
    confirmed = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True).distinct())
    rows: list[tuple[str, ...]] = []
    users = User.objects.order_by("email").prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("organisation").order_by("organisation__name", "role"),
        )
    )
    for user in users:
        common = (user.email, user.full_name, "yes" if user.is_active else "no")
        last_login = user.last_login.isoformat(timespec="minutes") if user.last_login else ""
        second_factor = "yes" if user.pk in confirmed else "no"
        held = list(user.memberships.all())
        if not held:
            rows.append((*common, "", "", "", "", last_login, second_factor))
        for membership in held:
            rows.append(
                (
                    *common,
                    membership.organisation.name,
                    membership.organisation.kind,
                    membership.role,
                    membership.created_at.isoformat(timespec="minutes"),
                    last_login,
                    second_factor,
                )
            )
    return rows
