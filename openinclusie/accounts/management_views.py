"""Platform management of accounts: users, their roles, their second factor
and set-password links. Nothing here reads or touches case files.

ADV staff are managed by their ADV's coordinator (``team_views.py``): here
a platform admin sees that such an account exists, with its name, e-mail
address and organisations, but cannot change its ADV roles, reset its second
factor, make a set-password link for it or switch it off or on. The services
refuse those; the pages hide them and say why.

Actions that change something are POST only; the destructive ones first
show a confirmation page on GET, so every step works without JavaScript."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from openinclusie.core.http import no_store

from . import queries, services
from .access import StaffRequest, login_step, staff
from .management_forms import MembershipForm, SetPasswordForm, UserCreateForm, UserNameForm, UserSearchForm
from .models import Role, User

PAGE_SIZE = 50
# The set-password link is shown once, on the next page the admin opens.
SHOW_LINK_ONCE_SESSION_KEY = "management_password_link"


def refused(form: object, error: services.AccountError) -> None:
    field = error.field if error.field in form.fields else None  # type: ignore[attr-defined]
    form.add_error(field, str(error))  # type: ignore[attr-defined]


def remember_password_link(request: HttpRequest, user: User, link: services.PasswordLink) -> None:
    path = reverse("accounts:set_password", kwargs={"uidb64": link.uidb64, "token": link.token})
    request.session[SHOW_LINK_ONCE_SESSION_KEY] = {"user": user.pk, "url": request.build_absolute_uri(path)}


def take_password_link(request: HttpRequest, user: User) -> str | None:
    """The link remembered for this account, once: it is gone from the
    session after this."""
    remembered = request.session.pop(SHOW_LINK_ONCE_SESSION_KEY, None)
    return remembered["url"] if remembered and remembered.get("user") == user.pk else None


def link_validity_days() -> str:
    return str(timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT).days)


@staff(Role.PLATFORM_ADMIN)
def user_list(request: StaffRequest) -> HttpResponse:
    search_form = UserSearchForm(request.GET or None)
    search = search_form.cleaned_data["q"] if search_form.is_valid() else ""
    page = Paginator(queries.users_matching(search), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "accounts/management/user_list.html",
        {
            "search_form": search_form,
            "search": search,
            "page": page,
            "query": urlencode({"q": search}) if search else "",
        },
    )


@staff(Role.PLATFORM_ADMIN)
def user_create(request: StaffRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account = services.create_user(actor=request.user, now=timezone.now(), **form.cleaned_data)
        except services.AccountError as error:
            refused(form, error)
        else:
            user = account.user
            remember_password_link(request, user, account.password_link)
            messages.success(request, _("The account of %(name)s has been created.") % {"name": user.full_name})
            return redirect("accounts:user_detail", pk=user.pk)
    return render(request, "accounts/management/user_create.html", {"form": form})


@staff(Role.PLATFORM_ADMIN)
def user_detail(request: StaffRequest, pk: int) -> HttpResponse:
    overview = queries.user_overview(pk, viewer=request.user)
    password_link = take_password_link(request, overview.user)
    return render(
        request,
        "accounts/management/user_detail.html",
        {
            "account": overview.user,
            "overview": overview,
            "is_own_account": overview.user.pk == request.user.pk,
            "password_link": password_link,
            "link_valid_days": link_validity_days(),
            "membership_form": MembershipForm(),
        },
    )


@staff(Role.PLATFORM_ADMIN)
def user_edit(request: StaffRequest, pk: int) -> HttpResponse:
    user = queries.user_for_management(pk)
    form = UserNameForm(request.POST or None, initial={"full_name": user.full_name})
    if request.method == "POST" and form.is_valid():
        services.rename_user(actor=request.user, user=user, now=timezone.now(), **form.cleaned_data)
        messages.success(request, _("The name has been saved."))
        return redirect("accounts:user_detail", pk=user.pk)
    return render(request, "accounts/management/user_edit.html", {"account": user, "form": form})


def _confirm(request: HttpRequest, user: User, action: str) -> HttpResponse:
    return render(request, "accounts/management/user_confirm.html", {"account": user, "action": action})


@staff(Role.PLATFORM_ADMIN)
def user_deactivate(request: StaffRequest, pk: int) -> HttpResponse:
    user = queries.user_for_management(pk)
    try:
        services.check_may_manage_account(actor=request.user, user=user)
        if request.method != "POST":
            return _confirm(request, user, "deactivate")
        services.deactivate_user(actor=request.user, user=user, now=timezone.now())
    except services.AccountError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The account of %(name)s is switched off. Its sessions no longer work.") % {"name": user.full_name},
        )
    return redirect("accounts:user_detail", pk=user.pk)


@staff(Role.PLATFORM_ADMIN)
@require_POST
def user_reactivate(request: StaffRequest, pk: int) -> HttpResponse:
    user = queries.user_for_management(pk)
    try:
        services.reactivate_user(actor=request.user, user=user, now=timezone.now())
    except services.AccountError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The account of %(name)s is switched on again.") % {"name": user.full_name})
    return redirect("accounts:user_detail", pk=user.pk)


@staff(Role.PLATFORM_ADMIN)
def user_reset_second_factor(request: StaffRequest, pk: int) -> HttpResponse:
    user = queries.user_for_management(pk)
    try:
        services.check_may_manage_account(actor=request.user, user=user)
        if request.method != "POST":
            return _confirm(request, user, "reset_second_factor")
        services.reset_second_factor(actor=request.user, user=user, now=timezone.now())
    except services.AccountError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The two-step login of %(name)s has been reset. At the next login they set up their app again.")
            % {"name": user.full_name},
        )
    return redirect("accounts:user_detail", pk=user.pk)


@staff(Role.PLATFORM_ADMIN)
@require_POST
def user_password_link(request: StaffRequest, pk: int) -> HttpResponse:
    user = queries.user_for_management(pk)
    try:
        link = services.issue_password_link(actor=request.user, user=user, now=timezone.now())
    except services.AccountError as error:
        messages.error(request, str(error))
    else:
        remember_password_link(request, user, link)
    return redirect("accounts:user_detail", pk=user.pk)


@staff(Role.PLATFORM_ADMIN)
def membership_add(request: StaffRequest, pk: int) -> HttpResponse:
    user = queries.user_for_management(pk)
    form = MembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.add_membership(actor=request.user, user=user, now=timezone.now(), **form.cleaned_data)
        except services.AccountError as error:
            refused(form, error)
        else:
            messages.success(
                request,
                _("%(name)s now has the role “%(role)s” at %(organisation)s.")
                % {
                    "name": user.full_name,
                    "role": membership.get_role_display(),
                    "organisation": membership.organisation.name,
                },
            )
            return redirect("accounts:user_detail", pk=user.pk)
    return render(request, "accounts/management/membership_add.html", {"account": user, "form": form})


@staff(Role.PLATFORM_ADMIN)
def membership_remove(request: StaffRequest, pk: int, membership: int) -> HttpResponse:
    user = queries.user_for_management(pk)
    current = queries.membership_of_user(user, membership)
    try:
        services.check_may_manage_role(actor=request.user, organisation=current.organisation, role=Role(current.role))
        if request.method != "POST":
            return render(
                request, "accounts/management/membership_remove.html", {"account": user, "membership": current}
            )
        services.remove_membership(actor=request.user, membership=current, now=timezone.now())
    except services.AccountError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(name)s no longer has the role “%(role)s” at %(organisation)s.")
            % {"name": user.full_name, "role": current.get_role_display(), "organisation": current.organisation.name},
        )
    return redirect("accounts:user_detail", pk=user.pk)


@login_step
@no_store
@sensitive_post_parameters("password1", "password2")
def set_password(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The page of a set-password link. It never logs anyone in: afterwards
    the person logs in with the new password and their second factor."""
    user = queries.user_for_password_link(uidb64, token)
    if user is None:
        return render(request, "accounts/set_password.html", {"valid_link": False})
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_password_with_link(
                user=user, token=token, password=form.cleaned_data["password1"], now=timezone.now()
            )
        except services.InvalidPasswordLink:
            return render(request, "accounts/set_password.html", {"valid_link": False})
        messages.success(
            request, _("Your password has been set. Log in with your e-mail address and your new password.")
        )
        return redirect("accounts:login")
    return render(request, "accounts/set_password.html", {"valid_link": True, "form": form, "account": user})
