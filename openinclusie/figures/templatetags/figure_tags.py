import hashlib

from django import template
from django.core.cache.backends.locmem import LocMemCache
from django.template.base import FilterExpression
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


# Rendered page bodies, per process. Keys carry the version of what they
# show (a summary refresh or a release), so an entry is never stale; a
# fragment costs a database round trip and unpickling in the shared cache,
# and nothing here.
_FRAGMENTS = LocMemCache("figures-fragments", {"TIMEOUT": 3600, "OPTIONS": {"MAX_ENTRIES": 200}})


class FragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, vary_on: list[FilterExpression]) -> None:
        self.nodelist = nodelist
        self.vary_on = vary_on

    def render(self, context: template.Context) -> str:
        parts = ":".join(str(part.resolve(context)) for part in self.vary_on)
        key = hashlib.sha256(parts.encode()).hexdigest()
        fragment = _FRAGMENTS.get(key)
        if fragment is None:
            fragment = self.nodelist.render(context)
            _FRAGMENTS.set(key, fragment)
        return fragment  # type: ignore[no-any-return]


@register.tag("figures_cache")
def figures_cache(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    """``{% figures_cache part1 part2 ... %}...{% endfigures_cache %}``: the
    body rendered once per process and key."""
    nodelist = parser.parse(("endfigures_cache",))
    parser.delete_first_token()
    return FragmentNode(nodelist, [parser.compile_filter(bit) for bit in token.split_contents()[1:]])
