"""Writes for municipalities, organisations and neighbourhoods.

The package is split by what is written; callers import from here, as
before the split. ``save_organisation`` and ``save_municipality`` are for
demo data and imports; the management screens use the ``create_*``,
``update_*`` and neighbourhood functions, which check the rules the
database cannot express and add an entry to the trail of management
actions."""

from .common import NameInUse, OrganisationError, SlugInUse
from .municipalities import (
    MUNICIPALITY_FIELDS,
    RESERVED_SLUGS,
    AdvNotAllowed,
    CbsCodeInUse,
    ColoursTooAlike,
    NotAnAdv,
    SlugReserved,
    create_municipality,
    save_municipality,
    update_municipality,
)
from .neighbourhoods import NeighbourhoodInUse, add_neighbourhood, remove_neighbourhood, update_neighbourhood
from .organisations import (
    ORGANISATION_FIELDS,
    ActiveInOnlyForPartners,
    KindChangeRefused,
    KindNotAllowed,
    create_organisation,
    save_organisation,
    update_organisation,
)

__all__ = [
    "MUNICIPALITY_FIELDS",
    "ORGANISATION_FIELDS",
    "RESERVED_SLUGS",
    "ActiveInOnlyForPartners",
    "AdvNotAllowed",
    "CbsCodeInUse",
    "ColoursTooAlike",
    "KindChangeRefused",
    "KindNotAllowed",
    "NameInUse",
    "NeighbourhoodInUse",
    "NotAnAdv",
    "OrganisationError",
    "SlugInUse",
    "SlugReserved",
    "add_neighbourhood",
    "create_municipality",
    "create_organisation",
    "remove_neighbourhood",
    "save_municipality",
    "save_organisation",
    "update_municipality",
    "update_neighbourhood",
    "update_organisation",
]
