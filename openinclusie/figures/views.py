"""Figures pages for staff: the municipal dashboard (protected), the ADV's
dashboard and Wga overview (unprotected, own ADV only), downloads and the
release action. Every page renders table objects from the disclosure
module; which municipalities a user may see is decided in ``queries.scope``."""

from datetime import datetime
from typing import Any, cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinclusie.accounts.access import ADV_ROLES, STAFF_ROLES, staff
from openinclusie.accounts.models import Role, User
from openinclusie.core.exceptions import DomainError
from openinclusie.core.http import no_store
from openinclusie.figures import exports, queries, services
from openinclusie.figures.constants import FigureAction

RELEASED, LIVE = "vrijgegeven", "actueel"


def _user(request: HttpRequest) -> User:
    # Staff views are only reached signed in (AccessPolicyMiddleware).
    return cast(User, request.user)


SOURCES = {RELEASED: "released", LIVE: "live"}


def _chosen_year(request: HttpRequest, available: list[int], preferred: list[int] | None = None) -> int | None:
    """The year asked for with ``?jaar=``, which must be one that has
    figures; else the newest preferred one (released), else the newest.
    Only whole years are offered."""
    asked = request.GET.get("jaar")
    if asked is None:
        if preferred:
            return preferred[0]
        return available[0] if available else None
    if not asked.isdigit() or int(asked) not in available:
        raise Http404
    return int(asked)


@staff(*STAFF_ROLES)
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "figures/index.html",
        {
            "municipalities": queries.protected_scope(request),
            "adv_municipalities": queries.unprotected_scope(request),
        },
    )


# --- The municipal dashboard (protected) ----------------------------------------------------------


@staff(*STAFF_ROLES)
@no_store
def dashboard(request: HttpRequest, municipality: str) -> HttpResponse:
    place = queries.protected_municipality(request, municipality)
    now = timezone.now()
    last_refresh = queries.last_refresh_cached()
    services.request_refresh_if_stale(now=now, last_refresh=last_refresh)
    state = queries.year_state(place)
    year = _chosen_year(request, state.years, state.released_years)
    source = request.GET.get("bron")
    if source not in (None, RELEASED, LIVE):
        raise Http404
    released = state.released.get(year) if year is not None else None
    if source is None:
        source = RELEASED if released else LIVE
    if source == RELEASED and released is None:
        raise Http404
    if year is not None:
        services.log_access(user=_user(request), municipality=place, year=year, action=FigureAction.DASHBOARD, now=now)
    # The page body is cached per version of what it shows; these are only
    # read when the cache misses.
    figures: Any
    as_of: datetime | None
    if source == RELEASED and released is not None:
        release_pk, as_of = released
        figures = SimpleLazyObject(lambda: queries.release_figures(queries.release_by_pk(release_pk)))
        headlines = SimpleLazyObject(lambda: queries.released_headlines(place))
        # The yearly comparison shows every released year.
        newest = max(pk for pk, _at in state.released.values())
        version = f"release-{release_pk}-{as_of.isoformat()}-{newest}"
    else:
        as_of = state.counted.get(year) if year is not None else None
        figures = SimpleLazyObject(
            lambda: (
                (summary.figures if (summary := queries.summary_figures(place, year)) else None)
                if year is not None
                else None
            )
        )
        headlines = SimpleLazyObject(lambda: queries.yearly_headlines(place))
        # The yearly comparison reads every year, so any refresh renews it.
        counted = max(state.counted.values(), default=None)
        version = f"live-{as_of.isoformat() if as_of else ''}-{counted.isoformat() if counted else ''}"
    return render(
        request,
        "figures/dashboard.html",
        {
            "place": place,
            "years": state.years,
            "year": year,
            "source": source,
            "has_release": released is not None,
            "released_years": state.released_years,
            "as_of": as_of,
            "figures": figures,
            "headlines": headlines,
            "cache_key": f"{place.pk}:{year}:{version}",
            "sees_unprotected": queries.sees_unprotected(request, place),
            "download_source": SOURCES[source],
        },
    )


