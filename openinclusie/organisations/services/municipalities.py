"""Writes for municipalities, each with the organisation its programme
officers belong to."""

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import URLResolver, get_resolver
from django.utils.translation import gettext as _

from openinclusie.accounts.models import AdminActionKind, User
from openinclusie.accounts.services import record_admin_action
from openinclusie.core.exceptions import DomainError
from openinclusie.organisations.colours import MINIMUM_TEXT_CONTRAST, contrast_ratio, rounded_down
from openinclusie.organisations.models import Municipality, Neighbourhood, Organisation, OrganisationKind

from .common import NameInUse, OrganisationError, SlugInUse, _changes, _others


class NotAnAdv(DomainError):
    pass


class SlugReserved(OrganisationError):
    field = "slug"


class CbsCodeInUse(OrganisationError):
    field = "cbs_code"


class AdvNotAllowed(OrganisationError):
    field = "adv"


class ColoursTooAlike(OrganisationError):
    field = "primary_text_colour"


# A municipality's public site lives at /<slug>/, so a slug must not be the
# first part of any address the platform uses itself. Those are read from the
# URL configuration; these are kept free as well.
RESERVED_SLUGS = frozenset({"static", "media", "api", "admin", "well-known"})


def _platform_path_segments() -> set[str]:
    """First address segments used by the platform: "beheer", "inloggen", ..."""
    segments: set[str] = set()

    def walk(patterns: list[Any]) -> None:
        for pattern in patterns:
            first = str(pattern.pattern).split("/", 1)[0]
            if isinstance(pattern, URLResolver) and not first:
                walk(pattern.url_patterns)
            elif first and "<" not in first:
                segments.add(first)

    walk(get_resolver().url_patterns)
    return segments


MUNICIPALITY_FIELDS = ("name", "slug", "cbs_code", "adv", "primary_colour", "primary_text_colour", "is_published")


@transaction.atomic
def save_municipality(
    *,
    slug: str,
    name: str,
    cbs_code: str,
    adv: Organisation | None,
    primary_colour: str = "#01689B",
    primary_text_colour: str = "#FFFFFF",
    neighbourhood_names: list[str] | None = None,
) -> Municipality:
    """Creates or updates a municipality together with the organisation its
    programme officers belong to."""
    if adv is not None and adv.kind != OrganisationKind.ADV:
        raise NotAnAdv(f"{adv} is not an anti-discrimination service.")
    municipality, _created = Municipality.objects.update_or_create(
        slug=slug,
        defaults={
            "name": name,
            "cbs_code": cbs_code,
            "adv": adv,
            "primary_colour": primary_colour,
            "primary_text_colour": primary_text_colour,
        },
    )
    Organisation.objects.update_or_create(
        municipality=municipality,
        defaults={"slug": f"gemeente-{slug}", "name": f"Gemeente {name}", "kind": OrganisationKind.MUNICIPALITY},
    )
    for neighbourhood_name in neighbourhood_names or []:
        Neighbourhood.objects.get_or_create(municipality=municipality, name=neighbourhood_name)
    return municipality


# --- Platform management -------------------------------------------------------------------------


