"""What the services of this package share: the base of their refusals,
the refusals more than one of them raises, and helpers that describe a
change for the trail of management actions."""

from typing import Any, cast

from django.db import models
from django.utils.translation import gettext as _

from openinclusie.core.exceptions import DomainError


class OrganisationError(DomainError):
    """A refused change. ``field`` names the form field the message belongs
    to, if any."""

    field: str | None = None


class SlugInUse(OrganisationError):
    field = "slug"


class NameInUse(OrganisationError):
    field = "name"


def _changes(before: models.Model, after: dict[str, Any], fields: tuple[str, ...]) -> list[str]:
    """Human-readable list of changed fields; short values are shown as
    old → new, long texts by name only."""
    changed = []
    for name in fields:
        old, new = getattr(before, name), after[name]
        if old == new:
            continue
        field = cast(models.Field, before._meta.get_field(name))
        if name == "description":
            changed.append(str(field.verbose_name))
        else:
            changed.append(f"{field.verbose_name}: {_display(field, old)} → {_display(field, new)}")
    return changed


def _display(field: Any, value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    choices = dict(field.flatchoices) if getattr(field, "choices", None) else {}
    return str(choices.get(value, value))


def _others[M: models.Model](queryset: models.QuerySet[M], exclude_pk: int | None) -> models.QuerySet[M]:
    return queryset if exclude_pk is None else queryset.exclude(pk=exclude_pk)
