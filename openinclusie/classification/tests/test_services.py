import datetime

import pytest
from django.db import IntegrityError

from openinclusie.classification import queries, services
from openinclusie.classification.models import Code, CodeKind, CodeListVersion

from .factories import CodeFactory, CodeListVersionFactory
from .helpers import register_report

pytestmark = pytest.mark.django_db

NEXT_YEAR = datetime.date(2027, 1, 1)


@pytest.fixture
def start():
    # The data migration seeds it; seeding again is a no-op, and makes the
    # test independent of a flush by an earlier transactional test.
    return services.seed_start_version()


@pytest.fixture
def draft(start):
    return services.copy_version(source=start, name="Landelijke registratie 2027", valid_from=NEXT_YEAR)


def complete_version(**kwargs) -> CodeListVersion:
    version = CodeListVersionFactory.create(**kwargs)
    for kind in CodeKind:
        CodeFactory.create(version=version, kind=kind)
    return version


def ground(version: CodeListVersion, code: str) -> Code:
    return Code.objects.get(version=version, kind=CodeKind.GROUND, code=code)


# Copying


def test_copy_has_every_code_with_its_sub_grounds(start, draft):
    def shape(version):
        return sorted(
            (c.kind, c.code, c.label_nl, c.label_en, c.position, c.is_active, c.parent.code if c.parent else None)
            for c in Code.objects.filter(version=version).select_related("parent")
        )

    assert shape(draft) == shape(start)
    assert not Code.objects.filter(version=draft, parent__version=start).exists()
    assert draft.valid_from == NEXT_YEAR
    assert draft.notes == start.notes
    assert not draft.is_current
    start.refresh_from_db()
    assert start.is_current


def test_copy_keeps_switched_off_codes_switched_off(start):
    services.deactivate_code(code=ground(start, "antiziganisme"))
    copy = services.copy_version(source=start, name="Kopie", valid_from=NEXT_YEAR, notes="  Eigen notities ")
    assert not ground(copy, "antiziganisme").is_active
    assert copy.notes == "Eigen notities"


def test_copy_needs_a_new_name(start):
    with pytest.raises(services.VersionNameTakenError):
        services.copy_version(source=start, name=start.name.upper(), valid_from=NEXT_YEAR)
    with pytest.raises(services.VersionNameTakenError):
        services.copy_version(source=start, name="  ", valid_from=NEXT_YEAR)


# The current version


def test_make_current_keeps_exactly_one_current(start, draft):
    services.make_current(version=draft)
    assert list(CodeListVersion.objects.filter(is_current=True)) == [draft]
    assert queries.current_version() == draft
    services.make_current(version=start)
    services.make_current(version=start)
    assert list(CodeListVersion.objects.filter(is_current=True)) == [start]


def test_the_database_refuses_two_current_versions(start):
    with pytest.raises(IntegrityError):
        CodeListVersionFactory.create(is_current=True)


def test_a_version_with_an_empty_list_cannot_become_current():
    version = CodeListVersionFactory.create()
    CodeFactory.create(version=version, kind=CodeKind.GROUND)
    with pytest.raises(services.IncompleteVersionError):
        services.make_current(version=version)
    assert not CodeListVersion.objects.get(pk=version.pk).is_current


def test_the_current_version_keeps_at_least_one_active_code_per_list():
    version = complete_version()
    services.make_current(version=version)
    only_nature = Code.objects.get(version=version, kind=CodeKind.NATURE)
    with pytest.raises(services.IncompleteVersionError):
        services.deactivate_code(code=only_nature)
    only_nature.refresh_from_db()
    assert only_nature.is_active


# Adding, editing, removing in a version no report uses


def test_add_code_goes_last_by_default(draft):
    code = services.add_code(
        version=draft, kind=CodeKind.NATURE, code="Discriminerende-Uitlating", label_nl="Uitlating", label_en="Remark"
    )
    assert code.code == "discriminerende-uitlating"
    assert code.position == 60
    assert queries.codes_for(draft, CodeKind.NATURE)[-1].code == code


def test_add_sub_ground(draft):
    herkomst = ground(draft, "herkomst")
    code = services.add_code(
        version=draft,
        kind=CodeKind.GROUND,
        code="afrofobie",
        label_nl="Afrofobie",
        label_en="Afrophobia",
        parent=herkomst,
    )
    assert code.parent == herkomst
    assert code.position == 50


