"""Zoetermeer: Uitvoeringsprogramma Inclusie en diversiteit 2025-2026, with
the Meerjarenvisie 2024-2040. Lines, objectives and activities as in the
seed document; statuses, updates and numbers are demo data."""

from decimal import Decimal

from .records import DEMO_NOTE, MUNICIPALITY, A, D, DemoProgramme, I, L, P, U

NETWORK = None  # "Het netwerk I&D" as a whole

LINE_1 = L(
    1,
    "Stimuleren van inclusief samenleven en de acceptatie van verschillen",
    "Antidiscriminatievoorziening centraal; voorkomen is beter dan genezen; discriminatievormen en terreinen; "
    "de gemeente als voorbeeld; het Zoetermeerse pakket.",
    (
        "We vergroten de vindbaarheid en zichtbaarheid van de antidiscriminatievoorziening",
        "We hebben een beter beeld welke vormen discriminatie voorkomen in Zoetermeer",
        "We hebben een beter beeld van spanningen en invloeden op groepen die kunnen leiden tot polarisatie",
        "We bevorderen de vaardigheden van inwoners voor gelijkwaardige kansen in Zoetermeer, zoals gelijke kansen "
        "op de arbeidsmarkt en gelijke behandeling",
    ),
    (
        A(
            1,
            "Zichtbaarheidscampagnes over discriminatie en het Zoetermeerse meldpunt",
            "idb",
            ("bibliotheek-zoetermeer", "gro-up-buurtwerk"),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
            tag="campagne",
            description="Stichting iDb neemt het voortouw in online en offline marketing; met het netwerk I&D komt er "
            "een plan om de meldingsstructuur te versterken en nauwkeuriger te meten.",
            updates=(
                U(
                    D(2025, 3, 21),
                    "Campagne rond 21 maart gestart: posters in bibliotheek en buurthuizen, online advertenties.",
                    by="idb",
                ),
                U(D(2026, 2, 10), "Tweede campagneronde voorbereid met het netwerk.", by="idb", after_letter=True),
            ),
        ),
        A(
            2,
            "Uitleg over werkzaamheden en rapportages van iDb aan het netwerk I&D",
            "idb",
            (),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
            tag="voorlichting",
            updates=(U(D(2025, 6, 12), "Jaarrapportage toegelicht in de netwerkbijeenkomst.", 31, 17, by="idb"),),
        ),
        A(
            3,
            "Verdiepende gesprekken met inwoners en emancipatiegroepen over ervaren discriminatiegronden",
            NETWORK,
            ("coc-haaglanden", "piezo"),
            "running",
            D(2025, 3, 1),
            D(2026, 6, 30),
            tag="dialoog",
        ),
        A(
            4,
            "In kaart brengen van discriminatie als voedingsbodem voor extremisme en radicalisering "
            "(islamofobie, antisemitisme, anti-zwartracisme)",
            MUNICIPALITY,
            (),
            "planned",
            D(2025, 9, 1),
            D(2026, 6, 30),
        ),
        A(
            5,
            "Discriminatievormen en terreinen beter begrijpen en inspelen op de behoefte van groepen",
            MUNICIPALITY,
            ("wijck",),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
        ),
        A(
            6,
            "Trainingsaanbod van het ROR aanbieden aan het netwerk I&D",
            MUNICIPALITY,
            (),
            "done",
            D(2025, 2, 1),
            D(2025, 11, 30),
            D(2025, 11, 20),
            tag="training",
            updates=(
                U(D(2025, 5, 15), "Basistraining ROR voor professionals uit het netwerk.", 16, 9),
                U(D(2025, 11, 20), "Verdiepingstraining ROR afgerond.", 12, 7),
            ),
        ),
        A(
            7,
            "Informatiepositie en preventief aanbod in het onderwijs verkennen (0 tot 100)",
            NETWORK,
            ("coc-haaglanden",),
            "planned",
            D(2026, 1, 1),
            D(2026, 12, 31),
        ),
        A(
            8,
            "Verkennen welke informatie minimaal nodig is voor het Zoetermeerse pakket voor nieuwkomers",
            MUNICIPALITY,
            ("bibliotheek-zoetermeer",),
            "running",
            D(2025, 4, 1),
            D(2026, 3, 31),
        ),
    ),
)

