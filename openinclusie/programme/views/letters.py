"""The progress letter for staff: make a draft, edit its texts, preview,
publish, download."""

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from openinclusie.accounts.access import staff
from openinclusie.programme import queries
from openinclusie.programme.forms import LetterCreateForm, LetterTextsForm
from openinclusie.programme.letter.content import build_letter_data
from openinclusie.programme.letter.render import render_fragment
from openinclusie.programme.models import DocumentFormat, ProgressLetter
from openinclusie.programme.scope import scope_of
from openinclusie.programme.services import letters as services
from openinclusie.programme.services.errors import ProgrammeError

from . import EDITORS, READERS

CONTENT_TYPES = {
    DocumentFormat.PDF: "application/pdf",
    DocumentFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def file_name(letter: ProgressLetter, format: str) -> str:
    return f"voortgang-{letter.programme.municipality.slug}-{letter.year}.{format}"


@staff(*EDITORS)
def letter_create(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = queries.programme_for_edit(scope_of(request), programme_id)
    taken = set(queries.letters_of(programme).values_list("year", flat=True))
    form = LetterCreateForm(request.POST or None, programme=programme, taken=taken)
    if request.method == "POST" and form.is_valid():
        try:
            letter = services.create_draft(
                programme=programme,
                year=form.cleaned_data["year"],
                by=request.user,  # type: ignore[arg-type]
                now=timezone.now(),
            )
        except ProgrammeError as error:
            form.add_error("year", str(error))
        else:
            messages.success(request, _("The draft has been made. Check it and write the texts."))
            return redirect("programme:letter_detail", letter.pk)
    return render(
        request,
        "programme/form.html",
        {
            "title": _("New progress letter"),
            "intro": _(
                "The draft collects, per line, the objectives, activities with their status and latest updates, "
                "the indicators against baseline and target, and the released figures of the year."
            ),
            "programme": programme,
            "form": form,
        },
    )


@staff(*READERS)
def letter_detail(request: HttpRequest, letter_id: int) -> HttpResponse:
    scope = scope_of(request)
    letter = queries.letter_for_read(scope, letter_id)
    if letter.is_published:
        body = mark_safe(letter.published_html)  # rendered by our own template at publication
    else:
        body = mark_safe(render_fragment(build_letter_data(letter)))  # our own template
    return render(
        request,
        "programme/letter_detail.html",
        {
            "letter": letter,
            "programme": letter.programme,
            "body": body,
            "documents": queries.documents_of(letter),
            "can_edit": scope.can_edit(letter.programme.municipality_id),
        },
    )


@staff(*EDITORS)
def letter_edit(request: HttpRequest, letter_id: int) -> HttpResponse:
    letter = queries.letter_for_edit(scope_of(request), letter_id)
    if letter.is_published:
        messages.info(request, _("This letter has been published and can no longer be changed."))
        return redirect("programme:letter_detail", letter.pk)
    blocks = list(letter.blocks.order_by("position", "pk"))
    form = LetterTextsForm(request.POST or None, initial={"title": letter.title}, blocks=blocks)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_texts(letter=letter, title=form.cleaned_data["title"], texts=form.texts(), now=timezone.now())
            services.refresh_blocks(letter=letter)
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The texts have been saved."))
            return redirect("programme:letter_detail", letter.pk)
    return render(
        request, "programme/letter_edit.html", {"letter": letter, "programme": letter.programme, "form": form}
    )


@staff(*EDITORS)
def letter_publish(request: HttpRequest, letter_id: int) -> HttpResponse:
    """GET asks for confirmation, POST publishes; works without JavaScript."""
    letter = queries.letter_for_edit(scope_of(request), letter_id)
    if letter.is_published:
        messages.info(request, _("This letter has already been published."))
        return redirect("programme:letter_detail", letter.pk)
    if request.method == "POST":
        try:
            services.publish(letter=letter, by=request.user, now=timezone.now())  # type: ignore[arg-type]
        except ProgrammeError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The letter has been published on the public site. The PDF and DOCX are being made."),
            )
        return redirect("programme:letter_detail", letter.pk)
    return render(request, "programme/letter_publish.html", {"letter": letter, "programme": letter.programme})


def _document(request: HttpRequest, letter_id: int, format: str) -> HttpResponseBase:
    letter = queries.letter_for_read(scope_of(request), letter_id)
    if letter.is_published:
        document = queries.published_document(letter, format)
        if document is None:
            messages.info(request, _("The documents are still being made. Try again in a minute."))
            return redirect("programme:letter_detail", letter.pk)
        return FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=file_name(letter, format),
            content_type=CONTENT_TYPES[DocumentFormat(format)],
        )
    content = services.draft_document(letter=letter, format=format)
    response = HttpResponse(content, content_type=CONTENT_TYPES[DocumentFormat(format)])
    response["Content-Disposition"] = f'attachment; filename="concept-{file_name(letter, format)}"'
    return response


@staff(*READERS)
def letter_pdf(request: HttpRequest, letter_id: int) -> HttpResponseBase:
    return _document(request, letter_id, DocumentFormat.PDF)


@staff(*READERS)
def letter_docx(request: HttpRequest, letter_id: int) -> HttpResponseBase:
    return _document(request, letter_id, DocumentFormat.DOCX)
