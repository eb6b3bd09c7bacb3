"""Reports (meldingen) and incidents (voorvallen), with the reporter's own
words beside the consultant's classification."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from openinclusie.cases.constants import (
    Channel,
    ContactPreference,
    ReporterRole,
    RequestType,
    ResidentDomain,
    ResidentGround,
    Status,
)
from openinclusie.classification.models import Code, CodeListVersion
from openinclusie.core.fields import EncryptedEmailField, EncryptedTextField
from openinclusie.organisations.models import Municipality, Neighbourhood, Organisation

from .locations import IntakeLocation

PC4 = r"^[1-9][0-9]{3}$"


class Incident(models.Model):
    """One voorval: something that happened, reported by one or many people.
    A mass report is many reports about one public statement or post."""

    adv = models.ForeignKey(Organisation, verbose_name=_("ADV"), on_delete=models.PROTECT, related_name="incidents")
    # Free text (encrypted at rest, ADR 0009): never filter or sort by it in SQL.
    title = EncryptedTextField(_("short description"), max_length=200)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality of the incident"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents",
    )
    occurred_on = models.DateField(_("date"), null=True, blank=True)
    is_mass_report = models.BooleanField(
        _("mass report"), default=False, help_text=_("Figures can be shown with and without mass reports.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    def __str__(self) -> str:
        return f"{self.title} (#{self.pk})"

    @property
    def label(self) -> str:
        """The title, or after retention removed it, what the incident was."""
        return self.title or gettext("Incident %(number)s (anonymised)") % {"number": self.pk}


class Report(models.Model):
    """A melding: one person's report of discrimination, with the reporter's
    own words and choices kept beside the consultant's classification."""

    adv = models.ForeignKey(Organisation, verbose_name=_("ADV"), on_delete=models.PROTECT, related_name="reports")
    reference = models.CharField(_("reference"), max_length=30, unique=True)
    incident = models.ForeignKey(
        Incident,
        verbose_name=_("incident"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )

    # How it came in.
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    # Where the ADV took the report in person. Not personal data: it stays
    # through retention, so the figures can count per location.
    intake_location = models.ForeignKey(
        IntakeLocation,
        verbose_name=_("intake location"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
    )
    # Free text from before intake locations existed; kept for those reports.
    channel_location = EncryptedTextField(
        _("location"), max_length=150, blank=True, help_text=_("For example the pop-up location.")
    )
    referred_by = models.ForeignKey(
        Organisation,
        verbose_name=_("referred by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referred_reports",
    )
    received_at = models.DateTimeField(_("received at"))
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # A one-time token from the form; a double click or a resubmit with the
    # same token finds the existing report instead of making a second one.
    submission_token = models.UUIDField(_("submission token"), null=True, blank=True, unique=True)

    # What the reporter told, in their own words. Free text is encrypted at
    # rest (core.fields, ADR 0009); codes, dates and PC4 stay plain for the
    # figures.
    request_type = models.CharField(_("request"), max_length=10, choices=RequestType.choices)
    reporter_role = models.CharField(_("reporter is"), max_length=10, choices=ReporterRole.choices)
    description = EncryptedTextField(_("what happened"))
    occurred_on = models.DateField(_("date of the incident"), null=True, blank=True)
    occurred_on_is_approximate = models.BooleanField(_("date is approximate"), default=False)
    incident_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality of the incident"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports_about",
    )
    incident_is_online = models.BooleanField(_("online or not tied to a place"), default=False)
    incident_neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood of the incident"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    incident_postcode = models.CharField(
        _("postcode area of the incident"), max_length=4, blank=True, help_text=_("The four digits only.")
    )
    resident_domain = models.CharField(
        _("where it happened (reporter's words)"), max_length=20, choices=ResidentDomain.choices, blank=True
    )
    # Residence, needed for the three Wga columns; the reporter may decline.
    residence_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality of residence"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports_by_residents",
    )
    residence_elsewhere = EncryptedTextField(
        _("other municipality of residence"),
        max_length=100,
        blank=True,
        help_text=_("When the reporter lives in a municipality that is not on this platform."),
    )
    residence_postcode = models.CharField(_("postcode area of residence"), max_length=4, blank=True)
    residence_declined = models.BooleanField(_("reporter declined to give residence"), default=False)
    is_anonymous = models.BooleanField(_("anonymous"), default=True)

    # The consultant's registration in the national classification.
    classification_version = models.ForeignKey(
        CodeListVersion,
        verbose_name=_("classification version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
    )
    grounds = models.ManyToManyField(
        Code, verbose_name=_("grounds"), blank=True, related_name="reports_by_ground", db_table="cases_report_ground"
    )
    domain = models.ForeignKey(
        Code,
        verbose_name=_("societal domain"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports_by_domain",
    )
    nature = models.ForeignKey(
        Code,
        verbose_name=_("nature of the incident"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports_by_nature",
    )
    handlings = models.ManyToManyField(
        Code,
        verbose_name=_("handling"),
        blank=True,
        related_name="reports_by_handling",
        db_table="cases_report_handling",
    )

    # Handling.
    status = models.CharField(_("status"), max_length=25, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_reports",
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    consent_to_contact_other_party = models.BooleanField(
        _("reporter consents to steps towards the other party"), default=False
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    # The receipt code is stored only as a slow, keyed hash; see
    # cases.receipts. The digest is deterministic so it can be looked up.
    receipt_digest = models.CharField(_("receipt code hash"), max_length=128, unique=True, null=True, blank=True)

    # Optimistic locking: every save through a service increments it, and a
    # save from an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(condition=Q(channel__in=Channel.values), name="report_channel_valid"),
            models.CheckConstraint(condition=Q(request_type__in=RequestType.values), name="report_request_type_valid"),
            models.CheckConstraint(condition=Q(reporter_role__in=ReporterRole.values), name="report_role_valid"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="report_status_valid"),
            models.CheckConstraint(
                condition=Q(resident_domain="") | Q(resident_domain__in=ResidentDomain.values),
                name="report_resident_domain_valid",
            ),
            # Only postcode areas (PC4) are kept: a full postcode with house
            # number would identify an address.
            models.CheckConstraint(
                condition=Q(incident_postcode="") | Q(incident_postcode__regex=PC4), name="report_incident_pc4"
            ),
            models.CheckConstraint(
                condition=Q(residence_postcode="") | Q(residence_postcode__regex=PC4), name="report_residence_pc4"
            ),
            # Online incidents have no place.
            models.CheckConstraint(
                condition=Q(incident_is_online=False) | Q(incident_neighbourhood__isnull=True),
                name="report_online_has_no_neighbourhood",
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(status__in=[Status.CLOSED, Status.REGISTERED]),
                name="report_closed_at_only_when_closed",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="report_version_positive"),
        ]
        indexes = [
            models.Index(fields=["adv", "status", "received_at"], name="report_inbox"),
            models.Index(fields=["incident_municipality", "received_at"], name="report_municipality_time"),
            models.Index(fields=["residence_municipality", "received_at"], name="report_residence_time"),
        ]

    def __str__(self) -> str:
        return self.reference


class ReportedGround(models.Model):
    """One of the resident's own answers to "what was it about"."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="resident_grounds")
    ground = models.CharField(_("ground (reporter's words)"), max_length=20, choices=ResidentGround.choices)

    class Meta:
        verbose_name = _("ground in the reporter's words")
        verbose_name_plural = _("grounds in the reporter's words")
        constraints = [
            models.UniqueConstraint(fields=["report", "ground"], name="reported_ground_unique"),
            models.CheckConstraint(condition=Q(ground__in=ResidentGround.values), name="reported_ground_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.ground}"


class ReporterContact(models.Model):
    """Contact details, only when the reporter chose to give them. Shown to
    staff only after they give a logged reason."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="contact")
    # Encrypted at rest (ADR 0009); an empty value stays empty, so the
    # constraint below still works.
    name = EncryptedTextField(_("name"), max_length=150, blank=True)
    email = EncryptedEmailField(_("e-mail address"), blank=True)
    phone = EncryptedTextField(_("telephone number"), max_length=30, blank=True)
    preference = models.CharField(
        _("preferred way of contact"), max_length=10, choices=ContactPreference.choices, default=ContactPreference.NONE
    )
    safe_times = EncryptedTextField(_("safe times to contact"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("reporter contact details")
        verbose_name_plural = _("reporter contact details")
        constraints = [
            models.CheckConstraint(condition=~Q(email="") | ~Q(phone=""), name="contact_has_email_or_phone"),
        ]

    def __str__(self) -> str:
        return f"Contact for {self.report}"


class ReferenceCounter(models.Model):
    """The last reference number handed out per ADV and year, so references
    read as IDB-2026-00042 and never collide under concurrent submissions."""

    adv = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["adv", "year"], name="reference_counter_unique")]

    def __str__(self) -> str:
        return f"{self.adv} {self.year}: {self.last_number}"
