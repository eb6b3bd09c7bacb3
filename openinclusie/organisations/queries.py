"""Reads of organisations, municipalities and neighbourhoods for screens."""

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

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


# --- Platform management -------------------------------------------------------------------------


def organisations_for_management(kind: str | None = None) -> QuerySet[Organisation]:
    organisations = (
        Organisation.objects.select_related("municipality")
        .prefetch_related(Prefetch("active_in", queryset=Municipality.objects.order_by("name")))
        .order_by("name", "pk")
    )
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations


def organisation_for_management(pk: int) -> Organisation:
    return get_object_or_404(Organisation.objects.select_related("municipality"), pk=pk)


def municipalities_for_management() -> QuerySet[Municipality]:
    return (
        Municipality.objects.select_related("adv")
        .annotate(neighbourhood_count=Count("neighbourhoods"))
        .order_by("name")
    )


def municipality_for_management(pk: int) -> Municipality:
    return get_object_or_404(Municipality.objects.select_related("adv"), pk=pk)


def neighbourhood_of(municipality: Municipality, pk: int) -> Neighbourhood:
    return get_object_or_404(Neighbourhood.objects.select_related("municipality"), municipality=municipality, pk=pk)


def adv_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=OrganisationKind.ADV).order_by("name")


def municipalities_by_name() -> QuerySet[Municipality]:
    return Municipality.objects.order_by("name")


def organisations_for_membership() -> QuerySet[Organisation]:
    """Every organisation a role can be given in, grouped by kind."""
    return Organisation.objects.order_by("kind", "name")
