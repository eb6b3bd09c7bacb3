"""Writes for organisations: ADVs, partners and the platform organisation.
(The organisation of a municipality is made with the municipality.)"""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from openinclusie.accounts.models import ROLES_BY_ORGANISATION_KIND, AdminActionKind, User
from openinclusie.accounts.services import record_admin_action
from openinclusie.organisations.models import Municipality, Organisation, OrganisationKind

from .common import OrganisationError, SlugInUse, _changes, _others


class KindNotAllowed(OrganisationError):
    field = "kind"


class KindChangeRefused(OrganisationError):
    field = "kind"


class ActiveInOnlyForPartners(OrganisationError):
    field = "active_in"


ORGANISATION_FIELDS = ("name", "slug", "description", "website", "email", "phone", "address", "opening_hours")


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


# --- Platform management -------------------------------------------------------------------------


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
                ngettext(
                    "The kind cannot change: %(count)s role in this organisation does not exist in an organisation "
                    "of the new kind. Remove that role from the user first.",
                    "The kind cannot change: %(count)s roles in this organisation do not exist in an organisation "
                    "of the new kind. Remove those roles from the users first.",
                    misfits,
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
