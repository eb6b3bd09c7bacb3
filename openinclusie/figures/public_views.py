"""Released figures for everyone: the municipality's figures page and the
CSV download. Only what the ADV released, as protected table objects."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from openinclusie.accounts.access import public
from openinclusie.figures import exports, queries
from openinclusie.organisations import queries as organisation_queries


@public
def figures(request: HttpRequest, municipality: str) -> HttpResponse:
    place = organisation_queries.published_municipality(municipality)
    released = queries.year_state(place).released
    years = sorted(released, reverse=True)
    asked = request.GET.get("jaar")
    if asked is not None and (not asked.isdigit() or int(asked) not in years):
        raise Http404
    year = int(asked) if asked else (years[0] if years else None)
    release_pk, released_at = released[year] if year is not None else (None, None)
    newest = max(released.values(), default=None)
    return render(
        request,
        "figures/public_figures.html",
        {
            "municipality": place,
            "adv": place.adv,
            "years": years,
            "year": year,
            "released_at": released_at,
            # Read only when the cached page body is missing.
            "figures": SimpleLazyObject(lambda: queries.release_figures(queries.release_by_pk(release_pk)))
            if release_pk
            else None,
            "headlines": SimpleLazyObject(lambda: queries.released_headlines(place)),
            "cache_key": f"{place.pk}:{release_pk}:{released_at}:{newest}",
        },
    )


@public
def figures_csv(request: HttpRequest, municipality: str, year: int) -> HttpResponse:
    place = organisation_queries.published_municipality(municipality)
    release = queries.latest_release(place, year)
    if release is None:
        raise Http404
    return exports.respond(request, queries.release_figures(release), "csv", name=f"cijfers-{place.slug}-{year}")
