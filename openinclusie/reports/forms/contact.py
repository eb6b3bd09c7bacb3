"""The fourth step: only report, or get help; anonymous or with contact
details."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from openinclusie.cases.constants import ContactPreference, RequestType
from openinclusie.cases.services.public_intake import PublicContact

from .common import PHONE, StepForm, choice_errors


class ContactForm(StepForm):
    ANONYMOUS, WITH_CONTACT = "anonymous", "contact"

    request_type = forms.ChoiceField(
        label=_("What would you like?"),
        choices=[
            (RequestType.MELDING, _("Only report it. Your report is registered and counted. You do not get help.")),
            (
                RequestType.KLACHT,
                _(
                    "Report it and get help. Someone will look with you at what you can do, for example a talk "
                    "with the other party or help with a complaint."
                ),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages=choice_errors(_("Choose whether you only want to report it or also want help.")),
    )
    contact = forms.ChoiceField(
        label=_("Do you want to leave your contact details?"),
        choices=[
            (ANONYMOUS, _("No, I report anonymously")),
            (WITH_CONTACT, _("Yes, you may contact me")),
        ],
        widget=forms.RadioSelect,
        error_messages=choice_errors(_("Choose whether you want to leave contact details.")),
    )
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=150,
        error_messages={"max_length": _("The name may have at most %(limit_value)d characters.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Fill in an e-mail address like name@example.nl."),
            "max_length": _("The e-mail address may have at most %(limit_value)d characters."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=_("Telephone number"),
        required=False,
        max_length=30,
        error_messages={"max_length": _("Fill in a telephone number, for example 06 12345678.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    preference = forms.ChoiceField(
        label=_("How do you prefer to be contacted?"),
        required=False,
        choices=[
            (ContactPreference.EMAIL, _("By e-mail")),
            (ContactPreference.PHONE, _("By telephone")),
            (ContactPreference.NONE, _("No preference")),
        ],
        widget=forms.RadioSelect,
        error_messages=choice_errors(),
    )
    safe_times = forms.CharField(
        label=_("When is it safe to contact you?"),
        help_text=_("For example: weekdays after 6 pm. Or: never call, only e-mail."),
        required=False,
        max_length=200,
        error_messages={"max_length": _("Use at most %(limit_value)d characters.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the anti-discrimination service uses my contact details to contact me about my report."),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        adv = self.site.adv
        if adv is not None:
            self.fields["consent"].label = _(
                "I agree that %(adv)s uses my contact details to contact me about my report."
            ) % {"adv": adv.name}

    def clean_phone(self) -> str:
        phone = " ".join((self.cleaned_data.get("phone") or "").split())
        if phone and (not PHONE.match(phone) or sum(ch.isdigit() for ch in phone) < 6):
            raise forms.ValidationError(_("Fill in a telephone number, for example 06 12345678."))
        return phone

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        data["public_contact"] = None
        if data.get("contact") == self.ANONYMOUS:
            for name in ("name", "email", "phone", "preference", "safe_times"):
                data[name] = ""
            data["consent"] = False
        elif data.get("contact") == self.WITH_CONTACT:
            email, phone = data.get("email"), data.get("phone")
            if not email and not phone and not self.errors.keys() & {"email", "phone"}:
                self.add_error(
                    "email",
                    _("Fill in your e-mail address or telephone number. Or choose to report anonymously."),
                )
            preference = data.get("preference") or ContactPreference.NONE
            if preference == ContactPreference.EMAIL and not email and "email" not in self.errors:
                self.add_error("preference", _("You chose e-mail. Fill in your e-mail address too."))
            if preference == ContactPreference.PHONE and not phone and "phone" not in self.errors:
                self.add_error("preference", _("You chose telephone. Fill in your telephone number too."))
            if not data.get("consent"):
                self.add_error("consent", _("Tick the box if we may contact you. Or choose to report anonymously."))
            if not self.errors:
                data["public_contact"] = PublicContact(
                    name=" ".join((data.get("name") or "").split()),
                    email=email or "",
                    phone=phone or "",
                    preference=preference,
                    safe_times=" ".join((data.get("safe_times") or "").split()),
                )
        return data
