"""The Team screens: an ADV coordinator manages the staff of their own ADV
(docs/adr/0007-adv-manages-its-own-staff.md). Another ADV, and anyone not in
the coordinator's ADV, answers 404 (``queries.coordinated_adv`` and
``queries.team_member``); the services check the same rules again.

Actions that change something are POST only; the destructive ones first
show a confirmation page on GET, so every step works without JavaScript."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import queries, services
from .access import StaffRequest, staff
from .management_forms import TeamInviteForm, TeamRoleForm
from .management_views import link_validity_days, refused, remember_password_link, take_password_link
from .models import Role


def _to_member(adv_slug: str, pk: int) -> HttpResponse:
    return redirect("accounts:team_member", adv=adv_slug, pk=pk)


@staff(Role.ADV_COORDINATOR)
def team(request: StaffRequest) -> HttpResponse:
    teams = [(adv, list(queries.team_of(adv))) for adv in queries.coordinated_advs(request)]
    return render(request, "accounts/team/team_list.html", {"teams": teams})


@staff(Role.ADV_COORDINATOR)
def team_invite(request: StaffRequest, adv: str) -> HttpResponse:
    organisation = queries.coordinated_adv(request, adv)
    form = TeamInviteForm(request.POST or None, initial={"role": Role.ADV_CONSULTANT})
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invite_to_adv(
                actor=request.user, adv=organisation, now=timezone.now(), **form.cleaned_data
            )
        except services.AccountError as error:
            refused(form, error)
        else:
            user = invitation.user
            if invitation.password_link:
                remember_password_link(request, user, invitation.password_link)
            if not invitation.account_existed:
                message = _("%(name)s is now in your team. Give them the set-password link below.")
            elif invitation.password_link:
                message = _(
                    "An account with this e-mail address already existed, without roles. %(name)s is now in your "
                    "team; its old password and two-step login no longer work. Give them the set-password link below."
                )
            else:
                message = _(
                    "%(name)s already works for another ADV and is now in your team too. They log in as before."
                )
            messages.success(request, message % {"name": user.full_name})
            return _to_member(organisation.slug, user.pk)
    return render(request, "accounts/team/team_invite.html", {"adv": organisation, "form": form})


@staff(Role.ADV_COORDINATOR)
def team_member(request: StaffRequest, adv: str, pk: int) -> HttpResponse:
    organisation = queries.coordinated_adv(request, adv)
    overview = queries.team_member_overview(organisation, pk, viewer=request.user)
    return render(
        request,
        "accounts/team/team_member.html",
        {
            "adv": organisation,
            "account": overview.user,
            "overview": overview,
            "is_own_account": overview.user.pk == request.user.pk,
            "password_link": take_password_link(request, overview.user),
            "link_valid_days": link_validity_days(),
            "role_form": TeamRoleForm(roles=overview.roles_to_give) if overview.roles_to_give else None,
        },
    )


@staff(Role.ADV_COORDINATOR)
def team_role_add(request: StaffRequest, adv: str, pk: int) -> HttpResponse:
    organisation = queries.coordinated_adv(request, adv)
    overview = queries.team_member_overview(organisation, pk, viewer=request.user)
    user = overview.user
    form = TeamRoleForm(request.POST or None, roles=overview.roles_to_give)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.add_membership(
                actor=request.user,
                user=user,
                organisation=organisation,
                role=form.cleaned_data["role"],
                now=timezone.now(),
            )
        except services.AccountError as error:
            refused(form, error)
        else:
            messages.success(
                request,
                _("%(name)s now has the role “%(role)s”.")
                % {"name": user.full_name, "role": membership.get_role_display()},
            )
            return _to_member(organisation.slug, user.pk)
    return render(request, "accounts/team/team_role_add.html", {"adv": organisation, "account": user, "form": form})


@staff(Role.ADV_COORDINATOR)
def team_role_remove(request: StaffRequest, adv: str, pk: int, membership: int) -> HttpResponse:
    organisation = queries.coordinated_adv(request, adv)
    user = queries.team_member(organisation, pk)
    current = queries.team_role(organisation, user, membership)
    if request.method != "POST":
        return render(
            request,
            "accounts/team/team_role_remove.html",
            {"adv": organisation, "account": user, "membership": current, "is_own_account": user.pk == request.user.pk},
        )
    try:
        services.remove_membership(actor=request.user, membership=current, now=timezone.now())
    except services.AccountError as error:
        messages.error(request, str(error))
        return _to_member(organisation.slug, user.pk)
    messages.success(
        request,
        _("%(name)s no longer has the role “%(role)s”.") % {"name": user.full_name, "role": current.get_role_display()},
    )
    if user.pk == request.user.pk and current.role == Role.ADV_COORDINATOR:
        return redirect("accounts:start")
    if not queries.team_of(organisation).filter(pk=user.pk).exists():
        return redirect("accounts:team")
    return _to_member(organisation.slug, user.pk)


def _confirm(
    request: StaffRequest, organisation: object, overview: queries.TeamMemberOverview, action: str
) -> HttpResponse:
    return render(
        request,
        "accounts/team/team_confirm.html",
        {"adv": organisation, "account": overview.user, "overview": overview, "action": action},
    )


@staff(Role.ADV_COORDINATOR)
def team_reset_second_factor(request: StaffRequest, adv: str, pk: int) -> HttpResponse:
    organisation = queries.coordinated_adv(request, adv)
    overview = queries.team_member_overview(organisation, pk, viewer=request.user)
    user = overview.user
    try:
        services.check_may_manage_account(actor=request.user, user=user)
        if request.method != "POST":
            return _confirm(request, organisation, overview, "reset_second_factor")
        services.reset_second_factor(actor=request.user, user=user, now=timezone.now())
    except services.AccountError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The two-step login of %(name)s has been reset. At the next login they set up their app again.")
            % {"name": user.full_name},
        )
    return _to_member(organisation.slug, user.pk)


@staff(Role.ADV_COORDINATOR)
@require_POST
def team_password_link(request: StaffRequest, adv: str, pk: int) -> HttpResponse:
    organisation = queries.coordinated_adv(request, adv)
    user = queries.team_member(organisation, pk)
    try:
        link = services.issue_password_link(actor=request.user, user=user, now=timezone.now())
    except services.AccountError as error:
        messages.error(request, str(error))
    else:
        remember_password_link(request, user, link)
    return _to_member(organisation.slug, user.pk)


@staff(Role.ADV_COORDINATOR)
def team_switch_off(request: StaffRequest, adv: str, pk: int) -> HttpResponse:
    organisation = queries.coordinated_adv(request, adv)
    overview = queries.team_member_overview(organisation, pk, viewer=request.user)
    user = overview.user
    if request.method != "POST":
        return _confirm(request, organisation, overview, "switch_off")
    try:
        outcome = services.switch_off_in_adv(actor=request.user, adv=organisation, user=user, now=timezone.now())
    except services.AccountError as error:
        messages.error(request, str(error))
        return _to_member(organisation.slug, user.pk)
    if outcome == services.SwitchOff.ACCOUNT_SWITCHED_OFF:
        messages.success(
            request,
            _("The account of %(name)s is switched off. Its sessions no longer work.") % {"name": user.full_name},
        )
        return _to_member(organisation.slug, user.pk)
    messages.success(
        request,
        _(
            "%(name)s no longer has a role in %(adv)s. Their account stays on for their roles elsewhere, "
            "without access to your ADV."
        )
        % {"name": user.full_name, "adv": organisation.name},
    )
    return redirect("accounts:team")


@staff(Role.ADV_COORDINATOR)
@require_POST
def team_switch_on(request: StaffRequest, adv: str, pk: int) -> HttpResponse:
    organisation = queries.coordinated_adv(request, adv)
    user = queries.team_member(organisation, pk)
    try:
        services.reactivate_user(actor=request.user, user=user, now=timezone.now())
    except services.AccountError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The account of %(name)s is switched on again.") % {"name": user.full_name})
    return _to_member(organisation.slug, user.pk)
