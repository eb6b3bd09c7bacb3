"""Two consultants editing the same case cannot silently overwrite each
other (security.md REL-03, test plan row 29)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from openinclusie.accounts.models import Role
from openinclusie.cases.constants import RequestType
from openinclusie.cases.services import handling

from .factories import ReportFactory

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = pytest.mark.usefixtures("english_ui")


def loaded_version(page: str) -> str:
    match = re.search(r'name="classification-version" value="(\d+)"', page)
    assert match, "the classification form carries the version"
    return match.group(1)


def test_the_second_save_from_the_same_version_is_refused_and_keeps_its_input(world, staff, codes):
    report = ReportFactory(adv=world["adv_a"])
    first, second = staff(Role.ADV_CONSULTANT), staff(Role.ADV_COORDINATOR)
    detail = reverse("cases:case_detail", args=[report.pk])
    classify = reverse("cases:case_classify", args=[report.pk])
    version_first = loaded_version(first.client.get(detail).content.decode())
    version_second = loaded_version(second.client.get(detail).content.decode())
    assert version_first == version_second == "1"

    saved = first.client.post(
        classify,
        {
            "classification-version": version_first,
            "classification-request_type": RequestType.KLACHT,
            "classification-grounds": [codes["origin"].pk],
            "classification-domain": codes["domain"].pk,
        },
    )
    assert saved.status_code == 302

    refused = second.client.post(
        classify,
        {
            "classification-version": version_second,
            "classification-request_type": RequestType.MELDING,
            "classification-grounds": [codes["religion"].pk],
            "classification-nature": codes["nature"].pk,
        },
    )
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Someone else changed this case" in page
    # The second consultant's input is on the page, ready to save again ...
    assert re.search(rf'value="{codes["religion"].pk}"[^>]*checked', page)
    assert re.search(rf'<option value="{codes["nature"].pk}" selected>', page)
    # ... against the version stored now.
    assert loaded_version(page) == "2"
    # Nothing of the first save was overwritten.
    report.refresh_from_db()
    assert report.version == 2
    assert list(report.grounds.all()) == [codes["origin"]]
    assert report.domain == codes["domain"]
    assert report.nature is None
    assert report.request_type == RequestType.KLACHT

    # Saving again after review now works.
    again = second.client.post(
        classify,
        {
            "classification-version": "2",
            "classification-request_type": RequestType.MELDING,
            "classification-grounds": [codes["religion"].pk],
            "classification-nature": codes["nature"].pk,
        },
    )
    assert again.status_code == 302
    report.refresh_from_db()
    assert report.version == 3
    assert list(report.grounds.all()) == [codes["religion"]]


def test_the_service_refuses_an_update_from_an_old_version(world, staff):
    user = staff(Role.ADV_CONSULTANT, sign_in=False).user
    report = ReportFactory(adv=world["adv_a"])
    handling.record_consent(report=report, by=user, version=1, now=timezone.now(), consent=True)
    stale = ReportFactory._meta.model.objects.get(pk=report.pk)
    stale.version = 1
    with pytest.raises(handling.CaseChanged):
        handling.assign(report=stale, by=user, version=1, now=timezone.now(), assignee=user, deadline=None)
    report.refresh_from_db()
    assert report.assigned_to is None
    assert report.version == 2


def test_other_forms_on_the_page_are_locked_too(world, staff):
    consultant = staff(Role.ADV_CONSULTANT)
    report = ReportFactory(adv=world["adv_a"])
    url = reverse("cases:case_status", args=[report.pk])
    assert consultant.client.post(url, {"status-version": 1, "status-to_status": "intake"}).status_code == 302
    stale = consultant.client.post(url, {"status-version": 1, "status-to_status": "waiting_for_reporter"})
    assert stale.status_code == 409
    report.refresh_from_db()
    assert report.version == 2
    assert report.status == "intake"
