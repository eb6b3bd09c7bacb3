"""CSV, XLSX and PDF of a set of figures. All three render the same table
objects as the pages, so a hidden figure is hidden the same way everywhere
("< 5" or "x", with the explanation)."""

import csv
import io
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .disclosure import Cell, FigureSet, Row, Table

FORMATS = ("csv", "xlsx", "pdf")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def respond(request: HttpRequest, figures: FigureSet, fmt: str, *, name: str) -> HttpResponse:
    if fmt == "csv":
        content: bytes = to_csv(figures).encode("utf-8-sig")
    elif fmt == "xlsx":
        content = to_xlsx(figures)
    else:
        content = to_pdf(request, figures)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _lines(table: Table) -> Iterator[tuple[Row, str, str, Cell]]:
    """Every published cell of a table as (row, column key, column label, cell)."""
    for row in (*table.rows, *((table.totals,) if table.totals else ())):
        for column, cell in zip(table.columns, row.cells, strict=True):
            yield row, column.key, column.label, cell
        if row.total is not None:
            yield row, "total", _("Total"), row.total


def _reason(cell: Cell) -> str:
    if cell.is_small:
        return "small"
    if cell.is_hidden:
        return str(cell.mark)
    return ""


def to_csv(figures: FigureSet) -> str:
    """Long format: one line per published cell. ``value`` holds the number
    or the marker; ``hidden`` says why a figure is not given."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "municipality",
            "year",
            "table",
            "table_title",
            "row",
            "row_label",
            "column",
            "column_label",
            "value",
            "hidden",
            "share_percent",
        ]
    )
    for key, table in figures.tables.items():
        if table.withheld:
            writer.writerow(
                [figures.municipality_slug, figures.year, key, table.title, "", "", "", "", "x", "withheld", ""]
            )
            continue
        for row, column_key, column_label, cell in _lines(table):
            writer.writerow(
                [
                    figures.municipality_slug,
                    figures.year,
                    key,
                    table.title,
                    row.key,
                    row.label,
                    column_key,
                    column_label,
                    cell.display,
                    _reason(cell),
                    "" if cell.share is None else f"{cell.share:.1f}",
                ]
            )
    return buffer.getvalue()


def _explanation(figures: FigureSet) -> list[str]:
    lines = [note.text for note in figures.notes]
    if figures.protected:
        lines.insert(
            0,
            _(
                "Figures below %(k)s are shown as “< %(k)s”, in neighbourhood tables below %(k_area)s. "
                "Figures shown as “x” are hidden so that small numbers cannot be worked out from the totals."
            )
            % figures.thresholds,
        )
    else:
        lines.insert(0, _("Not protected: for the ADV's own staff only. Do not pass on."))
    return lines


def to_xlsx(figures: FigureSet) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Explanation")[:31]
    sheet.append([_("Figures for %(name)s, %(year)s") % {"name": figures.municipality_name, "year": figures.year}])
    sheet["A1"].font = Font(bold=True)
    for line in _explanation(figures):
        sheet.append([line])
    used: set[str] = {sheet.title}
    for key, table in figures.tables.items():
        title = key[:31]
        while title in used:
            title = title[:29] + "_" + str(len(used))
        used.add(title)
        tab = book.create_sheet(title)
        tab.append([table.title])
        tab["A1"].font = Font(bold=True)
        if table.withheld:
            for note in table.notes:
                tab.append([note.text])
            continue
        header = ["", *(column.label for column in table.columns)]
        if table.has_row_totals:
            header.append(_("Total"))
        tab.append(header)
        for row in (*table.rows, *((table.totals,) if table.totals else ())):
            values: list[object] = [row.label]
            values += [_xlsx_value(cell) for cell in row.cells]
            if table.has_row_totals:
                values.append(_xlsx_value(row.total) if row.total else "")
            tab.append(values)
        for note in table.notes:
            tab.append([note.text])
        tab.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_value(cell: Cell) -> object:
    return cell.value if not cell.is_hidden else cell.display


def to_pdf(request: HttpRequest, figures: FigureSet) -> bytes:
    from weasyprint import HTML  # noqa: TID251 - imported where it renders, as the rule asks

    html = render_to_string(
        "figures/pdf.html", {"figures": figures, "explanation": _explanation(figures)}, request=request
    )
    # Self-contained: inline styles and SVG, nothing fetched.
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]
