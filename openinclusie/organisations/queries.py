"""Reads of organisations, municipalities and neighbourhoods for screens."""

from django.db.models import QuerySet
from django.http import Http404

from .models import Municipality, Neighbourhood, Organisation, OrganisationKind


def published_municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.filter(is_published=True).select_related("adv").order_by("name")


def published_municipality(slug: str) -> Municipality:
    try:
        return published_municipalities().get(slug=slug)
    except Municipality.DoesNotExist as missing:
        raise Http404 from missing


def organisations_by_kind(kind: OrganisationKind | None = None) -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("municipality").order_by("kind", "name")
    if kind is not None:
        organisations = organisations.filter(kind=kind)
    return organisations


def all_municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.select_related("adv").order_by("name")


def neighbourhoods_of(municipality: Municipality) -> QuerySet[Neighbourhood]:
    return municipality.neighbourhoods.order_by("name")