@pytest.mark.parametrize(
    ("kind", "parent_code"),
    [(CodeKind.DOMAIN, "herkomst"), (CodeKind.GROUND, "antisemitisme")],
)
def test_sub_codes_only_one_level_under_grounds(draft, kind, parent_code):
    with pytest.raises(services.InvalidParentError):
        services.add_code(
            version=draft, kind=kind, code="x", label_nl="X", label_en="X", parent=ground(draft, parent_code)
        )


def test_sub_ground_must_be_in_the_same_version(start, draft):
    with pytest.raises(services.InvalidParentError):
        services.add_code(
            version=draft, kind=CodeKind.GROUND, code="x", label_nl="X", label_en="X", parent=ground(start, "geslacht")
        )


def test_add_code_refuses_duplicates_bad_codes_and_missing_labels(draft):
    with pytest.raises(services.DuplicateCodeError):
        services.add_code(version=draft, kind=CodeKind.DOMAIN, code="onderwijs", label_nl="O", label_en="E")
    with pytest.raises(services.InvalidCodeError):
        services.add_code(version=draft, kind=CodeKind.DOMAIN, code="met spatie", label_nl="O", label_en="E")
    with pytest.raises(services.InvalidCodeError):
        services.add_code(version=draft, kind=CodeKind.DOMAIN, code="nieuw", label_nl="O", label_en=" ")
    with pytest.raises(services.InvalidCodeError):
        services.add_code(version=draft, kind="colour", code="nieuw", label_nl="O", label_en="E")


def test_relabel_a_code_in_an_unused_version(draft):
    code = services.update_code(
        code=ground(draft, "geslacht"),
        label_nl=" Geslacht en gender ",
        label_en="Sex and gender",
        position=35,
        is_active=True,
    )
    code.refresh_from_db()
    assert (code.label_nl, code.label_en, code.position) == ("Geslacht en gender", "Sex and gender", 35)


def test_switching_off_a_main_ground_switches_off_its_sub_grounds(draft):
    services.deactivate_code(code=ground(draft, "herkomst"))
    assert not Code.objects.filter(version=draft, parent__code="herkomst", is_active=True).exists()
    sub = ground(draft, "antisemitisme")
    with pytest.raises(services.InvalidParentError):
        services.update_code(code=sub, label_nl=sub.label_nl, label_en=sub.label_en, position=10, is_active=True)


def test_remove_code(draft):
    with pytest.raises(services.CodeHasSubCodesError):
        services.remove_code(code=ground(draft, "geslacht"))
    services.remove_code(code=ground(draft, "zwangerschap-moederschap"))
    services.remove_code(code=ground(draft, "transgender-genderidentiteit"))
    services.remove_code(code=ground(draft, "geslacht"))
    assert not Code.objects.filter(version=draft, code="geslacht").exists()


# A version that reports use


@pytest.fixture
def used(world, start):
    register_report(world["adv_a"], start)
    return start


def test_a_used_version_cannot_be_relabelled(used):
    code = ground(used, "herkomst")
    with pytest.raises(services.VersionInUseError):
        services.update_code(code=code, label_nl="Ras", label_en=code.label_en, position=code.position, is_active=True)
    with pytest.raises(services.VersionInUseError):
        services.update_code(code=code, label_nl=code.label_nl, label_en="Race", position=code.position, is_active=True)
    code.refresh_from_db()
    assert code.label_nl.startswith("Herkomst")


def test_a_used_version_gets_no_new_codes_and_loses_none(used):
    with pytest.raises(services.VersionInUseError):
        services.add_code(version=used, kind=CodeKind.DOMAIN, code="nieuw", label_nl="Nieuw", label_en="New")
    with pytest.raises(services.VersionInUseError):
        services.remove_code(code=Code.objects.get(version=used, kind=CodeKind.NATURE, code="overig"))
    assert Code.objects.filter(version=used, kind=CodeKind.NATURE, code="overig").exists()


def test_a_used_version_can_switch_codes_off_and_on_and_reorder(used):
    code = Code.objects.get(version=used, kind=CodeKind.NATURE, code="bedreiging")
    services.deactivate_code(code=code)
    code.refresh_from_db()
    assert not code.is_active
    services.update_code(code=code, label_nl=code.label_nl, label_en=code.label_en, position=5, is_active=True)
    code.refresh_from_db()
    assert code.is_active
    assert code.position == 5


def test_a_code_a_report_points_at_cannot_be_removed(world, start, draft):
    report = register_report(world["adv_a"], start)
    # A report pointing at a code of a version it is not registered under
    # is a data error elsewhere; removal still must not silently unlink it.
    report.grounds.add(ground(draft, "leeftijd"))
    with pytest.raises(services.VersionInUseError):
        services.remove_code(code=ground(draft, "leeftijd"))
