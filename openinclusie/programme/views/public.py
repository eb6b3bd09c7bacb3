"""Published progress letters on the municipality's public site."""

from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe

from openinclusie.accounts.access import public
from openinclusie.organisations import queries as organisation_queries
from openinclusie.programme import queries
from openinclusie.programme.models import DocumentFormat

from .letters import CONTENT_TYPES, file_name


@public
def letter_list(request: HttpRequest, municipality: str) -> HttpResponse:
    current = organisation_queries.published_municipality(municipality)
    return render(
        request,
        "programme/public/letter_list.html",
        {"municipality": current, "letters": queries.published_letters_of(current)},
    )


@public
def letter_detail(request: HttpRequest, municipality: str, letter_id: int) -> HttpResponse:
    current = organisation_queries.published_municipality(municipality)
    letter = queries.published_letter(current, letter_id)
    return render(
        request,
        "programme/public/letter_detail.html",
        {
            "municipality": current,
            "letter": letter,
            # Rendered by our own template when the letter was published; frozen since.
            "body": mark_safe(letter.published_html),
            "documents": queries.documents_of(letter),
        },
    )


def _document(municipality: str, letter_id: int, format: str) -> HttpResponseBase:
    current = organisation_queries.published_municipality(municipality)
    letter = queries.published_letter(current, letter_id)
    document = queries.published_document(letter, format)
    if document is None:
        # Still being made: the letter page says so.
        return redirect("progress:letter_detail", current.slug, letter.pk)
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=file_name(letter, format),
        content_type=CONTENT_TYPES[DocumentFormat(format)],
    )


@public
def letter_pdf(request: HttpRequest, municipality: str, letter_id: int) -> HttpResponseBase:
    return _document(municipality, letter_id, DocumentFormat.PDF)


@public
def letter_docx(request: HttpRequest, municipality: str, letter_id: int) -> HttpResponseBase:
    return _document(municipality, letter_id, DocumentFormat.DOCX)
