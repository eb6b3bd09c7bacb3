"""Writes for municipalities, organisations and neighbourhoods."""

from django.db import transaction

from openinclusie.core.exceptions import DomainError

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
