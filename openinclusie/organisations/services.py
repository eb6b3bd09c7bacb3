"""Writes for municipalities, organisations and neighbourhoods."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from django.conf import settings
from django.db import models, transaction
from django.db.models import ProtectedError, RestrictedError
from django.urls import URLResolver, get_resolver
from django.utils.translation import gettext as _

from openinclusie.accounts.models import ROLES_BY_ORGANISATION_KIND, AdminActionKind, User
from openinclusie.accounts.services import record_admin_action
from openinclusie.core.exceptions import DomainError

from .colours import MINIMUM_TEXT_CONTRAST, contrast_ratio, rounded_down
from .models import Municipality, Neighbourhood, Organisation, OrganisationKind


class NotAnAdv(DomainError):
    pass


@transaction.atomic
def save_organisation(
    *,
    slug: str,
    name: str,
    kind: str,
    description: str = "",
    website: str = "",
    email: str = "",
    phone: str = "",
    address: str = "",
    opening_hours: str = "",
    active_in_slugs: list[str] | None = None,
) -> Organisation:
    """Creates the organisation, or updates the one with this slug."""
    organisation, _created = Organisation.objects.update_or_create(
        slug=slug,
        defaults={
            "name": name,
            "kind": kind,
            "description": description,
            "website": website,
            "email": email,
            "phone": phone,
            "address": address,
            "opening_hours": opening_hours,
        },
    )
    if active_in_slugs is not None:
        organisation.active_in.set(Municipality.objects.filter(slug__in=active_in_slugs))
    return organisation


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
# The functions below are what the management screens call. Each one checks
# the rules the database cannot express, then writes and adds an entry to the
# trail of management actions.


class OrganisationError(DomainError):
    """A refused change. ``field`` names the form field the message belongs
    to, if any."""

    field: str | None = None


class SlugInUse(OrganisationError):
    field = "slug"


class SlugReserved(OrganisationError):
    field = "slug"


class NameInUse(OrganisationError):
    field = "name"


class CbsCodeInUse(OrganisationError):
    field = "cbs_code"


class KindNotAllowed(OrganisationError):
    field = "kind"


class KindChangeRefused(OrganisationError):
    field = "kind"


class ActiveInOnlyForPartners(OrganisationError):
    field = "active_in"


class AdvNotAllowed(OrganisationError):
    field = "adv"


class ColoursTooAlike(OrganisationError):
    field = "primary_text_colour"


class NeighbourhoodInUse(OrganisationError):
    pass


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


ORGANISATION_FIELDS = ("name", "slug", "description", "website", "email", "phone", "address", "opening_hours")
MUNICIPALITY_FIELDS = ("name", "slug", "cbs_code", "adv", "primary_colour", "primary_text_colour", "is_published")


def _changes(before: models.Model, after: dict[str, Any], fields: tuple[str, ...]) -> list[str]:
    """Human-readable list of changed fields; short values are shown as
    old → new, long texts by name only."""
    changed = []
    for name in fields:
        old, new = getattr(before, name), after[name]
        if old == new:
            continue
        field = cast(models.Field, before._meta.get_field(name))
        if name == "description":
            changed.append(str(field.verbose_name))
        else:
            changed.append(f"{field.verbose_name}: {_display(field, old)} → {_display(field, new)}")
    return changed


def _display(field: Any, value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    choices = dict(field.flatchoices) if getattr(field, "choices", None) else {}
    return str(choices.get(value, value))


def _others[M: models.Model](queryset: models.QuerySet[M], exclude_pk: int | None) -> models.QuerySet[M]:
    return queryset if exclude_pk is None else queryset.exclude(pk=exclude_pk)


def _check_organisation_slug(*, slug: str, exclude_pk: int | None = None) -> None:
    if _others(Organisation.objects.filter(slug=slug), exclude_pk).exists():
        raise SlugInUse(_("Another organisation already uses the short name “%(slug)s”.") % {"slug": slug})


def _check_active_in(*, kind: str, active_in: list[Municipality]) -> None:
    if active_in and kind != OrganisationKind.PARTNER:
        raise ActiveInOnlyForPartners(
            _(
                "Only partner organisations are marked as active in municipalities. "
                "Clear the municipalities, or choose the kind “partner organisation”."
            )
        )


@transaction.atomic
def create_organisation(
    *,
    actor: User,
    kind: str,
    name: str,
    slug: str,
    now: datetime,
    description: str = "",
    website: str = "",
    email: str = "",
    phone: str = "",
    address: str = "",
    opening_hours: str = "",
    active_in: Iterable[Municipality] = (),
) -> Organisation:
    """An ADV, partner or platform organisation. The organisation of a
    municipality is made together with the municipality instead."""
    if kind not in OrganisationKind.values or kind == OrganisationKind.MUNICIPALITY:
        raise KindNotAllowed(
            _("The organisation of a municipality is created together with the municipality, not on its own.")
        )
    active_in = list(active_in)
    _check_active_in(kind=kind, active_in=active_in)
    _check_organisation_slug(slug=slug)
    organisation = Organisation.objects.create(
        kind=kind,
        name=name,
        slug=slug,
        description=description,
        website=website,
        email=email,
        phone=phone,
        address=address,
        opening_hours=opening_hours,
    )
    organisation.active_in.set(active_in)
    record_admin_action(actor=actor, action=AdminActionKind.ORGANISATION_CREATED, target=organisation, now=now)
    return organisation


@transaction.atomic
def update_organisation(
    *,
    actor: User,
    organisation: Organisation,
    name: str,
    slug: str,
    now: datetime,
    kind: str | None = None,
    description: str = "",
    website: str = "",
    email: str = "",
    phone: str = "",
    address: str = "",
    opening_hours: str = "",
    active_in: Iterable[Municipality] | None = None,
) -> Organisation:
    """Changes an organisation. ``kind`` and ``active_in`` left out (None)
    stay as they are. The kind only changes when nothing depends on the old
    one: no roles the new kind cannot give, no municipalities served as ADV."""
    current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    new_kind = current.kind if kind is None else kind
    if new_kind != current.kind:
        if OrganisationKind.MUNICIPALITY in (new_kind, current.kind) or new_kind not in OrganisationKind.values:
            raise KindChangeRefused(
                _("The organisation of a municipality always stays one; no other organisation can become one.")
            )
        allowed_roles = ROLES_BY_ORGANISATION_KIND[new_kind]
        misfits = current.memberships.exclude(role__in=allowed_roles).count()
        if misfits:
            raise KindChangeRefused(
                _(
                    "The kind cannot change: %(count)s role(s) in this organisation do not exist in an organisation "
                    "of the new kind. Remove those roles from the users first."
                )
                % {"count": misfits}
            )
        if current.kind == OrganisationKind.ADV and current.served_municipalities.exists():
            names = ", ".join(current.served_municipalities.order_by("name").values_list("name", flat=True))
            raise KindChangeRefused(
                _(
                    "The kind cannot change: this organisation is the ADV of %(names)s. "
                    "Give those municipalities another ADV first."
                )
                % {"names": names}
            )
    new_active_in = list(current.active_in.all()) if active_in is None else list(active_in)
    _check_active_in(kind=new_kind, active_in=new_active_in)
    _check_organisation_slug(slug=slug, exclude_pk=current.pk)

    values = {
        "kind": new_kind,
        "name": name,
        "slug": slug,
        "description": description,
        "website": website,
        "email": email,
        "phone": phone,
        "address": address,
        "opening_hours": opening_hours,
    }
    changed = _changes(current, values, ("kind", *ORGANISATION_FIELDS))
    old_active_in = set(current.active_in.values_list("pk", flat=True))
    for field_name, value in values.items():
        setattr(current, field_name, value)
    current.save(update_fields=list(values))
    if active_in is not None:
        current.active_in.set(new_active_in)
        if {m.pk for m in new_active_in} != old_active_in:
            changed.append(str(Organisation._meta.get_field("active_in").verbose_name))
    if changed:
        record_admin_action(
            actor=actor, action=AdminActionKind.ORGANISATION_CHANGED, target=current, detail="; ".join(changed), now=now
        )
    return current


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
    current = Municipality.objects.select_for_update().select_related("adv").get(pk=municipality.pk)
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


def _check_neighbourhood_name(*, municipality: Municipality, name: str, exclude_pk: int | None = None) -> None:
    if _others(municipality.neighbourhoods.filter(name=name), exclude_pk).exists():
        raise NameInUse(
            _("%(municipality)s already has a neighbourhood called %(name)s.")
            % {"municipality": municipality.name, "name": name}
        )


@transaction.atomic
def add_neighbourhood(
    *, actor: User, municipality: Municipality, name: str, now: datetime, cbs_code: str = ""
) -> Neighbourhood:
    _check_neighbourhood_name(municipality=municipality, name=name)
    neighbourhood = Neighbourhood.objects.create(municipality=municipality, name=name, cbs_code=cbs_code)
    record_admin_action(actor=actor, action=AdminActionKind.NEIGHBOURHOOD_ADDED, target=neighbourhood, now=now)
    return neighbourhood


@transaction.atomic
def update_neighbourhood(
    *, actor: User, neighbourhood: Neighbourhood, name: str, now: datetime, cbs_code: str = ""
) -> Neighbourhood:
    current = Neighbourhood.objects.select_for_update().select_related("municipality").get(pk=neighbourhood.pk)
    _check_neighbourhood_name(municipality=current.municipality, name=name, exclude_pk=current.pk)
    values = {"name": name, "cbs_code": cbs_code}
    changed = _changes(current, values, ("name", "cbs_code"))
    current.name, current.cbs_code = name, cbs_code
    current.save(update_fields=["name", "cbs_code"])
    if changed:
        record_admin_action(
            actor=actor,
            action=AdminActionKind.NEIGHBOURHOOD_CHANGED,
            target=current,
            detail="; ".join(changed),
            now=now,
        )
    return current


def _references_to(instance: models.Model) -> list[str]:
    """What still points at this object, as "count name" phrases, whatever
    the delete rule of the pointing field. A neighbourhood that reports or
    signals refer to must stay, even where deleting would merely unlink."""
    found = []
    for relation in instance._meta.related_objects:
        if relation.many_to_many:
            accessor = relation.get_accessor_name()
            count = getattr(instance, accessor).count() if accessor else 0
        else:
            count = relation.related_model._default_manager.filter(**{relation.field.name: instance}).count()
        if count:
            found.append(f"{relation.related_model._meta.verbose_name_plural}: {count}")
    return found


@transaction.atomic
def remove_neighbourhood(*, actor: User, neighbourhood: Neighbourhood, now: datetime) -> None:
    """Removes a neighbourhood that nothing refers to; otherwise refuses, so
    no report, signal or directory entry silently loses its neighbourhood."""
    current = Neighbourhood.objects.select_for_update().select_related("municipality").get(pk=neighbourhood.pk)
    references = _references_to(current)
    if references:
        raise NeighbourhoodInUse(
            _(
                "%(name)s cannot be removed, because other records still refer to it (%(references)s). "
                "You can rename it instead."
            )
            % {"name": current.name, "references": ", ".join(references)}
        )
    record_admin_action(actor=actor, action=AdminActionKind.NEIGHBOURHOOD_REMOVED, target=current, now=now)
    try:
        current.delete()
    except (ProtectedError, RestrictedError) as refused:
        raise NeighbourhoodInUse(
            _("%(name)s cannot be removed, because other records still refer to it.") % {"name": current.name}
        ) from refused
