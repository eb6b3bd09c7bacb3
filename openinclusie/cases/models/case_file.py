"""The case file around a report: history, notes, messages, the access
log and retention."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from openinclusie.cases.constants import AccessAction, MessageDirection, Status
from openinclusie.cases.models.reports import Report
from openinclusie.core.fields import EncryptedTextField
from openinclusie.organisations.models import Organisation


class StatusChange(models.Model):
    """Append-only history of a report: status changes and other events."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(_("from"), max_length=25, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=25, choices=Status.choices)
    event = models.CharField(_("event"), max_length=200, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("at"))

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        indexes = [models.Index(fields=["report", "changed_at"], name="history_by_report")]

    def __str__(self) -> str:
        return f"{self.report}: {self.from_status} → {self.to_status}"


class CaseNote(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = EncryptedTextField(_("note"))  # encrypted at rest (ADR 0009)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self) -> str:
        return f"Note on {self.report}"


class Message(models.Model):
    """Two-way messages with the reporter, read through the follow-up page
    with the receipt code. E-mail only ever says that a message is waiting."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(_("direction"), max_length=15, choices=MessageDirection.choices)
    body = EncryptedTextField(_("message"))  # encrypted at rest (ADR 0009)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent at"))
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # The follow-up page has a reply form and an "add information" form;
    # what the reporter adds about what happened is marked in the case file.
    is_addition = models.BooleanField(_("added information"), default=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            models.CheckConstraint(condition=Q(direction__in=MessageDirection.values), name="message_direction_valid"),
            # Staff messages have an author; a reporter's message never does.
            models.CheckConstraint(
                condition=(Q(direction=MessageDirection.TO_REPORTER) & Q(author__isnull=False))
                | (Q(direction=MessageDirection.FROM_REPORTER) & Q(author__isnull=True)),
                name="message_author_matches_direction",
            ),
            models.CheckConstraint(
                condition=Q(is_addition=False) | Q(direction=MessageDirection.FROM_REPORTER),
                name="message_addition_from_reporter",
            ),
        ]
        indexes = [models.Index(fields=["report", "created_at"], name="message_by_report")]

    def __str__(self) -> str:
        return f"Message on {self.report}"


class CaseAccessLog(models.Model):
    """Who opened which case file, revealed contact details or exported a
    case, when and why. Append-only; readable by the ADV coordinator."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="access_log")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(_("action"), max_length=20, choices=AccessAction.choices)
    reason = EncryptedTextField(_("reason"), max_length=300, blank=True)  # encrypted at rest (ADR 0009)
    at = models.DateTimeField(_("at"))

    class Meta:
        verbose_name = _("case access")
        verbose_name_plural = _("case access log")
        constraints = [
            models.CheckConstraint(condition=Q(action__in=AccessAction.values), name="access_action_valid"),
            models.CheckConstraint(
                condition=~Q(action=AccessAction.REVEAL_CONTACT) | ~Q(reason=""), name="reveal_needs_reason"
            ),
        ]
        indexes = [models.Index(fields=["report", "at"], name="access_by_report")]

    def __str__(self) -> str:
        return f"{self.user} {self.action} {self.report}"


class RetentionPolicy(models.Model):
    """Per ADV: how long after closing personal data and free text stay."""

    adv = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="retention_policy")
    months_after_closing = models.PositiveSmallIntegerField(_("months after closing"), default=24)

    class Meta:
        verbose_name = _("retention policy")
        verbose_name_plural = _("retention policies")
        constraints = [
            models.CheckConstraint(condition=Q(months_after_closing__gte=1), name="retention_at_least_one_month"),
        ]

    def __str__(self) -> str:
        return f"{self.adv}: {self.months_after_closing} months"


class AnonymisationLog(models.Model):
    """What retention removed from a report, and when. Holds no personal
    data itself: the field names only."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="anonymisations")
    removed_fields = models.CharField(_("removed"), max_length=500)
    at = models.DateTimeField(_("at"))

    class Meta:
        verbose_name = _("anonymisation")
        verbose_name_plural = _("anonymisations")

    def __str__(self) -> str:
        return f"{self.report} anonymised at {self.at:%Y-%m-%d}"
