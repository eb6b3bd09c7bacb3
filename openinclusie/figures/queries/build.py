"""From counts (``counting.Fact``) to the raw tables of one municipality-year
(``disclosure.RawOverview``), with the categories in the order and words of
the code lists."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from openinclusie.cases.constants import Channel
from openinclusie.classification import queries as classification_queries
from openinclusie.classification.models import CodeKind
from openinclusie.figures.constants import BREAKDOWNS, MONTHS, MULTI_VALUED, QUARTERS, UNKNOWN, YEAR, Dimension
from openinclusie.figures.disclosure import COLUMNS, Category, RawArea, RawBreakdown, RawOverview
from openinclusie.figures.disclosure.labels import all_languages
from openinclusie.figures.disclosure.raw import Counts
from openinclusie.organisations import queries as organisation_queries
from openinclusie.organisations.models import Municipality

from .counting import Fact

NOT_CLASSIFIED = _("Not classified yet")
NOT_KNOWN = _("Neighbourhood not known")
NO_HANDLING = _("No handling registered yet")

KIND_OF: dict[str, str] = {
    Dimension.GROUND: CodeKind.GROUND,
    Dimension.SUBGROUND: CodeKind.GROUND,
    Dimension.DOMAIN: CodeKind.DOMAIN,
    Dimension.NATURE: CodeKind.NATURE,
    Dimension.HANDLING: CodeKind.HANDLING,
}


@dataclass(frozen=True)
class CodeInfo:
    key: str
    labels: dict[str, str]
    parent: str | None
    is_active: bool


class Catalogue:
    """Every code by slug, over all versions of the code lists; the newest
    version's words and order win. Reports registered under an older version
    count under the same slug."""

    def __init__(self) -> None:
        self.codes: dict[str, dict[str, CodeInfo]] = {kind: {} for kind in CodeKind.values}
        for version in classification_queries.all_versions():
            for kind in CodeKind.values:
                for node in classification_queries.codes_for(version, kind, include_inactive=True):
                    self._add(kind, node.code, None)
                    for sub in node.sub_codes:
                        self._add(kind, sub, node.code.code)

    def _add(self, kind: str, code: object, parent: str | None) -> None:
        slug = code.code  # type: ignore[attr-defined]
        if slug not in self.codes[kind]:
            self.codes[kind][slug] = CodeInfo(
                key=slug,
                labels={"nl": code.label_nl, "en": code.label_en},  # type: ignore[attr-defined]
                parent=parent,
                is_active=code.is_active,  # type: ignore[attr-defined]
            )

    def categories(self, dimension: str, present: Iterable[str]) -> list[Category]:
        """Active codes of the newest version plus any code that occurs in
        the counts, in code-list order; "-" last."""
        kind = KIND_OF[dimension]
        present = set(present)
        subs = dimension == Dimension.SUBGROUND
        found = []
        for info in self.codes[kind].values():
            if (info.parent is not None) != subs:
                continue
            if info.is_active or info.key in present:
                labels = info.labels
                if subs and info.parent in self.codes[kind]:
                    main = self.codes[kind][info.parent].labels
                    labels = {lang: f"{text} ({main.get(lang, '')})" for lang, text in info.labels.items()}
                found.append(Category(info.key, labels, level=1 if subs else 0, parent=info.parent))
        known = {category.key for category in found}
        for key in sorted(present - known - {UNKNOWN}):
            found.append(Category(key, {"nl": key, "en": key}))
        if UNKNOWN in present and not subs:
            text = NO_HANDLING if dimension == Dimension.HANDLING else NOT_CLASSIFIED
            found.append(Category(UNKNOWN, all_languages(text)))
        return found


def channel_categories(present: Iterable[str]) -> list[Category]:
    present = set(present)
    found = [Category(value, all_languages(label)) for value, label in Channel.choices]
    known = {category.key for category in found}
    return found + [Category(key, {"nl": key, "en": key}) for key in sorted(present - known)]


class FactIndex:
    """Facts of one municipality-year, by what they count."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self.reports: dict[tuple[str, bool, str, str], Counts] = defaultdict(dict)
        self.incidents: dict[tuple[str, bool, str, str], Counts] = defaultdict(dict)
        self.keys: dict[str, set[str]] = defaultdict(set)
        for fact in facts:
            slot = (fact.period, fact.is_mass, fact.dimension, fact.key)
            self.reports[slot][fact.column] = fact.reports
            self.incidents[slot][fact.column] = fact.incidents
            self.keys[fact.dimension].add(fact.key)

    def counts(self, dimension: str, key: str = "", *, period: str = YEAR, mass: bool = False) -> Counts:
        return dict(self.reports.get((period, mass, dimension, key), {}))

    def incident_counts(self, dimension: str, key: str = "", *, period: str = YEAR, mass: bool = False) -> Counts:
        return dict(self.incidents.get((period, mass, dimension, key), {}))


