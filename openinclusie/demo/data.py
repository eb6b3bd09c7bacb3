"""The demo world: two seed municipalities with their ADVs and partners, a
second municipality served by Radar, and one fictional user per role per
organisation. Every person here is made up."""

from dataclasses import dataclass, field

DEMO_PASSWORD = "Inclusie-demo-2026"  # noqa: S105 - demo data only, printed by `make run`


@dataclass(frozen=True)
class DemoMunicipality:
    name: str
    slug: str
    cbs_code: str
    adv_slug: str
    primary_colour: str
    neighbourhoods: tuple[str, ...]


@dataclass(frozen=True)
class DemoOrganisation:
    slug: str
    name: str
    kind: str
    active_in: tuple[str, ...] = ()
    description: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    opening_hours: str = ""
    extra: dict[str, str] = field(default_factory=dict)


ADVS = [
    DemoOrganisation(
        slug="idb",
        name="Stichting iDb",
        kind="adv",
        description="Antidiscriminatievoorziening voor Zoetermeer (demo-gegevens).",
        email="info@idb.example",
        phone="079 000 00 00",
        address="Voorbeeldstraat 1, Zoetermeer",
        opening_hours="Maandag tot en met vrijdag, 9.00 tot 17.00 uur",
    ),
    DemoOrganisation(
        slug="radar",
        name="Radar",
        kind="adv",
        description="Antidiscriminatievoorziening voor Dordrecht en Zwijndrecht (demo-gegevens).",
        email="info@radar.example",
        phone="010 000 00 00",
        address="Voorbeeldplein 2, Dordrecht",
        opening_hours="Maandag tot en met donderdag, 9.00 tot 17.00 uur",
    ),
]

# Demo colours, chosen for contrast with white text; not the real house styles.
MUNICIPALITIES = [
    DemoMunicipality(
        name="Zoetermeer",
        slug="zoetermeer",
        cbs_code="GM0637",
        adv_slug="idb",
        primary_colour="#00664F",
        neighbourhoods=(
            "Buytenwegh",
            "Centrum",
            "Dorp",
            "Meerzicht",
            "Noordhove",
            "Oosterheem",
            "Palenstein",
            "Rokkeveen",
            "Seghwaert",
        ),
    ),
    DemoMunicipality(
        name="Dordrecht",
        slug="dordrecht",
        cbs_code="GM0505",
        adv_slug="radar",
        primary_colour="#A3001B",
        neighbourhoods=(
            "Binnenstad",
            "Crabbehof",
            "Dordt West",
            "Dubbeldam",
            "Krispijn",
            "Reeland",
            "Stadspolders",
            "Sterrenburg",
            "Wielwijk",
        ),
    ),
    DemoMunicipality(
        name="Zwijndrecht",
        slug="zwijndrecht",
        cbs_code="GM0642",
        adv_slug="radar",
        primary_colour="#1D4E89",
        neighbourhoods=("Heer Oudelands Ambacht", "Kort Ambacht", "Noord", "Walburg"),
    ),
]

PARTNERS = [
    DemoOrganisation(
        "bibliotheek-zoetermeer",
        "Bibliotheek Zoetermeer",
        "partner",
        ("zoetermeer",),
        "Bibliotheek met kennisateliers en taalhuis.",
    ),
    DemoOrganisation(
        "coc-haaglanden",
        "COC Haaglanden",
        "partner",
        ("zoetermeer",),
        "Belangenorganisatie voor lhbtiqa+ personen in de regio Haaglanden.",
    ),
    DemoOrganisation(
        "gro-up-buurtwerk",
        "Gro-up Buurtwerk",
        "partner",
        ("zoetermeer",),
        "Buurtwerk en ontmoeting in de wijken van Zoetermeer.",
    ),
    DemoOrganisation("wijck", "Wijck", "partner", ("zoetermeer",), "Welzijnsorganisatie."),
    DemoOrganisation(
        "piezo", "Stichting Piëzo", "partner", ("zoetermeer",), "Stichting voor ontmoeting en emancipatie."
    ),
    DemoOrganisation(
        "open-mind", "Stichting Open Mind", "partner", ("zoetermeer",), "Stichting voor bewustwording en dialoog."
    ),
    DemoOrganisation(
        "cecd-dordrecht", "CECD Dordrecht", "partner", ("dordrecht",), "Centrum voor educatie, cultuur en dialoog."
    ),
    DemoOrganisation(
        "mbod",
        "Stichting MBOD",
        "partner",
        ("dordrecht", "zwijndrecht"),
        "Stichting Maatschappelijke Betrokkenheid Ondernemers Drechtsteden.",
    ),
    DemoOrganisation(
        "roze-in-blauw",
        "Roze in Blauw Zuid-Holland Zuid",
        "partner",
        ("dordrecht", "zwijndrecht"),
        "Netwerk van de politie voor lhbtiqa+ inwoners.",
    ),
    DemoOrganisation(
        "stichting-door", "Stichting DOOR", "partner", ("dordrecht",), "Stichting voor ontmoeting en ondersteuning."
    ),
]

PLATFORM = DemoOrganisation("openinclusie", "Functioneel beheer Open Inclusie", "platform")
