"""The indicator chart as a PNG, for the Word document (Word shows no inline
SVG without a raster fallback). Pillow draws the same shapes as the SVG in
``charts``, so the two cannot drift apart."""

import io
import math
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from .charts import FONT_SIZE, HEIGHT, TEXT, WIDTH, Bar, Label, Rule, chart_shapes

SCALE = 3  # pixels per SVG unit: sharp when printed at the width Word shows it
ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}  # Pillow: horizontal, then baseline


def _dashed(draw: ImageDraw.ImageDraw, rule: Rule, width: int) -> None:
    start, end = (rule.x1 * SCALE, rule.y1 * SCALE), (rule.x2 * SCALE, rule.y2 * SCALE)
    length = math.dist(start, end)
    if not rule.dash or length == 0:
        draw.line([start, end], fill=rule.stroke, width=width)
        return
    pattern = [float(part) * SCALE for part in rule.dash.split()]
    dx, dy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    along, index = 0.0, 0
    while along < length:
        step = min(pattern[index % len(pattern)], length - along)
        if index % 2 == 0:  # even parts of the pattern are drawn, odd ones are gaps
            a = (start[0] + dx * along, start[1] + dy * along)
            b = (start[0] + dx * (along + step), start[1] + dy * (along + step))
            draw.line([a, b], fill=rule.stroke, width=width)
        along += step
        index += 1


def chart_png(indicator: dict[str, Any], *, colour: str) -> bytes:
    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=FONT_SIZE * SCALE)
    for shape in chart_shapes(indicator, colour=colour):
        if isinstance(shape, Rule):
            _dashed(draw, shape, shape.width * SCALE)
        elif isinstance(shape, Bar):
            if shape.height * SCALE >= 1:
                x, y = shape.x * SCALE, shape.y * SCALE
                draw.rectangle([x, y, x + shape.width * SCALE, y + shape.height * SCALE], fill=shape.fill)
        elif isinstance(shape, Label):
            draw.text(
                (shape.x * SCALE, shape.y * SCALE), shape.text, fill=TEXT, font=font, anchor=ANCHORS[shape.anchor]
            )
    output = io.BytesIO()
    image.save(output, format="PNG", dpi=(96 * SCALE, 96 * SCALE), optimize=True)
    return output.getvalue()
