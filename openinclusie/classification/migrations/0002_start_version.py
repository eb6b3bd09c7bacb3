"""Seeds the start version of the national registration code lists.

The data below is a frozen copy of ``classification/start_version.py`` (a
migration must not import app code that may change later). Running it again
adds only what is missing; it makes the version current only when no other
version is. Reversing removes the start version, unless reports use it.
"""

import datetime

from django.db import migrations
from django.db.migrations.exceptions import IrreversibleError
from django.db.models import Q

NAME = "Landelijke registratie (startversie)"
VALID_FROM = datetime.date(2011, 1, 1)
NOTES = """\
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

STEP = 10

# kind -> ((code, label_nl, label_en, ((sub_code, label_nl, label_en), ...)), ...)
LISTS = {
    "ground": (
        (
            "herkomst",
            "Herkomst (ras, huidskleur, afkomst, etniciteit)",
            "Origin (race, skin colour, descent, ethnicity)",
            (
                ("antisemitisme", "Antisemitisme", "Antisemitism"),
                ("moslimdiscriminatie", "Moslimdiscriminatie", "Anti-Muslim discrimination"),
                ("anti-zwart-racisme", "Anti-zwart racisme", "Anti-Black racism"),
                (
                    "antiziganisme",
                    "Antiziganisme (Roma, Sinti, woonwagenbewoners)",
                    "Antigypsyism (Roma, Sinti, caravan dwellers)",
                ),
            ),
        ),
        ("godsdienst", "Godsdienst", "Religion", ()),
        ("levensovertuiging", "Levensovertuiging", "Belief", ()),
        (
            "geslacht",
            "Geslacht",
            "Sex",
            (
                ("transgender-genderidentiteit", "Transgender / genderidentiteit", "Transgender / gender identity"),
                ("zwangerschap-moederschap", "Zwangerschap en moederschap", "Pregnancy and motherhood"),
            ),
        ),
        ("seksuele-gerichtheid", "Seksuele gerichtheid", "Sexual orientation", ()),
        ("handicap-chronische-ziekte", "Handicap of chronische ziekte", "Disability or chronic illness", ()),
        ("leeftijd", "Leeftijd", "Age", ()),
        ("nationaliteit", "Nationaliteit", "Nationality", ()),
        ("burgerlijke-staat", "Burgerlijke staat", "Marital status", ()),
        ("politieke-gezindheid", "Politieke gezindheid", "Political opinion", ()),
        ("arbeidsduur", "Arbeidsduur (voltijd of deeltijd)", "Working hours (full-time or part-time)", ()),
        ("soort-contract", "Soort contract (vast of tijdelijk)", "Type of contract (permanent or temporary)", ()),
        ("overige-gronden", "Overige (niet-wettelijke) gronden", "Other (non-statutory) grounds", ()),
        ("onbekend", "Onbekend", "Unknown", ()),
    ),
    "domain": (
        ("arbeidsmarkt", "Arbeidsmarkt", "Labour market", ()),
        ("buurt-wijk", "Buurt/wijk", "Neighbourhood", ()),
        ("huisvesting", "Huisvesting", "Housing", ()),
        ("horeca-amusement", "Horeca/amusement", "Hospitality and entertainment", ()),
        ("media-reclame", "Media/reclame", "Media and advertising", ()),
        ("internet-sociale-media", "Internet/sociale media", "Internet and social media", ()),
        (
            "politie-vreemdelingendienst-om",
            "Politie/vreemdelingendienst/OM",
            "Police, immigration service, public prosecutor",
            (),
        ),
        ("commerciele-dienstverlening", "Commerciële dienstverlening", "Commercial services", ()),
        ("politieke-publieke-opinie", "Politieke/publieke opinie", "Political and public opinion", ()),
        ("onderwijs", "Onderwijs", "Education", ()),
        ("collectieve-voorzieningen", "Collectieve voorzieningen", "Public services and facilities", ()),
        ("sport-recreatie", "Sport/recreatie", "Sport and recreation", ()),
        ("privesfeer", "Privésfeer", "Private sphere", ()),
        ("overig", "Overig", "Other", ()),
    ),
    "nature": (
        ("omstreden-behandeling", "Omstreden behandeling", "Contested treatment", ()),
        ("vijandige-bejegening", "Vijandige bejegening", "Hostile treatment", ()),
        ("geweld", "Geweld", "Violence", ()),
        ("bedreiging", "Bedreiging", "Threat", ()),
        ("overig", "Overig", "Other", ()),
    ),
    "handling": (
        ("advies-informatie", "Advies en informatie", "Advice and information", ()),
        ("bemiddeling", "Bemiddeling", "Mediation", ()),
        (
            "bijstand-klachtprocedure",
            "Bijstand bij klachtprocedure of verzoek aan het College voor de Rechten van de Mens",
            "Assistance with a complaint procedure or a request to the Netherlands Institute for Human Rights",
            (),
        ),
        ("ondersteuning-aangifte", "Ondersteuning bij aangifte", "Support in reporting to the police", ()),
        ("doorverwijzing", "Doorverwijzing", "Referral", ()),
        ("eigen-onderzoek", "Eigen onderzoek", "Own investigation", ()),
        ("beleidsbeinvloeding", "Beleidsbeïnvloeding", "Influencing policy", ()),
    ),
}


def seed(apps, schema_editor):
    CodeListVersion = apps.get_model("classification", "CodeListVersion")
    Code = apps.get_model("classification", "Code")
    version = CodeListVersion.objects.filter(name=NAME).first()
    if version is None:
        version = CodeListVersion.objects.create(
            name=NAME,
            valid_from=VALID_FROM,
            notes=NOTES,
            is_current=not CodeListVersion.objects.filter(is_current=True).exists(),
        )
    for kind, codes in LISTS.items():
        for index, (code, label_nl, label_en, children) in enumerate(codes, start=1):
            parent, _created = Code.objects.get_or_create(
                version=version,
                kind=kind,
                code=code,
                defaults={"label_nl": label_nl, "label_en": label_en, "position": index * STEP},
            )
            for child_index, (child_code, child_nl, child_en) in enumerate(children, start=1):
                Code.objects.get_or_create(
                    version=version,
                    kind=kind,
                    code=child_code,
                    defaults={
                        "label_nl": child_nl,
                        "label_en": child_en,
                        "parent": parent,
                        "position": child_index * STEP,
                    },
                )


def unseed(apps, schema_editor):
    CodeListVersion = apps.get_model("classification", "CodeListVersion")
    Code = apps.get_model("classification", "Code")
    version = CodeListVersion.objects.filter(name=NAME).first()
    if version is None:
        return
    try:
        Report = apps.get_model("cases", "Report")
    except LookupError:
        Report = None
    if Report is not None and Report.objects.filter(
        Q(classification_version=version)
        | Q(grounds__version=version)
        | Q(handlings__version=version)
        | Q(domain__version=version)
        | Q(nature__version=version)
    ).exists():
        raise IrreversibleError(f"Reports are registered under '{NAME}'; the start version cannot be removed.")
    codes = Code.objects.filter(version=version)
    codes.filter(parent__isnull=False).delete()
    codes.delete()
    version.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("classification", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed, unseed),
    ]
