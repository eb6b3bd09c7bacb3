"""Activities of the programme, their status history and the dated progress
updates (with links and photos) that officers and partners post on them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openinclusie.organisations.models import Organisation
from openinclusie.programme.storage import private_storage

from .plan import Line, Objective


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    STOPPED = "stopped", _("Stopped")
    POSTPONED = "postponed", _("Postponed")


class Activity(models.Model):
    """One numbered activity. It belongs to exactly one line: either directly
    (``line``) or through one of the line's objectives (``objective``), never
    both and never neither; the database enforces that."""

    line = models.ForeignKey(
        Line, verbose_name=_("line"), on_delete=models.PROTECT, null=True, blank=True, related_name="activities"
    )
    objective = models.ForeignKey(
        Objective,
        verbose_name=_("objective"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    lead_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_activities",
        help_text=_("Leave empty when the network as a whole carries the activity."),
    )
    partner_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("partner organisations"), blank=True, related_name="partner_activities"
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    tag = models.SlugField(
        _("type"),
        max_length=50,
        blank=True,
        help_text=_("A short code for the kind of activity, e.g. kennisatelier or training; indicators count by it."),
    )
    # Set by the service to its ``now``: "new since the last letter" reads it.
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=(Q(line__isnull=False) & Q(objective__isnull=True))
                | (Q(line__isnull=True) & Q(objective__isnull=False)),
                name="activity_in_exactly_one_line",
            ),
            models.CheckConstraint(condition=Q(status__in=ActivityStatus.values), name="activity_status_valid"),
            models.CheckConstraint(
                condition=(Q(status=ActivityStatus.DONE) & Q(completed_on__isnull=False))
                | (~Q(status=ActivityStatus.DONE) & Q(completed_on__isnull=True)),
                name="activity_completed_on_iff_done",
            ),
            models.CheckConstraint(
                condition=Q(planned_start__isnull=True)
                | Q(planned_end__isnull=True)
                | Q(planned_end__gte=F("planned_start")),
                name="activity_period_in_order",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="activity_number_positive"),
            models.UniqueConstraint(
                fields=["line", "number"], condition=Q(line__isnull=False), name="activity_number_unique_in_line"
            ),
            models.UniqueConstraint(
                fields=["objective", "number"],
                condition=Q(objective__isnull=False),
                name="activity_number_unique_in_objective",
            ),
        ]
        indexes = [models.Index(fields=["tag", "status"], name="activity_by_tag")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def owning_line(self) -> Line:
        """The one line this activity belongs to."""
        if self.line is not None:
            return self.line
        # The constraint activity_in_exactly_one_line guarantees an objective here.
        return self.objective.line  # type: ignore[union-attr]


class ActivityStatusChange(models.Model):
    """Append-only history of status changes, read for "what changed since
    the last letter"."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(_("from"), max_length=20, choices=ActivityStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=ActivityStatus.choices)
    changed_at = models.DateTimeField(_("changed at"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        constraints = [
            models.CheckConstraint(condition=Q(to_status__in=ActivityStatus.values), name="activity_change_to_valid"),
            models.CheckConstraint(condition=~Q(from_status=F("to_status")), name="activity_change_is_a_change"),
        ]
        indexes = [models.Index(fields=["activity", "changed_at"], name="activity_change_by_time")]

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.from_status} -> {self.to_status}"


class ActivityUpdate(models.Model):
    """A dated progress update, by the municipality or a partner."""

    activity = models.ForeignKey(Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="updates")
    happened_on = models.DateField(_("date"))
    text = models.TextField(_("what happened"))
    links = models.TextField(_("links"), blank=True, help_text=_("One web address per line."))
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    organisations_reached = models.PositiveIntegerField(_("number of organisations taking part"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    author_organisation = models.ForeignKey(
        Organisation, verbose_name=_("for organisation"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("posted at"))
    # Set by an edit, so the officer sees edited updates among the changes
    # since the last letter.
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        indexes = [
            models.Index(fields=["activity", "happened_on"], name="update_by_activity_date"),
            models.Index(fields=["created_at"], name="update_by_posted"),
        ]

    def __str__(self) -> str:
        return f"{self.happened_on}: {self.text[:60]}"

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class PhotoType(models.TextChoices):
    JPEG = "image/jpeg", "JPEG"
    PNG = "image/png", "PNG"
    WEBP = "image/webp", "WebP"


class ActivityPhoto(models.Model):
    """A photo with an update: re-encoded without EXIF (no GPS, no camera
    data), stored outside the web root under a random name, sent only by an
    access-checked view."""

    update = models.ForeignKey(
        ActivityUpdate, verbose_name=_("update"), on_delete=models.CASCADE, related_name="photos"
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to="programme/photos/%Y/%m/", max_length=200)
    description = models.CharField(
        _("description"), max_length=250, help_text=_("What the photo shows, for people who cannot see it.")
    )
    content_type = models.CharField(_("file type"), max_length=20, choices=PhotoType.choices)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    size_bytes = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("added at"))

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            models.CheckConstraint(condition=Q(content_type__in=PhotoType.values), name="photo_type_valid"),
            models.CheckConstraint(condition=~Q(description=""), name="photo_has_description"),
        ]

    def __str__(self) -> str:
        return self.description
