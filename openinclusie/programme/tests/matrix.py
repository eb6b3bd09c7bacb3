"""URL-argument builders for the programme's rows in the access matrix
(openinclusie/tests/access_matrix.py). Each builds its objects in town A of
the ``world`` fixture once per test: a programme with a line, an objective,
an indicator with a measurement, an activity led by partner A with an update
(posted for partner A) and a photo, a draft letter for 2025 and a published
one for 2026."""

import io
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from openinclusie.programme.models import ActivityPhoto, LetterStatus, ProgressLetter


def _programme(world: dict[str, Any]) -> Any:
    if "programme_a" not in world:
        from .factories import ActivityFactory, IndicatorFactory, LineFactory, ObjectiveFactory, ProgrammeFactory

        programme = ProgrammeFactory(municipality=world["town_a"], name="Programma Alfastad")
        line = LineFactory(programme=programme, number=1)
        objective = ObjectiveFactory(line=line, number=1)
        world["programme_a"] = programme
        world["line_a"] = line
        world["objective_a"] = objective
        world["indicator_a"] = IndicatorFactory(objective=objective, number=1)
        world["activity_a"] = ActivityFactory(line=line, number=1, lead_organisation=world["partner_a"])
    return world["programme_a"]


def programme_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    return {"programme_id": _programme(world).pk}


def vision_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    from .factories import VisionFactory

    return {"vision_id": VisionFactory(municipality=world["town_a"]).pk}


def line_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    _programme(world)
    return {"line_id": world["line_a"].pk}


def objective_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    _programme(world)
    return {"objective_id": world["objective_a"].pk}


def indicator_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    _programme(world)
    return {"indicator_id": world["indicator_a"].pk}


def activity_of_partner_a(world: dict[str, Any]) -> dict[str, Any]:
    _programme(world)
    return {"activity_id": world["activity_a"].pk}


def update_of_partner_a(world: dict[str, Any]) -> dict[str, Any]:
    """An update posted for partner A on the activity partner A leads."""
    from .factories import ActivityUpdateFactory

    _programme(world)
    if "update_a" not in world:
        world["update_a"] = ActivityUpdateFactory(activity=world["activity_a"], author_organisation=world["partner_a"])
    return {"update_id": world["update_a"].pk}


def measurement_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    from .factories import MeasurementFactory

    _programme(world)
    if "measurement_a" not in world:
        world["measurement_a"] = MeasurementFactory(indicator=world["indicator_a"])
    return {"measurement_id": world["measurement_a"].pk}


def tiny_png() -> bytes:
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (4, 3), (0, 102, 79)).save(output, format="PNG")
    return output.getvalue()


def photo_of_partner_a(world: dict[str, Any]) -> dict[str, Any]:
    from .factories import ActivityUpdateFactory

    _programme(world)
    update = ActivityUpdateFactory(activity=world["activity_a"], author_organisation=world["partner_a"])
    photo = ActivityPhoto(
        update=update,
        description="Deelnemers aan het kennisatelier",
        content_type="image/png",
        width=4,
        height=3,
        size_bytes=0,
        created_at=timezone.now(),
    )
    content = tiny_png()
    photo.size_bytes = len(content)
    photo.file.save("probe.png", ContentFile(content), save=False)
    photo.save()
    return {"photo_id": photo.pk}


def draft_letter_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    from openinclusie.programme.services import letters

    if "draft_letter_a" not in world:
        world["draft_letter_a"] = letters.create_draft(
            programme=_programme(world), year=2025, by=None, now=timezone.now()
        )
    return {"letter_id": world["draft_letter_a"].pk}


def _published_letter(world: dict[str, Any]) -> ProgressLetter:
    """Published directly (no PDF run): the matrix only needs the row."""
    if "published_letter_a" not in world:
        now = timezone.now()
        world["published_letter_a"] = ProgressLetter.objects.create(
            programme=_programme(world),
            year=2026,
            title="Voortgang 2026",
            status=LetterStatus.PUBLISHED,
            created_at=now,
            updated_at=now,
            published_at=now,
            snapshot={"title": "Voortgang 2026"},
            published_html="<h1>Voortgang 2026</h1>",
        )
    return world["published_letter_a"]


def published_letter_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    return {"letter_id": _published_letter(world).pk}


def public_letter_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    return {"municipality": world["town_a"].slug, "letter_id": _published_letter(world).pk}
