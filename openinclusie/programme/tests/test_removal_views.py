"""The edit and removal screens: who may use them (two tenants, and two
partners in one activity), the confirmation pages, refusals with a reason,
and published letters that stay exactly as they were."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from openinclusie.accounts.models import Role
from openinclusie.accounts.tests.factories import UserFactory
from openinclusie.organisations.tests.factories import OrganisationFactory
from openinclusie.programme.models import (
    Activity,
    ActivityPhoto,
    ActivityUpdate,
    LetterDocument,
    Line,
    Measurement,
    Objective,
    ProgressLetter,
    Removal,
    RemovedKind,
)
from openinclusie.programme.services import activities as activity_services
from openinclusie.programme.services import letters

from .factories import (
    ActivityFactory,
    ActivityUpdateFactory,
    IndicatorFactory,
    LineFactory,
    MeasurementFactory,
    ObjectiveFactory,
    ProgrammeFactory,
)
from .test_photos import jpeg_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture
def town_a(world):
    """Town A's programme: an activity led by partner A in which partner C
    (also active in town A) takes part, with an update of each and one of
    the municipality."""
    partner_c = OrganisationFactory(kind="partner", name="Partner Gamma", slug="partner-gamma")
    partner_c.active_in.add(world["town_a"])
    programme = ProgrammeFactory(municipality=world["town_a"], start_year=2025, end_year=2026)
    line = LineFactory(programme=programme, number=1, title="Samen leven")
    objective = ObjectiveFactory(line=line, number=1, text="Meer mensen kennen de ADV")
    indicator = IndicatorFactory(objective=objective, number=1, name="Bekendheid ADV")
    activity = ActivityFactory(line=line, number=1, title="Kennisatelier", lead_organisation=world["partner_a"])
    activity.partner_organisations.add(partner_c)
    return {
        "partner_c": partner_c,
        "programme": programme,
        "line": line,
        "objective": objective,
        "indicator": indicator,
        "measurement": MeasurementFactory(indicator=indicator, measured_on=datetime.date(2025, 6, 1)),
        "activity": activity,
        "update_a": ActivityUpdateFactory(
            activity=activity, author_organisation=world["partner_a"], text="Bericht van Alfa"
        ),
        "update_c": ActivityUpdateFactory(activity=activity, author_organisation=partner_c, text="Bericht van Gamma"),
        "update_town": ActivityUpdateFactory(activity=activity, text="Bericht van de gemeente"),
    }


def _edit(update_id: int) -> str:
    return reverse("programme:update_edit", args=[update_id])


def _remove(update_id: int) -> str:
    return reverse("programme:update_remove", args=[update_id])


EDIT = {"happened_on": "2025-05-02", "text": "Aangepast bericht", "participants": "12"}


def test_a_partner_edits_and_removes_only_the_updates_of_its_own_organisation(world, client_for, town_a):
    partner_a = client_for(Role.PARTNER_MEMBER)
    own, other, municipal = town_a["update_a"], town_a["update_c"], town_a["update_town"]

    # Another organisation's update, even in the same activity: not found.
    for update in (other, municipal):
        assert partner_a.get(_edit(update.pk)).status_code == 404
        assert partner_a.post(_edit(update.pk), EDIT).status_code == 404
        assert partner_a.get(_remove(update.pk)).status_code == 404
        assert partner_a.post(_remove(update.pk)).status_code == 404
    partner_c = client_for(Role.PARTNER_MEMBER, town_a["partner_c"])
    partner_b = client_for(Role.PARTNER_MEMBER, world["partner_b"])
    for client in (partner_c, partner_b):
        assert client.post(_edit(own.pk), EDIT).status_code == 404
        assert client.post(_remove(own.pk)).status_code == 404
    assert ActivityUpdate.objects.filter(activity=town_a["activity"]).count() == 3
    other.refresh_from_db()
    assert other.text == "Bericht van Gamma"

    # Its own update: edit, then remove after the confirmation page.
    page = partner_a.get(_edit(own.pk))
    assert page.status_code == 200
    assert "Bericht van Alfa" in page.content.decode()
    response = partner_a.post(_edit(own.pk), EDIT)
    assert response.status_code == 302
    assert response["Location"] == reverse("programme:activity_detail", args=[town_a["activity"].pk])
    own.refresh_from_db()
    assert (own.text, own.happened_on, own.participants) == ("Aangepast bericht", datetime.date(2025, 5, 2), 12)
    assert own.author_organisation == world["partner_a"]

    confirm = partner_a.get(_remove(own.pk)).content.decode()
    assert "Aangepast bericht" in confirm
    assert 'method="post"' in confirm
    assert "csrfmiddlewaretoken" in confirm
    assert ActivityUpdate.objects.filter(pk=own.pk).exists()
    assert partner_a.post(_remove(own.pk)).status_code == 302
    assert not ActivityUpdate.objects.filter(pk=own.pk).exists()
    removal = Removal.objects.get()
    assert removal.kind == RemovedKind.UPDATE
    assert removal.programme == town_a["programme"]
    assert removal.removed_by is not None
    assert removal.removed_by.memberships.get().organisation == world["partner_a"]


def test_a_partner_that_no_longer_takes_part_cannot_change_its_old_updates(world, client_for, town_a):
    update = town_a["update_c"]
    partner_c = client_for(Role.PARTNER_MEMBER, town_a["partner_c"])
    assert partner_c.get(_edit(update.pk)).status_code == 200
    town_a["activity"].partner_organisations.remove(town_a["partner_c"])
    assert partner_c.get(_edit(update.pk)).status_code == 404
    assert partner_c.post(_remove(update.pk)).status_code == 404
    assert ActivityUpdate.objects.filter(pk=update.pk).exists()
    # The municipality's officer still can.
    assert client_for(Role.PROGRAMME_OFFICER).get(_edit(update.pk)).status_code == 200


def test_the_officer_changes_updates_and_removes_things_only_in_its_own_municipality(world, client_for, town_a):
    activity, objective, line = town_a["activity"], town_a["objective"], town_a["line"]
    draft = letters.create_draft(
        programme=town_a["programme"], year=2025, by=None, now=datetime.datetime.now(datetime.UTC)
    )
    urls = [
        _edit(town_a["update_c"].pk),
        _remove(town_a["update_c"].pk),
        reverse("programme:activity_remove", args=[activity.pk]),
        reverse("programme:indicator_remove", args=[town_a["indicator"].pk]),
        reverse("programme:objective_remove", args=[objective.pk]),
        reverse("programme:line_remove", args=[line.pk]),
        reverse("programme:measurement_edit", args=[town_a["measurement"].pk]),
        reverse("programme:measurement_remove", args=[town_a["measurement"].pk]),
        reverse("programme:letter_remove", args=[draft.pk]),
    ]
    officer_b = client_for(Role.PROGRAMME_OFFICER, world["municipality_org_b"])
    for url in urls:
        assert officer_b.get(url).status_code == 404, url
        assert officer_b.post(url, {**EDIT, "measured_on": "2025-01-01", "value": "1"}).status_code == 404, url
    consultant = client_for(Role.ADV_CONSULTANT)
    for url in urls:
        # Refused: by role (403), or for updates, which ADV staff may change
        # only on their own ADV's activities, as not theirs (404).
        assert consultant.get(url).status_code in (403, 404), url
        assert consultant.post(url, EDIT).status_code in (403, 404), url
    assert Activity.objects.filter(pk=activity.pk).exists()
    assert ActivityUpdate.objects.count() == 3
    assert ProgressLetter.objects.filter(pk=draft.pk).exists()
    assert not Removal.objects.exists()

    officer_a = client_for(Role.PROGRAMME_OFFICER)
    for url in urls:
        assert officer_a.get(url).status_code == 200, url
    # The officer may correct a partner's update.
    assert officer_a.post(_edit(town_a["update_c"].pk), EDIT).status_code == 302
    town_a["update_c"].refresh_from_db()
    assert town_a["update_c"].text == "Aangepast bericht"


def test_editing_an_update_on_the_page_removes_a_ticked_photo_and_adds_a_new_one(world, client_for, town_a):
    update = activity_services.post_update(
        activity=town_a["activity"],
        organisation=world["partner_a"],
        author=None,
        happened_on=datetime.date(2025, 5, 1),
        text="Met foto's",
        photos=[
            activity_services.PhotoUpload(
                file=SimpleUploadedFile(f"{n}.jpg", jpeg_with_gps(), content_type="image/jpeg"),
                description=f"Foto {n}",
            )
            for n in (1, 2)
        ],
        now=datetime.datetime.now(datetime.UTC),
    )
    first, second = update.photos.order_by("pk")
    partner = client_for(Role.PARTNER_MEMBER)
    page = partner.get(_edit(update.pk)).content.decode()
    assert f'value="{first.pk}"' in page
    assert reverse("programme:photo", args=[first.pk]) in page
    response = partner.post(
        _edit(update.pk),
        {
            "happened_on": "2025-05-01",
            "text": "Met foto's",
            "remove_photos": [first.pk],
            "photo_1": SimpleUploadedFile("IMG_9.jpg", jpeg_with_gps(), content_type="image/jpeg"),
            "photo_1_description": "Nieuwe foto",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [p.description for p in ActivityPhoto.objects.filter(update=update).order_by("pk")] == [
        "Foto 2",
        "Nieuwe foto",
    ]
    assert ActivityPhoto.objects.filter(pk=second.pk).exists()


def test_an_objective_or_line_with_children_is_refused_with_what_to_do_first(english_ui, client_for, town_a):
    officer = client_for(Role.PROGRAMME_OFFICER)
    objective_url = reverse("programme:objective_remove", args=[town_a["objective"].pk])
    page = officer.get(objective_url).content.decode()
    assert "Objective 1.1 still has 1 indicator." in page
    assert 'type="submit"' not in page.split("<main", 1)[1]
    response = officer.post(objective_url, follow=True)
    assert "Objective 1.1 still has 1 indicator." in response.content.decode()
    assert Objective.objects.filter(pk=town_a["objective"].pk).exists()

    line_url = reverse("programme:line_remove", args=[town_a["line"].pk])
    assert "Line 1 still has 1 objective and 1 activity." in officer.get(line_url).content.decode()
    response = officer.post(line_url, follow=True)
    assert "Line 1 still has 1 objective and 1 activity." in response.content.decode()
    assert Line.objects.filter(pk=town_a["line"].pk).exists()
    assert not Removal.objects.exists()

    # Once emptied, both go.
    officer.post(reverse("programme:indicator_remove", args=[town_a["indicator"].pk]))
    officer.post(reverse("programme:activity_remove", args=[town_a["activity"].pk]))
    assert officer.post(objective_url).status_code == 302
    assert officer.post(line_url).status_code == 302
    assert not Line.objects.filter(pk=town_a["line"].pk).exists()
    assert list(Removal.objects.order_by("pk").values_list("kind", flat=True)) == [
        RemovedKind.INDICATOR,
        RemovedKind.ACTIVITY,
        RemovedKind.OBJECTIVE,
        RemovedKind.LINE,
    ]


def test_a_draft_letter_can_be_removed_on_its_page_and_a_published_one_cannot(english_ui, world, client_for, town_a):
    officer = client_for(Role.PROGRAMME_OFFICER)
    now = datetime.datetime.now(datetime.UTC)
    draft = letters.create_draft(programme=town_a["programme"], year=2025, by=None, now=now)
    detail = officer.get(reverse("programme:letter_detail", args=[draft.pk])).content.decode()
    remove_url = reverse("programme:letter_remove", args=[draft.pk])
    assert remove_url in detail
    assert "Remove the draft" in officer.get(remove_url).content.decode()
    response = officer.post(remove_url)
    assert response["Location"] == reverse("programme:programme_detail", args=[town_a["programme"].pk])
    assert not ProgressLetter.objects.filter(pk=draft.pk).exists()

    published = letters.create_draft(programme=town_a["programme"], year=2026, by=None, now=now)
    letters.publish(letter=published, by=UserFactory(), now=now)
    published = ProgressLetter.objects.get(pk=published.pk)
    remove_url = reverse("programme:letter_remove", args=[published.pk])
    assert remove_url not in officer.get(reverse("programme:letter_detail", args=[published.pk])).content.decode()
    response = officer.get(remove_url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("programme:letter_detail", args=[published.pk])
    assert "can no longer be changed" in response.content.decode()
    response = officer.post(remove_url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("programme:letter_detail", args=[published.pk])
    assert "can no longer be changed" in response.content.decode()
    after = ProgressLetter.objects.get(pk=published.pk)
    assert (after.status, after.published_html, after.snapshot) == (
        published.status,
        published.published_html,
        published.snapshot,
    )
    assert list(Removal.objects.values_list("kind", flat=True)) == [RemovedKind.LETTER]


def test_removing_an_activity_leaves_the_published_letter_exactly_as_it_was(
    world, client, client_for, town_a, django_capture_on_commit_callbacks
):
    activity = town_a["activity"]
    ActivityUpdateFactory(activity=activity, author_organisation=world["partner_a"], text="Zestig deelnemers.")
    now = datetime.datetime.now(datetime.UTC)
    letter = letters.create_draft(programme=town_a["programme"], year=2025, by=None, now=now)
    with django_capture_on_commit_callbacks(execute=True):
        letters.publish(letter=letter, by=UserFactory(), now=now)
    public_url = reverse("progress:letter_detail", args=[world["town_a"].slug, letter.pk])
    before = client.get(public_url).content
    assert b"Kennisatelier" in before
    documents = {d.format: (d.sha256, d.file.open("rb").read()) for d in LetterDocument.objects.filter(letter=letter)}
    assert set(documents) == {"pdf", "docx"}
    frozen = ProgressLetter.objects.get(pk=letter.pk)

    officer = client_for(Role.PROGRAMME_OFFICER)
    assert officer.post(reverse("programme:activity_remove", args=[activity.pk])).status_code == 302
    assert not Activity.objects.filter(pk=activity.pk).exists()

    assert client.get(public_url).content == before
    after = ProgressLetter.objects.get(pk=letter.pk)
    assert (after.published_html, after.snapshot, after.updated_at) == (
        frozen.published_html,
        frozen.snapshot,
        frozen.updated_at,
    )
    assert {
        d.format: (d.sha256, d.file.open("rb").read()) for d in LetterDocument.objects.filter(letter=letter)
    } == documents
    for format in ("pdf", "docx"):
        url = reverse(f"progress:letter_{format}", args=[world["town_a"].slug, letter.pk])
        assert b"".join(client.get(url).streaming_content) == documents[format][1]
    # A new draft, made from the live programme, no longer has it.
    draft = letters.create_draft(programme=town_a["programme"], year=2026, by=None, now=now)
    page = officer.get(reverse("programme:letter_detail", args=[draft.pk])).content.decode()
    assert "Kennisatelier" not in page


def test_the_changes_page_lists_removals_since_the_last_letter(english_ui, client_for, town_a):
    officer = client_for(Role.PROGRAMME_OFFICER)
    officer.post(reverse("programme:activity_remove", args=[town_a["activity"].pk]))
    page = officer.get(reverse("programme:changes", args=[town_a["programme"].pk])).content.decode()
    removed = page.split("Removed</h2>", 1)[1]
    assert "Activity “1.1 Kennisatelier”" in removed
    assert "together with 3 progress updates" in removed


def test_measurements_are_corrected_and_removed_on_the_indicator_page(english_ui, client_for, town_a):
    officer = client_for(Role.PROGRAMME_OFFICER)
    measurement = town_a["measurement"]
    MeasurementFactory(indicator=town_a["indicator"], measured_on=datetime.date(2025, 12, 1))
    edit_url = reverse("programme:measurement_edit", args=[measurement.pk])
    remove_url = reverse("programme:measurement_remove", args=[measurement.pk])
    page = officer.get(reverse("programme:indicator_detail", args=[town_a["indicator"].pk])).content.decode()
    assert edit_url in page
    assert remove_url in page

    taken = officer.post(edit_url, {"measured_on": "2025-12-01", "value": "30"})
    assert taken.status_code == 200
    assert "There is already a measurement on this date." in taken.content.decode()
    assert officer.post(edit_url, {"measured_on": "2025-06-02", "value": "23.5", "note": "Herzien"}).status_code == 302
    measurement.refresh_from_db()
    assert (measurement.measured_on, measurement.value, measurement.note) == (
        datetime.date(2025, 6, 2),
        Decimal("23.5"),
        "Herzien",
    )
    assert "Remove the measurement of 2 June 2025" in officer.get(remove_url).content.decode()
    assert officer.post(remove_url).status_code == 302
    assert not Measurement.objects.filter(pk=measurement.pk).exists()


def test_links_to_edit_and_remove_are_shown_only_to_those_who_may_use_them(world, client_for, town_a):
    activity_url = reverse("programme:activity_detail", args=[town_a["activity"].pk])
    remove_activity = reverse("programme:activity_remove", args=[town_a["activity"].pk])
    own, other = town_a["update_a"], town_a["update_c"]

    partner = client_for(Role.PARTNER_MEMBER).get(activity_url).content.decode()
    assert _edit(own.pk) in partner
    assert _remove(own.pk) in partner
    assert _edit(other.pk) not in partner
    assert _remove(other.pk) not in partner
    assert remove_activity not in partner

    officer = client_for(Role.PROGRAMME_OFFICER).get(activity_url).content.decode()
    assert remove_activity in officer
    for update in (own, other, town_a["update_town"]):
        assert _edit(update.pk) in officer
        assert _remove(update.pk) in officer

    programme_url = reverse("programme:programme_detail", args=[town_a["programme"].pk])
    indicator_url = reverse("programme:indicator_detail", args=[town_a["indicator"].pk])
    officer_programme = client_for(Role.PROGRAMME_OFFICER).get(programme_url).content.decode()
    assert reverse("programme:line_remove", args=[town_a["line"].pk]) in officer_programme
    assert reverse("programme:objective_remove", args=[town_a["objective"].pk]) in officer_programme

    consultant = client_for(Role.ADV_CONSULTANT)
    consultant_activity = consultant.get(activity_url).content.decode()
    consultant_programme = consultant.get(programme_url).content.decode()
    consultant_indicator = consultant.get(indicator_url).content.decode()
    assert "/verwijderen/" not in consultant_activity + consultant_programme + consultant_indicator
    assert "/bewerken/" not in consultant_activity + consultant_indicator
