"""The first three steps of the reporting form: what happened, where, and
what it was about plus who the reporter is."""

from datetime import date
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from openinclusie.cases.constants import ReporterRole, ResidentDomain, ResidentGround
from openinclusie.cases.services.public_intake import DESCRIPTION_MAX_LENGTH
from openinclusie.organisations import queries as organisation_queries

from .common import (
    EARLIEST_YEAR,
    OTHER_MUNICIPALITY,
    StepForm,
    choice_errors,
    clean_postcode,
    drop_maxlength,
    postcode_field,
)


class WhatHappenedForm(StepForm):
    EXACT, ABOUT, UNKNOWN = "exact", "about", "unknown"

    description = forms.CharField(
        label=_("Your story"),
        help_text=_(
            "Tell in your own words what happened. For example: what was said or done, who was there, "
            "and how it ended. You do not have to give names."
        ),
        max_length=DESCRIPTION_MAX_LENGTH,
        error_messages={
            "required": _("Tell us what happened."),
            "max_length": _(
                "Your text is too long: it may have at most %(limit_value)d characters and now has "
                "%(show_value)d. Make it shorter. You can add more later on the follow-up page."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 10, "autocomplete": "off", "spellcheck": "true"}),
    )
    when = forms.ChoiceField(
        label=_("When did it happen?"),
        choices=[
            (EXACT, _("On a specific day")),
            (ABOUT, _("Around a certain month")),
            (UNKNOWN, _("I do not know any more")),
        ],
        widget=forms.RadioSelect,
        error_messages=choice_errors(_("Choose when it happened. If you do not know, choose that.")),
    )
    date = forms.DateField(
        label=_("Date"),
        help_text=_("For example 17-3-2025."),
        required=False,
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d %m %Y"],
        error_messages={"invalid": _("Fill in a real date, for example 17-3-2025.")},
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "off"}, format="%Y-%m-%d"),
    )
    month = forms.TypedChoiceField(
        label=_("Month"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Choose a month")), *MONTHS.items()],
        error_messages=choice_errors(),
    )
    year = forms.IntegerField(
        label=_("Year"),
        help_text=_("For example 2024."),
        required=False,
        error_messages={"invalid": _("Fill in a year with four digits, for example 2024.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        drop_maxlength(self.fields["description"])

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        today = timezone.localdate()
        when = data.get("when")
        data["occurred_on"] = None
        data["occurred_on_is_approximate"] = False
        if when == self.EXACT:
            day = data.get("date")
            if day is None and "date" not in self.errors:
                self.add_error("date", _("Fill in the date, or choose another answer."))
            elif day is not None and day > today:
                self.add_error("date", _("The date cannot be in the future."))
            elif day is not None and day.year < EARLIEST_YEAR:
                self.add_error("date", _("Fill in a date after 1900."))
            else:
                data["occurred_on"] = day
        elif when == self.ABOUT:
            month, year = data.get("month"), data.get("year")
            if month is None and "month" not in self.errors:
                self.add_error("month", _("Choose the month, or choose another answer."))
            if year is None and "year" not in self.errors:
                self.add_error("year", _("Fill in the year, or choose another answer."))
            if month is not None and year is not None:
                if not EARLIEST_YEAR <= year <= today.year:
                    self.add_error("year", _("Fill in a year between 1900 and now."))
                elif (year, month) > (today.year, today.month):
                    self.add_error("month", _("The month cannot be in the future."))
                else:
                    data["occurred_on"] = date(year, month, 1)
                    data["occurred_on_is_approximate"] = True
        return data


class WhereForm(StepForm):
    IN_PLACE, ONLINE = "place", "online"

    place = forms.ChoiceField(
        label=_("Did it happen in a place, or online?"),
        choices=[
            (IN_PLACE, _("In a place, for example in the street, in a building or at school")),
            (ONLINE, _("Online, or not tied to one place. For example on social media, in the newspaper or on TV")),
        ],
        widget=forms.RadioSelect,
        error_messages=choice_errors(_("Choose whether it happened in a place or online.")),
    )
    municipality = forms.ChoiceField(label=_("Municipality"), required=False, error_messages=choice_errors())
    neighbourhood = forms.ChoiceField(label=_("Neighbourhood"), required=False, error_messages=choice_errors())
    postcode = postcode_field(
        _("Postcode of the place"),
        _("Only if you know it. The 4 digits are enough, for example 2711. We only keep the 4 digits."),
    )
    domain = forms.ChoiceField(
        label=_("What kind of place or situation was it?"),
        required=False,
        widget=forms.RadioSelect,
        choices=[*ResidentDomain.choices, ("", _("I do not know, or I would rather not say"))],
        error_messages=choice_errors(),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        municipalities = list(organisation_queries.published_municipalities())
        self.municipalities = {m.slug: m for m in municipalities}
        if self.site.slug not in self.municipalities:
            self.municipalities[self.site.slug] = self.site
        cast(forms.ChoiceField, self.fields["municipality"]).choices = [
            *((m.slug, m.name) for m in municipalities),
            (OTHER_MUNICIPALITY, _("Another municipality")),
        ]
        self.fields["municipality"].initial = self.site.slug
        self.neighbourhoods = {str(n.pk): n for n in organisation_queries.neighbourhoods_of(self.site)}
        if self.neighbourhoods:
            self.fields["neighbourhood"].label = _("Neighbourhood in %(name)s") % {"name": self.site.name}
            cast(forms.ChoiceField, self.fields["neighbourhood"]).choices = [
                ("", _("I do not know, or I would rather not say")),
                *((pk, n.name) for pk, n in self.neighbourhoods.items()),
            ]
        else:
            del self.fields["neighbourhood"]

    def clean_postcode(self) -> str:
        return clean_postcode(self.cleaned_data.get("postcode", ""))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        data["incident_municipality"] = None
        data["incident_neighbourhood"] = None
        data["incident_is_online"] = data.get("place") == self.ONLINE
        if data.get("place") == self.ONLINE:
            data["municipality"], data["neighbourhood"], data["postcode"] = "", "", ""
        elif data.get("place") == self.IN_PLACE:
            slug = data.get("municipality")
            if not slug and "municipality" not in self.errors:
                self.add_error("municipality", _("Choose the municipality, or choose 'Another municipality'."))
            municipality = self.municipalities.get(slug or "")
            data["incident_municipality"] = municipality
            neighbourhood_pk = data.get("neighbourhood")
            if neighbourhood_pk:
                if municipality is None or municipality.pk != self.site.pk:
                    self.add_error(
                        "neighbourhood",
                        _(
                            "This neighbourhood is in %(name)s. Choose %(name)s as the municipality, "
                            "or leave the neighbourhood empty."
                        )
                        % {"name": self.site.name},
                    )
                else:
                    data["incident_neighbourhood"] = self.neighbourhoods.get(neighbourhood_pk)
        return data


class AboutForm(StepForm):
    HERE, ELSEWHERE, DECLINED = "here", "elsewhere", "declined"

    grounds = forms.MultipleChoiceField(
        label=_("What do you think the discrimination was about?"),
        help_text=_("You can choose more than one answer. You may also skip this question."),
        required=False,
        choices=[
            (ResidentGround.ORIGIN, _("Origin or skin colour")),
            (ResidentGround.RELIGION, _("Religion or belief")),
            (ResidentGround.SEXUAL_ORIENTATION, _("Who someone loves (sexual orientation)")),
            (ResidentGround.GENDER, _("Gender: being a man, a woman, transgender or non-binary")),
            (ResidentGround.DISABILITY, _("A disability or illness")),
            (ResidentGround.AGE, _("Age")),
            (ResidentGround.OTHER, _("Something else")),
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages=choice_errors(),
    )
    role = forms.ChoiceField(
        label=_("Who did it happen to?"),
        choices=[
            (ReporterRole.VICTIM, _("It happened to me")),
            (ReporterRole.WITNESS, _("It happened to someone else. I saw it, or I report it for them")),
        ],
        widget=forms.RadioSelect,
        error_messages=choice_errors(_("Choose who it happened to.")),
    )
    residence = forms.ChoiceField(
        label=_("Where do you live?"),
        widget=forms.RadioSelect,
        error_messages=choice_errors(_("Choose where you live, or choose that you would rather not say.")),
    )
    residence_name = forms.CharField(
        label=_("Name of your municipality"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("The name may have at most %(limit_value)d characters.")},
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    residence_postcode = postcode_field(
        _("Your postcode"),
        _("The 4 digits are enough, for example 2711. We only keep the 4 digits."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["residence"]).choices = [
            (self.HERE, _("In %(name)s") % {"name": self.site.name}),
            (self.ELSEWHERE, _("In another municipality")),
            (self.DECLINED, _("I would rather not say")),
        ]

    def clean_residence_postcode(self) -> str:
        return clean_postcode(self.cleaned_data.get("residence_postcode", ""))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        residence = data.get("residence")
        data["residence_municipality"] = None
        data["residence_elsewhere"] = ""
        data["residence_declined"] = residence == self.DECLINED
        if residence == self.HERE:
            data["residence_name"], data["residence_postcode"] = "", ""
            data["residence_municipality"] = self.site
        elif residence == self.ELSEWHERE:
            name = " ".join((data.get("residence_name") or "").split())
            already_wrong = bool(self.errors.keys() & {"residence_name", "residence_postcode"})
            if not name and not data.get("residence_postcode") and not already_wrong:
                self.add_error(
                    "residence_name",
                    _("Fill in the name of your municipality or your postcode. Or choose 'I would rather not say'."),
                )
            known = {m.name.casefold(): m for m in organisation_queries.published_municipalities()}
            if name.casefold() in known:
                data["residence_municipality"] = known[name.casefold()]
            else:
                data["residence_elsewhere"] = name
        elif residence == self.DECLINED:
            data["residence_name"], data["residence_postcode"] = "", ""
        return data
