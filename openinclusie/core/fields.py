"""Model fields whose values are encrypted in the database (DATA-03); see
``core.encryption`` for the format and the keys.

The column is ``text`` whatever ``max_length`` says: ciphertext is longer
than the plaintext. ``max_length`` is still checked on the plaintext (model
validation and form fields).

The database sees only ciphertext, so it cannot compare, search or sort
these columns. The only lookups allowed are ``isnull`` and ``exact`` with
the empty string (``exclude(email="")``, the contact constraint); any other
filter raises FieldError instead of silently matching nothing. Ordering by
one of these fields sorts ciphertext: do not."""

from typing import Any

from django import forms
from django.core import validators
from django.core.exceptions import FieldError
from django.db import models
from django.db.models.lookups import Exact

from openinclusie.core.encryption import decrypt, encrypt


class EmptyOnlyExact(Exact):
    """``field=""``: the one comparison that means the same on ciphertext."""

    def get_prep_lookup(self) -> Any:
        if self.rhs != "":
            raise FieldError(
                f"{self.lhs.output_field.model.__name__}.{self.lhs.output_field.name} is encrypted: "
                'it can only be compared with "" in SQL.'
            )
        return super().get_prep_lookup()


class EncryptedTextField(models.TextField):
    """A text field stored as AES-GCM ciphertext. Empty stays empty."""

    description = "Text, encrypted at rest"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(validators.MaxLengthValidator(self.max_length))

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        if lookup_name == "exact":
            return EmptyOnlyExact
        raise FieldError(f"{self.model.__name__}.{self.name} is encrypted: SQL cannot filter it with '{lookup_name}'.")

    def get_transform(self, lookup_name: str) -> Any:
        raise FieldError(f"{self.model.__name__}.{self.name} is encrypted: no '{lookup_name}' in SQL.")

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        # Only values written to the table are encrypted; lookups go through
        # get_prep_value and are limited to "" above.
        value = self.get_prep_value(value)
        if value is None or value == "" or hasattr(value, "resolve_expression"):
            return value
        return encrypt(value)

    def formfield(self, **kwargs: Any) -> Any:
        if self.max_length is not None and self.max_length <= 300:
            kwargs.setdefault("widget", forms.TextInput)
        return super().formfield(**kwargs)


class EncryptedEmailField(EncryptedTextField):
    default_validators = [validators.validate_email]
    description = "E-mail address, encrypted at rest"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 254)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": forms.EmailField, "widget": forms.EmailInput, **kwargs})


def encrypted_fields() -> list[EncryptedTextField]:
    """Every encrypted field of every installed model."""
    from django.apps import apps

    return [
        field
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    ]
