"""Forms of the inbox filters, incidents, the access log and retention."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from openinclusie.cases.constants import Channel, Status
from openinclusie.cases.forms import field
from openinclusie.cases.models import IntakeLocation
from openinclusie.cases.services.retention import MAXIMUM_RETENTION_MONTHS
from openinclusie.core.forms import DesignSystemFormMixin
from openinclusie.organisations.models import Municipality, Organisation

from .intake import DATE_INPUT


class InboxFilterForm(DesignSystemFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All")), *Status.choices], required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.none(), required=False, empty_label=_("All")
    )
    assigned = forms.ChoiceField(
        label=_("Assigned"),
        choices=[("", _("Everyone")), ("me", _("Assigned to me")), ("none", _("Not assigned"))],
        required=False,
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", _("All")), *Channel.choices], required=False)
    intake_location = forms.ModelChoiceField(
        label=_("Intake location"), queryset=IntakeLocation.objects.none(), required=False, empty_label=_("All")
    )

    def __init__(self, *args: Any, municipalities: Any, locations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field(self, "municipality").queryset = municipalities
        field(self, "intake_location").queryset = locations
        field(self, "intake_location").label_from_instance = location_label


def location_label(location: IntakeLocation) -> str:
    return location.name if location.is_active else _("%(name)s (no longer in use)") % {"name": location.name}


class IncidentForm(DesignSystemFormMixin, forms.Form):
    adv = forms.ModelChoiceField(label=_("ADV"), queryset=Organisation.objects.none(), empty_label=None)
    title = forms.CharField(
        label=_("Short description"),
        max_length=200,
        help_text=_("For example: statement by a public figure on television, 3 March. No names of reporters."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality of the incident"), queryset=Municipality.objects.order_by("name"), required=False
    )
    occurred_on = forms.DateField(label=_("Date"), required=False, widget=DATE_INPUT)
    is_mass_report = forms.BooleanField(
        label=_("Mass report"),
        required=False,
        help_text=_("Many reports about one public statement or post; figures can be shown with and without them."),
    )

    def __init__(self, *args: Any, advs: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field(self, "adv").queryset = Organisation.objects.filter(pk__in=[a.pk for a in advs]).order_by("name")
        if len(advs) == 1:
            self.fields["adv"].initial = advs[0].pk
            self.fields["adv"].widget = forms.HiddenInput()


class LinkReportForm(DesignSystemFormMixin, forms.Form):
    reference = forms.CharField(label=_("Reference of the report"), max_length=30)


class AccessLogFilterForm(DesignSystemFormMixin, forms.Form):
    reference = forms.CharField(label=_("Case reference"), max_length=30, required=False)
    user: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Staff member"), queryset=None, required=False, empty_label=_("Everyone")
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    date_to = forms.DateField(label=_("Up to and including"), required=False, widget=DATE_INPUT)

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field(self, "user").queryset = staff
        field(self, "user").label_from_instance = lambda user: user.full_name


class RetentionForm(DesignSystemFormMixin, forms.Form):
    months_after_closing = forms.IntegerField(
        label=_("Months after closing"),
        min_value=1,
        max_value=MAXIMUM_RETENTION_MONTHS,
        help_text=_(
            "After this many months, the reporter's contact details, the description, messages, notes and "
            "postcodes of a closed report are removed. The classification and dates stay for the figures."
        ),
    )


class IntakeLocationForm(DesignSystemFormMixin, forms.Form):
    """A coordinator adds a location (``is_active`` is left out) or changes one."""

    name = forms.CharField(
        label=_("Name"), max_length=150, help_text=_("As staff and the figures will see it, e.g. Pop-up Library West.")
    )
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example the days and hours of the consultation."),
    )
    is_active = forms.BooleanField(
        label=_("In use"),
        required=False,
        help_text=_("A location no longer in use cannot be chosen for new reports; its reports keep it."),
    )

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["is_active"]
