import pytest
from django.urls import reverse
from django.utils import translation

from openinclusie.accounts.models import Role
from openinclusie.classification import services
from openinclusie.classification.models import Code, CodeKind, CodeListVersion

from .helpers import register_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def start(world):
    # The data migration seeds it; seeding again is a no-op, and makes the
    # test independent of a flush by an earlier transactional test.
    return services.seed_start_version()


@pytest.fixture
def draft(start):
    return services.copy_version(source=start, name="Landelijke registratie 2027", valid_from=start.valid_from)


@pytest.fixture
def admin(client_for):
    return client_for(Role.PLATFORM_ADMIN)


def detail_url(version):
    return reverse("classification:version_detail", args=[version.pk])


def test_admin_sees_the_versions_and_the_menu_item(admin, start):
    response = admin.get(reverse("classification:version_list"))
    assert response.status_code == 200
    assert start.name in response.text
    assert reverse("classification:version_list") in response.text
    assert response["Cache-Control"] == "no-store"


def test_admin_sees_the_grounds_tree_with_edit_links(admin, draft):
    response = admin.get(detail_url(draft))
    assert response.status_code == 200
    herkomst = Code.objects.get(version=draft, code="herkomst")
    antisemitism = Code.objects.get(version=draft, code="antisemitisme")
    text = response.text
    grounds = text[text.index('id="list-ground"') : text.index('id="list-domain"')]
    assert grounds.index("Herkomst (ras") < grounds.index("Antisemitisme") < grounds.index("Godsdienst")
    assert reverse("classification:code_edit", args=[draft.pk, antisemitism.pk]) in text
    assert f"kind=ground&amp;parent={herkomst.pk}" in text
    assert reverse("classification:version_make_current", args=[draft.pk]) in text
    for list_id in ("list-ground", "list-domain", "list-nature", "list-handling"):
        assert f'id="{list_id}"' in text


def test_coordinator_reads_without_edit_links(client_for, start, draft):
    client = client_for(Role.ADV_COORDINATOR)
    assert client.get(reverse("classification:version_list")).status_code == 200
    response = client.get(detail_url(draft))
    assert response.status_code == 200
    assert "Antisemitisme" in response.text
    assert "/codes/" not in response.text
    assert reverse("classification:version_copy", args=[draft.pk]) not in response.text
    assert client.get(reverse("classification:version_copy", args=[draft.pk])).status_code == 403


@pytest.mark.parametrize("role", [Role.ADV_CONSULTANT, Role.PROGRAMME_OFFICER, Role.PARTNER_MEMBER])
def test_other_roles_are_refused_and_see_no_menu_item(client_for, start, role):
    client = client_for(role)
    assert client.get(reverse("classification:version_list")).status_code == 403
    assert client.get(detail_url(start)).status_code == 403
    start_page = client.get(reverse("accounts:start"))
    assert reverse("classification:version_list") not in start_page.text


def test_english_pages(admin, start):
    # The request switches the thread to English; override() switches back
    # afterwards, so later tests do not reverse /en/ URLs.
    with translation.override("nl"):
        response = admin.get("/en" + detail_url(start))
    assert response.status_code == 200
    assert "Origin (race, skin colour, descent, ethnicity)" in response.text


def test_copy_a_version(admin, start):
    url = reverse("classification:version_copy", args=[start.pk])
    form = admin.get(url)
    assert form.status_code == 200
    assert 'name="valid_from"' in form.text
    response = admin.post(url, {"name": "Landelijke registratie 2027", "valid_from": "2027-01-01", "notes": "Nieuw"})
    copy = CodeListVersion.objects.get(name="Landelijke registratie 2027")
    assert response.status_code == 302
    assert response["Location"] == detail_url(copy)
    assert copy.codes.count() == start.codes.count()
    assert not copy.is_current


def test_copy_with_a_taken_name_shows_the_error(admin, start):
    response = admin.post(
        reverse("classification:version_copy", args=[start.pk]), {"name": start.name, "valid_from": "2027-01-01"}
    )
    assert response.status_code == 200
    assert "error-summary" in response.text
    assert CodeListVersion.objects.count() == 1


def test_make_current_asks_then_switches(admin, start, draft):
    url = reverse("classification:version_make_current", args=[draft.pk])
    confirm = admin.get(url)
    assert confirm.status_code == 200
    assert start.name in confirm.text
    assert not CodeListVersion.objects.get(pk=draft.pk).is_current
    response = admin.post(url)
    assert response.status_code == 302
    assert list(CodeListVersion.objects.filter(is_current=True)) == [draft]


