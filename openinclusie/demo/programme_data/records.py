"""The shapes of the demo programme records (short names keep the records
readable)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

D = datetime.date
MUNICIPALITY = "gemeente"  # stands for the municipality's own organisation
DEMO_NOTE = "Demo-gegevens (fictief)."


@dataclass(frozen=True)
class P:
    """A demo photo, drawn in code (see ``photos``): what it shows, for the
    description, and its colours: the background, then the banner stripes
    and the people."""

    description: str
    background: str
    colours: tuple[str, ...]


@dataclass(frozen=True)
class U:
    """A progress update: date, text, participants, organisations taking part."""

    on: datetime.date
    text: str
    participants: int | None = None
    organisations: int | None = None
    by: str = MUNICIPALITY
    after_letter: bool = False  # posted after the demo letter, for "what changed"
    links: tuple[str, ...] = ()  # fictional addresses on .example domains
    photo: P | None = None


@dataclass(frozen=True)
class A:
    number: int
    title: str
    lead: str | None = None  # organisation slug, MUNICIPALITY, or None for the network
    partners: tuple[str, ...] = ()
    status: str = "planned"
    start: datetime.date | None = None
    end: datetime.date | None = None
    done_on: datetime.date | None = None
    tag: str = ""
    objective: int | None = None  # number of the line's objective it sits under
    description: str = ""
    updates: tuple[U, ...] = ()


@dataclass(frozen=True)
class L:
    number: int
    title: str
    description: str
    objectives: tuple[str, ...]
    activities: tuple[A, ...]


@dataclass(frozen=True)
class I:  # noqa: E742 - short on purpose, like A, L and U
    line: int
    objective: int
    name: str
    definition: str
    unit: str
    source: str = "manual"
    tag: str = ""
    measure: str = ""
    figures: str = ""
    baseline: tuple[Decimal, datetime.date] | None = None
    target: tuple[Decimal, datetime.date] | None = None
    measurements: tuple[tuple[datetime.date, Decimal, str], ...] = ()


@dataclass(frozen=True)
class DemoProgramme:
    municipality: str
    vision_title: str
    vision_years: tuple[int, int]
    ambition: str
    vision_summary: str
    name: str
    years: tuple[int, int]
    introduction: str
    lines: tuple[L, ...]
    indicators: tuple[I, ...] = ()
    published_year: int | None = None
    draft_year: int | None = None
    letter_texts: dict[str, str] = field(default_factory=dict)
