import base64
from typing import cast

import segno
from django.contrib import auth, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinclusie.core.ratelimit import client_identifier, is_limited

from . import queries, security_log, services
from .access import STAFF_ROLES, is_fully_authenticated, login_step, staff
from .forms import LoginForm, TokenForm
from .models import User
from .session_timeouts import start_clock

LOGIN_ATTEMPTS_PER_WINDOW = 10
TOKEN_ATTEMPTS_PER_WINDOW = 10
ATTEMPT_WINDOW_SECONDS = 15 * 60
ENROLMENT_SESSION_KEY = "totp_enrolment_device"


def _safe_next(request: HttpRequest) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return None


def _too_many_attempts(request: HttpRequest, template: str, context: dict[str, object]) -> HttpResponse:
    context["too_many_attempts"] = True
    return render(request, template, context, status=429)


@login_step
@sensitive_post_parameters("password")
def login(request: HttpRequest) -> HttpResponse:
    if is_fully_authenticated(request):
        return redirect("accounts:start")
    form = LoginForm(request, data=request.POST or None)
    context = {"form": form, "next": _safe_next(request) or ""}
    if request.method == "POST":
        email = request.POST.get("username", "").strip().lower()
        # Limit per account and per client, so neither guessing one password
        # nor spraying many accounts gets far; counters expire, so a real
        # user is never locked out for good.
        if is_limited(
            scope="login-account",
            identifier=email,
            limit=LOGIN_ATTEMPTS_PER_WINDOW,
            window_seconds=ATTEMPT_WINDOW_SECONDS,
        ) or is_limited(
            scope="login-client",
            identifier=client_identifier(request),
            limit=LOGIN_ATTEMPTS_PER_WINDOW * 3,
            window_seconds=ATTEMPT_WINDOW_SECONDS,
        ):
            security_log.record(request, security_log.THROTTLED, attempted=email)
            return _too_many_attempts(request, "accounts/login.html", context)
        if not form.is_valid():
            security_log.record(request, security_log.PASSWORD_REFUSED, attempted=email)
        else:
            auth.login(request, form.get_user())
            start_clock(request)
            security_log.record(request, security_log.PASSWORD_ACCEPTED)
            response = redirect("accounts:verify")
            if context["next"]:
                response["Location"] += "?" + urlencode({"next": str(context["next"])})
            return response
    return render(request, "accounts/login.html", context)


@login_step
def verify(request: HttpRequest) -> HttpResponse:
    """Second login step: a TOTP code, or setting up the authenticator app on
    the first login. No staff page opens before this step succeeds."""
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    if is_fully_authenticated(request):
        return redirect(_safe_next(request) or "accounts:start")
    user = request.user
    device = services.confirmed_device(user=user)
    enrolling = device is None
    if device is None:
        device = _enrolment_device(request)
    form = TokenForm(request.POST or None)
    context: dict[str, object] = {"form": form, "enrolling": enrolling, "next": _safe_next(request) or ""}
    if enrolling:
        context["secret"] = services.base32_secret(device)
        context["qr_code"] = _qr_data_uri(services.otpauth_uri(device))
    if request.method == "POST":
        if is_limited(
            scope="totp",
            identifier=str(user.pk),
            limit=TOKEN_ATTEMPTS_PER_WINDOW,
            window_seconds=ATTEMPT_WINDOW_SECONDS,
        ):
            security_log.record(request, security_log.THROTTLED)
            return _too_many_attempts(request, "accounts/verify.html", context)
        if form.is_valid():
            token = form.cleaned_data["token"]
            accepted = (
                services.confirm_totp_device(device=device, token=token) if enrolling else device.verify_token(token)
            )
            if accepted:
                request.session.pop(ENROLMENT_SESSION_KEY, None)
                otp_login(request, device)
                # A fresh session key after the second factor as well.
                request.session.cycle_key()
                if enrolling:
                    security_log.record(request, security_log.AUTHENTICATOR_ENROLLED)
                security_log.record(request, security_log.CODE_ACCEPTED)
                return redirect(_safe_next(request) or "accounts:start")
            form.add_error("token", _("This code is not correct. Wait for a new code and try again."))
        security_log.record(request, security_log.CODE_REFUSED)
    return render(request, "accounts/verify.html", context)


def _enrolment_device(request: HttpRequest) -> TOTPDevice:
    user = cast(User, request.user)  # the login step guarantees a signed-in user
    device_id = request.session.get(ENROLMENT_SESSION_KEY)
    device = TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).first() if device_id else None
    if device is None:
        device = services.start_totp_enrolment(user=user)
        request.session[ENROLMENT_SESSION_KEY] = device.pk
    return device


def _qr_data_uri(content: str) -> str:
    svg = segno.make(content, error="m").svg_inline(scale=4, dark="#000", light="#fff", omitsize=False)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@login_step
@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    security_log.record(request, security_log.LOGGED_OUT)
    auth.logout(request)
    messages.success(request, _("You have been logged out."))
    return redirect("public:index")


@staff(*STAFF_ROLES)
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/start.html", {"workspaces": queries.workspaces_for(request)})
