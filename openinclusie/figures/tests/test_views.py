"""Who sees which figures: a programme officer only their own municipality
and only protected figures, a partner only where it is active, the ADV its
own municipalities exactly; every output shows hidden cells the same way."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from openinclusie.accounts.models import Role
from openinclusie.figures import services
from openinclusie.figures.models import FigureAccessLog, Release
from openinclusie.tests.pdf_support import pdf_text

from .factories import local, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def refreshed(counted):
    services.refresh(now=timezone.now())
    return counted


def dashboard(slug, **params):
    return reverse("figures:dashboard", args=[slug]) + (
        "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
    )


def test_programme_officer_sees_only_own_municipality_protected(refreshed, client_for):
    client = client_for(Role.PROGRAMME_OFFICER)
    response = client.get(dashboard("alfastad", jaar=2025))
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures.protected
    for table in figures.tables.values():
        for row in table.rows:
            for cell in (*row.cells, *((row.total,) if row.total else ())):
                assert cell.is_hidden == (cell.value is None)
    content = response.content.decode()
    assert "&lt; 5" in content
    assert response["Cache-Control"] == "no-store"
    assert client.get(dashboard("betadorp")).status_code == 404
    assert client.get(reverse("figures:overview", args=["alfastad", 2025])).status_code == 403
    assert client.get(reverse("figures:adv_dashboard")).status_code == 403
    assert FigureAccessLog.objects.filter(action="dashboard", municipality=refreshed["here"]).count() == 1


def test_partner_sees_the_municipalities_it_is_active_in(refreshed, client_for):
    client = client_for(Role.PARTNER_MEMBER)
    assert client.get(dashboard("alfastad")).status_code == 200
    assert client.get(dashboard("betadorp")).status_code == 404
    refreshed["partner_a"].active_in.add(refreshed["there"])
    assert client.get(dashboard("betadorp")).status_code == 200


def test_adv_sees_exact_figures_of_its_own_municipalities_only(refreshed, client_for):
    client = client_for(Role.ADV_CONSULTANT)
    response = client.get(reverse("figures:overview", args=["alfastad", 2025]))
    assert response.status_code == 200
    figures = response.context["figures"]
    assert not figures.protected
    assert [c.value for c in figures["headline"].row_of("reports").cells] == [5, 3, 3]
    assert client.get(reverse("figures:overview", args=["betadorp", 2025])).status_code == 404
    board = client.get(reverse("figures:adv_dashboard") + "?jaar=2025")
    assert board.status_code == 200
    assert [row.label for row in board.context["board"].municipalities.rows] == ["Alfastad"]
    # The protected preview is open to the ADV as well.
    assert client.get(dashboard("alfastad", jaar=2025, bron="actueel")).status_code == 200


def test_recount_brings_the_overview_up_to_date(refreshed, client_for):
    client = client_for(Role.ADV_CONSULTANT)
    url = reverse("figures:overview", args=["alfastad", 2025])
    report(refreshed["adv_a"], at=local(2025, 4, 4), lives=refreshed["here"], happened=refreshed["here"])
    before = client.get(url).context["figures"]["headline"].row_of("reports").cells[0].value
    assert client.post(reverse("figures:recount", args=["alfastad", 2025])).status_code == 302
    after = client.get(url).context["figures"]["headline"].row_of("reports").cells[0].value
    assert (before, after) == (5, 6)
    assert (
        client_for(Role.PROGRAMME_OFFICER).post(reverse("figures:recount", args=["alfastad", 2025])).status_code == 403
    )


def test_platform_admin_sees_protected_figures_everywhere_but_nothing_exact(refreshed, client_for):
    client = client_for(Role.PLATFORM_ADMIN)
    assert client.get(dashboard("betadorp", jaar=2025)).status_code == 200
    assert client.get(reverse("figures:overview", args=["betadorp", 2025])).status_code == 403


def test_only_fixed_years_can_be_asked_for(refreshed, client_for):
    client = client_for(Role.PROGRAMME_OFFICER)
    assert client.get(dashboard("alfastad", jaar="2025-01-01")).status_code == 404
    assert client.get(dashboard("alfastad", jaar=1999)).status_code == 404
    assert client.get(dashboard("alfastad", bron="anders")).status_code == 404


def _csv_cells(content: bytes) -> dict[tuple[str, str, str], str]:
    rows = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    return {(row["table"], row["row"], row["column"]): row["value"] for row in rows}


def test_dashboard_and_every_download_hide_the_same_cells(refreshed, client_for):
    client = client_for(Role.PROGRAMME_OFFICER)
    figures = client.get(dashboard("alfastad", jaar=2025)).context["figures"]
    base = reverse("figures:download", args=["alfastad", "2025", "live", "csv"])
    exported = _csv_cells(client.get(base).content)
    shown = {}
    for key, table in figures.tables.items():
        if table.withheld:
            shown[(key, "", "")] = "x"
            continue
        for row in (*table.rows, *((table.totals,) if table.totals else ())):
            for column, cell in zip(table.columns, row.cells, strict=True):
                shown[(key, row.key, column.key)] = cell.display
            if row.total is not None:
                shown[(key, row.key, "total")] = row.total.display
    assert exported == shown

    book = load_workbook(io.BytesIO(client.get(base.replace(".csv", ".xlsx")).content))
    headline = [list(r) for r in book["headline"].iter_rows(values_only=True)]
    assert headline[2][1:] == [5, "< 5", "< 5", 11]

    pdf = client.get(base.replace(".csv", ".pdf"))
    assert pdf.content.startswith(b"%PDF")
    assert "< 5" in pdf_text(pdf.content)
    assert FigureAccessLog.objects.filter(action="download").count() == 3


def test_release_by_the_coordinator(refreshed, client_for):
    url = reverse("figures:release", args=["alfastad", 2025])
    assert client_for(Role.ADV_CONSULTANT).post(url).status_code == 403
    response = client_for(Role.ADV_COORDINATOR).post(url)
    assert response.status_code == 302
    release = Release.objects.get(municipality=refreshed["here"], year=2025)
    officer = client_for(Role.PROGRAMME_OFFICER)
    page = officer.get(dashboard("alfastad"))
    assert page.context["source"] == "vrijgegeven"
    assert page.context["has_release"]
    assert page.context["figures"].to_dict() == release.snapshot
    assert officer.get(reverse("figures:download", args=["alfastad", "2025", "released", "csv"])).status_code == 200


def test_dashboard_without_figures_yet(world, client_for):
    response = client_for(Role.PROGRAMME_OFFICER).get(dashboard("alfastad"))
    assert response.status_code == 200
    assert response.context["year"] is None


# --- Public ---------------------------------------------------------------------------------------


def test_public_page_home_and_csv_show_released_figures_only(refreshed, client, client_for):
    assert client.get(reverse("public_figures:figures", args=["alfastad"])).context["figures"] is None
    assert client.get(reverse("public_figures:csv", args=["alfastad", 2025])).status_code == 404
    assert (
        "headline-figures-heading"
        not in client.get(reverse("public:municipality_home", args=["alfastad"])).content.decode()
    )
    client_for(Role.ADV_COORDINATOR).post(reverse("figures:release", args=["alfastad", 2025]))
    page = client.get(reverse("public_figures:figures", args=["alfastad"]))
    assert page.status_code == 200
    assert page.context["figures"].protected
    home = client.get(reverse("public:municipality_home", args=["alfastad"])).content.decode()
    assert "headline-figures-heading" in home
    assert "&lt; 5" in home
    exported = client.get(reverse("public_figures:csv", args=["alfastad", 2025]))
    assert exported["Content-Type"].startswith("text/csv")
    assert _csv_cells(exported.content)[("headline", "reports", "B")] == "< 5"


# --- API ------------------------------------------------------------------------------------------


@pytest.fixture
def released(refreshed, client_for):
    client_for(Role.ADV_COORDINATOR).post(reverse("figures:release", args=["alfastad", 2025]))
    return refreshed


def test_api_lists_and_serves_released_figures(released, client):
    listing = client.get(reverse("api:figures-municipalities"))
    assert listing.status_code == 200
    assert [(m["slug"], m["released_years"]) for m in listing.json()] == [("alfastad", [2025])]
    data = client.get(reverse("api:figures-municipality", args=["alfastad"])).json()
    assert data["period"] == "2025"
    cells = data["tables"]["headline"]["rows"][0]["cells"]
    assert [(c["value"], c["display"]) for c in cells] == [(5, "5"), (None, "< 5"), (None, "< 5")]
    assert data["tables"]["headline"]["notes"][0]["text"]


def test_api_offers_only_fixed_periods(released, client):
    url = reverse("api:figures-municipality", args=["alfastad"])
    quarter = client.get(url, {"period": "2025-Q2"}).json()
    assert list(quarter["tables"]) == ["quarters"]
    assert [row["key"] for row in quarter["tables"]["quarters"]["rows"]] == ["Q2"]
    month = client.get(url, {"period": "2025-05"}).json()
    assert [row["key"] for row in month["tables"]["months"]["rows"]] == ["M05"]
    for bad in (
        {"period": "2025-01-01/2025-03-31"},
        {"period": "2025-W10"},
        {"from": "2025-01-01", "to": "2025-02-01"},
        {"start": "2025-01-01"},
        {"period": "2025", "end": "2025-06-30"},
    ):
        assert client.get(url, bad).status_code == 400, bad
    assert client.get(url, {"period": "2024"}).status_code == 404
    assert client.get(reverse("api:figures-municipality", args=["betadorp"])).status_code == 404


def test_schema_and_documentation_load_nothing_from_elsewhere(client):
    schema = client.get(reverse("api:schema"))
    assert schema.status_code == 200
    assert b"/api/v1/figures/municipalities/{municipality}/" in schema.content
    docs = client.get(reverse("public_figures:api_docs")).content.decode()
    assert "/api/v1/figures/municipalities/" in docs
    assert 'src="http' not in docs
    assert "cdn" not in docs.lower()
