"""The letter as DOCX, for the final touch in Word: real Heading 1/2/3
styles (so Word's navigation pane and table of contents work), real tables,
a table-of-contents field Word fills in, and each indicator's chart as a
picture with alt text above its numbers as a table (the accessible version)."""

import io
from typing import Any

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .chart_image import chart_png
from .charts import description, has_chart

TABLE_STYLE = "Table Grid"
CHART_WIDTH = Cm(15)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _paragraphs(document: Any, text: str) -> None:
    for chunk in [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]:
        if chunk:
            document.add_paragraph(chunk)


def _toc_field(document: Any) -> None:
    """A TOC field over headings 1-2. Word shows the placeholder text until
    the reader updates the field (F9); no macro, no prompt on opening."""
    paragraph = document.add_paragraph()
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = 'TOC \\o "1-2" \\h \\z \\u'
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = _("Right-click and choose Update Field to show the table of contents.")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, placeholder, end):
        run._r.append(element)


def _table(document: Any, header: list[str], rows: list[list[str]], colour: str, text_colour: str) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = TABLE_STYLE
    for cell, label in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(label)
        run.bold = True
        run.font.color.rgb = _rgb(text_colour)
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), colour.lstrip("#").upper())
        cell._tc.get_or_add_tcPr().append(shading)
    # Repeat the header row on every page.
    header_properties = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_properties.append(repeat)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    document.add_paragraph()


def _activity_rows(line: dict[str, Any]) -> list[list[str]]:
    rows = []
    for activity in line["activities"]:
        who = activity["lead"]
        if activity["partners"]:
            who += "\n" + _("with") + " " + ", ".join(activity["partners"])
        status = activity["status_label"] + (f"\n{activity['completed_on']}" if activity["completed_on"] else "")
        progress = "\n".join(f"{u['date_display']}: {u['text']}" for u in activity["updates"]) or "\u2013"
        title = activity["title"] + (f"\n{activity['period']}" if activity["period"] else "")
        rows.append([f"{line['number']}.{activity['number']}", title, who, status, progress])
    return rows


def _chart(document: Any, indicator: dict[str, Any], colour: str) -> None:
    """The web letter's chart as a picture; its alt text says what it shows."""
    picture = document.add_picture(io.BytesIO(chart_png(indicator, colour=colour)), width=CHART_WIDTH)
    alt_text = _("Bar chart of %(name)s.") % {"name": indicator["name"]} + " " + description(indicator)
    picture._inline.docPr.set("descr", alt_text)


def _indicator(document: Any, indicator: dict[str, Any], colour: str, text_colour: str) -> None:
    document.add_heading(indicator["name"], level=3)
    document.add_paragraph(f"{indicator['definition']} ({indicator['source_label']})")
    if has_chart(indicator):
        _chart(document, indicator, colour)
    rows = []
    if indicator["baseline"]:
        rows.append([f"{_('Baseline')} ({indicator['baseline']['date_display']})", indicator["baseline"]["display"]])
    rows += [[point["label"], point["display"]] for point in indicator["points"]]
    if indicator["target"]:
        rows.append([f"{_('Target')} ({indicator['target']['date_display']})", indicator["target"]["display"]])
    _table(document, [_("Moment"), _("Value")], rows or [[_("Measurements"), _("none yet")]], colour, text_colour)


def render_docx(data: dict[str, Any]) -> bytes:
    colour, text_colour = data["municipality"]["colour"], data["municipality"]["text_colour"]
    document = Document()
    styles = document.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(10.5)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        styles[name].font.color.rgb = _rgb(colour)
    properties = document.core_properties
    properties.title = data["title"]
    properties.author = _("Municipality of %(name)s") % {"name": data["municipality"]["name"]}
    properties.language = "nl-NL"

    document.add_heading(data["title"], level=0)
    if data["is_draft"]:
        warning = document.add_paragraph().add_run(_("Draft: not published; numbers may still change."))
        warning.bold = True
    document.add_paragraph(
        f"{properties.author} \u00b7 {data['programme']['name']} ({data['programme']['period']}) \u00b7 "
        f"{data['date_display']}"
    )
    document.add_heading(_("Contents"), level=1)
    _toc_field(document)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    document.add_heading(data["introduction"]["heading"] or _("Introduction"), level=1)
    _paragraphs(document, data["introduction"]["text"])
    if data["vision"]:
        document.add_heading(_("The ambition (%(title)s)") % {"title": data["vision"]["title"]}, level=2)
        for chunk in data["vision"]["ambition"].split("\n\n"):
            if chunk.strip():
                document.add_paragraph(chunk.strip(), style="Quote")

    for line in data["lines"]:
        document.add_heading(
            _("Line %(number)s: %(title)s") % {"number": line["number"], "title": line["title"]}, level=1
        )
        _paragraphs(document, line["narrative"]["text"])
        if line["objectives"]:
            document.add_heading(_("Objectives"), level=2)
            for objective in line["objectives"]:
                document.add_paragraph(objective["text"], style="List Number")
        document.add_heading(_("Activities"), level=2)
        if line["activities"]:
            _table(
                document,
                [_("No."), _("Activity"), _("Lead and partners"), _("Status"), _("Latest progress")],
                _activity_rows(line),
                colour,
                text_colour,
            )
        else:
            document.add_paragraph(_("No activities in this line yet."))
        indicators = [i for objective in line["objectives"] for i in objective["indicators"]]
        if indicators:
            document.add_heading(_("Indicators"), level=2)
            for indicator in indicators:
                _indicator(document, indicator, colour, text_colour)

    document.add_heading(data["figures_text"]["heading"] or _("Reports of discrimination"), level=1)
    _paragraphs(document, data["figures_text"]["text"])
    figures = data["figures"]
    document.add_paragraph(figures["note"])
    for table in figures["tables"]:
        document.add_heading(table["title"], level=2)
        if table["description"]:
            document.add_paragraph(table["description"])
        if not table["withheld"]:
            has_total = any(row["total"] for row in table["rows"])
            _table(
                document,
                ["", *table["columns"], *([_("Total")] if has_total else [])],
                [[r["label"], *r["values"], *([r["total"]] if has_total else [])] for r in table["rows"]],
                colour,
                text_colour,
            )
        for note in table["notes"]:
            document.add_paragraph(note)
    for note in figures["notes"]:
        document.add_paragraph(note)

    document.add_heading(data["closing"]["heading"] or _("In closing"), level=1)
    _paragraphs(document, data["closing"]["text"])

    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