def _check_municipality(
    *,
    name: str,
    slug: str,
    cbs_code: str,
    adv: Organisation | None,
    primary_colour: str,
    primary_text_colour: str,
    exclude_pk: int | None = None,
) -> None:
    language_codes = {code for code, _name in settings.LANGUAGES}
    if slug in RESERVED_SLUGS or slug in language_codes or slug in _platform_path_segments():
        raise SlugReserved(
            _("The web address “%(slug)s” is used by the platform itself. Choose another one.") % {"slug": slug}
        )
    others = _others(Municipality.objects.all(), exclude_pk)
    if others.filter(slug=slug).exists():
        raise SlugInUse(_("Another municipality already uses the web address “%(slug)s”.") % {"slug": slug})
    if others.filter(name=name).exists():
        raise NameInUse(_("There is already a municipality called %(name)s.") % {"name": name})
    if others.filter(cbs_code=cbs_code).exists():
        raise CbsCodeInUse(_("Another municipality already has the CBS code %(code)s.") % {"code": cbs_code})
    if adv is not None and adv.kind != OrganisationKind.ADV:
        raise AdvNotAllowed(_("%(name)s is not an anti-discrimination service (ADV).") % {"name": adv.name})
    ratio = contrast_ratio(primary_colour, primary_text_colour)
    if ratio < MINIMUM_TEXT_CONTRAST:
        raise ColoursTooAlike(
            _(
                "The text colour is too hard to read on the primary colour: the contrast between them is "
                "%(ratio)s to 1, and it must be at least %(minimum)s to 1 so that people with low vision can "
                "read it too. Make the primary colour darker, or the text colour lighter (or the other way round)."
            )
            % {"ratio": f"{rounded_down(ratio):.2f}", "minimum": f"{MINIMUM_TEXT_CONTRAST:.1f}"}
        )


@transaction.atomic
def create_municipality(
    *,
    actor: User,
    name: str,
    slug: str,
    cbs_code: str,
    adv: Organisation | None,
    now: datetime,
    primary_colour: str = "#01689B",
    primary_text_colour: str = "#FFFFFF",
    is_published: bool = False,
) -> Municipality:
    """A new municipality together with the organisation its programme
    officers belong to."""
    _check_municipality(
        name=name,
        slug=slug,
        cbs_code=cbs_code,
        adv=adv,
        primary_colour=primary_colour,
        primary_text_colour=primary_text_colour,
    )
    organisation_slug = f"gemeente-{slug}"
    if Organisation.objects.filter(slug=organisation_slug).exists():
        raise SlugInUse(
            _("An organisation already uses the short name “%(slug)s”, which this municipality needs.")
            % {"slug": organisation_slug}
        )
    municipality = Municipality.objects.create(
        name=name,
        slug=slug,
        cbs_code=cbs_code,
        adv=adv,
        primary_colour=primary_colour,
        primary_text_colour=primary_text_colour,
        is_published=is_published,
    )
    Organisation.objects.create(
        kind=OrganisationKind.MUNICIPALITY,
        municipality=municipality,
        slug=organisation_slug,
        name=f"Gemeente {name}",
    )
    record_admin_action(actor=actor, action=AdminActionKind.MUNICIPALITY_CREATED, target=municipality, now=now)
    return municipality


@transaction.atomic
def update_municipality(
    *,
    actor: User,
    municipality: Municipality,
    name: str,
    slug: str,
    cbs_code: str,
    adv: Organisation | None,
    primary_colour: str,
    primary_text_colour: str,
    is_published: bool,
    now: datetime,
) -> Municipality:
    """Changes a municipality. Which ADV serves it decides who sees its
    reports, so a change of ADV is named in the trail with old and new."""
    current = Municipality.objects.select_for_update(of=("self",)).select_related("adv").get(pk=municipality.pk)
    _check_municipality(
        name=name,
        slug=slug,
        cbs_code=cbs_code,
        adv=adv,
        primary_colour=primary_colour,
        primary_text_colour=primary_text_colour,
        exclude_pk=current.pk,
    )
    values = {
        "name": name,
        "slug": slug,
        "cbs_code": cbs_code,
        "adv": adv,
        "primary_colour": primary_colour,
        "primary_text_colour": primary_text_colour,
        "is_published": is_published,
    }
    changed = _changes(current, values, MUNICIPALITY_FIELDS)
    old_name = current.name
    for field_name, value in values.items():
        setattr(current, field_name, value)
    current.save(update_fields=list(values))
    # Keep the organisation's name in step while it is still the default one.
    Organisation.objects.filter(municipality=current, name=f"Gemeente {old_name}").update(name=f"Gemeente {name}")
    if changed:
        record_admin_action(
            actor=actor, action=AdminActionKind.MUNICIPALITY_CHANGED, target=current, detail="; ".join(changed), now=now
        )
    return current
