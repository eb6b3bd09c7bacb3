"""The start version: seeded by the data migration, equal to the data in
``start_version.py``, and safe to run again or reverse."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.db.migrations.exceptions import IrreversibleError

from openinclusie.classification import services
from openinclusie.classification.models import Code, CodeKind, CodeListVersion
from openinclusie.classification.start_version import START_LISTS, START_VERSION_NAME

from .factories import CodeListVersionFactory
from .helpers import register_report

migration = importlib.import_module("openinclusie.classification.migrations.0002_start_version")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _migrated():
    """The state right after the data migration, even if an earlier
    transactional test flushed the database (seeding again is a no-op)."""
    migration.seed(django_apps, None)


def start_version() -> CodeListVersion:
    return CodeListVersion.objects.get(name=START_VERSION_NAME)


def test_the_migration_seeds_a_current_start_version():
    version = start_version()
    assert version.is_current
    assert "niet bevestigd" in version.notes
    assert CodeListVersion.objects.filter(is_current=True).count() == 1


def test_counts_per_list():
    codes = Code.objects.filter(version=start_version())
    assert codes.filter(kind=CodeKind.GROUND, parent__isnull=True).count() == 14
    assert codes.filter(kind=CodeKind.GROUND, parent__isnull=False).count() == 6
    assert codes.filter(kind=CodeKind.DOMAIN).count() == 14
    assert codes.filter(kind=CodeKind.NATURE).count() == 5
    assert codes.filter(kind=CodeKind.HANDLING).count() == 7
    assert not codes.filter(is_active=False).exists()


def test_every_code_has_a_dutch_and_an_english_label():
    for code in Code.objects.filter(version=start_version()):
        assert code.label_nl.strip(), code.code
        assert code.label_en.strip(), code.code


def test_sub_grounds_hang_only_under_main_grounds():
    sub_codes = Code.objects.filter(version=start_version(), parent__isnull=False).select_related("parent")
    assert {code.code for code in sub_codes} == {
        "antisemitisme",
        "moslimdiscriminatie",
        "anti-zwart-racisme",
        "antiziganisme",
        "transgender-genderidentiteit",
        "zwangerschap-moederschap",
    }
    for code in sub_codes:
        assert code.parent is not None
        assert code.kind == CodeKind.GROUND
        assert code.parent.kind == CodeKind.GROUND
        assert code.parent.parent_id is None
        assert code.parent.version_id == code.version_id
    assert {code.parent.code for code in sub_codes if code.parent} == {"herkomst", "geslacht"}


def test_positions_follow_the_source_order():
    grounds = Code.objects.filter(version=start_version(), kind=CodeKind.GROUND, parent__isnull=True)
    in_order = [code.code for code in grounds.order_by("position")]
    assert in_order[:3] == ["herkomst", "godsdienst", "levensovertuiging"]
    assert in_order[-1] == "onbekend"


def test_the_frozen_copy_in_the_migration_equals_the_start_version_data():
    """The start version is history: change the lists in a new version, not
    in start_version.py (or, while nothing is released, in both places)."""
    as_seeded = {
        kind.value: tuple(
            (
                spec.code,
                spec.label_nl,
                spec.label_en,
                tuple((child.code, child.label_nl, child.label_en) for child in spec.children),
            )
            for spec in specs
        )
        for kind, specs in START_LISTS.items()
    }
    assert as_seeded == migration.LISTS
    assert migration.NAME == START_VERSION_NAME
    assert start_version().notes == migration.NOTES


def test_seeding_again_changes_nothing():
    before = Code.objects.count()
    assert services.seed_start_version() == start_version()
    migration.seed(django_apps, None)
    assert Code.objects.count() == before
    assert CodeListVersion.objects.filter(name=START_VERSION_NAME).count() == 1


def test_seeding_again_restores_missing_codes():
    Code.objects.filter(version=start_version(), kind=CodeKind.NATURE, code="bedreiging").delete()
    services.seed_start_version()
    assert Code.objects.filter(version=start_version(), kind=CodeKind.NATURE, code="bedreiging").exists()


def test_the_migration_reverses_and_applies_again():
    migration.unseed(django_apps, None)
    assert not CodeListVersion.objects.filter(name=START_VERSION_NAME).exists()
    migration.unseed(django_apps, None)  # nothing left to remove: no error

    migration.seed(django_apps, None)
    assert start_version().is_current
    assert Code.objects.filter(version=start_version()).count() == 46


def test_seeding_does_not_take_over_another_current_version():
    migration.unseed(django_apps, None)
    other = CodeListVersionFactory.create(is_current=True)
    services.seed_start_version()
    assert not start_version().is_current
    other.refresh_from_db()
    assert other.is_current


def test_reversing_is_refused_once_reports_use_the_start_version(world):
    register_report(world["adv_a"], start_version())
    with pytest.raises(IrreversibleError):
        migration.unseed(django_apps, None)
    assert start_version()
