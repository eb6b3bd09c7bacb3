import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from .access import is_fully_authenticated, policy_of, roles_of

logger = logging.getLogger(__name__)


class AccessPolicyMiddleware:
    """Enforces the access policy declared on each view; a view without one
    is refused, so forgetting to declare access fails closed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        policy = policy_of(view_func)
        if policy is None:
            logger.error("View %s has no access policy; refused.", getattr(view_func, "__name__", view_func))
            raise PermissionDenied
        if policy.is_public or policy.is_login_step:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not is_fully_authenticated(request):
            return redirect("accounts:verify")
        if not policy.allows_roles(roles_of(request)):
            raise PermissionDenied
        return None