LINE_2 = L(
    2,
    "Structurele ontmoetingen tussen Zoetermeerders",
    "Samen luisteren in Zoetermeer: dialogen en gesprekken voor en door inwoners, met de methodiek Samenleven in "
    "Verscheidenheid en de pilot Democratisch Dialoog van de ESS.",
    (
        "Er is meer begrip en respect voor verschillen en daardoor een afname van vooroordelen en onderling onbegrip "
        "tussen (buurt)bewoners",
        "De ontmoetingsmogelijkheden tussen verschillende groepen Zoetermeerders nemen toe",
        "Er worden nieuwe invalshoeken ingezet om ontmoetingen te stimuleren en verdeeldheid te verkleinen",
        "Er is aandacht en zorg bij grote mate van verdeeldheid en een mogelijke voedingsbodem voor polarisatie",
    ),
    (
        A(
            1,
            "Samenleven in Verscheidenheid wordt leidend bij de keuze van interventies",
            MUNICIPALITY,
            (),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
        ),
        A(
            2,
            "Werkgroep 'Samen luisteren in Zoetermeer' organiseert dialogen in wijken en buurten",
            NETWORK,
            ("gro-up-buurtwerk", "wijck", "bibliotheek-zoetermeer"),
            "running",
            D(2025, 2, 1),
            D(2026, 12, 31),
            tag="dialoog",
            updates=(
                U(
                    D(2025, 4, 17),
                    "Eerste wijkdialoog in Palenstein.",
                    28,
                    by="gro-up-buurtwerk",
                    links=("https://www.gro-up.example/nieuws/wijkdialoog-palenstein",),
                    photo=P(
                        "Getekende demofoto: vijf buurtbewoners voor een spandoek in het buurthuis in Palenstein.",
                        "#f4efe1",
                        ("#00664f", "#f2a900", "#3f7fbf"),
                    ),
                ),
                U(D(2025, 10, 2), "Dialoog in Oosterheem over samenleven in de buurt.", 35, by="wijck"),
                U(
                    D(2026, 1, 22),
                    "Dialoog in Meerzicht voorbereid.",
                    by="wijck",
                    after_letter=True,
                    links=("https://www.wijck.example/agenda/wijkdialoog-meerzicht",),
                ),
            ),
        ),
        A(
            3,
            "Programma's op de belangrijke dagen en weken van de contentkalender",
            NETWORK,
            ("bibliotheek-zoetermeer", "coc-haaglanden", "piezo"),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
            tag="themadag",
            description="Week tegen Racisme en Discriminatie, Keti Koti, StadsIftar, Vredesweek, Week van Respect, "
            "Coming Out Day.",
            updates=(
                U(
                    D(2025, 10, 11),
                    "Coming Out Day in de bibliotheek met COC Haaglanden.",
                    60,
                    by="coc-haaglanden",
                    links=("https://www.cochaaglanden.example/agenda/coming-out-day-zoetermeer-2025",),
                    photo=P(
                        "Getekende demofoto: bezoekers van Coming Out Day onder een regenboogvlag in de bibliotheek.",
                        "#eef3f8",
                        ("#e40303", "#ff8c00", "#ffed00", "#008026", "#24408e", "#732982"),
                    ),
                ),
            ),
        ),
        A(
            4,
            "Dialogen verrijken met een culturele invalshoek (theater, muziek, dans, film en eten)",
            NETWORK,
            ("open-mind",),
            "planned",
            D(2025, 9, 1),
            D(2026, 12, 31),
        ),
        A(
            5,
            "StadsIftar tijdens de ramadan",
            NETWORK,
            ("piezo",),
            "done",
            D(2025, 3, 1),
            D(2025, 3, 29),
            D(2025, 3, 22),
            tag="themadag",
            updates=(
                U(
                    D(2025, 3, 22),
                    "StadsIftar met ruim tweehonderd gasten.",
                    210,
                    8,
                    by="piezo",
                    links=("https://www.piezo.example/terugblik/stadsiftar-2025",),
                ),
            ),
        ),
        A(
            6,
            "Deelname aan de pilot Democratisch Dialoog van de ESS; kennis delen in netwerkbijeenkomsten",
            MUNICIPALITY,
            (),
            "running",
            D(2025, 1, 1),
            D(2026, 6, 30),
        ),
        A(
            7,
            "Trainingen voor (vrijwillige) gespreksleiders",
            NETWORK,
            ("wijck",),
            "planned",
            D(2026, 2, 1),
            D(2026, 6, 30),
            tag="training",
        ),
        A(
            8,
            "Structurele bijeenkomsten en activiteiten voor een grote, diverse groep inwoners",
            NETWORK,
            ("gro-up-buurtwerk",),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
        ),
        A(
            9,
            "Activiteiten van organisaties zonder primaire opdracht op inclusie (Borduurtuin Kunststudio Franx, "
            "Buren- en Culturendag Eigen Wij)",
            NETWORK,
            (),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
        ),
    ),
)