@staff(*STAFF_ROLES)
@no_store
def dashboard_download(request: HttpRequest, municipality: str, year: str, source: str, fmt: str) -> HttpResponse:
    place = queries.protected_municipality(request, municipality)
    if fmt not in exports.FORMATS or source not in ("released", "live"):
        raise Http404
    if source == "released":
        release = queries.latest_release(place, int(year))
        if release is None:
            raise Http404
        figures = queries.release_figures(release)
    else:
        summary = queries.summary_figures(place, int(year))
        if summary is None:
            raise Http404
        figures = summary.figures
    services.log_access(
        user=_user(request), municipality=place, year=int(year), action=FigureAction.DOWNLOAD, now=timezone.now()
    )
    return exports.respond(request, figures, fmt, name=f"cijfers-{place.slug}-{year}-{source}")


# --- The ADV's own figures (unprotected) ----------------------------------------------------------


@staff(*ADV_ROLES)
@no_store
def adv_dashboard(request: HttpRequest) -> HttpResponse:
    places = list(queries.unprotected_scope(request))
    now = timezone.now()
    last_refresh = queries.last_refresh_cached()
    services.request_refresh_if_stale(now=now, last_refresh=last_refresh)
    years = queries.years_with_figures(places)
    year = _chosen_year(request, years)
    services.log_access(user=_user(request), municipality=None, year=year, action=FigureAction.ADV_DASHBOARD, now=now)
    return render(
        request,
        "figures/adv_dashboard.html",
        {
            "years": years,
            "year": year,
            "board": SimpleLazyObject(lambda: queries.adv_board(places, year)) if year is not None else None,
            # Counted live, outside the cached board: see adv_dashboard.html.
            "locations": SimpleLazyObject(
                lambda: queries.intake_locations(sorted({p.adv_id for p in places if p.adv_id}), year)
            )
            if year is not None
            else None,
            "as_of": last_refresh,
            "cache_key": ":".join([*(str(p.pk) for p in places), str(year), str(last_refresh)]),
        },
    )


@staff(*ADV_ROLES)
@no_store
def overview(request: HttpRequest, municipality: str, year: int) -> HttpResponse:
    place = queries.unprotected_municipality(request, municipality)
    services.log_access(
        user=_user(request), municipality=place, year=year, action=FigureAction.OVERVIEW, now=timezone.now()
    )
    as_of = queries.year_state(place).counted.get(year)
    return render(
        request,
        "figures/overview.html",
        {
            "place": place,
            "year": year,
            "figures": SimpleLazyObject(
                lambda: summary.figures if (summary := queries.summary_overview(place, year)) else None
            )
            if as_of
            else None,
            "as_of": as_of,
            "cache_key": f"{place.pk}:{year}:{as_of.isoformat() if as_of else ''}",
            "releases": queries.releases_of(place).filter(year=year),
            "can_release": queries.can_release(request, place) and year < timezone.localdate().year,
            "current_year": timezone.localdate().year,
        },
    )


@staff(*ADV_ROLES)
@require_POST
def recount(request: HttpRequest, municipality: str, year: int) -> HttpResponse:
    """Count this municipality's figures again now, instead of waiting for
    the background refresh."""
    place = queries.unprotected_municipality(request, municipality)
    services.refresh(now=timezone.now(), municipality_ids=[place.pk])
    messages.success(request, _("The figures of %(name)s have been counted again.") % {"name": place.name})
    return redirect(reverse("figures:overview", args=[place.slug, year]))


@staff(*ADV_ROLES)
@no_store
def overview_download(request: HttpRequest, municipality: str, year: int, fmt: str) -> HttpResponse:
    place = queries.unprotected_municipality(request, municipality)
    if fmt not in exports.FORMATS:
        raise Http404
    services.log_access(
        user=_user(request), municipality=place, year=year, action=FigureAction.OVERVIEW_DOWNLOAD, now=timezone.now()
    )
    summary = queries.summary_overview(place, year)
    if summary is None:
        raise Http404
    return exports.respond(request, summary.figures, fmt, name=f"wga-overzicht-{place.slug}-{year}")


@staff(Role.ADV_COORDINATOR)
@require_POST
def release(request: HttpRequest, municipality: str, year: int) -> HttpResponse:
    place = queries.releasable_municipality(request, municipality)
    try:
        services.release(municipality=place, year=year, by=_user(request), now=timezone.now())
    except DomainError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(
            request,
            _("The figures of %(year)s are released to %(name)s.") % {"year": year, "name": place.name},
        )
    return redirect(reverse("figures:overview", args=[place.slug, year]))
