"""`make bench` scenario for the programme: the time to make the yearly
progress letter of a big programme (4 lines, 40 activities, 20 indicators,
5 years of quarterly measurements) as PDF, beside a one-page WeasyPrint
document made in the same run (the floor of any PDF)."""

import datetime
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from openinclusie.organisations.models import Municipality
from openinclusie.programme.letter.content import build_letter_data
from openinclusie.programme.letter.docx import render_docx
from openinclusie.programme.letter.pdf import render_pdf
from openinclusie.programme.models import (
    Activity,
    ActivityStatus,
    ActivityUpdate,
    Indicator,
    IndicatorSource,
    LetterStatus,
    Line,
    Measurement,
    Objective,
    Programme,
    ProgressLetter,
)
from openinclusie.programme.services import letters

BENCH_MUNICIPALITY = "zwijndrecht"
PROGRAMME_NAME = "Benchmarkprogramma"
YEARS = (2022, 2026)
LINES, ACTIVITIES_PER_LINE, INDICATORS_PER_LINE = 4, 10, 5
RUNS = 3


def prepare_programme() -> ProgressLetter:
    """The benchmark programme and a draft letter for its last year, made
    once (kept between runs)."""
    municipality = Municipality.objects.get(slug=BENCH_MUNICIPALITY)
    programme, created = Programme.objects.get_or_create(
        municipality=municipality,
        name=PROGRAMME_NAME,
        defaults={"start_year": YEARS[0], "end_year": YEARS[1], "introduction": "Programma voor de benchmark."},
    )
    now = timezone.now()
    if created:
        for number in range(1, LINES + 1):
            line = Line.objects.create(programme=programme, number=number, title=f"Lijn {number} van de benchmark")
            objectives = [
                Objective.objects.create(line=line, number=n, text=f"Doelstelling {number}.{n}") for n in (1, 2)
            ]
            for a in range(1, ACTIVITIES_PER_LINE + 1):
                done = a % 3 == 0
                activity = Activity.objects.create(
                    line=line,
                    number=a,
                    title=f"Activiteit {number}.{a}: kennisatelier of bijeenkomst in de wijk",
                    description="Een activiteit van het netwerk.",
                    tag="kennisatelier" if a % 2 else "bijeenkomst",
                    status=ActivityStatus.DONE if done else ActivityStatus.RUNNING,
                    completed_on=datetime.date(YEARS[0] + a % 5, 6, 1) if done else None,
                    planned_start=datetime.date(YEARS[0], 1, 1),
                    planned_end=datetime.date(YEARS[1], 12, 31),
                )
                ActivityUpdate.objects.bulk_create(
                    ActivityUpdate(
                        activity=activity,
                        happened_on=datetime.date(year, 5, 1),
                        text="Bijeenkomst gehouden met partners uit de wijk; verslag en foto's in het dossier.",
                        participants=10 + a,
                        organisations_reached=2 + a % 4,
                        author_organisation=municipality.organisation,
                        created_at=now,
                    )
                    for year in range(YEARS[0], YEARS[1] + 1)
                )
            for i in range(1, INDICATORS_PER_LINE + 1):
                manual = i <= 3
                indicator = Indicator.objects.create(
                    objective=objectives[i % 2],
                    number=i,
                    name=f"Indicator {number}.{i}",
                    definition="Wat gemeten wordt, hoe en door wie.",
                    unit="%" if manual else "deelnemers",
                    source=IndicatorSource.MANUAL if manual else IndicatorSource.ACTIVITIES,
                    activity_tag="" if manual else "kennisatelier",
                    activity_measure="" if manual else "participants",
                    baseline_value=Decimal(20),
                    baseline_date=datetime.date(YEARS[0] - 1, 12, 31),
                    target_value=Decimal(40),
                    target_date=datetime.date(YEARS[1], 12, 31),
                )
                if manual:
                    Measurement.objects.bulk_create(
                        Measurement(
                            indicator=indicator,
                            measured_on=datetime.date(year, month, 1),
                            value=Decimal(20 + (year - YEARS[0]) * 4 + month // 4),
                            recorded_at=now,
                        )
                        for year in range(YEARS[0], YEARS[1] + 1)
                        for month in (1, 4, 7, 10)
                    )
    letter = ProgressLetter.objects.filter(programme=programme, year=YEARS[1]).first()
    return letter or letters.create_draft(programme=programme, year=YEARS[1], by=None, now=now)


def published_letter_path(municipality_slug: str) -> str | None:
    letter = (
        ProgressLetter.objects.filter(programme__municipality__slug=municipality_slug, status=LetterStatus.PUBLISHED)
        .order_by("-published_at")
        .first()
    )
    return reverse("progress:letter_detail", args=[municipality_slug, letter.pk]) if letter else None


def _best_of(work: Callable[[], object]) -> tuple[float, object]:
    timings, result = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = work()
        timings.append((time.perf_counter() - started) * 1000)
    return min(timings), result


def _one_page_pdf() -> bytes:
    from weasyprint import HTML  # noqa: TID251 - benchmark of WeasyPrint itself

    return HTML(string="<html><body><h1>Eén pagina</h1><p>Basislijn.</p></body></html>").write_pdf()


def _page_count(pdf: bytes) -> str:
    """Pages, read back with poppler's pdfinfo (WeasyPrint compresses the
    page tree, so the bytes do not show it)."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return "?"
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        info = subprocess.run([pdfinfo, file.name], capture_output=True, text=True, check=False).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    return match.group(1) if match else "?"


def measure_letter() -> list[str]:
    """Notes for docs/performance.md."""
    letter = prepare_programme()
    counts = (
        f"{Line.objects.filter(programme=letter.programme).count()} lines, "
        f"{Activity.objects.filter(line__programme=letter.programme).count()} activities, "
        f"{Indicator.objects.filter(objective__line__programme=letter.programme).count()} indicators, "
        f"{Measurement.objects.filter(indicator__objective__line__programme=letter.programme).count()} measurements "
        f"over {YEARS[1] - YEARS[0] + 1} years"
    )
    _one_page_pdf()  # load fonts once, as a running worker has
    floor_ms, _ = _best_of(_one_page_pdf)
    data_ms, data = _best_of(lambda: build_letter_data(letter))
    pdf_ms, pdf = _best_of(lambda: render_pdf(data))  # type: ignore[arg-type]
    docx_ms, docx = _best_of(lambda: render_docx(data))  # type: ignore[arg-type]
    pages = _page_count(pdf)  # type: ignore[arg-type]
    return [
        f"Progress letter ({counts}): gathering the letter data {data_ms:.0f} ms; "
        f"PDF {pdf_ms:.0f} ms ({pages} pages, {len(pdf) / 1024:.0f} KB; a one-page WeasyPrint document: "  # type: ignore[arg-type]
        f"{floor_ms:.0f} ms, so {pdf_ms / floor_ms:.0f}x); DOCX {docx_ms:.0f} ms ({len(docx) / 1024:.0f} KB). "  # type: ignore[arg-type]
        f"Best of {RUNS}, in-process, as the task worker runs it.",
    ]
