"""Hand-made inline SVG charts: an indicator's values as bars against its
baseline and target lines. No JavaScript, no library; a <title> and <desc>
say what the chart shows, and the letter puts the same numbers in a table
next to it. Colours are presentation attributes, so the strict CSP (no
inline styles) allows them. The chart is a list of shapes, which
``chart_image`` draws again as a PNG for the Word document."""

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 560, 230
LEFT, RIGHT, TOP, BOTTOM = 56, 120, 20, 44
FONT_SIZE = 12
MAX_BARS = 10
LABELLED_BARS = 6
TEXT = "#1a1a1a"
GRID = "#bdbdbd"
BASELINE = "#595959"


def _number(raw: Any) -> float | None:
    if raw is None:
        return None
    try:
        return float(Decimal(str(raw)))
    except (InvalidOperation, ValueError):
        return None


def _axis(value: float, ticks: int = 4) -> tuple[float, float]:
    """A round top and step for the axis, so ticks read 0, 10, 20, ..."""
    if value <= 0:
        return 1.0, 0.25
    raw = value / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return step * math.ceil(value / step), step


def _fmt(value: float) -> str:
    rounded = round(value, 1)
    return formats.number_format(int(rounded) if rounded == int(rounded) else rounded, use_l10n=True)


def description(indicator: dict[str, Any]) -> str:
    parts = []
    if indicator.get("baseline"):
        parts.append(
            _("Baseline %(value)s on %(date)s.")
            % {"value": indicator["baseline"]["display"], "date": indicator["baseline"]["date_display"]}
        )
    if indicator.get("target"):
        parts.append(
            _("Target %(value)s by %(date)s.")
            % {"value": indicator["target"]["display"], "date": indicator["target"]["date_display"]}
        )
    values = [f"{p['label']}: {p['display']}" for p in indicator.get("points", [])[-MAX_BARS:]]
    parts.append(_("Values: %(values)s.") % {"values": "; ".join(values)} if values else _("No values yet."))
    return " ".join(parts)


@dataclass(frozen=True)
class Rule:
    """A straight line; ``dash`` as in SVG's stroke-dasharray."""

    x1: float
    x2: float
    y1: float
    y2: float
    stroke: str
    width: int = 1
    dash: str = ""


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    fill: str


@dataclass(frozen=True)
class Label:
    """Text whose baseline starts, is centred or ends at (x, y)."""

    x: float
    y: float
    text: str
    anchor: str = "start"


Shape = Rule | Bar | Label


def has_chart(indicator: dict[str, Any]) -> bool:
    """Whether there is anything to draw: a value, a baseline or a target."""
    has_values = any(p["value"] is not None for p in indicator.get("points", []))
    return bool(has_values or indicator.get("baseline") or indicator.get("target"))


def chart_shapes(indicator: dict[str, Any], *, colour: str) -> list[Shape]:
    """What the chart draws, in a WIDTH x HEIGHT box; the SVG and the PNG of
    the Word document both draw these."""
    points = indicator.get("points", [])[-MAX_BARS:]
    values = [_number(p["value"]) for p in points]
    baseline = _number((indicator.get("baseline") or {}).get("value"))
    target = _number((indicator.get("target") or {}).get("value"))
    top, step = _axis(max([v for v in [*values, baseline, target] if v is not None] or [0]))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    bottom = float(TOP + plot_h)

    def y(value: float) -> float:
        return TOP + plot_h - (value / top) * plot_h

    shapes: list[Shape] = []
    for index in range(round(top / step) + 1):
        tick = step * index
        shapes.append(Rule(LEFT, LEFT + plot_w, y(tick), y(tick), GRID))
        shapes.append(Label(LEFT - 6, y(tick) + 4, _fmt(tick), "end"))
    if points:
        slot = plot_w / len(points)
        bar = min(48.0, slot * 0.6)
        for index, (point, bar_value) in enumerate(zip(points, values, strict=True)):
            x = LEFT + slot * index + (slot - bar) / 2
            centre = x + bar / 2
            if bar_value is not None:
                shapes.append(Bar(x, y(bar_value), bar, TOP + plot_h - y(bar_value), colour))
                # With many bars the table beside the chart carries the numbers.
                if len(points) <= LABELLED_BARS or index == len(points) - 1:
                    shapes.append(Label(centre, y(bar_value) - 4, _fmt(bar_value), "middle"))
            else:
                shapes.append(Label(centre, bottom - 4, "?", "middle"))
            shapes.append(Label(centre, bottom + 16, point["label"][:10], "middle"))
    for line_value, label, stroke, dash in (
        (baseline, _("baseline"), BASELINE, "6 4"),
        (target, _("target"), TEXT, "2 3"),
    ):
        if line_value is None:
            continue
        at = y(line_value)
        shapes.append(Rule(LEFT, LEFT + plot_w, at, at, stroke, 2, dash))
        shapes.append(Label(LEFT + plot_w + 6, at + 4, f"{label} {_fmt(line_value)}"))
    shapes.append(Rule(LEFT, LEFT, TOP, TOP + plot_h, TEXT))
    shapes.append(Rule(LEFT, LEFT + plot_w, TOP + plot_h, TOP + plot_h, TEXT))
    unit = indicator.get("unit", "")
    if unit:
        shapes.append(Label(4, TOP - 6, unit))
    return shapes


def _n(value: float) -> str:
    return str(value) if isinstance(value, int) else f"{value:.1f}"


def _svg(shape: Shape) -> str:
    if isinstance(shape, Rule):
        dash = f' stroke-dasharray="{shape.dash}"' if shape.dash else ""
        return (
            f'<line x1="{_n(shape.x1)}" x2="{_n(shape.x2)}" y1="{_n(shape.y1)}" y2="{_n(shape.y2)}" '
            f'stroke="{escape(shape.stroke)}" stroke-width="{shape.width}"{dash}/>'
        )
    if isinstance(shape, Bar):
        return (
            f'<rect x="{_n(shape.x)}" y="{_n(shape.y)}" width="{_n(shape.width)}" height="{_n(shape.height)}" '
            f'fill="{escape(shape.fill)}"/>'
        )
    anchor = f' text-anchor="{shape.anchor}"' if shape.anchor != "start" else ""
    return f'<text x="{_n(shape.x)}" y="{_n(shape.y)}"{anchor} fill="{TEXT}">{escape(shape.text)}</text>'


def indicator_chart(indicator: dict[str, Any], *, colour: str, chart_id: str) -> SafeString:
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="indicator-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'font-family="sans-serif" font-size="{FONT_SIZE}">',
        f'<title id="{title_id}">{escape(indicator["name"])}</title>',
        f'<desc id="{desc_id}">{escape(description(indicator))}</desc>',
        *(_svg(shape) for shape in chart_shapes(indicator, colour=colour)),
        "</svg>",
    ]
    return mark_safe("".join(out))  # every interpolated text is escaped in _svg
