"""The yearly progress letter to the council (raadsinformatiebrief). A draft
is edited; publishing freezes it: the rendered HTML and the data behind it
are stored, and the database refuses any later change (see the triggers in
migration 0002)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from openinclusie.programme.storage import private_storage

from .plan import Programme


class LetterStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ProgressLetter(models.Model):
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="letters"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=250)
    status = models.CharField(_("status"), max_length=20, choices=LetterStatus.choices, default=LetterStatus.DRAFT)
    created_at = models.DateTimeField(_("created at"))
    updated_at = models.DateTimeField(_("changed at"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Frozen at publication: the letter as rendered, and every number and
    # text it was rendered from.
    published_html = models.TextField(_("published text"), blank=True)
    snapshot = models.JSONField(_("published data"), null=True, blank=True)

    class Meta:
        verbose_name = _("progress letter")
        verbose_name_plural = _("progress letters")
        constraints = [
            models.UniqueConstraint(fields=["programme", "year"], name="letter_one_per_programme_year"),
            models.CheckConstraint(condition=Q(status__in=LetterStatus.values), name="letter_status_valid"),
            models.CheckConstraint(condition=Q(year__gte=2000) & Q(year__lte=2100), name="letter_year_plausible"),
            models.CheckConstraint(
                condition=(
                    Q(status=LetterStatus.DRAFT)
                    & Q(published_at__isnull=True)
                    & Q(snapshot__isnull=True)
                    & Q(published_html="")
                )
                | (
                    Q(status=LetterStatus.PUBLISHED)
                    & Q(published_at__isnull=False)
                    & Q(snapshot__isnull=False)
                    & ~Q(published_html="")
                ),
                name="letter_published_iff_frozen",
            ),
        ]
        indexes = [models.Index(fields=["status", "published_at"], name="letter_by_publication")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == LetterStatus.PUBLISHED


class BlockKind(models.TextChoices):
    INTRODUCTION = "introduction", _("Introduction")
    LINE = "line", _("Progress per line")
    FIGURES = "figures", _("Figures")
    CLOSING = "closing", _("Closing")


class LetterBlock(models.Model):
    """One editable narrative text of a letter: the introduction, a text per
    line, the comment on the figures, the closing."""

    letter = models.ForeignKey(
        ProgressLetter, verbose_name=_("letter"), on_delete=models.PROTECT, related_name="blocks"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=BlockKind.choices)
    # For kind "line": the line's number in the programme.
    line_number = models.PositiveSmallIntegerField(_("line"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"))
    heading = models.CharField(_("heading"), max_length=250)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("letter text")
        verbose_name_plural = _("letter texts")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=BlockKind.values), name="letter_block_kind_valid"),
            models.CheckConstraint(
                condition=(Q(kind=BlockKind.LINE) & Q(line_number__isnull=False))
                | (~Q(kind=BlockKind.LINE) & Q(line_number__isnull=True)),
                name="letter_block_line_iff_kind_line",
            ),
            models.UniqueConstraint(
                fields=["letter", "line_number"],
                condition=Q(kind=BlockKind.LINE),
                name="letter_block_one_per_line",
            ),
            models.UniqueConstraint(
                fields=["letter", "kind"], condition=~Q(kind=BlockKind.LINE), name="letter_block_one_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return self.heading


class DocumentFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"


class LetterDocument(models.Model):
    """A PDF or DOCX made from a published letter's snapshot. Written once."""

    letter = models.ForeignKey(
        ProgressLetter, verbose_name=_("letter"), on_delete=models.PROTECT, related_name="documents"
    )
    format = models.CharField(_("format"), max_length=10, choices=DocumentFormat.choices)
    file = models.FileField(_("file"), storage=private_storage, upload_to="programme/letters/", max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size_bytes = models.PositiveIntegerField(_("size in bytes"))
    generated_at = models.DateTimeField(_("generated at"))

    class Meta:
        verbose_name = _("letter document")
        verbose_name_plural = _("letter documents")
        constraints = [
            models.UniqueConstraint(fields=["letter", "format"], name="letter_document_one_per_format"),
            models.CheckConstraint(condition=Q(format__in=DocumentFormat.values), name="letter_document_format_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.letter_id}.{self.format}"
