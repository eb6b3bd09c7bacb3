"""Which handling is a step towards the other party is data on the code,
kept with each version: a later version that renames or adds such a step
keeps the consent rule working (cases.services.handling.needs_consent)."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from openinclusie.accounts.models import Role
from openinclusie.classification import services
from openinclusie.classification.models import Code, CodeKind

from .helpers import register_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def start():
    return services.seed_start_version()


@pytest.fixture
def draft(start):
    return services.copy_version(source=start, name="Landelijke registratie 2027", valid_from=datetime.date(2027, 1, 1))


def _flagged(version) -> set[str]:
    return set(Code.objects.filter(version=version, towards_other_party=True).values_list("code", flat=True))


def test_the_start_version_marks_mediation_and_complaints(start):
    assert _flagged(start) == {"bemiddeling", "bijstand-klachtprocedure"}


def test_only_a_handling_can_be_a_step_towards_the_other_party(start, draft):
    ground = Code.objects.get(version=draft, kind=CodeKind.GROUND, code="herkomst")
    with pytest.raises(IntegrityError), transaction.atomic():
        Code.objects.filter(pk=ground.pk).update(towards_other_party=True)
    with pytest.raises(services.InvalidCodeError):
        services.add_code(
            version=draft, kind=CodeKind.DOMAIN, code="x", label_nl="X", label_en="X", towards_other_party=True
        )


def test_a_new_version_keeps_the_marks_and_can_add_its_own(draft):
    assert _flagged(draft) == {"bemiddeling", "bijstand-klachtprocedure"}
    services.add_code(
        version=draft,
        kind=CodeKind.HANDLING,
        code="hoor-en-wederhoor",
        label_nl="Hoor en wederhoor",
        label_en="Hearing both sides",
        towards_other_party=True,
    )
    referral = Code.objects.get(version=draft, kind=CodeKind.HANDLING, code="doorverwijzing")
    services.update_code(
        code=referral,
        label_nl=referral.label_nl,
        label_en=referral.label_en,
        position=referral.position,
        is_active=True,
        towards_other_party=True,
    )
    assert _flagged(draft) == {"bemiddeling", "bijstand-klachtprocedure", "hoor-en-wederhoor", "doorverwijzing"}


def test_a_used_version_keeps_its_marks(world, start):
    register_report(world["adv_a"], start)
    mediation = Code.objects.get(version=start, kind=CodeKind.HANDLING, code="bemiddeling")
    with pytest.raises(services.VersionInUseError):
        services.update_code(
            code=mediation,
            label_nl=mediation.label_nl,
            label_en=mediation.label_en,
            position=mediation.position,
            is_active=True,
            towards_other_party=False,
        )
    # Position and in-use still change; the mark stays.
    services.update_code(
        code=mediation, label_nl=mediation.label_nl, label_en=mediation.label_en, position=5, is_active=True
    )
    assert Code.objects.get(pk=mediation.pk).towards_other_party


def test_the_admin_marks_a_handling_on_its_edit_page_and_sees_the_mark(world, client_for, draft, english_ui):
    admin = client_for(Role.PLATFORM_ADMIN)
    referral = Code.objects.get(version=draft, kind=CodeKind.HANDLING, code="doorverwijzing")
    ground = Code.objects.get(version=draft, kind=CodeKind.GROUND, code="herkomst")
    edit = reverse("classification:code_edit", args=[draft.pk, referral.pk])
    assert 'name="towards_other_party"' in admin.get(edit).content.decode()
    ground_page = admin.get(reverse("classification:code_edit", args=[draft.pk, ground.pk]))
    assert 'name="towards_other_party"' not in ground_page.content.decode()
    response = admin.post(
        edit,
        {
            "label_nl": referral.label_nl,
            "label_en": referral.label_en,
            "position": referral.position,
            "is_active": "on",
            "towards_other_party": "on",
        },
    )
    assert response.status_code == 302
    assert Code.objects.get(pk=referral.pk).towards_other_party
    detail = admin.get(response["Location"]).content.decode()
    assert detail.count("Needs the reporter's consent") == 3, detail
