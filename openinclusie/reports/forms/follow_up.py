"""Forms of the follow-up page."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from openinclusie.cases.services.public_intake import MESSAGE_MAX_LENGTH
from openinclusie.core.forms import DesignSystemFormMixin

from .common import drop_maxlength


class ReceiptCodeForm(DesignSystemFormMixin, forms.Form):
    use_required_attribute = False

    code = forms.CharField(
        label=_("Your code"),
        help_text=_("16 letters and digits, for example K7QM-2XW9-HC4T-PBN3. Spaces and dashes do not matter."),
        max_length=100,
        error_messages={
            "required": _("Fill in your code."),
            "max_length": _("This is not a code. A code has 16 letters and digits."),
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )


class ReporterMessageForm(DesignSystemFormMixin, forms.Form):
    use_required_attribute = False

    body = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        error_messages={
            "required": _("Write your message first."),
            "max_length": _(
                "Your message is too long: it may have at most %(limit_value)d characters and now has %(show_value)d."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, label: Any = None, help_text: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        drop_maxlength(self.fields["body"])
        if label:
            self.fields["body"].label = label
        if help_text:
            self.fields["body"].help_text = help_text
