"""Background work of the programme module: thin, ids only."""

from django.tasks import task
from django.utils import timezone

from openinclusie.programme.models import LetterStatus, ProgressLetter
from openinclusie.programme.services import letters


@task
def make_letter_documents(letter_id: int) -> int:
    """Render and store the PDF and DOCX of a published letter; returns how
    many documents were made (0 when they already exist)."""
    letter = (
        ProgressLetter.objects.select_related("programme__municipality")
        .filter(pk=letter_id, status=LetterStatus.PUBLISHED)
        .first()
    )
    if letter is None:
        return 0
    return len(letters.make_documents(letter=letter, now=timezone.now()))
