"""The plan itself: a municipality's multi-year vision, its execution
programmes, their lines and the objectives of each line."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from openinclusie.organisations.models import Municipality

YEAR_RANGE = Q(start_year__gte=2000) & Q(start_year__lte=2100) & Q(end_year__gte=F("start_year"))


class Vision(models.Model):
    """The multi-year vision (meerjarenvisie) with its ambition text, e.g.
    Zoetermeer's 2024-2040 vision on inclusion and diversity."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="visions"
    )
    title = models.CharField(_("title"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    ambition = models.TextField(_("ambition"), help_text=_("The ambition in the vision's own words."))
    summary = models.TextField(_("summary"), blank=True, help_text=_("Main choices of the vision, in a few lines."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("vision")
        verbose_name_plural = _("visions")
        constraints = [
            models.CheckConstraint(condition=YEAR_RANGE, name="vision_years_valid"),
            models.UniqueConstraint(fields=["municipality", "title"], name="vision_title_unique_per_municipality"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_year}-{self.end_year})"


class Programme(models.Model):
    """An execution programme (uitvoeringsprogramma) for a period."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="programmes"
    )
    name = models.CharField(_("name"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    introduction = models.TextField(_("introduction"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(condition=YEAR_RANGE, name="programme_years_valid"),
            models.UniqueConstraint(fields=["municipality", "name"], name="programme_name_unique_per_municipality"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.period})"

    @property
    def period(self) -> str:
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}-{self.end_year}"

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)


class Line(models.Model):
    """A development or action line (ontwikkellijn, actielijn), numbered
    within its programme."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="lines"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("line")
        verbose_name_plural = _("lines")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="line_number_unique_per_programme"),
            models.CheckConstraint(condition=Q(number__gte=1), name="line_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Objective(models.Model):
    """An objective (doelstelling) of a line."""

    line = models.ForeignKey(Line, verbose_name=_("line"), on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("objective"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        constraints = [
            models.UniqueConstraint(fields=["line", "number"], name="objective_number_unique_per_line"),
            models.CheckConstraint(condition=Q(number__gte=1), name="objective_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.line.number}.{self.number} {self.text[:80]}"
