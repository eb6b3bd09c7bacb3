"""Letter data to HTML: the fragment shown on the web (staff preview and the
public page) and the full print document WeasyPrint turns into a PDF."""

import copy
from typing import Any

from django.template.loader import render_to_string

from .charts import has_chart, indicator_chart

FRAGMENT_TEMPLATE = "programme/letter/_letter.html"
PRINT_TEMPLATE = "programme/letter/print.html"


def presentable(data: dict[str, Any], *, id_prefix: str = "chart") -> dict[str, Any]:
    """A copy of the data with a chart beside each indicator."""
    view = copy.deepcopy(data)
    colour = view["municipality"]["colour"]
    for line in view["lines"]:
        for objective in line["objectives"]:
            for indicator in objective["indicators"]:
                chart_id = f"{id_prefix}-{line['number']}-{objective['number']}-{indicator['number']}"
                if has_chart(indicator):
                    indicator["chart"] = indicator_chart(indicator, colour=colour, chart_id=chart_id)
                indicator["anchor"] = chart_id
    return view


def render_fragment(data: dict[str, Any]) -> str:
    """The letter as an HTML fragment (no <html>), for inside a page."""
    return render_to_string(FRAGMENT_TEMPLATE, {"letter": presentable(data)})


def render_print_document(data: dict[str, Any]) -> str:
    """A complete HTML document with print CSS: page numbers, a table of
    contents and the municipality's colour."""
    return render_to_string(PRINT_TEMPLATE, {"letter": presentable(data, id_prefix="print")})
