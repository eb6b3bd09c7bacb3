import pytest
from django.http import Http404
from django.utils import translation

from openinclusie.classification import queries, services
from openinclusie.classification.models import Code, CodeKind

from .factories import CodeListVersionFactory
from .helpers import register_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def version():
    # The data migration seeds it; seeding again is a no-op, and makes the
    # test independent of a flush by an earlier transactional test.
    return services.seed_start_version()


def test_grounds_come_with_their_sub_grounds_in_order(version):
    grounds = queries.codes_for(version, CodeKind.GROUND)
    assert len(grounds) == 14
    herkomst = grounds[0]
    assert herkomst.code.code == "herkomst"
    assert [sub.code for sub in herkomst.sub_codes] == [
        "antisemitisme",
        "moslimdiscriminatie",
        "anti-zwart-racisme",
        "antiziganisme",
    ]
    assert all(node.sub_codes == [] for node in queries.codes_for(version, CodeKind.DOMAIN))


def test_switched_off_codes_are_left_out_unless_asked(version):
    draft = services.copy_version(source=version, name="Concept", valid_from=version.valid_from)
    services.deactivate_code(code=Code.objects.get(version=draft, code="geslacht"))
    services.deactivate_code(code=Code.objects.get(version=draft, code="antiziganisme"))
    grounds = queries.codes_for(draft, CodeKind.GROUND)
    assert "geslacht" not in [node.code.code for node in grounds]
    assert "antiziganisme" not in [sub.code for sub in grounds[0].sub_codes]
    everything = queries.codes_for(draft, CodeKind.GROUND, include_inactive=True)
    assert len(everything) == 14
    assert len(everything[0].sub_codes) == 4


def test_selectable_codes_are_flat_in_tree_order(version):
    codes = [code.code for code in queries.selectable_codes(version, CodeKind.GROUND)]
    assert codes[:6] == [
        "herkomst",
        "antisemitisme",
        "moslimdiscriminatie",
        "anti-zwart-racisme",
        "antiziganisme",
        "godsdienst",
    ]
    assert codes.index("transgender-genderidentiteit") == codes.index("geslacht") + 1
    assert len(codes) == 20


def test_selectable_codes_leave_out_sub_grounds_of_a_switched_off_ground(version):
    Code.objects.filter(version=version, code="geslacht").update(is_active=False)
    codes = [code.code for code in queries.selectable_codes(version, CodeKind.GROUND)]
    assert "geslacht" not in codes
    assert "zwangerschap-moederschap" not in codes


def test_code_choices_follow_the_language(version):
    with translation.override("nl"):
        choices = dict(queries.code_choices(version, CodeKind.GROUND))
    antisemitism = Code.objects.get(version=version, code="antisemitisme")
    assert choices[antisemitism.pk] == "Herkomst (ras, huidskleur, afkomst, etniciteit) \N{EN DASH} Antisemitisme"
    with translation.override("en"):
        choices = dict(queries.code_choices(version, CodeKind.HANDLING))
    assert "Referral" in choices.values()


def test_versions_know_whether_reports_use_them(world, version):
    draft = CodeListVersionFactory.create()
    register_report(world["adv_a"], version)
    in_use = {v.pk: v.in_use for v in queries.all_versions()}  # type: ignore[attr-defined]
    assert in_use == {version.pk: True, draft.pk: False}
    assert queries.is_in_use(version)
    assert not queries.is_in_use(draft)
    assert queries.all_versions().first() == version  # the current one first


def test_a_code_is_found_only_in_its_own_version(version):
    other = CodeListVersionFactory.create()
    code = Code.objects.filter(version=version).order_by("pk")[0]
    assert queries.code_in_version(version, code.pk) == code
    with pytest.raises(Http404):
        queries.code_in_version(other, code.pk)
    with pytest.raises(Http404):
        queries.version_by_id(0)


def test_lists_of_gives_four_lists_with_sizes(version):
    lists = queries.lists_of(version)
    assert [code_list.kind for code_list in lists] == list(CodeKind)
    assert [code_list.size for code_list in lists] == [20, 14, 5, 7]
