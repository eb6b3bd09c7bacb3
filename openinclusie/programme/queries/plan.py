"""Reads of visions, programmes, lines, objectives and indicators."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from openinclusie.organisations.models import Municipality
from openinclusie.programme.models import Activity, Indicator, Line, Measurement, Objective, Programme, Vision
from openinclusie.programme.scope import Scope

from .activities import activities_of_programme


def municipalities_readable(scope: Scope) -> QuerySet[Municipality]:
    municipalities = Municipality.objects.order_by("name")
    if scope.is_platform_admin:
        return municipalities
    return municipalities.filter(pk__in=scope.readable_municipality_ids)


def municipalities_editable(scope: Scope) -> QuerySet[Municipality]:
    municipalities = Municipality.objects.order_by("name")
    if scope.is_platform_admin:
        return municipalities
    return municipalities.filter(pk__in=scope.editable_municipality_ids)


def municipality_for_edit(scope: Scope, pk: int) -> Municipality:
    return get_object_or_404(municipalities_editable(scope), pk=pk)


def visions_of(municipality: Municipality) -> QuerySet[Vision]:
    return Vision.objects.filter(municipality=municipality).order_by("-start_year", "title")


def vision_for_edit(scope: Scope, pk: int) -> Vision:
    return get_object_or_404(
        Vision.objects.select_related("municipality").filter(municipality__in=municipalities_editable(scope)), pk=pk
    )


def programmes_readable(scope: Scope) -> QuerySet[Programme]:
    return (
        Programme.objects.filter(municipality__in=municipalities_readable(scope))
        .select_related("municipality")
        .order_by("municipality__name", "-start_year", "name")
    )


def programme_for_read(scope: Scope, pk: int) -> Programme:
    return get_object_or_404(programmes_readable(scope), pk=pk)


def programme_for_edit(scope: Scope, pk: int) -> Programme:
    return get_object_or_404(
        Programme.objects.select_related("municipality").filter(municipality__in=municipalities_editable(scope)), pk=pk
    )


def line_for_edit(scope: Scope, pk: int) -> Line:
    return get_object_or_404(
        Line.objects.select_related("programme__municipality").filter(
            programme__municipality__in=municipalities_editable(scope)
        ),
        pk=pk,
    )


def objective_for_edit(scope: Scope, pk: int) -> Objective:
    return get_object_or_404(
        Objective.objects.select_related("line__programme__municipality").filter(
            line__programme__municipality__in=municipalities_editable(scope)
        ),
        pk=pk,
    )


def _indicators() -> QuerySet[Indicator]:
    return Indicator.objects.select_related("objective__line__programme__municipality")


def indicator_for_read(scope: Scope, pk: int) -> Indicator:
    return get_object_or_404(
        _indicators().filter(objective__line__programme__municipality__in=municipalities_readable(scope)), pk=pk
    )


def indicator_for_edit(scope: Scope, pk: int) -> Indicator:
    return get_object_or_404(
        _indicators().filter(objective__line__programme__municipality__in=municipalities_editable(scope)), pk=pk
    )


def measurement_for_edit(scope: Scope, pk: int) -> Measurement:
    return get_object_or_404(
        Measurement.objects.select_related("indicator__objective__line__programme__municipality").filter(
            indicator__objective__line__programme__municipality__in=municipalities_editable(scope)
        ),
        pk=pk,
    )


def indicators_of_programme(programme: Programme) -> QuerySet[Indicator]:
    return (
        _indicators()
        .filter(objective__line__programme=programme)
        .order_by("objective__line__number", "objective__number", "number")
    )


@dataclass
class LineOutline:
    line: Line
    objectives: list[Objective]
    activities: list[Activity] = field(default_factory=list)


def programme_outline(programme: Programme) -> list[LineOutline]:
    """Lines in order, each with its objectives (and their indicators) and
    all its activities, in a fixed number of queries."""
    lines = (
        Line.objects.filter(programme=programme)
        .order_by("number")
        .prefetch_related(
            Prefetch(
                "objectives",
                queryset=Objective.objects.order_by("number").prefetch_related(
                    Prefetch("indicators", queryset=Indicator.objects.order_by("number"))
                ),
            )
        )
    )
    outlines = {line.pk: LineOutline(line=line, objectives=list(line.objectives.all())) for line in lines}
    for activity in activities_of_programme(programme):
        outlines[activity.owning_line.pk].activities.append(activity)
    return list(outlines.values())
