"""Labels of the figures tables in every language of the site: the three
Wga columns, totals, months and quarters. Built once per process: switching
language is the slow part of building a table."""

import functools
from collections.abc import Callable

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .raw import COLUMNS, Category
from .tables import Column, Labels

Group = tuple[str, ...]


def per_language(make: Callable[[], str]) -> Labels:
    """``make()`` once in every language of the site."""
    labels = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            labels[code] = str(make())
    return labels


# Labels of lazy strings, remembered per string object (switching language
# is the slow part of building a table). The object is kept, so its id is
# never reused for another string.
_LABELS: dict[int, tuple[Promise, Labels]] = {}


def all_languages(text: str | Promise) -> Labels:
    if not isinstance(text, Promise):
        return per_language(lambda: text)  # type: ignore[return-value]
    known = _LABELS.get(id(text))
    if known is None or known[0] is not text:
        known = _LABELS[id(text)] = (text, per_language(lambda: str(text)))
    return known[1]


COLUMN_LABELS: dict[str, Promise] = {
    "A": _("Residents, about an incident in the municipality"),
    "B": _("Residents, about an incident elsewhere"),
    "C": _("Others, about an incident in the municipality"),
}
COLUMN_SHORT: dict[str, Promise] = {
    "A": _("residents, here"),
    "B": _("residents, elsewhere"),
    "C": _("others, here"),
}
TOTAL_LABEL = _("Total")
OTHER_GROUNDS = _("Other grounds")
ALL_GROUNDS = _("All grounds")
ALL_NEIGHBOURHOODS = _("All neighbourhoods")


@functools.cache
def column_for(group: Group) -> Column:
    if len(group) == 1:
        return Column(group[0], all_languages(COLUMN_LABELS[group[0]]))
    together = _("Together: %(columns)s")
    return Column(
        "+".join(group),
        per_language(lambda: str(together) % {"columns": " + ".join(str(COLUMN_SHORT[m]) for m in group)}),
    )


def base_columns() -> tuple[Column, ...]:
    return tuple(column_for((column,)) for column in COLUMNS)


HEADLINE_ROWS: dict[str, Promise] = {
    "reports": _("Reports (without mass reports)"),
    "incidents": _("Incidents (without mass reports)"),
    "mass_reports": _("Mass reports"),
    "mass_incidents": _("Incidents with mass reports"),
}
MONTH_LABELS = [
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
]


QUARTER_LABEL = _("Quarter %(number)s")


@functools.cache
def quarter_categories() -> list[Category]:
    return [
        Category(f"Q{q}", per_language(lambda q=q: str(QUARTER_LABEL) % {"number": q}))  # type: ignore[misc]
        for q in range(1, 5)
    ]


@functools.cache
def month_categories() -> list[Category]:
    return [Category(f"M{m:02d}", all_languages(MONTH_LABELS[m - 1])) for m in range(1, 13)]
