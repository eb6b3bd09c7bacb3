"""The record of edits (``models.Edit``): what the activity and indicator
services changed, written in their transaction. Only real changes count:
each tracked field is read before and after the save and compared."""

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.db.models import ManyToManyField, Model

from openinclusie.accounts.models import User
from openinclusie.programme.models import Activity, Edit, Indicator
from openinclusie.programme.models.edits import SEPARATOR

# What an activity edit can change. Its status has its own history.
ACTIVITY_FIELDS = (
    "line",
    "objective",
    "number",
    "title",
    "description",
    "lead_organisation",
    "partner_organisations",
    "planned_start",
    "planned_end",
    "tag",
)
INDICATOR_FIELDS = (
    "number",
    "name",
    "definition",
    "unit",
    "source",
    "activity_tag",
    "activity_measure",
    "figures_measure",
    "figures_channel",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
)

Snapshot = dict[str, Any]


def snapshot(instance: Model, names: Iterable[str]) -> Snapshot:
    """The stored values of these fields: ids for relations, a set of ids
    for many-to-many ones."""
    values: Snapshot = {}
    for name in names:
        field = instance._meta.get_field(name)
        if isinstance(field, ManyToManyField):
            values[name] = set(getattr(instance, name).values_list("pk", flat=True))
        else:
            value = getattr(instance, field.attname)  # type: ignore[union-attr]
            # A browser sends a text area's line ends as CRLF: not a change.
            values[name] = value.replace("\r\n", "\n") if isinstance(value, str) else value
    return values


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    return [name for name in before if before[name] != after.get(name)]


def record_edit(
    *,
    activity: Activity | None = None,
    indicator: Indicator | None = None,
    before: Snapshot,
    after: Snapshot,
    by: User | None,
    now: datetime,
) -> Edit | None:
    """One record naming what changed between the two snapshots; nothing
    when nothing changed."""
    fields = changed_fields(before, after)
    if not fields:
        return None
    return Edit.objects.create(
        activity=activity, indicator=indicator, fields=SEPARATOR.join(fields), edited_at=now, edited_by=by
    )
