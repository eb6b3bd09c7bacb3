"""The progress letter's life: a draft for a programme and year, its texts
edited, published once and frozen, then its PDF and DOCX made from the
frozen snapshot."""

import hashlib
from collections.abc import Mapping
from datetime import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from openinclusie.accounts.models import User
from openinclusie.programme.letter.content import build_letter_data
from openinclusie.programme.letter.docx import render_docx
from openinclusie.programme.letter.pdf import render_pdf
from openinclusie.programme.letter.render import render_fragment
from openinclusie.programme.models import (
    ActivityStatus,
    BlockKind,
    DocumentFormat,
    LetterBlock,
    LetterDocument,
    LetterStatus,
    Line,
    Programme,
    ProgressLetter,
    Removal,
    RemovedKind,
)
from openinclusie.programme.queries import activities_of_line
from openinclusie.programme.queries.removals import goes_with_letter

from .errors import LetterExistsError, LetterFrozenError, OutsideProgrammeError
from .removals import record_removal

RENDERERS = {DocumentFormat.PDF: render_pdf, DocumentFormat.DOCX: render_docx}


def default_title(programme: Programme, year: int) -> str:
    return _("Progress of %(programme)s in %(year)s") % {"programme": programme.name, "year": year}


def _line_summary(line: Line, year: int) -> str:
    activities = [a for a in activities_of_line(line) if a.planned_start is None or a.planned_start.year <= year]
    done = sum(1 for a in activities if a.status == ActivityStatus.DONE)
    running = sum(1 for a in activities if a.status == ActivityStatus.RUNNING)
    return _("Of the %(total)s activities in this line, %(done)s are done and %(running)s are running (%(year)s).") % {
        "total": len(activities),
        "done": done,
        "running": running,
        "year": year,
    }


def _ensure_blocks(letter: ProgressLetter) -> None:
    """Every block the letter needs, added with a starting text; existing
    texts are never touched. Lines added after the draft get a block too."""
    existing = {(b.kind, b.line_number) for b in letter.blocks.all()}
    programme = letter.programme
    wanted = [
        (
            BlockKind.INTRODUCTION,
            None,
            0,
            _("Introduction"),
            programme.introduction
            or _("This letter informs the council about the progress of %(programme)s in %(year)s.")
            % {"programme": programme.name, "year": letter.year},
        ),
        *[
            (BlockKind.LINE, line.number, 10 + line.number, line.title, _line_summary(line, letter.year))
            for line in programme.lines.order_by("number")
        ],
        (BlockKind.FIGURES, None, 900, _("Reports of discrimination"), ""),
        (BlockKind.CLOSING, None, 1000, _("In closing"), ""),
    ]
    LetterBlock.objects.bulk_create(
        LetterBlock(letter=letter, kind=kind, line_number=number, position=position, heading=heading, text=text)
        for kind, number, position, heading, text in wanted
        if (kind, number) not in existing
    )


def _refuse_if_published(letter: ProgressLetter) -> ProgressLetter:
    current = ProgressLetter.objects.select_for_update().get(pk=letter.pk)
    if current.status == LetterStatus.PUBLISHED:
        raise LetterFrozenError(_("This letter has been published and can no longer be changed."))
    return current


@transaction.atomic
def create_draft(*, programme: Programme, year: int, by: User | None, now: datetime) -> ProgressLetter:
    if year not in programme.years:
        raise OutsideProgrammeError(
            _("Choose a year from %(first)s to %(last)s.") % {"first": programme.start_year, "last": programme.end_year}
        )
    if ProgressLetter.objects.filter(programme=programme, year=year).exists():
        raise LetterExistsError(_("There is already a letter for %(year)s.") % {"year": year})
    letter = ProgressLetter.objects.create(
        programme=programme, year=year, title=default_title(programme, year), created_at=now, updated_at=now
    )
    _ensure_blocks(letter)
    return letter


@transaction.atomic
def refresh_blocks(*, letter: ProgressLetter) -> ProgressLetter:
    letter = _refuse_if_published(letter)
    _ensure_blocks(letter)
    return letter


