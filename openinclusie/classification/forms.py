from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from openinclusie.core.forms import DesignSystemFormMixin

from .models import Code, CodeKind, CodeListVersion
from .queries import main_grounds
from .services import MAX_POSITION


class CopyVersionForm(DesignSystemFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Name of the new version"),
        max_length=CodeListVersion._meta.get_field("name").max_length,
        help_text=_("For example: Landelijke registratie 2027."),
    )
    valid_from = forms.DateField(
        label=_("Valid from"),
        help_text=_("The date from which reports are registered under this version."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        help_text=_("Sources, open questions and what changed compared with the previous version."),
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class _LabelsMixin(forms.Form):
    label_nl = forms.CharField(label=_("Label in Dutch"), max_length=150)
    label_en = forms.CharField(label=_("Label in English"), max_length=150)


class AddCodeForm(DesignSystemFormMixin, _LabelsMixin):
    kind = forms.ChoiceField(label=_("List"), choices=CodeKind.choices)
    parent = forms.ModelChoiceField(
        label=_("Main ground"),
        queryset=Code.objects.none(),
        required=False,
        empty_label=_("None: a code of its own"),
        help_text=_("Only for a sub-ground: the ground it belongs to."),
    )
    code = forms.SlugField(
        label=_("Code"),
        max_length=60,
        help_text=_("Short and fixed, lower case with hyphens, e.g. anti-zwart-racisme. It cannot be changed later."),
    )
    position = forms.IntegerField(
        label=_("Position"),
        required=False,
        min_value=0,
        max_value=MAX_POSITION,
        help_text=_("Lower numbers come first. Leave empty to put the code last."),
    )
    towards_other_party = forms.BooleanField(
        label=_("Step towards the other party"),
        required=False,
        help_text=_(
            "Only for handling, e.g. mediation: the ADV registers it only with the reporter's recorded consent."
        ),
    )
    field_order = ["kind", "parent", "code", "label_nl", "label_en", "position", "towards_other_party"]

    def __init__(self, *args: Any, version: CodeListVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Options show ``Code.__str__``: the label in the active language.
        self.fields["parent"].queryset = main_grounds(version)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("parent") is not None and cleaned.get("kind") != CodeKind.GROUND:
            self.add_error("parent", _("Only grounds have sub-grounds. Leave this empty for other lists."))
        if cleaned.get("towards_other_party") and cleaned.get("kind") != CodeKind.HANDLING:
            self.add_error("towards_other_party", _("Only a handling can be a step towards the other party."))
        return cleaned


class EditCodeForm(DesignSystemFormMixin, _LabelsMixin):
    position = forms.IntegerField(
        label=_("Position"),
        min_value=0,
        max_value=MAX_POSITION,
        help_text=_("Lower numbers come first."),
    )
    is_active = forms.BooleanField(
        label=_("In use"),
        required=False,
        help_text=_("Codes that are switched off stay on old reports but cannot be chosen for new ones."),
    )

    towards_other_party = forms.BooleanField(
        label=_("Step towards the other party"),
        required=False,
        help_text=_("The ADV registers this handling only with the reporter's recorded consent."),
    )

    def __init__(self, *args: Any, labels_fixed: bool, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if kind != CodeKind.HANDLING:
            del self.fields["towards_other_party"]
        if labels_fixed:
            for name in ("label_nl", "label_en"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Reports use this version, so the label can no longer change. Make a new version to change it."
                )
            if "towards_other_party" in self.fields:
                self.fields["towards_other_party"].disabled = True
                self.fields["towards_other_party"].help_text = _(
                    "Reports use this version, so this can no longer change. Make a new version to change it."
                )
