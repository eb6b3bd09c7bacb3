"""Indicators of objectives: a baseline (nulmeting), a target, and values
over time, entered by hand or computed from activities or from the released
figures."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .plan import Objective


class IndicatorSource(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    ACTIVITIES = "activities", _("Computed from activities")
    FIGURES = "figures", _("Computed from the released figures")


class ActivityMeasure(models.TextChoices):
    """What a computed-from-activities indicator counts per year, over the
    programme's activities of the indicator's type."""

    DONE_COUNT = "done_count", _("Number of activities done")
    PARTICIPANTS = "participants", _("Participants (sum over updates)")
    ORGANISATIONS = "organisations", _("Organisations taking part (sum over updates)")


class FiguresMeasure(models.TextChoices):
    """What a computed-from-figures indicator reads from the released,
    disclosure-controlled figures of the municipality for a year."""

    REPORTS_TOTAL = "reports_total", _("Number of reports")
    REPORTS_WITHOUT_MASS = "reports_without_mass", _("Number of reports, mass reports counted once")
    CHANNEL_SHARE = "channel_share", _("Share of reports that came in a chosen way (%)")


class ReportChannel(models.TextChoices):
    """The ways a report comes in, by the keys the rows of the figures
    module's released channel table carry (the reports' channel values; a
    test keeps the two lists the same). Only for the channel share."""

    WEB = "web", _("Online form")
    PHONE = "phone", _("Telephone")
    EMAIL = "email", _("E-mail")
    WALK_IN = "walk_in", _("Walk-in")
    POP_UP = "pop_up", _("Pop-up location")
    PARTNER_REFERRAL = "partner_referral", _("Referral by a partner organisation")
    OTHER = "other", _("Other")


def _both_or_neither(value: str, date: str) -> Q:
    return (Q(**{f"{value}__isnull": True}) & Q(**{f"{date}__isnull": True})) | (
        Q(**{f"{value}__isnull": False}) & Q(**{f"{date}__isnull": False})
    )


class Indicator(models.Model):
    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.PROTECT, related_name="indicators"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"), help_text=_("What is measured, how, and by whom."))
    unit = models.CharField(_("unit"), max_length=30, help_text=_("For example %, reports or organisations."))
    source = models.CharField(_("data source"), max_length=20, choices=IndicatorSource.choices)
    activity_tag = models.SlugField(_("activity type"), max_length=50, blank=True)
    activity_measure = models.CharField(_("what to count"), max_length=20, choices=ActivityMeasure.choices, blank=True)
    figures_measure = models.CharField(_("figure"), max_length=40, choices=FiguresMeasure.choices, blank=True)
    figures_channel = models.CharField(_("way of reporting"), max_length=30, choices=ReportChannel.choices, blank=True)
    baseline_value = models.DecimalField(_("baseline value"), max_digits=12, decimal_places=2, null=True, blank=True)
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    target_value = models.DecimalField(_("target value"), max_digits=12, decimal_places=2, null=True, blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["objective", "number"], name="indicator_number_unique_per_objective"),
            models.CheckConstraint(condition=Q(source__in=IndicatorSource.values), name="indicator_source_valid"),
            models.CheckConstraint(
                condition=_both_or_neither("baseline_value", "baseline_date"), name="indicator_baseline_complete"
            ),
            models.CheckConstraint(
                condition=_both_or_neither("target_value", "target_date"), name="indicator_target_complete"
            ),
            # Each source carries exactly the settings it needs.
            models.CheckConstraint(
                condition=(
                    Q(source=IndicatorSource.MANUAL)
                    & Q(activity_tag="")
                    & Q(activity_measure="")
                    & Q(figures_measure="")
                )
                | (
                    Q(source=IndicatorSource.ACTIVITIES)
                    & ~Q(activity_tag="")
                    & Q(activity_measure__in=ActivityMeasure.values)
                    & Q(figures_measure="")
                )
                | (
                    Q(source=IndicatorSource.FIGURES)
                    & Q(activity_tag="")
                    & Q(activity_measure="")
                    & Q(figures_measure__in=FiguresMeasure.values)
                ),
                name="indicator_source_settings",
            ),
            # The channel share, and only it, says which way of reporting.
            models.CheckConstraint(
                condition=(
                    Q(figures_measure=FiguresMeasure.CHANNEL_SHARE) & Q(figures_channel__in=ReportChannel.values)
                )
                | (~Q(figures_measure=FiguresMeasure.CHANNEL_SHARE) & Q(figures_channel="")),
                name="indicator_channel_iff_channel_share",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_computed(self) -> bool:
        return self.source != IndicatorSource.MANUAL


class Measurement(models.Model):
    """One value of a hand-entered indicator. It cannot exist without its
    indicator (NOT NULL, cascading)."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="measurements"
    )
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True, help_text=_("Source or remark."))
    recorded_at = models.DateTimeField(_("recorded at"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "measured_on"], name="measurement_one_per_date"),
        ]

    def __str__(self) -> str:
        return f"{self.measured_on}: {self.value}"
