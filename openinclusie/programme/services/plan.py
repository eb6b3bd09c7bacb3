"""Writes of visions, programmes, lines and objectives."""

from django.db import transaction
from django.utils.translation import gettext as _

from openinclusie.organisations.models import Municipality
from openinclusie.programme.models import (
    BlockKind,
    LetterBlock,
    LetterStatus,
    Line,
    Objective,
    Programme,
    Vision,
)

from .common import excluding
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
    if excluding(Vision.objects.filter(municipality=municipality, title=title), vision).exists():
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
    taken = excluding(Programme.objects.filter(municipality=municipality, name=name), programme)
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
    if excluding(Line.objects.filter(programme=programme, number=number), line).exists():
        raise DuplicateNumberError(_("Line %(number)s already exists in this programme.") % {"number": number})
    old_number = line.number if line is not None else None
    line = line or Line(programme=programme)
    line.number, line.title, line.description = number, title, description
    line.save()
    if old_number is not None and old_number != number:
        # Draft letters keep their text for a line by its number: carry it
        # along, so a renumbered line keeps its text and no other line gets
        # it. Published letters are frozen and keep the old number.
        LetterBlock.objects.filter(
            letter__programme=programme,
            letter__status=LetterStatus.DRAFT,
            kind=BlockKind.LINE,
            line_number=old_number,
        ).update(line_number=number, position=10 + number)
    return line


@transaction.atomic
def save_objective(*, line: Line, number: int, text: str, objective: Objective | None = None) -> Objective:
    if excluding(Objective.objects.filter(line=line, number=number), objective).exists():
        raise DuplicateNumberError(_("Objective %(number)s already exists in this line.") % {"number": number})
    objective = objective or Objective(line=line)
    objective.number, objective.text = number, text
    objective.save()
    return objective


def next_number(existing: list[int]) -> int:
    return max(existing, default=0) + 1