def _breakdown(
    index: FactIndex, dimension: str, categories: list[Category], *, mass: bool = False, unit: str = "reports"
) -> RawBreakdown:
    getter = index.incident_counts if unit == "incidents" else index.counts
    return RawBreakdown(
        key=str(dimension),
        categories=categories,
        counts={category.key: getter(dimension, category.key, mass=mass) for category in categories},
        multi_valued=dimension in MULTI_VALUED,
        unit=unit,
    )


def raw_overview(
    municipality: Municipality,
    year: int,
    facts: Iterable[Fact],
    catalogue: Catalogue,
    *,
    extras: bool = False,
    unassigned: int = 0,
) -> RawOverview:
    """The raw tables of one municipality-year from its facts. ``extras``
    adds what only the ADV sees: incidents and mass reports broken down."""
    index = FactIndex(fact for fact in facts if fact.municipality_id == municipality.pk and fact.year == year)

    def categories(dimension: str) -> list[Category]:
        if dimension == Dimension.CHANNEL:
            return channel_categories(index.keys[dimension])
        return catalogue.categories(dimension, index.keys[dimension])

    breakdowns = [_breakdown(index, d, categories(d)) for d in BREAKDOWNS]
    raw = RawOverview(
        municipality_slug=municipality.slug,
        municipality_name=municipality.name,
        year=year,
        reports=index.counts(Dimension.TOTAL),
        incidents=index.incident_counts(Dimension.TOTAL),
        mass_reports=index.counts(Dimension.TOTAL, mass=True),
        mass_incidents=index.incident_counts(Dimension.TOTAL, mass=True),
        breakdowns=breakdowns,
        subgrounds=_breakdown(index, Dimension.SUBGROUND, categories(Dimension.SUBGROUND)),
        quarters={q: index.counts(Dimension.TOTAL, period=p) for q, p in enumerate(QUARTERS, start=1)},
        months={m: index.counts(Dimension.TOTAL, period=p) for m, p in enumerate(MONTHS, start=1)},
        area=_area(index, municipality, catalogue),
        unassigned=unassigned,
    )
    if extras:
        raw.incident_breakdowns = [_breakdown(index, d, categories(d), unit="incidents") for d in BREAKDOWNS]
        raw.mass_breakdowns = [_breakdown(index, d, categories(d), mass=True) for d in BREAKDOWNS]
    return raw


def _area(index: FactIndex, municipality: Municipality, catalogue: Catalogue) -> RawArea | None:
    neighbourhoods = list(organisation_queries.neighbourhoods_of(municipality))
    if not neighbourhoods:
        return None
    areas = [Category(str(n.pk), {"nl": n.name, "en": n.name}) for n in neighbourhoods]
    areas.append(Category(UNKNOWN, all_languages(NOT_KNOWN)))
    pairs = [key.split("|", 1) for key in index.keys[Dimension.NEIGHBOURHOOD_GROUND]]
    grounds = catalogue.categories(Dimension.GROUND, {ground for _area_key, ground in pairs})
    counts: dict[str, Counts] = defaultdict(dict)
    for area_key, ground in pairs:
        values = index.counts(Dimension.NEIGHBOURHOOD_GROUND, f"{area_key}|{ground}")
        counts[area_key][ground] = sum(values.get(column, 0) for column in COLUMNS)
    totals = {
        area.key: sum(index.counts(Dimension.NEIGHBOURHOOD, area.key).get(column, 0) for column in COLUMNS)
        for area in areas
    }
    return RawArea(areas=areas, grounds=grounds, counts=dict(counts), totals=totals)
