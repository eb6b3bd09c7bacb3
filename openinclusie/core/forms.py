from typing import Any

from django import forms
from django.forms.widgets import Input

_WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "",
    forms.CheckboxSelectMultiple: "",
    Input: "utrecht-textbox utrecht-textbox--html-input",
}


class DesignSystemFormMixin:
    """Gives every widget the NL Design System classes, so templates can
    render ``{{ field }}`` and still look like the component library."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            for widget_class, css in _WIDGET_CLASSES.items():
                if isinstance(field.widget, widget_class):
                    if css:
                        existing = field.widget.attrs.get("class", "")
                        field.widget.attrs["class"] = f"{existing} {css}".strip()
                    break
