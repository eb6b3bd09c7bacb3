"""Every cell of Alfastad's 2025 overview, counted by hand from the data set
in conftest.py, against what the module counts."""

import pytest

from openinclusie.figures.disclosure.periods import year_bounds
from openinclusie.figures.queries import unprotected_figures
from openinclusie.figures.queries.counting import collect

pytestmark = pytest.mark.django_db


def cells(table, row_key):
    row = table.row_of(row_key)
    return [cell.value for cell in row.cells] + [row.total.value if row.total else None]


def total(table, row_key):
    row = table.row_of(row_key)
    assert row.total is not None
    return row.total.value


def test_headline_three_columns_mass_apart(counted):
    figures = unprotected_figures(counted["here"], 2025)
    headline = figures["headline"]
    #                                          A  B  C  total
    assert cells(headline, "reports") == [5, 3, 3, 11]
    # r12 and r13 are one incident.
    assert cells(headline, "incidents") == [4, 3, 3, 10]
    # r9 and r10 live here and reported online: column B; r11 lives elsewhere.
    assert cells(headline, "mass_reports") == [0, 2, 0, 2]
    assert cells(headline, "mass_incidents") == [0, 1, 0, 1]


def test_grounds_count_main_ground_once_and_sub_grounds_apart(counted):
    figures = unprotected_figures(counted["here"], 2025)
    ground = figures["ground"]
    assert cells(ground, "herkomst") == [2, 1, 2, 5]  # r1 r2 | r4 | r6 r14 (sub-ground only)
    assert cells(ground, "godsdienst") == [3, 0, 0, 3]  # r3 r12 r13
    assert cells(ground, "leeftijd") == [0, 1, 0, 1]  # r5
    assert cells(ground, "-") == [0, 1, 1, 2]  # r15 | r7
    assert ground.totals is not None
    assert [c.value for c in ground.totals.cells] + [ground.totals.main_cell.value] == [5, 3, 3, 11]
    sub = figures["subground"]
    assert cells(sub, "antisemitisme") == [1, 0, 1, 2]  # r2 | r14


def test_domains_natures_handlings_channels(counted):
    figures = unprotected_figures(counted["here"], 2025)
    domain = figures["domain"]
    assert cells(domain, "arbeidsmarkt") == [2, 0, 1, 3]
    assert cells(domain, "buurt-wijk") == [1, 0, 0, 1]
    assert cells(domain, "horeca-amusement") == [0, 1, 0, 1]
    assert cells(domain, "internet-sociale-media") == [0, 1, 0, 1]
    assert cells(domain, "onderwijs") == [2, 0, 0, 2]
    assert cells(domain, "-") == [0, 1, 2, 3]
    nature = figures["nature"]
    assert cells(nature, "omstreden-behandeling") == [1, 1, 0, 2]
    assert cells(nature, "vijandige-bejegening") == [2, 1, 0, 3]
    assert cells(nature, "-") == [2, 1, 3, 6]
    handling = figures["handling"]
    assert cells(handling, "advies-informatie") == [2, 1, 0, 3]
    assert cells(handling, "bemiddeling") == [1, 0, 0, 1]
    assert cells(handling, "-") == [3, 2, 3, 8]
    channel = figures["channel"]
    assert cells(channel, "phone") == [3, 1, 1, 5]
    assert cells(channel, "web") == [2, 1, 0, 3]
    assert cells(channel, "email") == [0, 1, 1, 2]
    assert cells(channel, "walk_in") == [0, 0, 1, 1]
    assert cells(channel, "pop_up") == [0, 0, 0, 0]


def test_periods_follow_amsterdam_time(counted):
    figures = unprotected_figures(counted["here"], 2025)
    quarters = figures["quarters"]
    assert cells(quarters, "Q1") == [2, 0, 0, 2]
    assert cells(quarters, "Q2") == [3, 1, 0, 4]  # r4 at 23:30 on 30 June stays in Q2
    assert cells(quarters, "Q3") == [0, 1, 1, 2]  # r5 at 00:30 on 1 July is Q3 here
    assert cells(quarters, "Q4") == [0, 1, 2, 3]  # r7 at 23:30 on 31 December is 2025
    months = figures["months"]
    assert [row.main_cell.value for row in months.rows] == [1, 1, 0, 1, 2, 1, 1, 1, 0, 1, 1, 1]
    assert cells(unprotected_figures(counted["here"], 2026)["headline"], "reports") == [1, 0, 0, 1]  # r8


def test_neighbourhoods(counted):
    area = unprotected_figures(counted["here"], 2025)["neighbourhoods"]
    north, south = str(counted["north"].pk), str(counted["south"].pk)
    assert total(area, north) == 2  # r1 r2
    assert total(area, south) == 2  # r3 r6
    assert total(area, "-") == 4  # r7 r12 r13 r14
    columns = [column.key for column in area.columns]
    by_ground = dict(zip(columns, area.row_of(south).cells, strict=True))
    assert by_ground["godsdienst"].value == 1
    assert by_ground["herkomst"].value == 1
    assert area.totals is not None
    assert area.totals.main_cell.value == 8  # A + C


def test_other_municipality_sees_the_mirror_image(counted):
    headline = unprotected_figures(counted["there"], 2025)["headline"]
    # r17 (A), r6 (B: lives there, happened in Alfastad), r4 (C: happened there, lives in Alfastad)
    assert cells(headline, "reports") == [1, 1, 1, 3]
    assert cells(headline, "mass_reports") == [0, 1, 0, 1]  # r11


def test_one_query_per_breakdown_not_per_report(counted, django_assert_max_num_queries):
    start, end = year_bounds(2025)
    with django_assert_max_num_queries(25):
        collect([counted["here"].pk], start, end)


def test_labels_are_kept_in_every_language(counted):
    figures = unprotected_figures(counted["here"], 2025)
    q1 = figures["quarters"].row_of("Q1")
    assert q1.labels["en"] == "Quarter 1"
    assert q1.labels["nl"] != q1.labels["en"]
    merged = figures["headline"].columns[0]
    assert merged.labels["en"] == "Residents, about an incident in the municipality"
