"""The forms on the case file page. Each form that changes the report carries
the version the user saw; see ``services.handling.locked_update``."""

from typing import Any, cast

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from openinclusie.accounts.models import User
from openinclusie.cases import queries, workflow
from openinclusie.cases.constants import RequestType
from openinclusie.cases.forms import field
from openinclusie.cases.models import Incident, IntakeLocation, Report
from openinclusie.cases.services.audit import MINIMUM_REASON_LENGTH
from openinclusie.cases.services.handling import classification_version_for, needs_consent
from openinclusie.classification.models import Code, CodeKind
from openinclusie.core.forms import DesignSystemFormMixin

from .intake import DATE_INPUT


class VersionedForm(DesignSystemFormMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        self.report = report
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("version", report.version)
        super().__init__(*args, **kwargs)

    def with_current_version(self) -> "VersionedForm":
        """The same input, bound to the version now stored: after a conflict
        the user reviews their input and can save it over the new state."""
        data = cast(QueryDict, self.data).copy()
        data[self.add_prefix("version")] = str(self.report.version)
        return type(self)(data, report=self.report, prefix=self.prefix)


class ClassificationForm(VersionedForm):
    request_type = forms.ChoiceField(label=_("Request"), choices=RequestType.choices, widget=forms.RadioSelect)
    grounds = forms.TypedMultipleChoiceField(
        label=_("Discrimination grounds"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose every ground that applies; a sub-ground is shown after its main ground."),
    )
    domain = forms.ModelChoiceField(label=_("Societal domain"), queryset=Code.objects.none(), required=False)
    nature = forms.ModelChoiceField(label=_("Nature of the incident"), queryset=Code.objects.none(), required=False)
    handlings = forms.ModelMultipleChoiceField(
        label=_("Handling"),
        queryset=Code.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Mediation and a complaint towards the other party need the reporter's recorded consent first."),
    )

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("request_type", report.request_type)
        initial.setdefault("grounds", list(report.grounds.values_list("pk", flat=True)))
        initial.setdefault("domain", report.domain_id)
        initial.setdefault("nature", report.nature_id)
        initial.setdefault("handlings", list(report.handlings.values_list("pk", flat=True)))
        super().__init__(*args, report=report, **kwargs)
        version = classification_version_for(report)
        self.code_version = version
        field(self, "grounds").choices = queries.ground_choices(version, keep=initial["grounds"])
        keep = [pk for pk in (report.domain_id, report.nature_id) if pk]
        field(self, "domain").queryset = queries.codes(version, CodeKind.DOMAIN, keep=keep)
        field(self, "nature").queryset = queries.codes(version, CodeKind.NATURE, keep=keep)
        field(self, "handlings").queryset = queries.codes(version, CodeKind.HANDLING, keep=initial["handlings"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        handlings = list(data.get("handlings") or [])
        current = set(self.report.handlings.values_list("pk", flat=True))
        blocked = [code for code in needs_consent(handlings) if code.pk not in current]
        if blocked and not self.report.consent_to_contact_other_party:
            names = ", ".join(code.label for code in blocked)
            self.add_error(
                "handlings",
                _(
                    "%(names)s: this is a step towards the other party. The reporter has not consented to that. "
                    "Record their consent first."
                )
                % {"names": names},
            )
        data["ground_codes"] = list(
            Code.objects.filter(pk__in=data.get("grounds") or [], version=self.code_version, kind=CodeKind.GROUND)
        )
        return data


class StatusForm(VersionedForm):
    to_status = forms.ChoiceField(label=_("Next step"))

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        super().__init__(*args, report=report, **kwargs)
        steps = workflow.next_steps(report.status, report.request_type)
        field(self, "to_status").choices = [(step.target.value, step.label) for step in steps]

    def clean_to_status(self) -> str:
        target = self.cleaned_data["to_status"]
        step = workflow.transition(self.report.status, target)
        if step is not None and step.needs_classification:
            from openinclusie.cases.services.handling import closing_requirements

            missing = closing_requirements(self.report)
            if missing:
                raise forms.ValidationError(
                    _("Register %(missing)s first.") % {"missing": ", ".join(str(item) for item in missing)}
                )
        return target


class AssignmentForm(VersionedForm):
    assigned_to = forms.ModelChoiceField(
        label=_("Assigned to"), queryset=User.objects.none(), required=False, empty_label=_("Nobody")
    )
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DATE_INPUT)

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("assigned_to", report.assigned_to_id)
        initial.setdefault("deadline", report.deadline)
        super().__init__(*args, report=report, **kwargs)
        field(self, "assigned_to").queryset = queries.staff_of(report.adv)
        field(self, "assigned_to").label_from_instance = lambda user: user.full_name


class ConsentForm(VersionedForm):
    consent = forms.BooleanField(
        label=_("The reporter consents to steps towards the other party (mediation, a complaint)"), required=False
    )

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("consent", report.consent_to_contact_other_party)
        super().__init__(*args, report=report, **kwargs)


class IncidentLinkForm(VersionedForm):
    incident = forms.ModelChoiceField(
        label=_("Incident"), queryset=Incident.objects.none(), required=False, empty_label=_("No incident")
    )

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("incident", report.incident_id)
        super().__init__(*args, report=report, **kwargs)
        field(self, "incident").queryset = Incident.objects.filter(adv=report.adv).order_by("-created_at", "-pk")


class ReportLocationForm(VersionedForm):
    intake_location = forms.ModelChoiceField(
        label=_("Intake location"), queryset=IntakeLocation.objects.none(), required=False, empty_label=_("No location")
    )

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("intake_location", report.intake_location_id)
        super().__init__(*args, report=report, **kwargs)
        locations = queries.usable_locations([report.adv], keep=report.intake_location_id)
        field(self, "intake_location").queryset = locations
        self.has_locations = locations.exists()


class NoteForm(DesignSystemFormMixin, forms.Form):
    text = forms.CharField(label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000)


class MessageForm(DesignSystemFormMixin, forms.Form):
    body = forms.CharField(
        label=_("Message to the reporter"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        help_text=_(
            "The reporter reads this on the follow-up page with their receipt code. If they left an e-mail "
            "address, they get an e-mail that only says a message is waiting."
        ),
    )


class RevealContactForm(DesignSystemFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why do you need the contact details?"),
        min_length=MINIMUM_REASON_LENGTH,
        max_length=300,
        help_text=_("This reason is written in the access log with your name and the time."),
    )
