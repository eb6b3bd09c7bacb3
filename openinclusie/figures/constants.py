from django.db import models
from django.utils.translation import gettext_lazy as _


class WgaColumn(models.TextChoices):
    """The three columns of the Wga registration form, from the point of
    view of one municipality."""

    # Residents about an incident in their own municipality.
    OWN = "A", _("Residents, about an incident in the municipality")
    # Residents about an incident elsewhere, online or of unknown place.
    ELSEWHERE = "B", _("Residents, about an incident elsewhere")
    # People living elsewhere (or not known) about an incident in it.
    VISITORS = "C", _("Others, about an incident in the municipality")


class Dimension(models.TextChoices):
    TOTAL = "total", _("Total")
    GROUND = "ground", _("Discrimination ground")
    SUBGROUND = "subground", _("Sub-ground")
    DOMAIN = "domain", _("Societal domain")
    NATURE = "nature", _("Nature of the incident")
    HANDLING = "handling", _("Handling")
    CHANNEL = "channel", _("Way of reporting")
    NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood")
    NEIGHBOURHOOD_GROUND = "nbh_ground", _("Neighbourhood and ground")


# Breakdowns of the Wga overview, in the order of the form.
BREAKDOWNS = (Dimension.GROUND, Dimension.DOMAIN, Dimension.NATURE, Dimension.HANDLING, Dimension.CHANNEL)
# A report can have several of these.
MULTI_VALUED = frozenset({Dimension.GROUND, Dimension.SUBGROUND, Dimension.HANDLING, Dimension.NEIGHBOURHOOD_GROUND})
UNKNOWN = "-"

YEAR = "Y"
QUARTERS = tuple(f"Q{q}" for q in range(1, 5))
MONTHS = tuple(f"M{m:02d}" for m in range(1, 13))


class FigureAction(models.TextChoices):
    DASHBOARD = "dashboard", _("Viewed the figures dashboard")
    DOWNLOAD = "download", _("Downloaded figures")
    OVERVIEW = "overview", _("Viewed the Wga overview")
    OVERVIEW_DOWNLOAD = "overview_download", _("Downloaded the Wga overview")
    RELEASE = "release", _("Released figures to the municipality")
    ADV_DASHBOARD = "adv_dashboard", _("Viewed the ADV figures dashboard")
