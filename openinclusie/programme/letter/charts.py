"""Hand-made inline SVG charts: an indicator's values as bars against its
baseline and target lines. No JavaScript, no library; a <title> and <desc>
say what the chart shows, and the letter puts the same numbers in a table
next to it. Colours are presentation attributes, so the strict CSP (no
inline styles) allows them."""

import math
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 560, 230
LEFT, RIGHT, TOP, BOTTOM = 56, 120, 20, 44
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


def indicator_chart(indicator: dict[str, Any], *, colour: str, chart_id: str) -> SafeString:
    points = indicator.get("points", [])[-MAX_BARS:]
    values = [_number(p["value"]) for p in points]
    baseline = _number((indicator.get("baseline") or {}).get("value"))
    target = _number((indicator.get("target") or {}).get("value"))
    top, step = _axis(max([v for v in [*values, baseline, target] if v is not None] or [0]))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return TOP + plot_h - (value / top) * plot_h

    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="indicator-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'font-family="sans-serif" font-size="12">',
        f'<title id="{title_id}">{escape(indicator["name"])}</title>',
        f'<desc id="{desc_id}">{escape(description(indicator))}</desc>',
    ]
    for index in range(round(top / step) + 1):
        tick = step * index
        out.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="{TEXT}">{_fmt(tick)}</text>'
        )
    if points:
        slot = plot_w / len(points)
        bar = min(48.0, slot * 0.6)
        for index, (point, bar_value) in enumerate(zip(points, values, strict=True)):
            x = LEFT + slot * index + (slot - bar) / 2
            centre = x + bar / 2
            if bar_value is not None:
                out.append(
                    f'<rect x="{x:.1f}" y="{y(bar_value):.1f}" width="{bar:.1f}" '
                    f'height="{TOP + plot_h - y(bar_value):.1f}" '
                    f'fill="{escape(colour)}"/>'
                )
                # With many bars the table beside the chart carries the numbers.
                if len(points) <= LABELLED_BARS or index == len(points) - 1:
                    out.append(
                        f'<text x="{centre:.1f}" y="{y(bar_value) - 4:.1f}" text-anchor="middle" fill="{TEXT}">'
                        f"{escape(_fmt(bar_value))}</text>"
                    )
            else:
                out.append(
                    f'<text x="{centre:.1f}" y="{TOP + plot_h - 4:.1f}" text-anchor="middle" fill="{TEXT}">?</text>'
                )
            label = point["label"][:10]
            out.append(
                f'<text x="{centre:.1f}" y="{TOP + plot_h + 16:.1f}" text-anchor="middle" fill="{TEXT}">'
                f"{escape(label)}</text>"
            )
    for line_value, label, stroke, dash in (
        (baseline, _("baseline"), BASELINE, "6 4"),
        (target, _("target"), TEXT, "2 3"),
    ):
        if line_value is None:
            continue
        at = y(line_value)
        out.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{at:.1f}" y2="{at:.1f}" stroke="{stroke}" '
            f'stroke-width="2" stroke-dasharray="{dash}"/>'
            f'<text x="{LEFT + plot_w + 6}" y="{at + 4:.1f}" fill="{TEXT}">{escape(label)} {_fmt(line_value)}</text>'
        )
    out.append(
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{TOP + plot_h}" stroke="{TEXT}" stroke-width="1"/>'
        f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="{TEXT}" '
        f'stroke-width="1"/>'
    )
    unit = indicator.get("unit", "")
    if unit:
        out.append(f'<text x="4" y="{TOP - 6}" fill="{TEXT}">{escape(unit)}</text>')
    out.append("</svg>")
    return mark_safe("".join(out))  # every interpolated text is escaped above
