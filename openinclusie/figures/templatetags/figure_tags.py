from django import template
from django.utils.safestring import SafeString

from openinclusie.figures import presentation
from openinclusie.figures.disclosure import FigureSet, Table

register = template.Library()


@register.simple_tag
def figure_chart(table: Table, ident: str, kind: str = "bar") -> SafeString | str:
    return presentation.chart(table, ident=ident, kind=kind) or ""


@register.simple_tag
def table_summary(table: Table) -> str:
    return presentation.table_summary(table)


@register.simple_tag
def headline_summary(figures: FigureSet) -> str:
    return presentation.headline_summary(figures)


@register.simple_tag
def years_chart(headlines: list[tuple[int, Table]], ident: str) -> SafeString | str:
    return presentation.years_chart(headlines, ident=ident) or ""


@register.simple_tag
def years_summary(headlines: list[tuple[int, Table]]) -> str:
    return presentation.years_summary(headlines)


@register.filter
def table_of(figures: FigureSet, key: str) -> Table | None:
    return figures.get(key)


@register.filter
def make_list_of_words(text: str) -> list[str]:
    return text.split()


@register.filter
def row_of(table: Table, key: str) -> object:
    return table.row(key)
