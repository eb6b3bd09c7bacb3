"""The national registration classification as versioned code lists.

The lists are not fixed by law in a form we could verify (reference/domain.md
marks several as UNCERTAIN), so they are data: maintained by platform
management, versioned, and every report keeps the version it was registered
under so older figures stay explainable."""

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class CodeListVersion(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    valid_from = models.DateField(_("valid from"))
    is_current = models.BooleanField(
        _("current version"), default=False, help_text=_("New registrations use the current version.")
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("code list version")
        verbose_name_plural = _("code list versions")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="only_one_current_code_list_version"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CodeKind(models.TextChoices):
    GROUND = "ground", _("Discrimination ground")
    DOMAIN = "domain", _("Societal domain")
    NATURE = "nature", _("Nature of the incident")
    HANDLING = "handling", _("Handling")


class Code(models.Model):
    version = models.ForeignKey(
        CodeListVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="codes"
    )
    kind = models.CharField(_("list"), max_length=20, choices=CodeKind.choices)
    code = models.SlugField(_("code"), max_length=60)
    label_nl = models.CharField(_("label (Dutch)"), max_length=150)
    label_en = models.CharField(_("label (English)"), max_length=150)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("main ground"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("For a sub-ground: the ground it belongs to."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)
    towards_other_party = models.BooleanField(
        _("step towards the other party"),
        default=False,
        help_text=_("Only for handling: the ADV registers it only with the reporter's recorded consent."),
    )

    class Meta:
        verbose_name = _("code")
        verbose_name_plural = _("codes")
        constraints = [
            models.UniqueConstraint(fields=["version", "kind", "code"], name="code_unique_per_list_version"),
            models.CheckConstraint(condition=Q(kind__in=CodeKind.values), name="code_kind_valid"),
            # Only grounds have sub-grounds.
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | Q(kind=CodeKind.GROUND), name="code_parent_only_for_grounds"
            ),
            models.CheckConstraint(
                condition=Q(towards_other_party=False) | Q(kind=CodeKind.HANDLING),
                name="code_other_party_only_for_handling",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "nl").startswith("en") else self.label_nl
