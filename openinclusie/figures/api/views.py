"""The open-data API: released, protected figures per municipality.

Only fixed periods can be asked for (a year, a quarter or a month of a
released year) and only whole municipalities; anything else, such as a date
range, is refused with 400, so overlapping windows cannot be subtracted
from each other (STAT-04)."""

from dataclasses import replace
from typing import Any

from django.http import Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from openinclusie.accounts.access import public
from openinclusie.figures import queries
from openinclusie.figures.disclosure import FigureSet, Table
from openinclusie.figures.disclosure.periods import InvalidPeriod, Period, parse_period
from openinclusie.figures.queries.releases import published_municipalities
from openinclusie.organisations import queries as organisation_queries

from .serializers import FigureSetSerializer, MunicipalitySerializer, ProblemSerializer

ALLOWED_PARAMETERS = frozenset({"period", "format"})


class OpenData(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]


def _refuse_unknown(request: Request) -> Response | None:
    unknown = sorted(set(request.query_params) - ALLOWED_PARAMETERS)
    if unknown:
        return Response(
            {
                "detail": f"Unknown parameter(s): {', '.join(unknown)}. Only 'period' is accepted: a year (2025), a "
                "quarter (2025-Q2) or a month (2025-03). Date ranges are not offered."
            },
            status=400,
        )
    return None


def _table(table: Table) -> dict[str, Any]:
    data = table.to_dict()
    data["title"] = table.title
    data["notes"] = [{**note.to_dict(), "text": note.text} for note in table.notes]
    return data


def _period_tables(figures: FigureSet, period: Period) -> dict[str, Table]:
    if period.kind == "year":
        return figures.tables
    key, row_key = (
        ("quarters", f"Q{period.quarter}") if period.kind == "quarter" else ("months", f"M{period.month:02d}")
    )
    table = figures.tables[key]
    if table.withheld:
        return {key: table}
    return {key: replace(table, rows=tuple(row for row in table.rows if row.key == row_key))}


class MunicipalityList(OpenData):
    @extend_schema(
        summary="Municipalities with released figures",
        responses={200: MunicipalitySerializer(many=True), 400: ProblemSerializer},
    )
    def get(self, request: Request) -> Response:
        refused = _refuse_unknown(request)
        if refused is not None:
            return refused
        found = []
        for place in published_municipalities():
            found.append(
                {
                    "slug": place.slug,
                    "name": place.name,
                    "cbs_code": place.cbs_code,
                    "released_years": queries.released_years(place),
                    "url": request.build_absolute_uri(reverse("api:figures-municipality", args=[place.slug])),
                }
            )
        return Response(found)


class MunicipalityFigures(OpenData):
    @extend_schema(
        summary="Released figures of one municipality",
        description="The figures the ADV released for the municipality, protected: small counts are shown as "
        "“< 5” (“< 10” per neighbourhood) and some others as “x”, so that no small count can be worked out. "
        "Mass reports are counted apart.",
        parameters=[
            OpenApiParameter(
                "period",
                OpenApiTypes.STR,
                description="A year (2025), a quarter (2025-Q2) or a month (2025-03) of a released year. "
                "Default: the newest released year. Any other parameter gives 400.",
            )
        ],
        responses={200: FigureSetSerializer, 400: ProblemSerializer, 404: ProblemSerializer},
    )
    def get(self, request: Request, municipality: str) -> Response:
        refused = _refuse_unknown(request)
        if refused is not None:
            return refused
        place = organisation_queries.published_municipality(municipality)
        asked = request.query_params.get("period")
        try:
            period = parse_period(asked) if asked is not None else None
        except InvalidPeriod as problem:
            return Response({"detail": str(problem)}, status=400)
        years = queries.released_years(place)
        if period is None:
            if not years:
                raise Http404
            period = Period(year=years[0])
        release = queries.latest_release(place, period.year)
        if release is None:
            raise Http404
        figures = queries.release_figures(release)
        return Response(
            {
                "municipality": {"slug": place.slug, "name": place.name},
                "year": figures.year,
                "period": str(period),
                "released_at": release.released_at,
                "protected": figures.protected,
                "thresholds": figures.thresholds,
                "notes": [{**note.to_dict(), "text": note.text} for note in figures.notes],
                "tables": {key: _table(table) for key, table in _period_tables(figures, period).items()},
            }
        )


municipality_list = public(MunicipalityList.as_view())
municipality_figures = public(MunicipalityFigures.as_view())
