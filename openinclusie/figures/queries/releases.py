"""Reads of released figures: what the municipality, partners, the public
and the API see as the official figures of a year."""

from django.db.models import QuerySet

from openinclusie.figures.disclosure import FigureSet, Table
from openinclusie.figures.models import Release
from openinclusie.organisations.models import Municipality


def releases_of(municipality: Municipality) -> QuerySet[Release]:
    """Every release, newest first (a re-release supersedes the older one)."""
    return (
        Release.objects.filter(municipality=municipality)
        .select_related("released_by")
        .order_by("-year", "-released_at", "-pk")
    )


def latest_release(municipality: Municipality, year: int | None = None) -> Release | None:
    releases = Release.objects.filter(municipality=municipality)
    if year is not None:
        releases = releases.filter(year=year)
    return releases.order_by("-year", "-released_at", "-pk").first()


def released_years(municipality: Municipality) -> list[int]:
    return sorted(set(Release.objects.filter(municipality=municipality).values_list("year", flat=True)), reverse=True)


def release_by_pk(pk: int) -> Release:
    return Release.objects.get(pk=pk)


def release_figures(release: Release) -> FigureSet:
    return FigureSet.from_dict(release.snapshot)


def published_municipalities() -> QuerySet[Municipality]:
    """Published municipalities that have released figures, for the open data."""
    return Municipality.objects.filter(is_published=True, figure_releases__isnull=False).distinct().order_by("name")


def released_headlines(municipality: Municipality) -> list[tuple[int, Table]]:
    """The headline table of the latest release of every year, oldest first."""
    found: dict[int, Table] = {}
    rows = (
        Release.objects.filter(municipality=municipality)
        .order_by("year", "released_at", "pk")
        .values_list("year", "snapshot__tables__headline")
    )
    for year, headline in rows:
        if headline:
            found[year] = Table.from_dict(headline)
    return sorted(found.items())


def latest_headline(municipality: Municipality) -> tuple[int, Table] | None:
    """(year, headline table) of the newest released year, for the public
    home page; None before anything was released."""
    row = (
        Release.objects.filter(municipality=municipality)
        .order_by("-year", "-released_at", "-pk")
        .values_list("year", "snapshot__tables__headline")
        .first()
    )
    if row is None or not row[1]:
        return None
    return row[0], Table.from_dict(row[1])
