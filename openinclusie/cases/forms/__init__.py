"""Forms of the ADV back office, split by screen."""

from typing import Any

from django import forms


def field(form: forms.BaseForm, name: str) -> Any:
    """A field of ``form`` for setting its queryset or choices at runtime
    (the type stubs only know the base ``Field``)."""
    return form.fields[name]
