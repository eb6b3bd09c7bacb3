"""Demo photos, drawn in code: a room with a striped banner and a row of
people, in the colours of the record. No files and no network; the result is
an ordinary upload that goes through the same checks and re-encoding as a
partner's photo."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from .records import P

WIDTH, HEIGHT = 480, 320
PEOPLE = 5


def draw(photo: P, *, name: str = "demo.png") -> SimpleUploadedFile:
    image = Image.new("RGB", (WIDTH, HEIGHT), photo.background)
    pen = ImageDraw.Draw(image)
    # The floor.
    pen.rectangle((0, HEIGHT * 3 // 4, WIDTH, HEIGHT), fill="#d9d4c7")
    # A banner of stripes across the wall.
    stripes = photo.colours or ("#ffffff",)
    left, top, right, bottom = 60, 30, WIDTH - 60, 100
    height = (bottom - top) / len(stripes)
    for index, colour in enumerate(stripes):
        pen.rectangle((left, round(top + index * height), right, round(top + (index + 1) * height)), fill=colour)
    # A row of people: a round head on a rounded body.
    step = WIDTH // (PEOPLE + 1)
    for index in range(PEOPLE):
        x = step * (index + 1)
        colour = stripes[index % len(stripes)]
        pen.rounded_rectangle((x - 28, 190, x + 28, 290), radius=24, fill=colour, outline="#333333", width=2)
        pen.ellipse((x - 20, 140, x + 20, 180), fill="#c68642" if index % 2 else "#f1c27d", outline="#333333", width=2)
    output = io.BytesIO()
    image.save(output, format="PNG")
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/png")
