"""Append-only record of what was removed from a programme, so that "what
changed since the last letter" also shows what is gone. Removed objects are
really deleted; this keeps a label and how much went with them."""

from collections.abc import Callable, Mapping

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .plan import Programme


class RemovedKind(models.TextChoices):
    LINE = "line", _("Line")
    OBJECTIVE = "objective", _("Objective")
    INDICATOR = "indicator", _("Indicator")
    MEASUREMENT = "measurement", _("Measurement")
    ACTIVITY = "activity", _("Activity")
    UPDATE = "update", _("Progress update")
    LETTER = "letter", _("Draft letter")


# What can go along with a removal, or stand in its way, by key.
PHRASES: dict[str, Callable[[int], str]] = {
    "updates": lambda n: ngettext("%(count)s progress update", "%(count)s progress updates", n),
    "photos": lambda n: ngettext("%(count)s photo", "%(count)s photos", n),
    "status_changes": lambda n: ngettext("%(count)s status change", "%(count)s status changes", n),
    "measurements": lambda n: ngettext("%(count)s measurement", "%(count)s measurements", n),
    "activities": lambda n: ngettext("%(count)s activity", "%(count)s activities", n),
    "indicators": lambda n: ngettext("%(count)s indicator", "%(count)s indicators", n),
    "objectives": lambda n: ngettext("%(count)s objective", "%(count)s objectives", n),
    "letter_texts": lambda n: ngettext("%(count)s text in a draft letter", "%(count)s texts in draft letters", n),
    "texts": lambda n: ngettext("%(count)s letter text", "%(count)s letter texts", n),
}


def describe_counts(counts: Mapping[str, int]) -> list[str]:
    """Counts as short texts in the active language, e.g. {"updates": 3,
    "photos": 2} as ["3 progress updates", "2 photos"]; zeros left out."""
    return [PHRASES[key](count) % {"count": count} for key, count in counts.items() if count and key in PHRASES]


class Removal(models.Model):
    """One removal: added by the removal services in the same transaction
    as the delete, never changed afterwards."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="removals"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=RemovedKind.choices)
    # How it read before it was removed, e.g. "1.2 Kennisatelier".
    label = models.CharField(_("what"), max_length=300)
    # How many of each kind of thing went along with it, e.g. {"updates": 3}.
    counts = models.JSONField(_("removed with it"), default=dict, blank=True)
    removed_at = models.DateTimeField(_("removed at"))
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("removal")
        verbose_name_plural = _("removals")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=RemovedKind.values), name="removal_kind_valid"),
        ]
        indexes = [models.Index(fields=["programme", "removed_at"], name="removal_by_programme_time")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.label}"

    @property
    def removed_with(self) -> list[str]:
        return describe_counts(self.counts or {})