LINE_3 = L(
    3,
    "Het vergroten van kennis en (handelings)vaardigheden",
    "(H)erkennen, signaleren en verder helpen; bestaande netwerken; Regenboogsteden; Vrouwen van Zoetermeer; "
    "Comité Slavernijverleden.",
    (
        "We besteden aandacht aan het vergroten van bewustwording op een inclusieve, diverse en veilige stad",
        "Het netwerk van professionals in de stad heeft meer kennis over het herkennen, een vergrote sensitiviteit "
        "voor het signaleren en beter ontwikkelde handelingsperspectieven",
    ),
    (
        A(
            1,
            "Deelname aan de landelijke samenwerking Regenboogsteden 2023-2026",
            MUNICIPALITY,
            (),
            "done",
            D(2023, 1, 1),
            D(2023, 12, 31),
            D(2023, 6, 30),
        ),
        A(
            2,
            "Uitvoeringsbeleidsplan Regenboogsteden 2023-2026 uitvoeren",
            "coc-haaglanden",
            ("bibliotheek-zoetermeer", "gro-up-buurtwerk"),
            "running",
            D(2023, 1, 1),
            D(2026, 12, 31),
        ),
        A(
            3,
            "Trainingen in de stad over (h)erkennen, signaleren en verder helpen bij discriminatie",
            NETWORK,
            ("idb",),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
            tag="training",
            objective=2,
            updates=(U(D(2025, 9, 25), "Training voor medewerkers van buurthuizen.", 14, 6, by="idb"),),
        ),
        A(
            4,
            "Let's Connect voor queerjongeren",
            "coc-haaglanden",
            (),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
            updates=(U(D(2025, 6, 5), "Maandelijkse avonden lopen; groep groeit.", 18, by="coc-haaglanden"),),
        ),
        A(
            5,
            "Twee voorstellingen MOED van PS Theater (jongeren; mbo-docenten en begeleiders)",
            NETWORK,
            ("open-mind",),
            "done",
            D(2025, 2, 1),
            D(2025, 11, 30),
            D(2025, 11, 6),
            tag="voorstelling",
            updates=(
                U(D(2025, 4, 10), "Voorstelling voor jongeren in het Stadstheater.", 240),
                U(D(2025, 11, 6), "Voorstelling voor mbo-docenten en begeleiders.", 85),
            ),
        ),
        A(
            6,
            "Internationale Vrouwendag op 8 maart 2025 en zes netwerkbijeenkomsten van de Vrouwen van Zoetermeer",
            "wijck",
            ("bibliotheek-zoetermeer", "piezo"),
            "done",
            D(2025, 3, 8),
            D(2025, 12, 31),
            D(2025, 12, 11),
            tag="netwerkbijeenkomst",
            updates=(U(D(2025, 3, 8), "Vrouwendag in de bibliotheek.", 150, by="wijck"),),
        ),
        A(
            7,
            "Zichtbaar deelnemen aan Orange the World",
            MUNICIPALITY,
            (),
            "done",
            D(2025, 11, 25),
            D(2025, 12, 10),
            D(2025, 12, 10),
            tag="themadag",
        ),
        A(
            8,
            "Waardige herdenking 1 juli Keti Koti, met het Comité Slavernijverleden",
            MUNICIPALITY,
            (),
            "running",
            D(2025, 1, 1),
            D(2026, 7, 1),
            tag="themadag",
            updates=(
                U(
                    D(2025, 7, 1),
                    "Herdenking en viering Keti Koti; eindrapport Monsanto Mission Management "
                    "gepresenteerd aan netwerk en raad.",
                ),
            ),
        ),
    ),
)

LINE_4 = L(
    4,
    "Het versterken van netwerken",
    "De kracht van het netwerk: de gemeente faciliteert, inwoners en organisaties nemen het voortouw.",
    (
        "We versterken het huidige netwerk door inwoners en (belangen)organisaties in eigen kracht en eigen "
        "expertise een rol te geven in de uitvoering",
        "We inventariseren welke uitbreidingsbehoefte het netwerk heeft",
        "We vergroten de mogelijkheden om te netwerken op wijk- en buurtniveau",
        "Netwerken en hun plannen worden slimmer verbonden aan grote en belangrijke thema's die overlappen",
    ),
    (
        A(
            1,
            "Het belang en de behoefte van inwoners staan centraal in de uitvoeringsagenda",
            NETWORK,
            (),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
        ),
        A(
            2,
            "Partners vullen samen de contentkalender voor belangrijke dagen en weken",
            NETWORK,
            ("bibliotheek-zoetermeer", "coc-haaglanden"),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
        ),
        A(
            3,
            "Uitbreiden en betrekken van belangenorganisaties (zoals SNCV Paloeloe en Stichting Herdenking "
            "Slavernijverleden)",
            MUNICIPALITY,
            (),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
            objective=2,
        ),
        A(
            4,
            "Twee netwerkbijeenkomsten per jaar voor het netwerk I&D",
            MUNICIPALITY,
            ("idb", "bibliotheek-zoetermeer"),
            "running",
            D(2025, 1, 1),
            D(2026, 12, 31),
            tag="netwerkbijeenkomst",
            updates=(
                U(D(2025, 6, 12), "Netwerkbijeenkomst voorjaar: jaarcijfers iDb en plannen.", 55, 24),
                U(
                    D(2025, 11, 13),
                    "Netwerkbijeenkomst najaar over Samen luisteren.",
                    48,
                    21,
                    links=("https://www.zoetermeer.example/inclusie/verslag-netwerkbijeenkomst-najaar-2025",),
                ),
            ),
        ),
    ),
)

