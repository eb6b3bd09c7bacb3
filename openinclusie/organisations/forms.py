"""Forms of the management screens. They validate input only: the views pass
``cleaned_data`` to the services, which check the rules and write. A form's
``fields`` list is the allow-list of what a request may change."""

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from openinclusie.core.forms import DesignSystemFormMixin

from . import queries
from .models import Municipality, Neighbourhood, Organisation, OrganisationKind

HEX_COLOUR_VALIDATOR = RegexValidator(
    r"^#[0-9A-Fa-f]{6}$", _("Enter the colour as # followed by six characters 0-9 or A-F, for example #01689B.")
)
CBS_CODE_VALIDATOR = RegexValidator(
    r"^GM[0-9]{4}$", _("Enter the code as GM followed by four digits, for example GM0637.")
)
DISTRICT_CODE_VALIDATOR = RegexValidator(
    r"^WK[0-9]{6}$", _("Enter the code as WK followed by six digits, for example WK063701.")
)

# Organisations of kind "municipality" are made together with their municipality.
KIND_CHOICES = [(value, label) for value, label in OrganisationKind.choices if value != OrganisationKind.MUNICIPALITY]


class UpperCaseField(forms.CharField):
    """Accepts "gm0637" or "#01689b" and keeps them as "GM0637", "#01689B"."""

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).upper()


class OrganisationFilterForm(DesignSystemFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *OrganisationKind.choices])


class OrganisationForm(DesignSystemFormMixin, forms.ModelForm):
    """An ADV, partner or platform organisation."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=KIND_CHOICES,
        help_text=_(
            "The kind decides which roles its people can have. A municipality's own organisation is "
            "made together with the municipality."
        ),
    )
    active_in = forms.ModelMultipleChoiceField(
        label=_("Active in municipalities"),
        queryset=Municipality.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only for partner organisations: the municipalities where it works."),
    )

    class Meta:
        model = Organisation
        fields = [
            "kind",
            "name",
            "slug",
            "description",
            "website",
            "email",
            "phone",
            "address",
            "opening_hours",
            "active_in",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"slug": _("Lower-case letters, digits and hyphens, e.g. stichting-idb. Used in addresses.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "active_in" in self.fields:
            self.fields["active_in"].queryset = queries.municipalities_by_name()  # type: ignore[attr-defined]


class MunicipalityOrganisationForm(OrganisationForm):
    """The organisation of a municipality: its kind and municipality are
    fixed, the rest is editable."""

    class Meta(OrganisationForm.Meta):
        fields = ["name", "slug", "description", "website", "email", "phone", "address", "opening_hours"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.pop("kind", None)
        self.fields.pop("active_in", None)


class MunicipalityForm(DesignSystemFormMixin, forms.ModelForm):
    cbs_code = UpperCaseField(
        label=_("CBS code"),
        max_length=6,
        validators=[CBS_CODE_VALIDATOR],
        help_text=_("The municipality code of CBS: GM and four digits, e.g. GM0637."),
    )
    primary_colour = UpperCaseField(
        label=_("Primary colour"),
        max_length=7,
        validators=[HEX_COLOUR_VALIDATOR],
        help_text=_("Colour of the header and buttons of the public site, as #RRGGBB, e.g. #01689B."),
    )
    primary_text_colour = UpperCaseField(
        label=_("Text colour on the primary colour"),
        max_length=7,
        validators=[HEX_COLOUR_VALIDATOR],
        help_text=_(
            "Usually white (#FFFFFF) or black (#000000). The contrast with the primary colour must be at "
            "least 4.5 to 1."
        ),
    )
    adv = forms.ModelChoiceField(
        label=_("Anti-discrimination service (ADV)"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No ADV yet"),
        help_text=_("The ADV that handles the reports of this municipality's residents. Only this ADV sees them."),
    )

    class Meta:
        model = Municipality
        fields = ["name", "slug", "cbs_code", "adv", "primary_colour", "primary_text_colour", "is_published"]
        labels = {"slug": _("Web address"), "is_published": _("The public site is online")}
        help_texts = {"slug": _("Lower-case letters, digits and hyphens. The public site lives at /<web address>/.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["adv"].queryset = queries.adv_organisations()  # type: ignore[attr-defined]


class NeighbourhoodForm(DesignSystemFormMixin, forms.ModelForm):
    cbs_code = UpperCaseField(
        label=_("CBS district code"),
        max_length=8,
        required=False,
        validators=[DISTRICT_CODE_VALIDATOR],
        help_text=_("The wijk code of CBS, e.g. WK063701."),
    )

    class Meta:
        model = Neighbourhood
        fields = ["name", "cbs_code"]