def test_add_a_sub_ground(admin, draft):
    herkomst = Code.objects.get(version=draft, code="herkomst")
    url = reverse("classification:code_add", args=[draft.pk])
    form = admin.get(url, {"kind": "ground", "parent": herkomst.pk})
    assert form.status_code == 200
    response = admin.post(
        url,
        {
            "kind": "ground",
            "parent": herkomst.pk,
            "code": "afrofobie",
            "label_nl": "Afrofobie",
            "label_en": "Afrophobia",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#list-ground")
    assert Code.objects.get(version=draft, code="afrofobie").parent == herkomst


def test_add_a_duplicate_code_shows_the_error(admin, draft):
    response = admin.post(
        reverse("classification:code_add", args=[draft.pk]),
        {"kind": "domain", "code": "onderwijs", "label_nl": "Onderwijs", "label_en": "Education"},
    )
    assert response.status_code == 200
    assert 'href="#id_code"' in response.text


def test_a_parent_only_for_grounds(admin, draft):
    herkomst = Code.objects.get(version=draft, code="herkomst")
    response = admin.post(
        reverse("classification:code_add", args=[draft.pk]),
        {"kind": "domain", "parent": herkomst.pk, "code": "x", "label_nl": "X", "label_en": "X"},
    )
    assert response.status_code == 200
    assert not Code.objects.filter(version=draft, code="x").exists()


def test_edit_a_code(admin, draft):
    code = Code.objects.get(version=draft, kind=CodeKind.NATURE, code="bedreiging")
    url = reverse("classification:code_edit", args=[draft.pk, code.pk])
    assert admin.get(url).status_code == 200
    response = admin.post(url, {"label_nl": "Bedreiging", "label_en": "Threats", "position": "25"})
    assert response.status_code == 302
    code.refresh_from_db()
    assert (code.label_en, code.position, code.is_active) == ("Threats", 25, False)


def test_a_used_version_shows_fixed_labels_and_ignores_posted_labels(admin, world, start):
    register_report(world["adv_a"], start)
    code = Code.objects.get(version=start, kind=CodeKind.NATURE, code="geweld")
    url = reverse("classification:code_edit", args=[start.pk, code.pk])
    page = admin.get(url)
    assert "disabled" in page.text
    assert "verwijderen" not in page.text
    response = admin.post(url, {"label_nl": "Iets anders", "label_en": "Else", "position": "30"})
    assert response.status_code == 302
    code.refresh_from_db()
    assert (code.label_nl, code.is_active) == ("Geweld", False)
    add = admin.get(reverse("classification:code_add", args=[start.pk]))
    assert add.status_code == 302
    assert add["Location"] == detail_url(start)


def test_switching_off_the_last_code_of_a_list_in_the_current_version_shows_the_error(admin, start):
    for code in Code.objects.filter(version=start, kind=CodeKind.NATURE).exclude(code="overig"):
        services.deactivate_code(code=code)
    last = Code.objects.get(version=start, kind=CodeKind.NATURE, code="overig")
    response = admin.post(
        reverse("classification:code_edit", args=[start.pk, last.pk]),
        {"label_nl": last.label_nl, "label_en": last.label_en, "position": last.position},
    )
    assert response.status_code == 200
    assert 'href="#id_is_active"' in response.text
    last.refresh_from_db()
    assert last.is_active


def test_remove_a_code(admin, draft):
    code = Code.objects.get(version=draft, code="antiziganisme")
    response = admin.post(reverse("classification:code_remove", args=[draft.pk, code.pk]))
    assert response.status_code == 302
    assert not Code.objects.filter(pk=code.pk).exists()
    assert admin.get(reverse("classification:code_remove", args=[draft.pk, code.pk])).status_code == 405


def test_remove_is_refused_with_a_message(admin, draft):
    code = Code.objects.get(version=draft, code="herkomst")
    response = admin.post(reverse("classification:code_remove", args=[draft.pk, code.pk]), follow=True)
    assert Code.objects.filter(pk=code.pk).exists()
    assert "sub-grounds" in response.text or "subgronden" in response.text


def test_a_code_of_another_version_is_not_found(admin, start, draft):
    code = Code.objects.get(version=start, code="herkomst")
    assert admin.get(reverse("classification:code_edit", args=[draft.pk, code.pk])).status_code == 404
