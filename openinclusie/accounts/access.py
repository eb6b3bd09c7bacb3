"""Access policies, declared on every view.

Deny by default: ``AccessPolicyMiddleware`` refuses any view that carries no
policy, and the access-matrix test fails when a URL is missing from the
matrix. A policy says who may open a view; which *objects* they then see is
scoped by the queries (own ADV, own municipality, own organisation)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.http import HttpRequest

from .models import ADV_ROLES as ADV_ROLES  # re-exported: cases and others import it from here
from .models import Membership, Role, User

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., Any])

STAFF_ROLES = frozenset(Role)


class StaffRequest(HttpRequest):
    """What a ``@staff`` view receives: ``AccessPolicyMiddleware`` has made
    sure a fully signed-in user sent it. Annotate staff views with it so the
    type checker knows ``request.user`` is a ``User``, not ``AnonymousUser``."""

    user: User


@dataclass(frozen=True)
class AccessPolicy:
    # Open to anyone, logged in or not.
    is_public: bool = False
    # Part of logging in: open to a visitor who has not finished both steps.
    is_login_step: bool = False
    # Staff roles allowed, after both login steps (password and TOTP).
    roles: frozenset[Role] = frozenset()

    def allows_roles(self, roles: Iterable[Role]) -> bool:
        return self.is_public or bool(self.roles.intersection(roles))


def _attach[View: Callable[..., Any]](view: View, policy: AccessPolicy) -> View:
    view.access_policy = policy  # type: ignore[attr-defined]
    return view


def public[View: Callable[..., Any]](view: View) -> View:
    return _attach(view, AccessPolicy(is_public=True))


def login_step[View: Callable[..., Any]](view: View) -> View:
    return _attach(view, AccessPolicy(is_login_step=True))


def staff(*roles: Role) -> Callable[[ViewFunc], ViewFunc]:
    if not roles:
        raise ValueError("A staff view must name the roles that may open it.")

    def decorate(view: ViewFunc) -> ViewFunc:
        return _attach(view, AccessPolicy(roles=frozenset(roles)))

    return decorate


def policy_of(view: Callable[..., Any]) -> AccessPolicy | None:
    return getattr(view, "access_policy", None)


def memberships_of(request: HttpRequest) -> list[Membership]:
    """The signed-in user's memberships, loaded once per request."""
    cached = getattr(request, "_memberships", None)
    if cached is None:
        if request.user.is_authenticated and request.user.is_active:
            cached = list(
                Membership.objects.filter(user=request.user)
                .select_related("organisation")
                .order_by("organisation__name", "role")
            )
        else:
            cached = []
        request._memberships = cached  # type: ignore[attr-defined]
    return cached


def roles_of(request: HttpRequest) -> frozenset[Role]:
    return frozenset(Role(m.role) for m in memberships_of(request))


def is_fully_authenticated(request: HttpRequest) -> bool:
    """Signed in with password and a verified second factor."""
    user = request.user
    return bool(user.is_authenticated and user.is_active and getattr(user, "is_verified", lambda: False)())
