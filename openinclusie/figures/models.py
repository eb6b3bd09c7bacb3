"""Figures owns no source data. It keeps a summary of counts (refreshed
from the reports by a task), the releases of protected figures to a
municipality, and a log of who looked at figures."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from openinclusie.organisations.models import Municipality

from .constants import Dimension, FigureAction, WgaColumn


class Tally(models.Model):
    """One exact count: reports and incidents of one municipality, one
    period, one Wga column, with or without mass reports, for one category
    of one breakdown (for now only totals are kept). Rebuilt per
    municipality and year by ``services.refresh``; shown unprotected only to
    the ADV's own staff."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    # "Y", "Q1".."Q4" or "M01".."M12".
    period = models.CharField(max_length=3)
    column = models.CharField(max_length=1, choices=WgaColumn.choices)
    is_mass = models.BooleanField()
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    # Category: a code slug, a channel, a neighbourhood id; "" for totals,
    # "-" for not classified / not known.
    key = models.CharField(max_length=130)
    reports = models.PositiveIntegerField()
    incidents = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "dimension", "period", "column", "is_mass", "key"],
                name="tally_unique",
            ),
            models.CheckConstraint(condition=Q(column__in=WgaColumn.values), name="tally_column_valid"),
            models.CheckConstraint(condition=Q(dimension__in=Dimension.values), name="tally_dimension_valid"),
            models.CheckConstraint(condition=Q(incidents__lte=models.F("reports")), name="tally_incidents_le_reports"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.year} {self.period} {self.column} {self.dimension}={self.key}"


class YearSummary(models.Model):
    """The protected figures of one municipality-year as they stood at the
    last refresh, and the state of the reports they were made from (a
    fingerprint: count, last change, mass reports). Dashboards read this;
    the refresh task rebuilds it when the fingerprint changes."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    fingerprint = models.CharField(max_length=200)
    refreshed_at = models.DateTimeField()
    # disclosure.tables.FigureSet.to_dict() of the protected set.
    protected = models.JSONField()
    # The exact counts it was made from, as counting.Fact rows (for the
    # ADV's own overview).
    exact = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="year_summary_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.year} @ {self.refreshed_at:%Y-%m-%d %H:%M}"


class RefreshRun(models.Model):
    """One run of the summary refresh, for the "figures as of" line."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    partitions = models.PositiveIntegerField(default=0)
    full = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["finished_at"], name="refresh_run_finished")]

    def __str__(self) -> str:
        return f"Refresh {self.started_at:%Y-%m-%d %H:%M}: {self.partitions}"


class Release(models.Model):
    """The ADV coordinator releases the protected figures of one year to the
    municipality. The snapshot is frozen: later changes to reports do not
    alter what was released. A new release of the same year supersedes the
    older one, which stays as history."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="figure_releases"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("released by"), on_delete=models.PROTECT, related_name="+"
    )
    released_at = models.DateTimeField(_("released at"))
    # The protected tables (disclosure.tables.FigureSet.to_dict()).
    snapshot = models.JSONField(_("released figures"))

    class Meta:
        verbose_name = _("release of figures")
        verbose_name_plural = _("releases of figures")
        constraints = [
            models.CheckConstraint(condition=Q(year__gte=2000) & Q(year__lte=2100), name="release_year_range"),
        ]
        indexes = [models.Index(fields=["municipality", "year", "released_at"], name="release_latest")]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year} ({self.released_at:%Y-%m-%d})"


class FigureAccessLog(models.Model):
    """Who looked at or downloaded figures of which municipality (STAT-07).
    Append-only."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    action = models.CharField(max_length=30, choices=FigureAction.choices)
    at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(action__in=FigureAction.values), name="figure_access_action_valid"),
        ]
        indexes = [
            models.Index(fields=["municipality", "at"], name="figure_access_by_municipality"),
            models.Index(fields=["user", "at"], name="figure_access_by_user"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.action} {self.municipality_id}"
