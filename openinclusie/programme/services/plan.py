"""Writes of visions, programmes, lines and objectives."""

from django.db import transaction
from django.utils.translation import gettext as _

from openinclusie.organisations.models import Municipality
from openinclusie.programme.models import Line, Objective, Programme, Vision

from .errors import DuplicateNumberError, ProgrammeError


class InvalidPeriodError(ProgrammeError):
    pass


def _check_years(start_year: int, end_year: int) -> None:
    if end_year < start_year:
        raise InvalidPeriodError(_("The last year cannot be before the first year."))


@transaction.atomic
def save_vision(
    *,
    municipality: Municipality,
    title: str,
    start_year: int,
    end_year: int,
    ambition: str,
    summary: str = "",
    vision: Vision | None = None,
) -> Vision:
    _check_years(start_year, end_year)
    if Vision.objects.filter(municipality=municipality, title=title).exclude(pk=getattr(vision, "pk", None)).exists():
        raise DuplicateNumberError(_("This municipality already has a vision with this title."))
    vision = vision or Vision(municipality=municipality)
    vision.title, vision.start_year, vision.end_year = title, start_year, end_year
    vision.ambition, vision.summary = ambition, summary
    vision.save()
    return vision


@transaction.atomic
def save_programme(
    *,
    municipality: Municipality,
    name: str,
    start_year: int,
    end_year: int,
    introduction: str = "",
    programme: Programme | None = None,
) -> Programme:
    _check_years(start_year, end_year)
    taken = Programme.objects.filter(municipality=municipality, name=name).exclude(pk=getattr(programme, "pk", None))
    if taken.exists():
        raise DuplicateNumberError(_("This municipality already has a programme with this name."))
    programme = programme or Programme(municipality=municipality)
    programme.name, programme.start_year, programme.end_year = name, start_year, end_year
    programme.introduction = introduction
    programme.save()
    return programme


@transaction.atomic
def save_line(
    *, programme: Programme, number: int, title: str, description: str = "", line: Line | None = None
) -> Line:
    if Line.objects.filter(programme=programme, number=number).exclude(pk=getattr(line, "pk", None)).exists():
        raise DuplicateNumberError(_("Line %(number)s already exists in this programme.") % {"number": number})
    line = line or Line(programme=programme)
    line.number, line.title, line.description = number, title, description
    line.save()
    return line


@transaction.atomic
def save_objective(*, line: Line, number: int, text: str, objective: Objective | None = None) -> Objective:
    if Objective.objects.filter(line=line, number=number).exclude(pk=getattr(objective, "pk", None)).exists():
        raise DuplicateNumberError(_("Objective %(number)s already exists in this line.") % {"number": number})
    objective = objective or Objective(line=line)
    objective.number, objective.text = number, text
    objective.save()
    return objective


def next_number(existing: list[int]) -> int:
    return max(existing, default=0) + 1
