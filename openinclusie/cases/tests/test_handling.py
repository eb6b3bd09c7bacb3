"""Classification, consent, assignment, deadline, notes and incident links
on the case page, through the real views."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from openinclusie.accounts.models import Role
from openinclusie.cases.constants import AccessAction, HistoryEvent, RequestType, ResidentGround, Status
from openinclusie.cases.models import CaseAccessLog, CaseNote, Report, ReportedGround
from openinclusie.cases.services import handling
from openinclusie.classification.models import CodeKind

from .factories import CodeListVersionFactory, IncidentFactory, ReportFactory, code

# Assertions below read the English interface; Dutch is checked in test_translations.
pytestmark = pytest.mark.usefixtures("english_ui")


def url(name, report):
    return reverse(f"cases:{name}", args=[report.pk])


def events(report):
    return [event.split(":")[0] for event in report.history.order_by("pk").values_list("event", flat=True)]


@pytest.fixture
def consultant(staff):
    return staff(Role.ADV_CONSULTANT)


def test_the_case_page_shows_the_reporters_words_beside_the_classification_form(world, consultant, codes):
    report = ReportFactory(adv=world["adv_a"], description="Ik werd uitgescholden in de tram.")
    ReportedGround.objects.create(report=report, ground=ResidentGround.RELIGION)
    response = consultant.client.get(url("case_detail", report))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert "Ik werd uitgescholden in de tram." in page
    assert str(ResidentGround.RELIGION.label) in page
    assert 'name="classification-grounds"' in page
    assert f"{codes['origin'].label} \u203a {codes['antisemitism'].label}" in page
    assert CaseAccessLog.objects.filter(report=report, user=consultant.user, action=AccessAction.VIEW).count() == 1


def test_classifying_keeps_the_code_list_version_and_writes_history(world, consultant, codes):
    report = ReportFactory(adv=world["adv_a"])
    response = consultant.client.post(
        url("case_classify", report),
        {
            "classification-version": report.version,
            "classification-request_type": RequestType.KLACHT,
            "classification-grounds": [codes["origin"].pk, codes["antisemitism"].pk],
            "classification-domain": codes["domain"].pk,
            "classification-nature": codes["nature"].pk,
            "classification-handlings": [codes["advice"].pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    report.refresh_from_db()
    assert report.classification_version == codes["origin"].version
    assert set(report.grounds.all()) == {codes["origin"], codes["antisemitism"]}
    assert report.domain == codes["domain"]
    assert list(report.handlings.all()) == [codes["advice"]]
    assert report.version == 2
    assert HistoryEvent.CLASSIFIED in events(report)

    # A newer code-list version does not move the report.
    version = report.classification_version
    version.is_current = False
    version.save()
    newer = CodeListVersionFactory(is_current=True)
    code(CodeKind.GROUND, "herkomst", version=newer)
    page = consultant.client.get(url("case_detail", report)).content.decode()
    assert f'value="{codes["antisemitism"].pk}"' in page
    with pytest.raises(handling.InvalidClassification):
        handling.classify(
            report=report,
            by=consultant.user,
            version=report.version,
            now=timezone.now(),
            request_type=report.request_type,
            grounds=[newer.codes.get()],
            domain=None,
            nature=None,
            handlings=[],
        )


def test_mediation_needs_recorded_consent_and_the_page_says_why(world, consultant, codes):
    report = ReportFactory(adv=world["adv_a"])
    data = {
        "classification-version": report.version,
        "classification-request_type": RequestType.KLACHT,
        "classification-grounds": [codes["origin"].pk],
        "classification-handlings": [codes["mediation"].pk],
    }
    response = consultant.client.post(url("case_classify", report), data)
    assert response.status_code == 200
    assert "has not consented" in response.content.decode()
    report.refresh_from_db()
    assert not report.handlings.exists()
    assert report.version == 1
    with pytest.raises(handling.ConsentRequired):
        handling.classify(
            report=report,
            by=consultant.user,
            version=report.version,
            now=timezone.now(),
            request_type=report.request_type,
            grounds=[],
            domain=None,
            nature=None,
            handlings=[codes["mediation"]],
        )

    response = consultant.client.post(url("case_consent", report), {"consent-version": 1, "consent-consent": "on"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.consent_to_contact_other_party
    assert report.consent_recorded_at is not None
    data["classification-version"] = report.version
    assert consultant.client.post(url("case_classify", report), data).status_code == 302
    assert list(report.handlings.all()) == [codes["mediation"]]
    assert HistoryEvent.CONSENT_GIVEN in events(report)


def test_assignment_only_to_staff_of_the_same_adv_with_deadline_and_overdue_mark(world, consultant, staff):
    colleague = staff(Role.ADV_COORDINATOR, sign_in=False).user
    outsider = staff(Role.ADV_CONSULTANT, "adv_b", sign_in=False).user
    report = ReportFactory(adv=world["adv_a"])
    yesterday = timezone.localdate() - timedelta(days=1)
    response = consultant.client.post(
        url("case_assign", report),
        {"assignment-version": 1, "assignment-assigned_to": outsider.pk, "assignment-deadline": ""},
    )
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.assigned_to is None

    response = consultant.client.post(
        url("case_assign", report),
        {"assignment-version": 1, "assignment-assigned_to": colleague.pk, "assignment-deadline": yesterday.isoformat()},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.assigned_to == colleague
    assert report.deadline == yesterday
    assert {HistoryEvent.ASSIGNED, HistoryEvent.DEADLINE_SET} <= set(events(report))
    page = consultant.client.get(url("case_detail", report)).content.decode()
    assert "Overdue" in page
    with pytest.raises(handling.NotStaffOfThisAdv):
        handling.assign(
            report=report,
            by=consultant.user,
            version=report.version,
            now=timezone.now(),
            assignee=outsider,
            deadline=None,
        )


def test_status_changes_through_the_page(world, consultant):
    report = ReportFactory(adv=world["adv_a"])
    response = consultant.client.post(url("case_status", report), {"status-version": 1, "status-to_status": "intake"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.INTAKE
    response = consultant.client.post(url("case_status", report), {"status-version": 2, "status-to_status": "closed"})
    assert response.status_code == 200
    assert "Register" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Status.INTAKE


def test_notes_are_appended_and_internal(world, consultant):
    report = ReportFactory(adv=world["adv_a"])
    response = consultant.client.post(url("case_note", report), {"note-text": "Teruggebeld, geen gehoor."})
    assert response.status_code == 302
    note = CaseNote.objects.get(report=report)
    assert note.author == consultant.user
    assert HistoryEvent.NOTE_ADDED in events(report)
    assert "Teruggebeld, geen gehoor." not in report.history.values_list("event", flat=True)


def test_linking_to_an_incident_from_the_case_page(world, consultant):
    report = ReportFactory(adv=world["adv_a"])
    incident = IncidentFactory(adv=world["adv_a"])
    foreign = IncidentFactory(adv=world["adv_b"])
    response = consultant.client.post(
        url("case_incident", report), {"incident-version": 1, "incident-incident": foreign.pk}
    )
    assert response.status_code == 200
    response = consultant.client.post(
        url("case_incident", report), {"incident-version": 1, "incident-incident": incident.pk}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.incident == incident
    assert HistoryEvent.INCIDENT_LINKED in events(report)


def test_a_get_on_a_form_address_goes_back_to_the_case(world, consultant):
    report = ReportFactory(adv=world["adv_a"])
    response = consultant.client.get(url("case_classify", report))
    assert response.status_code == 302
    assert response["Location"].startswith(url("case_detail", report))


def test_an_anonymised_report_can_no_longer_change(world, consultant):
    report = ReportFactory(adv=world["adv_a"], closed=True, anonymised_at=timezone.now())
    with pytest.raises(handling.CaseAnonymised):
        handling.add_note(report=report, by=consultant.user, now=timezone.now(), text="x")
    page = consultant.client.get(url("case_detail", report)).content.decode()
    assert "Anonymised" in page
    assert 'action="' + url("case_note", report) not in page


def test_a_save_is_confirmed_in_the_section_the_page_opens_at(world, consultant):
    """After a save the case page opens at the section (#notes); the
    confirmation is there, not at the top where no one is looking."""
    report = ReportFactory(adv=world["adv_a"])
    response = consultant.client.post(url("case_note", report), {"note-text": "Teruggebeld."}, follow=True)
    assert response.redirect_chain[-1][0].endswith("#notes")
    page = response.content.decode()
    notes_section = page[page.index('<section id="notes"') :]
    notes_section = notes_section[: notes_section.index("</section>")]
    assert "The note has been added." in notes_section
    assert page.count("The note has been added.") == 1
    # Shown once: the next page no longer has it.
    assert "The note has been added." not in consultant.client.get(url("case_detail", report)).content.decode()


def test_the_code_list_says_which_step_needs_consent_not_its_slug(world, consultant, codes):
    # A handling under a new slug that the code list marks as a step
    # towards the other party needs consent just the same.
    hearing = code(CodeKind.HANDLING, "hoor-en-wederhoor")
    hearing.towards_other_party = True
    hearing.save()
    report = ReportFactory(adv=world["adv_a"])
    with pytest.raises(handling.ConsentRequired):
        handling.classify(
            report=report,
            by=consultant.user,
            version=report.version,
            now=timezone.now(),
            request_type=RequestType.KLACHT,
            grounds=[],
            domain=None,
            nature=None,
            handlings=[hearing],
        )


def test_after_consent_is_withdrawn_the_case_page_warns_about_registered_steps(world, consultant, codes):
    report: Report = ReportFactory(adv=world["adv_a"], request_type=RequestType.KLACHT)  # type: ignore[assignment]
    now = timezone.now()
    report = handling.record_consent(report=report, by=consultant.user, version=report.version, now=now, consent=True)
    report = handling.classify(
        report=report,
        by=consultant.user,
        version=report.version,
        now=now,
        request_type=RequestType.KLACHT,
        grounds=[codes["origin"]],
        domain=None,
        nature=None,
        handlings=[codes["mediation"], codes["advice"]],
    )
    assert (
        "Registered as a step towards the other party"
        not in consultant.client.get(url("case_detail", report)).content.decode()
    )

    report = handling.record_consent(report=report, by=consultant.user, version=report.version, now=now, consent=False)
    page = consultant.client.get(url("case_detail", report)).content.decode()
    assert "No, withdrawn" in page
    assert f"Registered as a step towards the other party: {codes['mediation'].label}." in page
    assert HistoryEvent.CONSENT_WITHDRAWN in events(report)
