"""Registration by staff of a report from another channel than the web."""

import uuid
from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openinclusie.cases import queries
from openinclusie.cases.constants import (
    Channel,
    ContactPreference,
    ReporterRole,
    RequestType,
    ResidentDomain,
    ResidentGround,
)
from openinclusie.cases.forms import field
from openinclusie.cases.models import IntakeLocation
from openinclusie.cases.services.staff_intake import STAFF_CHANNELS
from openinclusie.core.forms import DesignSystemFormMixin
from openinclusie.organisations.models import Municipality, Neighbourhood, Organisation, OrganisationKind

PC4_VALIDATOR = RegexValidator(r"^[1-9][0-9]{3}$", _("Give the four digits of the postcode, e.g. 2711."))
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class StaffIntakeForm(DesignSystemFormMixin, forms.Form):
    # One-time token: a double click registers one report, not two.
    submission_token = forms.UUIDField(widget=forms.HiddenInput)
    adv = forms.ModelChoiceField(label=_("ADV"), queryset=Organisation.objects.none(), empty_label=None)
    channel = forms.ChoiceField(
        label=_("How did the report come in?"),
        choices=[(c.value, c.label) for c in Channel if c in STAFF_CHANNELS],
        widget=forms.RadioSelect,
    )
    intake_location = forms.ModelChoiceField(
        label=_("Intake location"),
        queryset=IntakeLocation.objects.none(),
        required=False,
        empty_label=_("No location"),
        help_text=_("Where the report was made in person, such as a pop-up location. Needed for a pop-up location."),
    )
    referred_by = forms.ModelChoiceField(
        label=_("Referring partner organisation"),
        queryset=Organisation.objects.filter(kind=OrganisationKind.PARTNER).order_by("name"),
        required=False,
        help_text=_("Only for a referral by a partner."),
    )
    received_at = forms.DateTimeField(label=_("Received at"), widget=DATETIME_INPUT)
    request_type = forms.ChoiceField(
        label=_("What does the reporter want?"), choices=RequestType.choices, widget=forms.RadioSelect
    )
    reporter_role = forms.ChoiceField(
        label=_("The reporter is"), choices=ReporterRole.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("What happened, in the reporter's words"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000
    )
    occurred_on = forms.DateField(label=_("Date of the incident"), required=False, widget=DATE_INPUT)
    occurred_on_is_approximate = forms.BooleanField(label=_("The date is approximate"), required=False)
    incident_municipality = forms.ModelChoiceField(
        label=_("Municipality of the incident"), queryset=Municipality.objects.order_by("name"), required=False
    )
    incident_is_online = forms.BooleanField(label=_("Online, or not tied to a place"), required=False)
    incident_neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood of the incident"), queryset=Neighbourhood.objects.none(), required=False
    )
    incident_postcode = forms.CharField(
        label=_("Postcode area of the incident"),
        max_length=4,
        required=False,
        validators=[PC4_VALIDATOR],
        help_text=_("The four digits only."),
    )
    resident_grounds = forms.MultipleChoiceField(
        label=_("What the reporter thinks it was about"),
        choices=ResidentGround.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    resident_domain = forms.ChoiceField(
        label=_("Where it happened, in the reporter's words"),
        choices=[("", "—"), *ResidentDomain.choices],
        required=False,
    )
    residence_municipality = forms.ModelChoiceField(
        label=_("Municipality of residence"), queryset=Municipality.objects.order_by("name"), required=False
    )
    residence_elsewhere = forms.CharField(
        label=_("Other municipality of residence"),
        max_length=100,
        required=False,
        help_text=_("When the reporter lives in a municipality that is not in the list."),
    )
    residence_postcode = forms.CharField(
        label=_("Postcode area of residence"), max_length=4, required=False, validators=[PC4_VALIDATOR]
    )
    residence_declined = forms.BooleanField(
        label=_("The reporter does not want to say where they live"), required=False
    )
    contact_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("E-mail address"), required=False)
    contact_phone = forms.CharField(label=_("Telephone number"), max_length=30, required=False)
    contact_preference = forms.ChoiceField(
        label=_("Preferred way of contact"),
        choices=ContactPreference.choices,
        initial=ContactPreference.NONE,
        widget=forms.RadioSelect,
        required=False,
    )
    contact_safe_times = forms.CharField(label=_("Safe times to contact"), max_length=200, required=False)
    give_receipt_code = forms.BooleanField(
        label=_("Give the reporter a receipt code"),
        required=False,
        help_text=_(
            "With the code the reporter reads your messages and replies on the follow-up page. It is shown once, "
            "on the next page: read it out or write it down for them."
        ),
    )

    def __init__(self, *args: Any, advs: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field(self, "adv").queryset = Organisation.objects.filter(pk__in=[a.pk for a in advs]).order_by("name")
        if len(advs) == 1:
            self.fields["adv"].initial = advs[0].pk
            self.fields["adv"].widget = forms.HiddenInput()
        locations = queries.usable_locations(advs)
        field(self, "intake_location").queryset = locations
        if len(advs) > 1:
            field(self, "intake_location").label_from_instance = lambda place: f"{place.name} ({place.adv.name})"
        self.has_locations = locations.exists()
        field(self, "incident_neighbourhood").queryset = (
            Neighbourhood.objects.filter(municipality__adv__in=advs)
            .select_related("municipality")
            .order_by("municipality__name", "name")
        )
        field(self, "incident_neighbourhood").label_from_instance = lambda n: f"{n.name} ({n.municipality.name})"
        if not self.is_bound:
            self.fields["submission_token"].initial = uuid.uuid4()
            self.fields["received_at"].initial = timezone.localtime().replace(second=0, microsecond=0)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        channel = data.get("channel")
        location = data.get("intake_location")
        if channel == Channel.POP_UP and location is None:
            self.add_error("intake_location", _("Choose the pop-up location."))
        if location is not None and data.get("adv") is not None and location.adv_id != data["adv"].pk:
            self.add_error("intake_location", _("Choose a location of the ADV the report is for."))
        if channel == Channel.PARTNER_REFERRAL and not data.get("referred_by"):
            self.add_error("referred_by", _("Choose the partner organisation that referred the reporter."))
        if channel != Channel.PARTNER_REFERRAL:
            data["referred_by"] = None
        neighbourhood = data.get("incident_neighbourhood")
        if neighbourhood is not None:
            if data.get("incident_is_online"):
                self.add_error("incident_neighbourhood", _("An online incident has no neighbourhood."))
            elif neighbourhood.municipality_id != getattr(data.get("incident_municipality"), "pk", None):
                self.add_error(
                    "incident_neighbourhood", _("Choose a neighbourhood in the municipality of the incident.")
                )
        has_contact = data.get("contact_email") or data.get("contact_phone")
        if (data.get("contact_name") or data.get("contact_safe_times")) and not has_contact:
            self.add_error("contact_email", _("Give an e-mail address or a telephone number, or leave contact empty."))
        return data
