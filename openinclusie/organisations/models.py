from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = r"^#[0-9A-Fa-f]{6}$"


class Municipality(models.Model):
    """A gemeente: the tenant whose residents, programme and figures the
    platform serves. Its ADV is the one organisation allowed to see the
    individual reports about it."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("web address"), max_length=60, unique=True, help_text=_("Used in the public address, e.g. /zoetermeer/.")
    )
    cbs_code = models.CharField(
        _("CBS code"), max_length=6, unique=True, help_text=_("The municipality code of CBS, e.g. GM0637.")
    )
    adv = models.ForeignKey(
        "Organisation",
        verbose_name=_("anti-discrimination service (ADV)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="served_municipalities",
        limit_choices_to={"kind": "adv"},
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#01689B",
        help_text=_("Colour of the header and buttons, as #RRGGBB. White text must be readable on it."),
    )
    primary_text_colour = models.CharField(_("text colour on primary colour"), max_length=7, default="#FFFFFF")
    is_published = models.BooleanField(_("public site is online"), default=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.CheckConstraint(
                condition=Q(primary_colour__regex=HEX_COLOUR) & Q(primary_text_colour__regex=HEX_COLOUR),
                name="municipality_colours_are_hex",
            ),
            models.CheckConstraint(condition=Q(cbs_code__regex=r"^GM[0-9]{4}$"), name="municipality_cbs_code_format"),
        ]

    def __str__(self) -> str:
        return self.name


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    ADV = "adv", _("Anti-discrimination service (ADV)")
    PARTNER = "partner", _("Partner organisation")
    PLATFORM = "platform", _("Platform management")


class Organisation(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    municipality = models.OneToOneField(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisation",
        help_text=_("Only for the organisation of a municipality itself."),
    )
    active_in = models.ManyToManyField(
        Municipality,
        verbose_name=_("active in municipalities"),
        blank=True,
        related_name="active_organisations",
        help_text=_("For partners: the municipalities where the organisation works."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone number"), max_length=30, blank=True)
    address = models.CharField(_("visiting address"), max_length=200, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=OrganisationKind.values), name="organisation_kind_valid"),
            # The organisation of a municipality is tied to exactly that
            # municipality; no other kind is.
            models.CheckConstraint(
                condition=(Q(kind=OrganisationKind.MUNICIPALITY) & Q(municipality__isnull=False))
                | (~Q(kind=OrganisationKind.MUNICIPALITY) & Q(municipality__isnull=True)),
                name="organisation_municipality_iff_kind_municipality",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Neighbourhood(models.Model):
    """A wijk of a municipality: the smallest area figures and signals are
    ever shown for."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.CASCADE, related_name="neighbourhoods"
    )
    name = models.CharField(_("name"), max_length=100)
    cbs_code = models.CharField(
        _("CBS district code"), max_length=8, blank=True, help_text=_("The wijk code of CBS, e.g. WK063701.")
    )

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="neighbourhood_name_unique_per_municipality"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})"
