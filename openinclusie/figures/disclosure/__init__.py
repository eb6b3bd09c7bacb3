"""The one disclosure-control module. Every figure that leaves the ADV is
made here: raw counts in (``raw``), protected table objects out
(``tables``), with a plain-language explanation of what was hidden and why.
Dashboards, charts, PDF, XLSX, CSV and the API render only these objects.

- ``suppression``: primary and secondary suppression of one table, and the
  exact check that no hidden figure can be worked out.
- ``overview``: the linked tables of one municipality-year, protected
  top-down so shared totals never undo the protection; ``unprotected``:
  the same tables exact, for the ADV; ``labels``: their labels in every
  language.
- ``periods``: the only periods and areas that may be asked for.
"""

from .overview import protect_overview
from .policy import Policy
from .raw import COLUMNS, Category, RawArea, RawBreakdown, RawOverview
from .suppression import Mark
from .tables import Cell, Column, FigureSet, Note, Row, Table
from .unprotected import unprotected_overview

__all__ = [
    "COLUMNS",
    "Category",
    "Cell",
    "Column",
    "FigureSet",
    "Mark",
    "Note",
    "Policy",
    "RawArea",
    "RawBreakdown",
    "RawOverview",
    "Row",
    "Table",
    "protect_overview",
    "unprotected_overview",
]
