"""The first version of the national registration code lists.

Compiled from the public sources in ``reference/domain.md`` section 1 (CBS
analyses of the Wga registration form, the equal-treatment grounds, Art.1's
societal domains, ADV practice). The current national lists themselves were
not found, so several codes are marked UNCERTAIN in the version notes and in
``docs/classification.md``; that is why these are editable data and not
choices in code.

``migrations/0002_start_version.py`` carries a frozen copy of this data, as
data migrations must. A test keeps the two equal: the start version is
history, so a change belongs in a new version made with ``copy_version``,
not here.
"""

from dataclasses import dataclass
from datetime import date

from .models import CodeKind

START_VERSION_NAME = "Landelijke registratie (startversie)"
# The standard registration form of the Regeling registratieformulier
# antidiscriminatievoorzieningen applies since 1 January 2011.
START_VERSION_VALID_FROM = date(2011, 1, 1)

START_VERSION_NOTES = """\
Startversie, samengesteld uit openbare bronnen (CBS-analyses van het registratieformulier Wga, \
de gronden uit de gelijkebehandelingswetgeving, de terreinen van Art.1, de werkwijze van ADV's). \
De actuele landelijke codelijsten van Discriminatie.nl zijn niet gevonden. Onzeker:
- Subgronden: alleen antisemitisme en moslimdiscriminatie zijn in landelijke cijfers gezien. \
Anti-zwart racisme, antiziganisme, transgender/genderidentiteit en zwangerschap/moederschap \
zijn niet bevestigd als landelijke codes.
- Antisemitisme en moslimdiscriminatie staan onder herkomst; bronnen verschillen \
(CBS 2012 en politie: eigen grond; KIS: onder godsdienst).
- Terrein 'Internet/sociale media' is toegevoegd naast 'Media/reclame'; niet bevestigd als \
landelijk terrein. Tel het bij 'Media/reclame' als de landelijke lijst het niet kent. \
De lijst van terreinen (Art.1 Noord-Holland Noord) is van voor de Wga.
- Aard: 'bedreiging' en 'overig' zijn niet bevestigd als categorieën van het formulier.
- Afhandeling: 'bemiddeling' en 'ondersteuning bij aangifte' komen uit de werkwijze van ADV's, \
niet uit de landelijke cijfers (CBS noemt 'bijstand in een vervolgprocedure')."""


@dataclass(frozen=True)
class CodeSpec:
    code: str
    label_nl: str
    label_en: str
    children: tuple["CodeSpec", ...] = ()


def _ground(code: str, label_nl: str, label_en: str, *children: CodeSpec) -> CodeSpec:
    return CodeSpec(code, label_nl, label_en, children)


GROUNDS: tuple[CodeSpec, ...] = (
    _ground(
        "herkomst",
        "Herkomst (ras, huidskleur, afkomst, etniciteit)",
        "Origin (race, skin colour, descent, ethnicity)",
        CodeSpec("antisemitisme", "Antisemitisme", "Antisemitism"),
        CodeSpec("moslimdiscriminatie", "Moslimdiscriminatie", "Anti-Muslim discrimination"),
        CodeSpec("anti-zwart-racisme", "Anti-zwart racisme", "Anti-Black racism"),
        CodeSpec(
            "antiziganisme",
            "Antiziganisme (Roma, Sinti, woonwagenbewoners)",
            "Antigypsyism (Roma, Sinti, caravan dwellers)",
        ),
    ),
    _ground("godsdienst", "Godsdienst", "Religion"),
    _ground("levensovertuiging", "Levensovertuiging", "Belief"),
    _ground(
        "geslacht",
        "Geslacht",
        "Sex",
        CodeSpec("transgender-genderidentiteit", "Transgender / genderidentiteit", "Transgender / gender identity"),
        CodeSpec("zwangerschap-moederschap", "Zwangerschap en moederschap", "Pregnancy and motherhood"),
    ),
    _ground("seksuele-gerichtheid", "Seksuele gerichtheid", "Sexual orientation"),
    _ground("handicap-chronische-ziekte", "Handicap of chronische ziekte", "Disability or chronic illness"),
    _ground("leeftijd", "Leeftijd", "Age"),
    _ground("nationaliteit", "Nationaliteit", "Nationality"),
    _ground("burgerlijke-staat", "Burgerlijke staat", "Marital status"),
    _ground("politieke-gezindheid", "Politieke gezindheid", "Political opinion"),
    _ground("arbeidsduur", "Arbeidsduur (voltijd of deeltijd)", "Working hours (full-time or part-time)"),
    _ground("soort-contract", "Soort contract (vast of tijdelijk)", "Type of contract (permanent or temporary)"),
    _ground("overige-gronden", "Overige (niet-wettelijke) gronden", "Other (non-statutory) grounds"),
    _ground("onbekend", "Onbekend", "Unknown"),
)

