"""Reads the text of a generated PDF with poppler's pdftotext, so tests can
check what a reader of the PDF sees. `make test` installs poppler-utils; a
machine without it fails these tests instead of silently skipping them."""

import shutil
import subprocess


def pdf_text(pdf: bytes, *, layout: bool = False) -> str:
    executable = shutil.which("pdftotext")
    assert executable, "pdftotext is missing: `make test` installs poppler-utils"
    options = ["-layout"] if layout else []
    return subprocess.run([executable, *options, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
