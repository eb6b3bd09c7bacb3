"""Reads of progress letters, for staff (scoped) and for the public site
(published letters only)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from openinclusie.organisations.models import Municipality
from openinclusie.programme.models import LetterDocument, LetterStatus, Programme, ProgressLetter
from openinclusie.programme.scope import Scope

from .plan import municipalities_editable, municipalities_readable


def _letters() -> QuerySet[ProgressLetter]:
    return ProgressLetter.objects.select_related("programme__municipality")


def letters_of(programme: Programme) -> QuerySet[ProgressLetter]:
    return _letters().filter(programme=programme).order_by("-year")


def letter_for_read(scope: Scope, pk: int) -> ProgressLetter:
    return get_object_or_404(_letters().filter(programme__municipality__in=municipalities_readable(scope)), pk=pk)


def letter_for_edit(scope: Scope, pk: int) -> ProgressLetter:
    return get_object_or_404(_letters().filter(programme__municipality__in=municipalities_editable(scope)), pk=pk)


def last_published_letter(programme: Programme) -> ProgressLetter | None:
    return (
        ProgressLetter.objects.filter(programme=programme, status=LetterStatus.PUBLISHED)
        .order_by("-published_at")
        .first()
    )


def published_letters_of(municipality: Municipality) -> QuerySet[ProgressLetter]:
    return (
        _letters()
        .filter(programme__municipality=municipality, status=LetterStatus.PUBLISHED)
        .defer("published_html", "snapshot")
        .order_by("-year", "-published_at")
    )


def published_letter(municipality: Municipality, pk: int) -> ProgressLetter:
    return get_object_or_404(
        _letters().filter(programme__municipality=municipality, status=LetterStatus.PUBLISHED), pk=pk
    )


def documents_of(letter: ProgressLetter) -> dict[str, LetterDocument]:
    return {document.format: document for document in letter.documents.all()}


def published_document(letter: ProgressLetter, format: str) -> LetterDocument | None:
    return LetterDocument.objects.filter(letter=letter, letter__status=LetterStatus.PUBLISHED, format=format).first()
