"""PDF rendering with WeasyPrint, from an ordinary Django template.

WeasyPrint is imported inside the function: importing it takes about half a
second, which web processes should not pay at start-up. Nothing is fetched
while rendering: styles come from static files named by the caller, so the
templates stay free of inline styles like every other template."""

from collections.abc import Sequence
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


class PdfResourceRefused(ValueError):
    pass


def render_pdf(template: str, context: dict[str, Any], *, stylesheets: Sequence[str] = ()) -> bytes:
    """Render ``template`` to PDF bytes, styled by the static files
    ``stylesheets`` (paths as for ``{% static %}``)."""
    from weasyprint import CSS, HTML  # noqa: TID251 - imported here on purpose

    styles = []
    for name in stylesheets:
        path = finders.find(name)
        if not path or isinstance(path, list):
            raise FileNotFoundError(f"Static file {name} not found.")
        styles.append(CSS(filename=path, url_fetcher=_refuse_fetch))
    html = render_to_string(template, context)
    return HTML(string=html, url_fetcher=_refuse_fetch).write_pdf(stylesheets=styles)


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise PdfResourceRefused(f"PDF templates may not load external resources: {url}")