ZOETERMEER = DemoProgramme(
    municipality="zoetermeer",
    vision_title="Meerjarenvisie Inclusie en Diversiteit 2024-2040",
    vision_years=(2024, 2040),
    ambition="Zoetermeer is een stad met ruimte voor verschillen. Een stad waar respect, gelijkwaardigheid en "
    "compassie kernwaarden zijn en waar discriminatie en sociale uitsluiting geen plek hebben. In Zoetermeer voeren "
    "we met elkaar het gesprek, ook als het even moeilijk is en geven we emancipatiebewegingen de ruimte om zichzelf "
    "te ontwikkelen. Iedere Zoetermeerder moet zichzelf kunnen zijn en zich vrij en veilig voelen om dat te uiten.",
    vision_summary="Tweesporenbeleid: de aanpak van discriminatie en sociale uitsluiting, en het faciliteren van "
    "emancipatiebewegingen.",
    name="Uitvoeringsprogramma Inclusie en diversiteit",
    years=(2025, 2026),
    introduction="Dit uitvoeringsplan hoort bij de meerjarenvisie 2024-2040 en legt uit welke activiteiten en "
    "plannen er zijn voor 2025 en 2026. Alles voeren we samen uit met het samenwerkingsnetwerk Inclusie & "
    "Diversiteit; de Zoetermeerse inwoners staan centraal.",
    lines=(LINE_1, LINE_2, LINE_3, LINE_4),
    indicators=(
        I(
            1,
            1,
            "Bekendheid van de antidiscriminatievoorziening",
            "Aandeel inwoners (18+) dat weet waar zij discriminatie kunnen melden, uit de stadspeiling.",
            "%",
            baseline=(Decimal("21"), D(2024, 5, 1)),
            target=(Decimal("35"), D(2026, 12, 31)),
            measurements=((D(2025, 5, 1), Decimal("26"), DEMO_NOTE),),
        ),
        I(
            1,
            2,
            "Meldingen van discriminatie per jaar",
            "Aantal meldingen bij iDb over Zoetermeer, uit de vrijgegeven cijfers (na geheimhoudingscontrole).",
            "meldingen",
            source="figures",
            figures="reports_total",
        ),
        I(
            2,
            2,
            "Deelnemers aan dialogen",
            "Aantal inwoners dat meedeed aan een wijkdialoog of stadsgesprek.",
            "deelnemers",
            source="activities",
            tag="dialoog",
            measure="participants",
            target=(Decimal("150"), D(2026, 12, 31)),
        ),
        I(
            3,
            2,
            "Trainingen (h)erkennen en signaleren gehouden",
            "Aantal afgeronde trainingen voor professionals en vrijwilligers.",
            "trainingen",
            source="activities",
            tag="training",
            measure="done_count",
            baseline=(Decimal("0"), D(2024, 12, 31)),
            target=(Decimal("4"), D(2026, 12, 31)),
        ),
        I(
            3,
            2,
            "Organisaties getraind",
            "Aantal organisaties dat meedeed aan een training.",
            "organisaties",
            source="activities",
            tag="training",
            measure="organisations",
            baseline=(Decimal("0"), D(2024, 12, 31)),
            target=(Decimal("30"), D(2026, 12, 31)),
        ),
        I(
            4,
            1,
            "Organisaties op de netwerkbijeenkomsten",
            "Aantal organisaties op de netwerkbijeenkomsten van het netwerk I&D.",
            "organisaties",
            source="activities",
            tag="netwerkbijeenkomst",
            measure="organisations",
            baseline=(Decimal("18"), D(2024, 12, 31)),
            target=(Decimal("30"), D(2026, 12, 31)),
        ),
    ),
    published_year=2025,
    draft_year=2026,
    letter_texts={
        "introduction": "Geachte leden van de raad,\n\nMet deze brief informeren wij u over de voortgang van het "
        "uitvoeringsprogramma Inclusie en diversiteit in 2025, het eerste jaar van het programma.",
        "line-2": "'Samen luisteren in Zoetermeer' is van start gegaan: de werkgroep van het netwerk hield de "
        "eerste wijkdialogen in Palenstein en Oosterheem.",
        "closing": "Wij danken alle partners in het netwerk Inclusie & Diversiteit voor hun inzet.\n\n"
        "Dit is een demonstratiebrief met fictieve cijfers.",
    },
)