DOMAINS: tuple[CodeSpec, ...] = (
    CodeSpec("arbeidsmarkt", "Arbeidsmarkt", "Labour market"),
    CodeSpec("buurt-wijk", "Buurt/wijk", "Neighbourhood"),
    CodeSpec("huisvesting", "Huisvesting", "Housing"),
    CodeSpec("horeca-amusement", "Horeca/amusement", "Hospitality and entertainment"),
    CodeSpec("media-reclame", "Media/reclame", "Media and advertising"),
    CodeSpec("internet-sociale-media", "Internet/sociale media", "Internet and social media"),
    CodeSpec(
        "politie-vreemdelingendienst-om",
        "Politie/vreemdelingendienst/OM",
        "Police, immigration service, public prosecutor",
    ),
    CodeSpec("commerciele-dienstverlening", "Commerciële dienstverlening", "Commercial services"),
    CodeSpec("politieke-publieke-opinie", "Politieke/publieke opinie", "Political and public opinion"),
    CodeSpec("onderwijs", "Onderwijs", "Education"),
    CodeSpec("collectieve-voorzieningen", "Collectieve voorzieningen", "Public services and facilities"),
    CodeSpec("sport-recreatie", "Sport/recreatie", "Sport and recreation"),
    CodeSpec("privesfeer", "Privésfeer", "Private sphere"),
    CodeSpec("overig", "Overig", "Other"),
)

NATURES: tuple[CodeSpec, ...] = (
    CodeSpec("omstreden-behandeling", "Omstreden behandeling", "Contested treatment"),
    CodeSpec("vijandige-bejegening", "Vijandige bejegening", "Hostile treatment"),
    CodeSpec("geweld", "Geweld", "Violence"),
    CodeSpec("bedreiging", "Bedreiging", "Threat"),
    CodeSpec("overig", "Overig", "Other"),
)

HANDLINGS: tuple[CodeSpec, ...] = (
    CodeSpec("advies-informatie", "Advies en informatie", "Advice and information"),
    CodeSpec("bemiddeling", "Bemiddeling", "Mediation"),
    CodeSpec(
        "bijstand-klachtprocedure",
        "Bijstand bij klachtprocedure of verzoek aan het College voor de Rechten van de Mens",
        "Assistance with a complaint procedure or a request to the Netherlands Institute for Human Rights",
    ),
    CodeSpec("ondersteuning-aangifte", "Ondersteuning bij aangifte", "Support in reporting to the police"),
    CodeSpec("doorverwijzing", "Doorverwijzing", "Referral"),
    CodeSpec("eigen-onderzoek", "Eigen onderzoek", "Own investigation"),
    CodeSpec("beleidsbeinvloeding", "Beleidsbeïnvloeding", "Influencing policy"),
)

# Handling that is a step towards the other party (the person or
# organisation the report is about): the ADV registers it only with the
# reporter's recorded consent. "Data is shared with the other party only if
# the reporter chooses mediation" (reference/domain.md); a complaint
# procedure addresses the other party too.
START_TOWARDS_OTHER_PARTY = frozenset({"bemiddeling", "bijstand-klachtprocedure"})

START_LISTS: dict[CodeKind, tuple[CodeSpec, ...]] = {
    CodeKind.GROUND: GROUNDS,
    CodeKind.DOMAIN: DOMAINS,
    CodeKind.NATURE: NATURES,
    CodeKind.HANDLING: HANDLINGS,
}

# Codes are numbered in steps of ten so a code can be put between two others.
POSITION_STEP = 10
