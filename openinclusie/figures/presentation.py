"""Text summaries and chart data, made from table objects only. Hidden
figures are spoken of as "fewer than 5" or "not shown", never guessed."""

from collections.abc import Sequence

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .charts import Point, bar_chart, column_chart
from .disclosure import Cell, FigureSet, Table
from .disclosure.policy import DEFAULT_MIN_PERCENT_BASE


def spoken(cell: Cell | None) -> str:
    if cell is None:
        return _("not shown")
    if cell.is_small:
        return _("fewer than %(k)s") % {"k": cell.threshold}
    if cell.is_hidden:
        return _("not shown")
    return str(cell.value)


def _count_reports(cell: Cell) -> str:
    if cell.is_hidden or cell.value is None:
        return _("%(n)s reports") % {"n": spoken(cell)}
    return ngettext("%(n)s report", "%(n)s reports", cell.value) % {"n": cell.value}


def headline_summary(figures: FigureSet) -> str:
    headline = figures.get("headline")
    if headline is None:
        return ""
    reports = headline.row_of("reports")
    mass = headline.row_of("mass_reports")
    name = figures.municipality_name
    if reports.total is None:
        return ""
    text = _("In %(year)s, %(total)s about discrimination were registered for %(name)s, not counting mass reports.") % {
        "year": figures.year,
        "total": _count_reports(reports.total),
        "name": name,
    }
    if not reports.total.is_hidden and reports.total.value:
        text += " " + _(
            "Residents about an incident in %(name)s: %(a)s. Residents about an incident elsewhere: %(b)s. "
            "Others about an incident in %(name)s: %(c)s."
        ) % {"name": name, "a": spoken(reports.cells[0]), "b": spoken(reports.cells[1]), "c": spoken(reports.cells[2])}
    if mass.total is not None and (mass.total.is_hidden or mass.total.value):
        text += " " + _("Mass reports, counted apart: %(n)s.") % {"n": spoken(mass.total)}
    return text


def table_summary(table: Table) -> str:
    if table.withheld:
        return " ".join(note.text for note in table.notes)
    main = table.main_of
    visible = [row for row in table.rows if not main(row).is_hidden and (main(row).value or 0) > 0]
    if not visible:
        if any(main(row).is_hidden for row in table.rows):
            return _("The numbers in this table are small, so most of them are not shown.")
        return _("There is nothing to count in this table.")
    visible.sort(key=lambda row: main(row).value or 0, reverse=True)
    first = visible[0]
    text = _("The largest number is for “%(label)s”: %(value)s.") % {
        "label": first.label,
        "value": main(first).value,
    }
    if len(visible) > 1:
        second = visible[1]
        text += " " + _("Next comes “%(label)s”: %(value)s.") % {
            "label": second.label,
            "value": main(second).value,
        }
    hidden = sum(1 for row in table.rows if main(row).is_hidden)
    if hidden:
        text += " " + ngettext(
            "%(n)s row is not shown because its number is small.",
            "%(n)s rows are not shown because their numbers are small.",
            hidden,
        ) % {"n": hidden}
    return text


def _short(table: Table, label: str, key: str) -> str:
    if table.key == "quarters":
        return key
    if table.key == "months":
        return label[:3]
    return label


def points(table: Table, *, skip_zeros: bool = False) -> list[Point]:
    """One point per row; with ``skip_zeros`` rows with a shown 0 are left
    out (the table still lists them)."""
    found = []
    for row in table.rows:
        cell = table.main_of(row)
        if skip_zeros and not cell.is_hidden and not cell.value:
            continue
        found.append(Point(_short(table, row.label, row.key), cell))
    return found


def chart(table: Table, *, ident: str, kind: str = "bar") -> SafeString | None:
    if table.withheld or not table.rows:
        return None
    if kind == "column":
        return column_chart(points(table), ident=ident, title=table.title, description=table_summary(table))
    shown = points(table, skip_zeros=True)
    if not shown:
        return None
    return bar_chart(shown, ident=ident, title=table.title, description=table_summary(table))


# --- Years ----------------------------------------------------------------------------------------


def year_points(headlines: Sequence[tuple[int, Table]], row: str = "reports") -> list[Point]:
    found = []
    for year, table in headlines:
        line = table.row(row)
        if line is not None and line.total is not None:
            found.append(Point(str(year), line.total))
    return found


def years_summary(headlines: Sequence[tuple[int, Table]]) -> str:
    shown = [(p.label, p.cell) for p in year_points(headlines) if not p.cell.is_hidden]
    if not shown:
        return _("The yearly numbers are too small to show.")
    first_year, first = shown[0]
    last_year, last = shown[-1]
    if first_year == last_year:
        return _("In %(year)s: %(n)s.") % {"year": last_year, "n": _count_reports(last)}
    text = _("From %(first_year)s to %(last_year)s the number of reports went from %(first)s to %(last)s.") % {
        "first_year": first_year,
        "last_year": last_year,
        "first": first.value,
        "last": last.value,
    }
    if len(shown) > 1:
        previous_year, previous = shown[-2]
        if (previous.value or 0) >= DEFAULT_MIN_PERCENT_BASE and int(previous_year) == int(last_year) - 1:
            change = 100 * ((last.value or 0) - (previous.value or 0)) / (previous.value or 1)
            text += " " + _("That is %(change)+.0f%% compared with %(year)s.") % {
                "change": change,
                "year": previous_year,
            }
    return text


def years_chart(headlines: Sequence[tuple[int, Table]], *, ident: str) -> SafeString | None:
    found = year_points(headlines)
    if not found:
        return None
    return column_chart(found, ident=ident, title=_("Reports per year"), description=years_summary(headlines))
