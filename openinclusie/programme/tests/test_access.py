"""Object scoping with two tenants: a municipality sees only its own
programme; a partner sees and updates only the activities it takes part in;
posted ids of other tenants change nothing."""

import pytest
from django.urls import reverse

from openinclusie.accounts.models import Role
from openinclusie.programme.models import Activity, ActivityUpdate, Line, Programme, Vision

from .factories import (
    ActivityFactory,
    IndicatorFactory,
    LineFactory,
    ObjectiveFactory,
    ProgrammeFactory,
    ProgressLetterFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def town_a_programme(world):
    programme = ProgrammeFactory(municipality=world["town_a"])
    line = LineFactory(programme=programme, number=1)
    objective = ObjectiveFactory(line=line, number=1)
    return {
        "programme": programme,
        "line": line,
        "objective": objective,
        "indicator": IndicatorFactory(objective=objective, number=1),
        "activity": ActivityFactory(line=line, number=1, lead_organisation=world["partner_a"]),
        "letter": ProgressLetterFactory(programme=programme),
    }


def _urls(objects):
    return [
        reverse("programme:programme_detail", args=[objects["programme"].pk]),
        reverse("programme:programme_edit", args=[objects["programme"].pk]),
        reverse("programme:changes", args=[objects["programme"].pk]),
        reverse("programme:line_edit", args=[objects["line"].pk]),
        reverse("programme:objective_edit", args=[objects["objective"].pk]),
        reverse("programme:indicator_detail", args=[objects["indicator"].pk]),
        reverse("programme:measurement_create", args=[objects["indicator"].pk]),
        reverse("programme:activity_detail", args=[objects["activity"].pk]),
        reverse("programme:activity_edit", args=[objects["activity"].pk]),
        reverse("programme:update_create", args=[objects["activity"].pk]),
        reverse("programme:letter_detail", args=[objects["letter"].pk]),
        reverse("programme:letter_edit", args=[objects["letter"].pk]),
    ]


def test_the_officer_of_town_b_gets_404_on_everything_of_town_a(world, client_for, town_a_programme):
    officer_b = client_for(Role.PROGRAMME_OFFICER, world["municipality_org_b"])
    for url in _urls(town_a_programme):
        assert officer_b.get(url).status_code == 404, url
        assert officer_b.post(url, {"title": "x", "number": 9}).status_code == 404, url
    officer_a = client_for(Role.PROGRAMME_OFFICER)
    for url in _urls(town_a_programme):
        assert officer_a.get(url).status_code == 200, url


def test_adv_staff_read_only_the_programmes_of_the_municipalities_they_serve(world, client_for, town_a_programme):
    detail = reverse("programme:programme_detail", args=[town_a_programme["programme"].pk])
    assert client_for(Role.ADV_CONSULTANT).get(detail).status_code == 200
    assert client_for(Role.ADV_CONSULTANT, world["adv_b"]).get(detail).status_code == 404
    # Reading is all they do.
    edit = reverse("programme:programme_edit", args=[town_a_programme["programme"].pk])
    assert client_for(Role.ADV_COORDINATOR).get(edit).status_code == 403


def test_the_programme_home_lists_only_own_municipalities(world, client_for, town_a_programme):
    ProgrammeFactory(municipality=world["town_b"], name="Programma van Betadorp")
    page = client_for(Role.PROGRAMME_OFFICER).get(reverse("programme:home")).content.decode()
    assert town_a_programme["programme"].name in page
    assert "Programma van Betadorp" not in page


def test_a_partner_posts_updates_only_on_its_own_activities(world, client_for, town_a_programme):
    own = town_a_programme["activity"]
    other = ActivityFactory(line=town_a_programme["line"], number=2)  # partner A takes no part
    joined = ActivityFactory(line=town_a_programme["line"], number=3)
    joined.partner_organisations.add(world["partner_a"])
    partner = client_for(Role.PARTNER_MEMBER)
    data = {"happened_on": "2025-04-01", "text": "Kennisatelier gehouden.", "participants": "14"}

    for activity_id in (own.pk, joined.pk):
        response = partner.post(reverse("programme:update_create", args=[activity_id]), data)
        assert response.status_code == 302, response.content[:500]
    assert partner.post(reverse("programme:update_create", args=[other.pk]), data).status_code == 404
    assert partner.get(reverse("programme:activity_detail", args=[other.pk])).status_code == 404
    assert set(ActivityUpdate.objects.values_list("activity_id", flat=True)) == {own.pk, joined.pk}
    update = ActivityUpdate.objects.get(activity=own)
    assert update.author_organisation == world["partner_a"]
    assert update.participants == 14

    # Partner B sees nothing of town A, and partners never edit the activity.
    partner_b = client_for(Role.PARTNER_MEMBER, world["partner_b"])
    assert partner_b.post(reverse("programme:update_create", args=[own.pk]), data).status_code == 404
    assert partner.get(reverse("programme:activity_edit", args=[own.pk])).status_code == 403
    # A partner does not read the programme: the way back is "My activities".
    detail = partner.get(reverse("programme:activity_detail", args=[own.pk])).content.decode()
    assert reverse("programme:my_activities") in detail
    page = partner.get(reverse("programme:my_activities")).content.decode()
    assert own.title in page
    assert joined.title in page
    assert other.title not in page


def test_posting_foreign_ids_changes_nothing(world, client_for, town_a_programme):
    """Mass assignment: the municipality, programme and line come from the
    URL, choices are limited to the scope; extra or foreign ids are ignored
    or refused."""
    officer = client_for(Role.PROGRAMME_OFFICER)
    foreign_programme = ProgrammeFactory(municipality=world["town_b"])
    foreign_line = LineFactory(programme=foreign_programme, number=1)

    response = officer.post(
        reverse("programme:programme_create"),
        {"name": "Nieuw", "start_year": 2025, "end_year": 2026, "municipality": world["town_b"].pk},
    )
    assert response.status_code == 302
    assert Programme.objects.get(name="Nieuw").municipality == world["town_a"]
    officer.post(
        reverse("programme:vision_create"),
        {"title": "Visie", "start_year": 2024, "end_year": 2040, "ambition": "x", "municipality": world["town_b"].pk},
    )
    assert Vision.objects.get(title="Visie").municipality == world["town_a"]

    programme = town_a_programme["programme"]
    officer.post(
        reverse("programme:programme_edit", args=[programme.pk]),
        {"name": programme.name, "start_year": 2025, "end_year": 2026, "municipality": world["town_b"].pk},
    )
    programme.refresh_from_db()
    assert programme.municipality == world["town_a"]

    # An activity cannot be put in another town's line, nor led by its partner.
    response = officer.post(
        reverse("programme:activity_create", args=[programme.pk]),
        {
            "place": f"line-{foreign_line.pk}",
            "number": 5,
            "title": "Verstopt",
            "status": "planned",
            "lead_organisation": world["partner_b"].pk,
        },
    )
    assert response.status_code == 200
    assert not Activity.objects.filter(title="Verstopt").exists()
    assert not Line.objects.filter(programme=foreign_programme).exclude(pk=foreign_line.pk).exists()

    # The line of a new line is the programme of the URL, whatever is posted.
    officer.post(
        reverse("programme:line_create", args=[programme.pk]),
        {"number": 2, "title": "Tweede lijn", "programme": foreign_programme.pk},
    )
    assert Line.objects.get(title="Tweede lijn").programme == programme


def test_the_photo_of_an_update_is_served_only_inside_the_scope(world, client_for):
    from .matrix import photo_of_partner_a

    photo_id = photo_of_partner_a(world)["photo_id"]
    url = reverse("programme:photo", args=[photo_id])
    response = client_for(Role.PARTNER_MEMBER).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "no-store"
    assert client_for(Role.PARTNER_MEMBER, world["partner_b"]).get(url).status_code == 404
    assert client_for(Role.PROGRAMME_OFFICER, world["municipality_org_b"]).get(url).status_code == 404
    assert client_for(Role.ADV_CONSULTANT, world["adv_b"]).get(url).status_code == 404


def test_published_letters_are_public_and_drafts_are_not(world, client):
    from .matrix import published_letter_of_town_a

    published = published_letter_of_town_a(world)["letter_id"]
    draft = ProgressLetterFactory(programme=world["programme_a"], year=2025)
    town = world["town_a"].slug
    assert client.get(reverse("progress:letter_detail", args=[town, published])).status_code == 200
    assert client.get(reverse("progress:letter_detail", args=[town, draft.pk])).status_code == 404
    # Not under another municipality's address either.
    assert client.get(reverse("progress:letter_detail", args=[world["town_b"].slug, published])).status_code == 404
    listing = client.get(reverse("progress:letter_list", args=[town])).content.decode()
    assert "Voortgang 2026" in listing


def test_the_public_home_links_to_the_progress_letters(world, client):
    page = client.get(reverse("public:municipality_home", args=[world["town_a"].slug])).content.decode()
    assert reverse("progress:letter_list", args=[world["town_a"].slug]) in page


def test_the_staff_menu_offers_the_programme_to_its_readers_and_my_activities_to_partners(client_for):
    officer_page = client_for(Role.PROGRAMME_OFFICER).get(reverse("accounts:start")).content.decode()
    assert reverse("programme:home") in officer_page
    assert reverse("programme:my_activities") not in officer_page
    partner_page = client_for(Role.PARTNER_MEMBER).get(reverse("accounts:start")).content.decode()
    assert reverse("programme:my_activities") in partner_page
    assert f'href="{reverse("programme:home")}"' not in partner_page


def test_an_update_link_must_be_a_web_address(world):
    from django.utils import timezone

    from openinclusie.programme.services.activities import post_update
    from openinclusie.programme.services.errors import OutsideProgrammeError

    activity = ActivityFactory(line=LineFactory(programme=ProgrammeFactory(municipality=world["town_a"])))
    with pytest.raises(OutsideProgrammeError):
        post_update(
            activity=activity,
            organisation=world["partner_a"],
            author=None,
            happened_on=timezone.localdate(),
            text="x",
            links=["javascript:alert(1)"],
            now=timezone.now(),
        )
    assert not ActivityUpdate.objects.exists()


def test_adv_staff_post_change_and_remove_updates_only_on_their_own_adv_activities(world, client_for, town_a_programme):
    """The ADV takes part in the network like a partner: its staff report
    progress on the activities their ADV leads or joins, and nothing else."""
    led = ActivityFactory(line=town_a_programme["line"], number=4, lead_organisation=world["adv_a"])
    partners_only = town_a_programme["activity"]  # led by partner A
    consultant = client_for(Role.ADV_CONSULTANT)
    data = {"happened_on": "2025-06-01", "text": "Spreekuur in de bibliotheek gehouden.", "participants": "9"}

    assert consultant.post(reverse("programme:update_create", args=[partners_only.pk]), data).status_code == 404
    detail = consultant.get(reverse("programme:activity_detail", args=[led.pk])).content.decode()
    assert reverse("programme:update_create", args=[led.pk]) in detail
    # ADV staff read the programme: the way back is the programme, not the
    # partners' "My activities" (which is not theirs).
    assert reverse("programme:my_activities") not in detail
    assert reverse("programme:programme_detail", args=[town_a_programme["programme"].pk]) in detail
    assert consultant.post(reverse("programme:update_create", args=[led.pk]), data).status_code == 302
    update = ActivityUpdate.objects.get(activity=led)
    assert update.author_organisation == world["adv_a"]

    # Its own update it may change and remove; the ADV of another town may not.
    edit = reverse("programme:update_edit", args=[update.pk])
    other_adv = client_for(Role.ADV_CONSULTANT, world["adv_b"])
    assert other_adv.post(edit, {**data, "text": "Overschreven"}).status_code == 404
    assert consultant.post(edit, {**data, "text": "Spreekuur gehouden, 9 bezoekers."}).status_code == 302
    update.refresh_from_db()
    assert update.text == "Spreekuur gehouden, 9 bezoekers."
    # Reading is not editing: the activity itself stays the officer's.
    assert consultant.get(reverse("programme:activity_edit", args=[led.pk])).status_code == 403
    assert consultant.post(reverse("programme:update_remove", args=[update.pk])).status_code == 302
    assert not ActivityUpdate.objects.filter(pk=update.pk).exists()
