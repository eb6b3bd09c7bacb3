"""Intake locations: the places where an ADV takes reports in person."""

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from openinclusie.organisations.models import Organisation


class IntakeLocation(models.Model):
    """A place where the ADV takes reports in person, such as a pop-up
    consultation hour in a library or community centre. Kept per ADV by its
    coordinator. Not personal data: a report keeps its location through
    retention, so reports can be counted per location."""

    adv = models.ForeignKey(
        Organisation, verbose_name=_("ADV"), on_delete=models.PROTECT, related_name="intake_locations"
    )
    name = models.CharField(_("name"), max_length=150)
    address = models.CharField(_("address"), max_length=200, blank=True)
    description = models.CharField(_("description"), max_length=500, blank=True)
    # A location no longer used is switched off, not deleted: its reports
    # keep pointing at it (Report.intake_location is PROTECT).
    is_active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("intake location")
        verbose_name_plural = _("intake locations")
        constraints = [
            # One name per ADV, whatever the capitals: the figures count per
            # location, and two "Bibliotheek" rows would split the count.
            models.UniqueConstraint(F("adv"), Lower("name"), name="intake_location_name_unique_per_adv"),
            models.CheckConstraint(condition=Q(name__regex=r"\S"), name="intake_location_has_name"),
        ]

    def __str__(self) -> str:
        return self.name
