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

from .models import Role, User


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
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("", _("Choose a role")), *Role.choices],
        help_text=_(
            "ADV roles exist only in an ADV, the programme officer role only in a municipality, the partner "
            "member role only in a partner organisation. Platform admin exists in every organisation."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_queries.organisations_for_membership()  # type: ignore[attr-defined]

    def clean_role(self) -> Role:
        return Role(self.cleaned_data["role"])


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
