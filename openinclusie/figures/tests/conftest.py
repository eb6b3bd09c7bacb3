"""The hand-counted data set: every figure of Alfastad 2025 below was
counted by hand from this list, see ``test_counting.py``.

Alfastad (A-town) is ``world["town_a"]``, served by ADV Alfa; Betadorp is
``world["town_b"]``. Columns seen from Alfastad: A residents about an
incident in Alfastad, B residents about an incident elsewhere, C others
about an incident in Alfastad.

    ref  lives  happened  column(A-town)  ground(s)              when (Amsterdam time)
    r1   A      A         A               herkomst               15 Jan
    r2   A      A         A               herkomst+antisemitisme 10 Feb
    r3   A      A         A               godsdienst             3 Apr
    r4   A      B         B  (C for B)    herkomst               30 Jun 23:30 (still Q2)
    r5   A      online    B               leeftijd               1 Jul 00:30 (Q3 here, Q2 in UTC)
    r6   B      A         C  (B for B)    herkomst               5 Oct
    r7   ?      A         C               (not classified)       31 Dec 23:30 (2025 here)
    r8   A      A         -  (2026)       -                      1 Jan 2026 00:30 (2025 in UTC)
    r9-11 mass: online; r9, r10 live in A (B, mass), r11 in B  1 Mar
    r12,13 A    A         A, one incident godsdienst            5 May
    r14  Utrecht A        C               antisemitisme only     8 Aug
    r15  A      unknown   B               (not classified)       11 Nov
    r16  A      A         -  (2024)
    r17  B      B         (ADV Beta; A for B)
"""

import pytest

from openinclusie.cases.constants import Channel
from openinclusie.organisations.tests.factories import NeighbourhoodFactory

from .factories import incident, local, report


@pytest.fixture
def counted(world):
    adv = world["adv_a"]
    here, there = world["town_a"], world["town_b"]
    north = NeighbourhoodFactory(municipality=here, name="Noord")
    south = NeighbourhoodFactory(municipality=here, name="Zuid")
    mass = incident(adv, mass=True)
    shared = incident(adv)
    reports = {
        "r1": report(
            adv,
            at=local(2025, 1, 15),
            lives=here,
            happened=here,
            neighbourhood=north,
            grounds=["herkomst"],
            domain="arbeidsmarkt",
            nature="omstreden-behandeling",
            handlings=["advies-informatie"],
            channel=Channel.PHONE,
        ),
        "r2": report(
            adv,
            at=local(2025, 2, 10),
            lives=here,
            happened=here,
            neighbourhood=north,
            grounds=["herkomst", "antisemitisme"],
            domain="arbeidsmarkt",
            nature="vijandige-bejegening",
            handlings=["advies-informatie", "bemiddeling"],
            channel=Channel.WEB,
        ),
        "r3": report(
            adv,
            at=local(2025, 4, 3),
            lives=here,
            happened=here,
            neighbourhood=south,
            grounds=["godsdienst"],
            domain="buurt-wijk",
            nature="vijandige-bejegening",
            channel=Channel.WEB,
        ),
        "r4": report(
            adv,
            at=local(2025, 6, 30, 23, 30),
            lives=here,
            happened=there,
            grounds=["herkomst"],
            domain="horeca-amusement",
            nature="omstreden-behandeling",
            handlings=["advies-informatie"],
            channel=Channel.EMAIL,
        ),
        "r5": report(
            adv,
            at=local(2025, 7, 1, 0, 30),
            lives=here,
            online=True,
            grounds=["leeftijd"],
            domain="internet-sociale-media",
            nature="vijandige-bejegening",
            channel=Channel.WEB,
        ),
        "r6": report(
            adv,
            at=local(2025, 10, 5),
            lives=there,
            happened=here,
            neighbourhood=south,
            grounds=["herkomst"],
            domain="arbeidsmarkt",
            channel=Channel.WALK_IN,
        ),
        "r7": report(adv, at=local(2025, 12, 31, 23, 30), happened=here, channel=Channel.PHONE),
        "r8": report(adv, at=local(2026, 1, 1, 0, 30), lives=here, happened=here, grounds=["herkomst"]),
        "r9": report(
            adv,
            at=local(2025, 3, 1),
            lives=here,
            online=True,
            grounds=["herkomst"],
            linked=mass,
            domain="politieke-publieke-opinie",
            channel=Channel.WEB,
        ),
        "r10": report(
            adv,
            at=local(2025, 3, 1),
            lives=here,
            online=True,
            grounds=["herkomst"],
            linked=mass,
            domain="politieke-publieke-opinie",
            channel=Channel.WEB,
        ),
        "r11": report(
            adv,
            at=local(2025, 3, 1),
            lives=there,
            online=True,
            grounds=["herkomst"],
            linked=mass,
            domain="politieke-publieke-opinie",
            channel=Channel.WEB,
        ),
        "r12": report(
            adv,
            at=local(2025, 5, 5),
            lives=here,
            happened=here,
            grounds=["godsdienst"],
            domain="onderwijs",
            linked=shared,
            channel=Channel.PHONE,
        ),
        "r13": report(
            adv,
            at=local(2025, 5, 5),
            lives=here,
            happened=here,
            grounds=["godsdienst"],
            domain="onderwijs",
            linked=shared,
            channel=Channel.PHONE,
        ),
        "r14": report(
            adv,
            at=local(2025, 8, 8),
            elsewhere="Utrecht",
            happened=here,
            grounds=["antisemitisme"],
            channel=Channel.EMAIL,
        ),
        "r15": report(adv, at=local(2025, 11, 11), lives=here, channel=Channel.PHONE),
        "r16": report(adv, at=local(2024, 6, 1), lives=here, happened=here, grounds=["herkomst"]),
        "r17": report(world["adv_b"], at=local(2025, 6, 1), lives=there, happened=there, grounds=["herkomst"]),
    }
    return {"here": here, "there": there, "north": north, "south": south, "reports": reports, **world}
