"""The letter as PDF, by WeasyPrint. WeasyPrint is imported inside the
function (about half a second), and may fetch nothing: the print template
is self-contained, charts are inline SVG."""

import logging
from typing import Any

from .render import render_print_document


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"The letter may not load outside resources: {url}")


def render_pdf(data: dict[str, Any]) -> bytes:
    from weasyprint import HTML  # noqa: TID251 - imported here on purpose

    # WeasyPrint reports every layout step at INFO; keep the logs for problems.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    return HTML(string=render_print_document(data), url_fetcher=_refuse_fetch).write_pdf()
