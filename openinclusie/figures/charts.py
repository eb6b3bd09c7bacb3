"""Charts as static SVG, drawn from protected table objects only: no
JavaScript, nothing loaded from elsewhere, readable in the browser and in
the PDF. A hidden figure gets no bar, only its marker ("< 5" or "x"). Each
chart names itself (``<title>``) and carries its text summary
(``<desc>``); the page shows the same numbers in a data table."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .disclosure import Cell

BAR = "#01689B"
TEXT = "#1a1a1a"
MUTED = "#595959"
GRID = "#c8c8c8"
FONT = "font-family=\"'Segoe UI', Arial, sans-serif\""


@dataclass(frozen=True)
class Point:
    label: str
    cell: Cell


def _truncate(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _svg(width: int, height: int, ident: str, title: str, description: str, body: list[str]) -> SafeString:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="figure-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="{ident}-title {ident}-desc" {FONT} font-size="14">'
        f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>'
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
    )
    return mark_safe(head + "".join(body) + "</svg>")


def _hidden_label(cell: Cell) -> str:
    return cell.display if cell.is_small else "x"


def bar_chart(points: Sequence[Point], *, ident: str, title: str, description: str) -> SafeString:
    """Horizontal bars, one per category."""
    label_width, bar_width, value_width, row_height, top = 280, 300, 70, 26, 8
    width = label_width + bar_width + value_width
    height = top * 2 + row_height * max(len(points), 1)
    largest = max((p.cell.value or 0 for p in points if not p.cell.is_hidden), default=0) or 1
    body = []
    for index, point in enumerate(points):
        y = top + index * row_height
        middle = y + row_height / 2 + 5
        body.append(
            f'<text x="{label_width - 8}" y="{middle}" text-anchor="end" fill="{TEXT}">'
            f"{escape(_truncate(point.label, 38))}</text>"
        )
        if point.cell.is_hidden:
            body.append(
                f'<rect x="{label_width}" y="{y + 5}" width="24" height="{row_height - 10}" fill="none" '
                f'stroke="{MUTED}" stroke-dasharray="3 2"/>'
                f'<text x="{label_width + 30}" y="{middle}" fill="{MUTED}">{escape(_hidden_label(point.cell))}</text>'
            )
            continue
        length = round(bar_width * (point.cell.value or 0) / largest)
        body.append(
            f'<rect x="{label_width}" y="{y + 5}" width="{length}" height="{row_height - 10}" fill="{BAR}"/>'
            f'<text x="{label_width + length + 6}" y="{middle}" fill="{TEXT}">{escape(point.cell.display)}'
            f"{escape(' (' + point.cell.share_display + ')') if point.cell.share is not None else ''}</text>"
        )
    return _svg(width, height, ident, title, description, body)


def column_chart(points: Sequence[Point], *, ident: str, title: str, description: str) -> SafeString:
    """Vertical bars over time (years, quarters, months)."""
    column_width, gap, plot_height, top, bottom, left = 44, 14, 180, 24, 40, 12
    width = left * 2 + max(len(points), 1) * (column_width + gap)
    height = top + plot_height + bottom
    largest = max((p.cell.value or 0 for p in points if not p.cell.is_hidden), default=0) or 1
    base = top + plot_height
    body = [f'<line x1="{left}" y1="{base}" x2="{width - left}" y2="{base}" stroke="{GRID}"/>']
    for index, point in enumerate(points):
        x = left + index * (column_width + gap) + gap / 2
        centre = x + column_width / 2
        body.append(
            f'<text x="{centre}" y="{base + 20}" text-anchor="middle" fill="{TEXT}">'
            f"{escape(_truncate(point.label, 8))}</text>"
        )
        if point.cell.is_hidden:
            body.append(
                f'<rect x="{x}" y="{base - 24}" width="{column_width}" height="24" fill="none" stroke="{MUTED}" '
                f'stroke-dasharray="3 2"/><text x="{centre}" y="{base - 30}" text-anchor="middle" fill="{MUTED}">'
                f"{escape(_hidden_label(point.cell))}</text>"
            )
            continue
        bar = round(plot_height * (point.cell.value or 0) / largest)
        body.append(
            f'<rect x="{x}" y="{base - bar}" width="{column_width}" height="{bar}" fill="{BAR}"/>'
            f'<text x="{centre}" y="{base - bar - 6}" text-anchor="middle" fill="{TEXT}">'
            f"{escape(point.cell.display)}</text>"
        )
    return _svg(width, height, ident, title, description, body)
