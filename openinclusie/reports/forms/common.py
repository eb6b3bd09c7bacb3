"""Building blocks of the form's steps."""

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from openinclusie.core.forms import DesignSystemFormMixin
from openinclusie.organisations.models import Municipality

EARLIEST_YEAR = 1900
OTHER_MUNICIPALITY = "other"
# "2711", "2711AB", "2711 ab": only the four digits are kept.
POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*(?:[A-Za-z]{2})?\s*$")
PHONE = re.compile(r"^[0-9+()\-. ]{6,30}$")

CHOICE_ERROR = _("Choose one of the options.")


def choice_errors(required: Any = None) -> dict[str, Any]:
    errors: dict[str, Any] = {"invalid_choice": CHOICE_ERROR, "invalid_list": CHOICE_ERROR}
    if required:
        errors["required"] = required
    return errors


def postcode_field(label: Any, help_text: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=20,
        error_messages={"max_length": _("Fill in a postcode, for example 2711 or 2711 AB.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


def clean_postcode(value: str) -> str:
    if not value:
        return ""
    match = POSTCODE.match(value)
    if match is None:
        raise forms.ValidationError(_("Fill in a postcode, for example 2711 or 2711 AB."))
    return match.group(1)


def drop_maxlength(field: forms.Field) -> None:
    """Browsers cut off pasted text silently at ``maxlength``; without it the
    resident sees the whole text and a message saying how long it may be."""
    field.widget.attrs.pop("maxlength", None)


class StepForm(DesignSystemFormMixin, forms.Form):
    """A step knows the municipality whose site the resident is on."""

    # Checks happen on the server, with messages in the resident's language;
    # the browser's "required" would also paint empty fields red on arrival.
    use_required_attribute = False

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        # Named "site": a step may have a field called "municipality".
        self.site = municipality
        super().__init__(*args, **kwargs)
