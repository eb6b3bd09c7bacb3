"""Forms of the programme screens. They carry only the fields a user may
set: the municipality, programme, line or activity an object belongs to
comes from the URL (already scoped), never from the posted data; choice
fields offer only objects inside that scope."""

from typing import Any, cast

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from openinclusie.core.forms import DesignSystemFormMixin
from openinclusie.organisations.models import Municipality, Organisation

from .models import (
    Activity,
    ActivityMeasure,
    ActivityStatus,
    FiguresMeasure,
    IndicatorSource,
    Line,
    Objective,
    Programme,
    ReportChannel,
)
from .services.photos import MAX_PHOTO_BYTES

# A label: a string or a lazy translation.
Label = Any


def _year(label: Label) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=2000, max_value=2100)


def _date(label: Label, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs)


def _text(label: Label, *, rows: int = 5, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class MunicipalityChoiceMixin(forms.Form):
    """Only for a user who edits several municipalities (platform admin):
    which one. Offered choices are the editable ones only."""

    def __init__(self, *args: Any, municipalities: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if municipalities is not None and municipalities.count() > 1:
            self.fields["municipality"] = forms.ModelChoiceField(label=_("Municipality"), queryset=municipalities)
            self.order_fields(["municipality"])


class VisionForm(DesignSystemFormMixin, MunicipalityChoiceMixin):
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("For example: Meerjarenvisie 2024-2040."))
    start_year = _year(_("First year"))
    end_year = _year(_("Last year"))
    ambition = _text(_("Ambition"), rows=6)
    summary = _text(_("Main choices"), required=False)


class ProgrammeForm(DesignSystemFormMixin, MunicipalityChoiceMixin):
    name = forms.CharField(label=_("Name"), max_length=200)
    start_year = _year(_("First year"))
    end_year = _year(_("Last year"))
    introduction = _text(_("Introduction"), required=False, rows=6)


class LineForm(DesignSystemFormMixin, forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=99)
    title = forms.CharField(label=_("Title"), max_length=250)
    description = _text(_("Description"), required=False)


class ObjectiveForm(DesignSystemFormMixin, forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=99)
    text = _text(_("Objective"), rows=3)


def place_choices(programme: Programme) -> list[tuple[str, Any]]:
    """Where an activity can sit: directly in a line, or under one of its
    objectives; grouped per line."""
    groups: list[tuple[str, Any]] = []
    for line in programme.lines.order_by("number").prefetch_related("objectives"):
        options = [(f"line-{line.pk}", _("Line %(number)s directly") % {"number": line.number})]
        options += [
            (f"objective-{o.pk}", f"{line.number}.{o.number} {o.text[:80]}")
            for o in sorted(line.objectives.all(), key=lambda o: o.number)
        ]
        groups.append((f"{line.number}. {line.title}", options))
    return groups


def place_of(activity: Activity) -> str:
    return f"objective-{activity.objective_id}" if activity.objective_id else f"line-{activity.line_id}"


class ActivityForm(DesignSystemFormMixin, forms.Form):
    place = forms.ChoiceField(label=_("Line or objective"))
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=999, help_text=_("Unique within the line."))
    title = forms.CharField(label=_("Title"), max_length=250)
    description = _text(_("Description"), required=False)
    lead_organisation = forms.ModelChoiceField(
        label=_("Lead organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("The network as a whole"),
    )
    partner_organisations = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    planned_start = _date(_("Planned start"), required=False)
    planned_end = _date(_("Planned end"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices, widget=forms.RadioSelect)
    completed_on = _date(_("Completed on"), required=False, help_text=_("Only for done activities; today if empty."))
    tag = forms.SlugField(
        label=_("Type"),
        max_length=50,
        required=False,
        help_text=_("A short code such as kennisatelier or training; indicators count activities by it."),
    )

    def __init__(self, *args: Any, programme: Programme, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.programme = programme
        cast(forms.ChoiceField, self.fields["place"]).choices = place_choices(programme)
        cast(forms.ModelChoiceField, self.fields["lead_organisation"]).queryset = organisations
        cast(forms.ModelMultipleChoiceField, self.fields["partner_organisations"]).queryset = organisations

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("planned_start"), data.get("planned_end")
        if start and end and end < start:
            self.add_error("planned_end", _("The end cannot be before the start."))
        place = data.get("place", "")
        kind, _sep, pk = place.partition("-")
        data["line"] = data["objective"] = None
        if kind == "line":
            data["line"] = Line.objects.filter(programme=self.programme, pk=pk).first()
        elif kind == "objective":
            data["objective"] = Objective.objects.filter(line__programme=self.programme, pk=pk).first()
        if place and data["line"] is None and data["objective"] is None:
            self.add_error("place", _("Choose a line or objective of this programme."))
        return data


def _clean_links(raw: str) -> list[str]:
    validate = URLValidator(schemes=["https", "http"])
    links = [line.strip() for line in raw.splitlines() if line.strip()]
    if len(links) > 5:
        raise forms.ValidationError(_("At most five links."))
    for link in links:
        validate(link)
    return links


class UpdateForm(DesignSystemFormMixin, forms.Form):
    happened_on = _date(_("Date"))
    text = _text(_("What happened"), rows=5, max_length=4000)
    links = _text(_("Links"), rows=2, required=False, help_text=_("One web address per line, at most five."))
    participants = forms.IntegerField(
        label=_("Number of participants"), min_value=0, max_value=1_000_000, required=False
    )
    organisations_reached = forms.IntegerField(
        label=_("Number of organisations taking part"), min_value=0, max_value=10_000, required=False
    )
    photo_1 = forms.ImageField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most %(mb)s MB. Location and camera data are removed.")
        % {"mb": MAX_PHOTO_BYTES // (1024 * 1024)},
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_1_description = forms.CharField(
        label=_("What the photo shows"), max_length=250, required=False, help_text=_("Needed with a photo.")
    )
    photo_2 = forms.ImageField(
        label=_("Second photo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_2_description = forms.CharField(label=_("What the second photo shows"), max_length=250, required=False)

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None and len(organisations) > 1:
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("On behalf of"), queryset=Organisation.objects.filter(pk__in=[o.pk for o in organisations])
            )
            self.order_fields(["organisation"])

    def clean_links(self) -> list[str]:
        return _clean_links(self.cleaned_data.get("links", ""))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        for name in ("photo_1", "photo_2"):
            if data.get(name) and not data.get(f"{name}_description", "").strip():
                self.add_error(f"{name}_description", _("Say what the photo shows."))
        return data


class UpdateEditForm(UpdateForm):
    """An update's own fields, which of its photos to take away, and new
    photos. The organisation it was posted for does not change."""

    def __init__(self, *args: Any, photos: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["photo_1"].label = _("Add a photo")
        self.fields["photo_2"].label = _("Add a second photo")
        if photos.exists():
            self.fields["remove_photos"] = forms.ModelMultipleChoiceField(
                label=_("Remove photos"),
                queryset=photos,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Tick the photos to take away. The others stay."),
            )
            self.order_fields(
                ["happened_on", "text", "links", "participants", "organisations_reached", "remove_photos"]
            )


class IndicatorForm(DesignSystemFormMixin, forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=99)
    name = forms.CharField(label=_("Name"), max_length=200)
    definition = _text(_("Definition"), rows=3, help_text=_("What is measured, how, and by whom."))
    unit = forms.CharField(label=_("Unit"), max_length=30, help_text=_("For example %, reports or organisations."))
    source = forms.ChoiceField(label=_("Data source"), choices=IndicatorSource.choices, widget=forms.RadioSelect)
    activity_tag = forms.SlugField(
        label=_("Activity type to count"),
        max_length=50,
        required=False,
        help_text=_("Only when computed from activities."),
    )
    activity_measure = forms.ChoiceField(
        label=_("What to count"), choices=[("", "—"), *ActivityMeasure.choices], required=False
    )
    figures_measure = forms.ChoiceField(
        label=_("Figure"),
        choices=[("", "—"), *FiguresMeasure.choices],
        required=False,
        help_text=_("Only when computed from the released figures."),
    )
    figures_channel = forms.ChoiceField(
        label=_("Way of reporting"),
        choices=[("", "—"), *ReportChannel.choices],
        required=False,
        help_text=_("Only for the share of reports that came in a chosen way."),
    )
    baseline_value = forms.DecimalField(label=_("Baseline value"), max_digits=12, decimal_places=2, required=False)
    baseline_date = _date(_("Baseline date"), required=False)
    target_value = forms.DecimalField(label=_("Target value"), max_digits=12, decimal_places=2, required=False)
    target_date = _date(_("Target date"), required=False)


class MeasurementForm(DesignSystemFormMixin, forms.Form):
    measured_on = _date(_("Date"))
    value = forms.DecimalField(label=_("Value"), max_digits=12, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=300, required=False, help_text=_("Source or remark."))


class LetterCreateForm(DesignSystemFormMixin, forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args: Any, programme: Programme, taken: set[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.TypedChoiceField, self.fields["year"]).choices = [
            (y, str(y)) for y in programme.years if y not in taken
        ]


class LetterTextsForm(DesignSystemFormMixin, forms.Form):
    """The letter's title and one heading + text pair per block."""

    title = forms.CharField(label=_("Title of the letter"), max_length=250)

    def __init__(self, *args: Any, blocks: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.blocks = blocks
        for block in blocks:
            self.fields[f"heading_{block.pk}"] = forms.CharField(
                label=_("Heading"), max_length=250, initial=block.heading
            )
            self.fields[f"text_{block.pk}"] = forms.CharField(
                label=_("Text"), required=False, initial=block.text, widget=forms.Textarea(attrs={"rows": 8})
            )

    def block_fields(self) -> list[tuple[Any, Any, Any]]:
        return [(block, self[f"heading_{block.pk}"], self[f"text_{block.pk}"]) for block in self.blocks]

    def texts(self) -> dict[int, tuple[str, str]]:
        return {
            block.pk: (self.cleaned_data[f"heading_{block.pk}"], self.cleaned_data[f"text_{block.pk}"])
            for block in self.blocks
        }


def single_municipality(form: forms.Form, municipalities: Any) -> Municipality:
    """The municipality a new vision or programme is for: the chosen one, or
    the only one the user edits."""
    chosen = form.cleaned_data.get("municipality")
    return chosen if chosen is not None else municipalities.get()
