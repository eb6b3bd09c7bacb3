"""Forms of the user-management screens and of the set-password page. They
validate input only; the services check the rules and write. Each form's
fields are the allow-list of what a request may change."""

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from openinclusie.core.forms import DesignSystemFormMixin
from openinclusie.organisations import queries as organisation_queries
from openinclusie.organisations.models import Organisation

from .models import ADV_ROLES, Role, User


class UserSearchForm(DesignSystemFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Search by name or e-mail address"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class UserCreateForm(DesignSystemFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The person logs in with this address. One account per person: no shared addresses."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    full_name = forms.CharField(
        label=_("Full name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )


class UserNameForm(DesignSystemFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return f"{obj.name} ({obj.get_kind_display()})"


class MembershipForm(DesignSystemFormMixin, forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=_("Choose an organisation")
    )
    # ADV roles are not offered: an ADV's coordinator gives them
    # (docs/adr/0007-adv-manages-its-own-staff.md).
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            ("", _("Choose a role")),
            *((value, label) for value, label in Role.choices if value not in ADV_ROLES),
        ],
        help_text=_(
            "The programme officer role exists only in a municipality, the partner member role only in a partner "
            "organisation. Platform admin exists in every organisation. ADV roles are given by the ADV's own "
            "coordinator."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_queries.organisations_for_membership()  # type: ignore[attr-defined]

    def clean_role(self) -> Role:
        return Role(self.cleaned_data["role"])


TEAM_ROLE_CHOICES = [
    (Role.ADV_CONSULTANT.value, Role.ADV_CONSULTANT.label),
    (Role.ADV_COORDINATOR.value, Role.ADV_COORDINATOR.label),
]


class TeamRoleForm(DesignSystemFormMixin, forms.Form):
    """A role in the coordinator's own ADV; nothing else can be chosen."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=TEAM_ROLE_CHOICES,
        widget=forms.RadioSelect,
        help_text=_(
            "A consultant handles reports. A coordinator also manages the team, the ADV's settings and its figures."
        ),
    )

    def __init__(self, *args: Any, roles: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if roles is not None:
            self.fields["role"].choices = roles  # type: ignore[attr-defined]

    def clean_role(self) -> Role:
        return Role(self.cleaned_data["role"])


class TeamInviteForm(TeamRoleForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("Their work address at the ADV. They log in with it. One account per person: no shared addresses."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    full_name = forms.CharField(
        label=_("Full name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )

    field_order = ["email", "full_name", "role"]


class SetPasswordForm(DesignSystemFormMixin, forms.Form):
    """The person chooses their own password; platform management never
    sees or sets it."""

    password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        max_length=256,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 12 characters. A sentence of a few words you can remember is a good password. "
            "Do not use a password you use anywhere else."
        ),
    )
    password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        max_length=256,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Type the same password once more, to rule out a typing error."),
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    @sensitive_variables("password1", "password2")
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same. Type them again."))
        elif password1:
            try:
                password_validation.validate_password(password1, self.user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
