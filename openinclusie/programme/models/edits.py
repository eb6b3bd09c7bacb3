"""Append-only record of edits to activities and indicators, so that "what
changed since the last letter" also shows what was changed in them, not only
what is new or gone. The services write one row per save that really changed
something, naming the fields that changed; a save that changes nothing
writes nothing. Status changes, progress updates and measurements have their
own records and are not edits here."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .activities import Activity
from .indicators import Indicator

# Between the field names in ``Edit.fields``.
SEPARATOR = ","


class Edit(models.Model):
    """One save of an activity or an indicator that changed these fields.
    Goes with its activity or indicator when that is removed (the removal
    is recorded on its own)."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, null=True, blank=True, related_name="edits"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, null=True, blank=True, related_name="edits"
    )
    # The model field names that changed, e.g. "title,planned_end".
    fields = models.CharField(_("changed fields"), max_length=300)
    edited_at = models.DateTimeField(_("edited at"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("edit")
        verbose_name_plural = _("edits")
        constraints = [
            models.CheckConstraint(
                condition=(Q(activity__isnull=False) & Q(indicator__isnull=True))
                | (Q(activity__isnull=True) & Q(indicator__isnull=False)),
                name="edit_of_one_thing",
            ),
            models.CheckConstraint(condition=~Q(fields=""), name="edit_names_a_field"),
        ]
        indexes = [models.Index(fields=["edited_at"], name="edit_by_time")]

    def __str__(self) -> str:
        return f"{self.activity_id or self.indicator_id}: {self.fields}"

    @property
    def field_names(self) -> list[str]:
        return self.fields.split(SEPARATOR)

    @property
    def field_labels(self) -> list[str]:
        """The changed fields as the screens name them, in the active language."""
        model = Activity if self.activity_id is not None else Indicator
        known = {field.name: field for field in model._meta.get_fields() if hasattr(field, "verbose_name")}
        return [str(known[name].verbose_name) if name in known else name for name in self.field_names]
