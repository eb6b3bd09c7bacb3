"""Writes for the classification code lists.

The rule that keeps figures explainable: once a report is registered under a
version (``Report.classification_version``), the meaning of that version's
codes is fixed. Its codes can then only be switched off (``is_active``) or
reordered; a new code, a new label or a removal goes into a new version made
with ``copy_version``. A version that no report uses yet can be edited
freely.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from openinclusie.core.exceptions import DomainError

from . import queries
from .models import Code, CodeKind, CodeListVersion
from .start_version import (
    POSITION_STEP,
    START_LISTS,
    START_TOWARDS_OTHER_PARTY,
    START_VERSION_NAME,
    START_VERSION_NOTES,
    START_VERSION_VALID_FROM,
)

MAX_POSITION = 32767


class ClassificationError(DomainError):
    pass


class VersionInUseError(ClassificationError):
    """The change would alter the meaning of codes that reports already use."""


class VersionNameTakenError(ClassificationError):
    pass


class InvalidCodeError(ClassificationError):
    pass


class DuplicateCodeError(ClassificationError):
    pass


class InvalidParentError(ClassificationError):
    pass


class IncompleteVersionError(ClassificationError):
    """A current version must offer at least one active code in every list."""


class CodeHasSubCodesError(ClassificationError):
    pass


def _locked(version: CodeListVersion) -> CodeListVersion:
    """Locks the version row, so two edits or an edit and a switch of the
    current version cannot interleave."""
    return CodeListVersion.objects.select_for_update().get(pk=version.pk)


def _ensure_editable(version: CodeListVersion) -> None:
    if queries.is_in_use(version):
        raise VersionInUseError(
            _(
                "Reports are registered under “%(version)s”, so its codes can only be switched off. "
                "Make a new version to add, rename or remove codes."
            )
            % {"version": version.name}
        )


def _ensure_complete(version: CodeListVersion) -> None:
    for kind in CodeKind:
        if not Code.objects.filter(version=version, kind=kind, is_active=True).exists():
            raise IncompleteVersionError(
                _("The list “%(list)s” of “%(version)s” has no code in use.")
                % {"list": kind.label, "version": version.name}
            )


def _clean_labels(label_nl: str, label_en: str) -> tuple[str, str]:
    label_nl, label_en = label_nl.strip(), label_en.strip()
    if not label_nl or not label_en:
        raise InvalidCodeError(_("A code needs a Dutch and an English label."))
    return label_nl, label_en


def _check_position(position: int) -> None:
    if not 0 <= position <= MAX_POSITION:
        raise InvalidCodeError(_("The position must be between 0 and %(max)s.") % {"max": MAX_POSITION})


@transaction.atomic
def seed_start_version() -> CodeListVersion:
    """Creates the start version from ``start_version.py``, or adds whatever
    codes it is missing. It becomes current only if no version is current.
    Safe to run more than once; the data migration does the same."""
    version = CodeListVersion.objects.filter(name=START_VERSION_NAME).first()
    if version is None:
        version = CodeListVersion.objects.create(
            name=START_VERSION_NAME,
            valid_from=START_VERSION_VALID_FROM,
            notes=START_VERSION_NOTES,
            is_current=not CodeListVersion.objects.filter(is_current=True).exists(),
        )
    for kind, specs in START_LISTS.items():
        for index, spec in enumerate(specs, start=1):
            parent, _created = Code.objects.get_or_create(
                version=version,
                kind=kind,
                code=spec.code,
                defaults={
                    "label_nl": spec.label_nl,
                    "label_en": spec.label_en,
                    "position": index * POSITION_STEP,
                    "towards_other_party": kind == CodeKind.HANDLING and spec.code in START_TOWARDS_OTHER_PARTY,
                },
            )
            for child_index, child in enumerate(spec.children, start=1):
                Code.objects.get_or_create(
                    version=version,
                    kind=kind,
                    code=child.code,
                    defaults={
                        "label_nl": child.label_nl,
                        "label_en": child.label_en,
                        "parent": parent,
                        "position": child_index * POSITION_STEP,
                    },
                )
    return version


@transaction.atomic
def copy_version(*, source: CodeListVersion, name: str, valid_from: date, notes: str | None = None) -> CodeListVersion:
    """A new version with a copy of every code of ``source`` (active or not,
    with its sub-grounds). It is not current until ``make_current``."""
    name = name.strip()
    if not name:
        raise VersionNameTakenError(_("A version needs a name."))
    if CodeListVersion.objects.filter(name__iexact=name).exists():
        raise VersionNameTakenError(_("There is already a version called “%(name)s”.") % {"name": name})
    copy = CodeListVersion.objects.create(
        name=name, valid_from=valid_from, notes=source.notes if notes is None else notes.strip(), is_current=False
    )
    originals = list(Code.objects.filter(version=source).order_by("pk"))

    def clone(original: Code, parent: Code | None) -> Code:
        return Code(
            version=copy,
            kind=original.kind,
            code=original.code,
            label_nl=original.label_nl,
            label_en=original.label_en,
            parent=parent,
            position=original.position,
            is_active=original.is_active,
            towards_other_party=original.towards_other_party,
        )

    top_level = [code for code in originals if code.parent_id is None]
    new_top_level = Code.objects.bulk_create([clone(code, None) for code in top_level])
    new_by_old_pk = {old.pk: new for old, new in zip(top_level, new_top_level, strict=True)}
    Code.objects.bulk_create(
        [clone(code, new_by_old_pk[code.parent_id]) for code in originals if code.parent_id is not None]
    )
    return copy


@transaction.atomic
def make_current(*, version: CodeListVersion) -> CodeListVersion:
    """Makes ``version`` the one that new registrations use. The previous
    current version is switched off in the same transaction; reports keep
    the version they were registered under."""
    # Lock every version row: two concurrent switches then run one after the
    # other instead of one failing on the "only one current" constraint.
    list(CodeListVersion.objects.select_for_update().order_by("pk").values_list("pk", flat=True))
    version.refresh_from_db()
    if version.is_current:
        return version
    _ensure_complete(version)
    CodeListVersion.objects.filter(is_current=True).update(is_current=False)
    version.is_current = True
    version.save(update_fields=["is_current"])
    return version


@transaction.atomic
def add_code(
    *,
    version: CodeListVersion,
    kind: str,
    code: str,
    label_nl: str,
    label_en: str,
    parent: Code | None = None,
    position: int | None = None,
    towards_other_party: bool = False,
) -> Code:
    """Adds a code to a version that no report uses yet. ``parent`` makes it
    a sub-ground of that main ground. Without a position it goes last."""
    version = _locked(version)
    _ensure_editable(version)
    if kind not in CodeKind.values:
        raise InvalidCodeError(_("Unknown list."))
    code = code.strip().lower()
    try:
        validate_slug(code)
    except ValidationError as invalid:
        raise InvalidCodeError(_("A code may only contain letters, digits, hyphens and underscores.")) from invalid
    label_nl, label_en = _clean_labels(label_nl, label_en)
    if parent is not None and (
        kind != CodeKind.GROUND
        or parent.version_id != version.pk
        or parent.kind != CodeKind.GROUND
        or parent.parent_id is not None
    ):
        raise InvalidParentError(_("Only a ground can have sub-grounds, one level deep, within the same version."))
    _check_other_party(kind, towards_other_party)
    if Code.objects.filter(version=version, kind=kind, code=code).exists():
        raise DuplicateCodeError(_("This list already has the code “%(code)s”.") % {"code": code})
    if position is None:
        siblings = Code.objects.filter(version=version, kind=kind, parent=parent)
        position = min((siblings.aggregate(last=Max("position"))["last"] or 0) + POSITION_STEP, MAX_POSITION)
    _check_position(position)
    return Code.objects.create(
        version=version,
        kind=kind,
        code=code,
        label_nl=label_nl,
        label_en=label_en,
        parent=parent,
        position=position,
        towards_other_party=towards_other_party,
    )


def _check_other_party(kind: str, towards_other_party: bool) -> None:
    if towards_other_party and kind != CodeKind.HANDLING:
        raise InvalidCodeError(_("Only a handling can be a step towards the other party."))


@transaction.atomic
def update_code(
    *,
    code: Code,
    label_nl: str,
    label_en: str,
    position: int,
    is_active: bool,
    towards_other_party: bool | None = None,
) -> Code:
    """Changes a code's labels, position or whether it is in use.

    In a version that reports use, the labels are fixed (raises
    ``VersionInUseError``); position and in-use can still change. Switching off a
    main ground switches off its sub-grounds too; a sub-ground cannot be
    switched on under a main ground that is off."""
    version = _locked(code.version)
    code = Code.objects.select_related("parent").get(pk=code.pk)
    label_nl, label_en = _clean_labels(label_nl, label_en)
    _check_position(position)
    if towards_other_party is None:
        towards_other_party = code.towards_other_party
    _check_other_party(code.kind, towards_other_party)
    # Whether a step needs consent is part of what the code means, like its
    # label: fixed once reports use the version.
    if (label_nl, label_en, towards_other_party) != (code.label_nl, code.label_en, code.towards_other_party):
        _ensure_editable(version)
    if is_active and code.parent is not None and not code.parent.is_active:
        raise InvalidParentError(_("Switch on the main ground “%(ground)s” first.") % {"ground": code.parent.label_nl})
    code.label_nl, code.label_en, code.position, code.is_active = label_nl, label_en, position, is_active
    code.towards_other_party = towards_other_party
    code.save(update_fields=["label_nl", "label_en", "position", "is_active", "towards_other_party"])
    if not is_active:
        code.children.filter(is_active=True).update(is_active=False)
    if version.is_current:
        _ensure_complete(version)
    return code


@transaction.atomic
def deactivate_code(*, code: Code) -> Code:
    """Switches a code off (and a main ground's sub-grounds with it). Allowed
    in every version: old reports keep the code, new ones cannot choose it."""
    code = Code.objects.get(pk=code.pk)
    return update_code(
        code=code, label_nl=code.label_nl, label_en=code.label_en, position=code.position, is_active=False
    )


@transaction.atomic
def remove_code(*, code: Code) -> None:
    """Deletes a code from a version that no report uses yet, for example one
    added by mistake. Sub-grounds must be removed first."""
    version = _locked(code.version)
    _ensure_editable(version)
    code = Code.objects.get(pk=code.pk)
    if code.children.exists():
        raise CodeHasSubCodesError(_("Remove the sub-grounds of “%(code)s” first.") % {"code": code.label_nl})
    if queries.is_code_referenced(code):
        raise VersionInUseError(_("Reports use the code “%(code)s”; switch it off instead.") % {"code": code.label_nl})
    code.delete()
    if version.is_current:
        _ensure_complete(version)
