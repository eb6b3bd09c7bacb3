"""The generated PDF and DOCX, read back: headings, tables and numbers."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document

from openinclusie.accounts.models import Role
from openinclusie.programme.letter.charts import indicator_chart
from openinclusie.programme.letter.content import build_letter_data
from openinclusie.programme.letter.docx import render_docx
from openinclusie.programme.letter.pdf import render_pdf
from openinclusie.programme.models import ActivityStatus, IndicatorSource, LetterDocument
from openinclusie.programme.services import letters
from openinclusie.tests.pdf_support import pdf_text

from .factories import (
    ActivityFactory,
    ActivityUpdateFactory,
    IndicatorFactory,
    LineFactory,
    MeasurementFactory,
    ObjectiveFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 1, 15, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def letter(world):
    town = world["town_a"]
    town.primary_colour = "#A3001B"
    town.save()
    programme = ProgrammeFactory(municipality=town, name="Inclusieve Stad", start_year=2023, end_year=2026)
    line = LineFactory(programme=programme, number=1, title="Antidiscriminatiebeleid")
    objective = ObjectiveFactory(line=line, number=1, text="Meldingsbereidheid en bekendheid ADV vergroten")
    awareness = IndicatorFactory(
        objective=objective,
        number=1,
        name="Bekendheid ADV",
        unit="%",
        baseline_value=Decimal("17"),
        baseline_date=datetime.date(2023, 10, 1),
        target_value=Decimal("35"),
        target_date=datetime.date(2026, 12, 31),
    )
    MeasurementFactory(indicator=awareness, measured_on=datetime.date(2024, 10, 1), value=Decimal("23.5"))
    IndicatorFactory(
        objective=objective,
        number=2,
        name="Kennisateliers gehouden",
        unit="",
        source=IndicatorSource.ACTIVITIES,
        activity_tag="kennisatelier",
        activity_measure="done_count",
        baseline_value=Decimal("0"),
        baseline_date=datetime.date(2023, 12, 31),
        target_value=Decimal("6"),
        target_date=datetime.date(2025, 12, 31),
    )
    IndicatorFactory(
        objective=objective,
        number=3,
        name="Nog niet gemeten",
        baseline_value=None,
        baseline_date=None,
        target_value=None,
        target_date=None,
    )
    atelier = ActivityFactory(
        line=line,
        number=1,
        title="Kennisatelier evenementorganisatoren",
        tag="kennisatelier",
        status=ActivityStatus.DONE,
        completed_on=datetime.date(2024, 9, 26),
        lead_organisation=world["adv_a"],
    )
    atelier.partner_organisations.add(world["partner_a"])
    ActivityUpdateFactory(activity=atelier, happened_on=datetime.date(2024, 9, 26), text="Simulatie slechtziendheid.")
    LineFactory(programme=programme, number=2, title="Diversiteit als werkgever")
    letter = letters.create_draft(programme=programme, year=2024, by=None, now=NOW)
    intro = letter.blocks.get(kind="introduction")
    return letters.save_texts(
        letter=letter,
        title="Voortgang Inclusieve Stad 2024",
        texts={intro.pk: ("Aanleiding", "Geachte raad,")},
        now=NOW,
    )


def test_the_pdf_has_contents_with_page_numbers_lines_tables_and_numbers(letter):
    pdf = render_pdf(build_letter_data(letter))
    assert pdf.startswith(b"%PDF")
    layout = pdf_text(pdf, layout=True)
    pages = layout.split("\f")
    flowing = pdf_text(pdf)
    text = " ".join(flowing.split())
    assert len([p for p in pages if p.strip()]) >= 3
    assert "Voortgang Inclusieve Stad 2024" in text
    assert "Aanleiding" in text
    assert "Geachte raad," in text
    assert "Antidiscriminatiebeleid" in text
    assert "Diversiteit als werkgever" in text
    assert "Kennisatelier evenementorganisatoren" in text
    assert "Simulatie slechtziendheid." in text
    assert "Bekendheid ADV" in text
    assert "23,5%" in text
    assert "17%" in text
    assert "35%" in text
    # Page numbers in the footer, and the table of contents points at pages.
    assert "1 of " in pages[0] or "1 van " in pages[0]
    toc_lines = [line for line in pages[0].splitlines() if "Antidiscriminatiebeleid" in line]
    assert toc_lines
    assert toc_lines[0].rstrip()[-1].isdigit()


def test_the_docx_has_real_headings_tables_a_toc_field_and_the_numbers(letter):
    document = Document(io.BytesIO(render_docx(build_letter_data(letter))))
    styled = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    headings = [(style, text) for style, text in styled if style.startswith(("Heading", "Title"))]
    assert ("Title", "Voortgang Inclusieve Stad 2024") in headings
    assert ("Heading 1", "Aanleiding") in headings
    assert any(style == "Heading 1" and "Antidiscriminatiebeleid" in text for style, text in headings)
    assert ("Heading 3", "Bekendheid ADV") in headings
    assert any(style == "Heading 2" for style, _text in headings)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Kennisatelier evenementorganisatoren" in " ".join(cells)
    assert "23,5%" in cells
    assert "17%" in cells
    assert "35%" in cells
    assert "1" in cells  # one kennisatelier done in 2024
    assert 'TOC \\o "1-2"' in document.element.xml
    assert document.core_properties.title == "Voortgang Inclusieve Stad 2024"


@pytest.mark.usefixtures("english_ui")  # reads English wording
def test_the_docx_shows_each_indicator_with_data_as_a_chart_with_alt_text_above_its_table(letter):
    data = build_letter_data(letter)
    document = Document(io.BytesIO(render_docx(data)))
    indicators = [i for line in data["lines"] for objective in line["objectives"] for i in objective["indicators"]]
    assert len(indicators) == 3  # the third has no values, baseline or target: a table only
    assert len(document.inline_shapes) == 2
    pictures = [shape._inline for shape in document.inline_shapes]
    assert all(picture.graphic.graphicData.pic.blipFill.blip.embed for picture in pictures)
    alt_texts = [picture.docPr.get("descr") for picture in pictures]
    assert alt_texts[0] == (
        "Bar chart of Bekendheid ADV. Baseline 17% on 1 October 2023. Target 35% by 31 December 2026. "
        "Values: 2024-10-01: 23.5%."
    )
    assert alt_texts[1].startswith("Bar chart of Kennisateliers gehouden. Baseline 0 on 31 December 2023.")
    assert "Values: 2023: 0; 2024: 1." in alt_texts[1]
    # The picture is a PNG, and the numbers table stays beside it.
    part = document.part.related_parts[pictures[0].graphic.graphicData.pic.blipFill.blip.embed]
    assert part.content_type == "image/png"
    assert part.blob.startswith(b"\x89PNG")
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "23.5%" in cells


@pytest.mark.usefixtures("english_ui")  # reads English wording
def test_the_chart_is_an_accessible_svg():
    data = {
        "name": "Bekendheid ADV",
        "unit": "%",
        "baseline": {"value": "17", "display": "17%", "date_display": "1 oktober 2023"},
        "target": {"value": "35", "display": "35%", "date_display": "31 december 2026"},
        "points": [{"label": "2024-10-01", "value": "23.5", "display": "23,5%"}],
    }
    svg = str(indicator_chart(data, colour="#A3001B", chart_id="c1"))
    assert svg.startswith("<svg")
    assert 'role="img"' in svg
    assert 'aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Bekendheid ADV</title>' in svg
    assert "Baseline 17% on 1 oktober 2023." in svg
    assert "2024-10-01: 23,5%" in svg
    assert 'fill="#A3001B"' in svg
    assert "style=" not in svg


@pytest.mark.usefixtures("english_ui")  # reads English wording
def test_officer_generates_edits_previews_and_publishes_through_the_screens(
    world, client_for, client, django_capture_on_commit_callbacks
):
    programme = ProgrammeFactory(municipality=world["town_a"], name="Programma", start_year=2025, end_year=2026)
    LineFactory(programme=programme, number=1, title="Ontmoeting")
    officer = client_for(Role.PROGRAMME_OFFICER)
    response = officer.post(reverse("programme:letter_create", args=[programme.pk]), {"year": 2025})
    assert response.status_code == 302
    letter = programme.letters.get()
    edit_url = reverse("programme:letter_edit", args=[letter.pk])
    form = officer.get(edit_url).context["form"]
    data = {name: field.initial for name, field in form.fields.items()}
    data["title"] = "Voortgang 2025"
    line_block = letter.blocks.get(kind="line")
    data[f"text_{line_block.pk}"] = "Er waren vier dialogen in de wijken."
    assert officer.post(edit_url, data).status_code == 302
    preview = officer.get(reverse("programme:letter_detail", args=[letter.pk])).content.decode()
    assert "Er waren vier dialogen in de wijken." in preview
    assert "Draft" in preview
    draft_pdf = officer.get(reverse("programme:letter_pdf", args=[letter.pk]))
    assert draft_pdf["Content-Type"] == "application/pdf"
    assert draft_pdf.content.startswith(b"%PDF")

    with django_capture_on_commit_callbacks(execute=True):
        assert officer.post(reverse("programme:letter_publish", args=[letter.pk])).status_code == 302
    assert LetterDocument.objects.filter(letter=letter).count() == 2
    # Edits after publication are refused.
    data["title"] = "Anders"
    officer.post(edit_url, data)
    letter.refresh_from_db()
    assert letter.title == "Voortgang 2025"

    public = client.get(reverse("progress:letter_detail", args=["alfastad", letter.pk])).content.decode()
    assert "Er waren vier dialogen in de wijken." in public
    assert "Draft" not in public
    pdf = client.get(reverse("progress:letter_pdf", args=["alfastad", letter.pk]))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    docx = client.get(reverse("progress:letter_docx", args=["alfastad", letter.pk]))
    assert docx.status_code == 200
    assert Document(io.BytesIO(b"".join(docx.streaming_content))).paragraphs[0].text == "Voortgang 2025"
