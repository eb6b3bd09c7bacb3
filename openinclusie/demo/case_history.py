"""Closed demo reports of earlier years, so each ADV has whole years of
figures it can release. Made up: a few kinds of story, repeated."""

from dataclasses import dataclass
from datetime import date

from openinclusie.cases.constants import Channel, RequestType, Status

from .case_records import DemoReport


@dataclass(frozen=True)
class Theme:
    """A kind of story the history repeats, classified the same each time."""

    request_type: str
    channel: str
    description: str
    resident_grounds: tuple[str, ...]
    resident_domain: str
    grounds: tuple[str, ...]
    domain: str
    nature: str
    handlings: tuple[str, ...]
    online: bool = False


THEMES = (
    Theme(
        RequestType.KLACHT,
        Channel.PHONE,
        "Na een open sollicitatie met mijn eigen naam hoorde ik niets; met een Nederlandse naam werd ik wel "
        "uitgenodigd. (Demoverhaal, verzonnen.)",
        ("origin",),
        "job_seeking",
        ("herkomst",),
        "arbeidsmarkt",
        "omstreden-behandeling",
        ("advies-informatie",),
    ),
    Theme(
        RequestType.KLACHT,
        Channel.WALK_IN,
        "Een buurman roept steeds iets over mijn hoofddoek als ik langs zijn tuin loop. (Demoverhaal, verzonnen.)",
        ("religion",),
        "neighbourhood",
        ("moslimdiscriminatie",),
        "buurt-wijk",
        "vijandige-bejegening",
        ("bemiddeling",),
    ),
    Theme(
        RequestType.MELDING,
        Channel.EMAIL,
        "Onder een bericht over de Pride-vlag bij het gemeentehuis stonden reacties die homo's uitschelden. "
        "(Demoverhaal, verzonnen.)",
        ("sexual_orientation",),
        "internet",
        ("seksuele-gerichtheid",),
        "internet-sociale-media",
        "vijandige-bejegening",
        ("advies-informatie",),
        online=True,
    ),
    Theme(
        RequestType.KLACHT,
        Channel.EMAIL,
        "De woningcorporatie wil geen drempelhulp plaatsen voor mijn rolstoel. (Demoverhaal, verzonnen.)",
        ("disability",),
        "housing",
        ("handicap-chronische-ziekte",),
        "huisvesting",
        "omstreden-behandeling",
        ("advies-informatie", "bemiddeling"),
    ),
    Theme(
        RequestType.MELDING,
        Channel.PHONE,
        "Bij de deur van een café mochten mijn vrienden en ik niet naar binnen, 'vanavond alleen vaste gasten'. "
        "(Demoverhaal, verzonnen.)",
        ("origin",),
        "going_out",
        ("herkomst",),
        "horeca-amusement",
        "omstreden-behandeling",
        ("advies-informatie",),
    ),
    Theme(
        RequestType.KLACHT,
        Channel.PHONE,
        "Mijn tijdelijke contract werd niet verlengd toen ik vertelde dat ik zwanger ben. (Demoverhaal, verzonnen.)",
        ("gender",),
        "work",
        ("zwangerschap-moederschap",),
        "arbeidsmarkt",
        "omstreden-behandeling",
        ("advies-informatie", "doorverwijzing"),
    ),
    Theme(
        RequestType.MELDING,
        Channel.WALK_IN,
        "In de winkel liep een medewerker steeds achter mij aan, de andere klanten niet. (Demoverhaal, verzonnen.)",
        ("origin",),
        "shop_service",
        ("anti-zwart-racisme",),
        "commerciele-dienstverlening",
        "omstreden-behandeling",
        ("advies-informatie",),
    ),
    Theme(
        RequestType.KLACHT,
        Channel.EMAIL,
        "Een uitzendbureau schrijft dat de opdrachtgever 'liever geen 55-plussers' wil. (Demoverhaal, verzonnen.)",
        ("age",),
        "job_seeking",
        ("leeftijd",),
        "arbeidsmarkt",
        "omstreden-behandeling",
        ("advies-informatie",),
    ),
)

# Closed reports per municipality and earlier year: demo numbers, made up.
HISTORY_COUNTS = {
    ("zoetermeer", 2024): 9,
    ("zoetermeer", 2025): 12,
    ("dordrecht", 2023): 8,
    ("dordrecht", 2024): 11,
    ("dordrecht", 2025): 13,
    ("zwijndrecht", 2024): 6,
    ("zwijndrecht", 2025): 7,
}
# Where a reporter from outside the demo municipalities lives.
ELSEWHERE = {"zoetermeer": "Leidschendam-Voorburg", "dordrecht": "Papendrecht", "zwijndrecht": "Hendrik-Ido-Ambacht"}


def _history(slug: str, year: int, count: int) -> list[DemoReport]:
    """``count`` closed reports spread over the year, the themes in turn."""
    reports = []
    for index in range(count):
        theme = THEMES[(index + year) % len(THEMES)]
        reports.append(
            DemoReport(
                f"{slug}-{year}-{index + 1:02d}",
                slug,
                theme.channel,
                theme.request_type,
                Status.CLOSED if theme.request_type == RequestType.KLACHT else Status.REGISTERED,
                0,
                theme.description,
                theme.resident_grounds,
                theme.resident_domain,
                grounds=theme.grounds,
                domain=theme.domain,
                nature=theme.nature,
                handlings=theme.handlings,
                online=theme.online,
                # Reporters who asked for help agreed that the ADV contacts the other party.
                consent=theme.request_type == RequestType.KLACHT,
                received_on=date(year, 1 + index * 12 // count, 2 + index * 11 % 26),
                lives_elsewhere=ELSEWHERE[slug] if index % 5 == 4 and not theme.online else "",
                intake_location=_walk_in_location(slug, year, index) if theme.channel == Channel.WALK_IN else "",
            )
        )
    return reports


def _walk_in_location(slug: str, year: int, index: int) -> str:
    """Radar's walk-ins in Dordrecht came in at its pop-up locations."""
    if slug != "dordrecht":
        return ""
    if year <= 2023:
        return "Pop-up Weekmarkt Sterrenburg"
    return ("Pop-up Bibliotheek Dordrecht", "Pop-up Wijkcentrum Dordt West")[index % 2]


HISTORY = [report for (slug, year), count in HISTORY_COUNTS.items() for report in _history(slug, year, count)]