@transaction.atomic
def save_texts(
    *, letter: ProgressLetter, title: str, texts: Mapping[int, tuple[str, str]], now: datetime
) -> ProgressLetter:
    """``texts`` maps a block id to its new (heading, text)."""
    letter = _refuse_if_published(letter)
    blocks = {block.pk: block for block in letter.blocks.all()}
    if set(texts) - set(blocks):
        raise OutsideProgrammeError(_("These texts do not belong to this letter."))
    changed = []
    for pk, (heading, text) in texts.items():
        block = blocks[pk]
        if (block.heading, block.text) != (heading, text):
            block.heading, block.text = heading, text
            changed.append(block)
    LetterBlock.objects.bulk_update(changed, ["heading", "text"])
    letter.title, letter.updated_at = title, now
    letter.save(update_fields=["title", "updated_at"])
    return letter


@transaction.atomic
def publish(*, letter: ProgressLetter, by: User, now: datetime) -> ProgressLetter:
    """Freeze the letter: the data and the rendered HTML are stored, and the
    PDF and DOCX are made from them by a background task."""
    letter = _refuse_if_published(letter)
    _ensure_blocks(letter)
    with translation.override(settings.LANGUAGE_CODE):
        data = build_letter_data(letter, published_at=now)
        html = render_fragment(data)
    letter.status = LetterStatus.PUBLISHED
    letter.published_at, letter.published_by, letter.updated_at = now, by, now
    letter.snapshot, letter.published_html = data, html
    letter.save()
    from openinclusie.programme.tasks import make_letter_documents

    letter_id = letter.pk
    transaction.on_commit(lambda: make_letter_documents.enqueue(letter_id))
    return letter


@transaction.atomic
def remove_draft(*, letter: ProgressLetter, by: User | None, now: datetime) -> Removal:
    """A draft made by mistake, with its texts. A published letter is never
    removed: refused here, and on PostgreSQL by the database as well (see
    migrations 0002 and 0003)."""
    letter = _refuse_if_published(letter)
    removal = record_removal(
        programme=letter.programme,
        kind=RemovedKind.LETTER,
        label=f"{letter.title} ({letter.year})",
        counts=goes_with_letter(letter),
        by=by,
        now=now,
    )
    LetterBlock.objects.filter(letter=letter, letter__status=LetterStatus.DRAFT).delete()
    # Locked and checked above; the status condition keeps even a mistake
    # here from reaching a published letter.
    ProgressLetter.objects.filter(pk=letter.pk, status=LetterStatus.DRAFT).delete()
    return removal


def draft_document(*, letter: ProgressLetter, format: str) -> bytes:
    """A PDF or DOCX of a draft from the live data: for the officer's final
    check, never stored."""
    with translation.override(settings.LANGUAGE_CODE):
        return RENDERERS[DocumentFormat(format)](build_letter_data(letter))


def make_documents(*, letter: ProgressLetter, now: datetime) -> list[LetterDocument]:
    """PDF and DOCX of a published letter, made from its snapshot only, each
    written once. Safe to run twice."""
    if letter.status != LetterStatus.PUBLISHED or letter.snapshot is None:
        raise LetterFrozenError(_("Only a published letter gets stored documents."))
    made = []
    for format, renderer in RENDERERS.items():
        if LetterDocument.objects.filter(letter=letter, format=format).exists():
            continue
        with translation.override(settings.LANGUAGE_CODE):
            content = renderer(letter.snapshot)
        made.append(_store(letter=letter, format=format, content=content, now=now))
    return made


@transaction.atomic
def _store(*, letter: ProgressLetter, format: str, content: bytes, now: datetime) -> LetterDocument:
    document = LetterDocument(
        letter=letter,
        format=format,
        sha256=hashlib.sha256(content).hexdigest(),
        size_bytes=len(content),
        generated_at=now,
    )
    name = f"{letter.programme.municipality.slug}-{letter.year}-{letter.pk}.{format}"
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document
