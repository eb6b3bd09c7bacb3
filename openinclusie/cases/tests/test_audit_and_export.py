"""Contact details behind a logged reason, the access log for
coordinators, and the PDF export (security.md test plan row 24)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from openinclusie.accounts.models import Role
from openinclusie.cases.constants import AccessAction
from openinclusie.cases.models import CaseAccessLog
from openinclusie.tests.pdf_support import pdf_text

from .factories import ReportFactory

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = pytest.mark.usefixtures("english_ui")


def test_contact_details_are_hidden_until_a_reason_is_logged(world, staff):
    consultant = staff(Role.ADV_CONSULTANT)
    report = ReportFactory(adv=world["adv_a"], contact={"name": "Noor Verborgen", "email": "noor@example.org"})
    case_page = consultant.client.get(reverse("cases:case_detail", args=[report.pk])).content.decode()
    assert "Noor Verborgen" not in case_page
    assert "noor@example.org" not in case_page
    url = reverse("cases:case_reveal_contact", args=[report.pk])
    form_page = consultant.client.get(url).content.decode()
    assert "Noor Verborgen" not in form_page

    too_short = consultant.client.post(url, {"reason": "bellen"})
    assert "Noor Verborgen" not in too_short.content.decode()
    assert not CaseAccessLog.objects.filter(action=AccessAction.REVEAL_CONTACT).exists()

    shown = consultant.client.post(url, {"reason": "Terugbellen over de afspraak met de werkgever"})
    assert shown.status_code == 200
    assert shown["Cache-Control"] == "no-store"
    assert "Noor Verborgen" in shown.content.decode()
    entry = CaseAccessLog.objects.get(action=AccessAction.REVEAL_CONTACT)
    assert entry.user == consultant.user
    assert entry.report == report
    assert entry.reason == "Terugbellen over de afspraak met de werkgever"


def test_an_anonymous_report_has_nothing_to_reveal(world, staff):
    consultant = staff(Role.ADV_CONSULTANT)
    report = ReportFactory(adv=world["adv_a"])
    url = reverse("cases:case_reveal_contact", args=[report.pk])
    response = consultant.client.post(url, {"reason": "Terugbellen over de afspraak"})
    assert "anonymous" in response.content.decode()
    assert not CaseAccessLog.objects.exists()


def test_the_coordinator_reads_the_access_log_of_their_own_adv_only(world, staff):
    consultant = staff(Role.ADV_CONSULTANT)
    coordinator = staff(Role.ADV_COORDINATOR)
    other = staff(Role.ADV_COORDINATOR, "adv_b")
    report = ReportFactory(adv=world["adv_a"], with_contact=True)
    second = ReportFactory(adv=world["adv_a"])
    consultant.client.get(reverse("cases:case_detail", args=[report.pk]))
    consultant.client.get(reverse("cases:case_detail", args=[second.pk]))
    consultant.client.post(
        reverse("cases:case_reveal_contact", args=[report.pk]), {"reason": "Afspraak maken voor intake"}
    )
    log = reverse("cases:access_log")
    page = coordinator.client.get(log).content.decode()
    assert page.count(f'<td class="utrecht-table__cell">{consultant.user.full_name}</td>') == 3
    assert "Afspraak maken voor intake" in page
    assert report.reference in page

    filtered = coordinator.client.get(log, {"reference": second.reference}).content.decode()
    assert second.reference in filtered
    assert report.reference not in filtered
    by_user = coordinator.client.get(log, {"user": coordinator.user.pk}).content.decode()
    assert report.reference not in by_user
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert report.reference not in coordinator.client.get(log, {"date_from": tomorrow}).content.decode()

    assert report.reference not in other.client.get(log).content.decode()
    assert consultant.client.get(log).status_code == 403


@pytest.fixture
def exported(world, staff):
    coordinator = staff(Role.ADV_COORDINATOR)
    report = ReportFactory(
        adv=world["adv_a"], description="Bij de sollicitatie werd naar mijn hoofddoek gevraagd.", with_contact=True
    )
    response = coordinator.client.get(reverse("cases:case_export", args=[report.pk]))
    return coordinator, report, response


def test_the_coordinator_exports_one_case_as_pdf_and_it_is_logged(exported, tmp_path):
    coordinator, report, response = exported
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert f'filename="{report.reference}.pdf"' in response["Content-Disposition"]
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    entry = CaseAccessLog.objects.get(action=AccessAction.EXPORT)
    assert (entry.user, entry.report) == (coordinator.user, report)
    text = pdf_text(pdf)
    assert report.reference in text
    assert "hoofddoek" in text
    assert "Sam Voorbeeld" in text


def test_consultants_and_other_advs_cannot_export(world, staff):
    report = ReportFactory(adv=world["adv_a"])
    url = reverse("cases:case_export", args=[report.pk])
    assert staff(Role.ADV_CONSULTANT).client.get(url).status_code == 403
    assert staff(Role.ADV_COORDINATOR, "adv_b").client.get(url).status_code == 404
    assert not CaseAccessLog.objects.exists()
