"""Reads of the classification code lists, for the classification form of the
case back office, the figures and the management screens.

For registering a report::

    version = current_version()                       # None until one is current
    grounds = codes_for(version, CodeKind.GROUND)     # [CodeNode(code, sub_codes), ...]
    choices = code_choices(version, CodeKind.DOMAIN)  # [(pk, label), ...] for a form field
    field.queryset = selectable_codes(version, CodeKind.HANDLING)

Only active codes are offered unless ``include_inactive=True``; a report
keeps the version and codes it was registered with, so to show or edit an
older report use *its* ``classification_version``, not ``current_version()``.
Labels follow the active language (``Code.label``).
"""

from dataclasses import dataclass

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404

from .models import Code, CodeKind, CodeListVersion


def _report_model() -> type:
    # The reports live in the cases app, which depends on this one; reaching
    # the model through the relation avoids an import cycle.
    return CodeListVersion._meta.get_field("reports").related_model  # type: ignore[return-value]


def current_version() -> CodeListVersion | None:
    """The version new registrations use, or None if none is current yet."""
    return CodeListVersion.objects.filter(is_current=True).first()


def is_in_use(version: CodeListVersion) -> bool:
    """True once any report is registered under this version; from then on
    its codes can only be switched off (see ``services``)."""
    return version.reports.exists()  # type: ignore[attr-defined]


def is_code_referenced(code: Code) -> bool:
    """True when any report points at this code, whatever its version."""
    return (
        code.reports_by_ground.exists()  # type: ignore[attr-defined]
        or code.reports_by_handling.exists()  # type: ignore[attr-defined]
        or code.reports_by_domain.exists()  # type: ignore[attr-defined]
        or code.reports_by_nature.exists()  # type: ignore[attr-defined]
    )


def all_versions() -> QuerySet[CodeListVersion]:
    """Every version, newest first, with ``in_use`` (bool) and ``code_count``.
    No report counts: those are figures and go through disclosure control."""
    reports = _report_model().objects.filter(classification_version=OuterRef("pk"))  # type: ignore[attr-defined]
    return CodeListVersion.objects.annotate(in_use=Exists(reports), code_count=Count("codes", distinct=True)).order_by(
        "-is_current", "-valid_from", "-pk"
    )


def version_by_id(version_id: int) -> CodeListVersion:
    """One version, with ``in_use`` annotated; 404 if it does not exist."""
    try:
        return all_versions().get(pk=version_id)
    except CodeListVersion.DoesNotExist as missing:
        raise Http404 from missing


def code_in_version(version: CodeListVersion, code_id: int) -> Code:
    """One code of ``version``; 404 if it belongs to another version."""
    try:
        return Code.objects.select_related("parent", "version").get(version=version, pk=code_id)
    except Code.DoesNotExist as missing:
        raise Http404 from missing


def _active_filter(include_inactive: bool) -> Q:
    return Q() if include_inactive else Q(is_active=True)


@dataclass(frozen=True)
class CodeNode:
    """A top-level code with its sub-codes (sub-grounds; empty outside the
    grounds list)."""

    code: Code
    sub_codes: list[Code]


def codes_for(version: CodeListVersion, kind: str, *, include_inactive: bool = False) -> list[CodeNode]:
    """The top-level codes of one list in their order, each with its
    sub-grounds in order. Without ``include_inactive``, switched-off codes
    are left out, and so are the sub-grounds of a switched-off main ground."""
    active = _active_filter(include_inactive)
    top_level = Code.objects.filter(active, version=version, kind=kind, parent__isnull=True).order_by("position", "pk")
    sub_codes: dict[int, list[Code]] = {}
    for sub_code in Code.objects.filter(active, version=version, kind=kind, parent__in=top_level).order_by(
        "position", "pk"
    ):
        sub_codes.setdefault(sub_code.parent_id, []).append(sub_code)  # type: ignore[arg-type]
    return [CodeNode(code, sub_codes.get(code.pk, [])) for code in top_level]


def selectable_codes(version: CodeListVersion, kind: str) -> QuerySet[Code]:
    """Active codes of one list as a flat queryset in tree order (each main
    ground directly followed by its sub-grounds), for a ``ModelChoiceField``
    or ``ModelMultipleChoiceField`` and for validating submitted codes.
    Sub-grounds of a switched-off main ground are left out."""
    return (
        Code.objects.filter(version=version, kind=kind, is_active=True)
        .filter(Q(parent__isnull=True) | Q(parent__is_active=True))
        .select_related("parent")
        .annotate(
            group_position=Coalesce("parent__position", "position"),
            group_pk=Coalesce("parent_id", "pk"),
            is_sub=Case(When(parent__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()),
        )
        .order_by("group_position", "group_pk", "is_sub", "position", "pk")
    )


def code_choices(version: CodeListVersion, kind: str) -> list[tuple[int, str]]:
    """``[(pk, label), ...]`` of the active codes in tree order. A sub-ground
    is labelled with its main ground, e.g. "Herkomst - Antisemitisme" (with an en dash)."""
    return [
        (code.pk, f"{code.parent.label} \N{EN DASH} {code.label}" if code.parent else code.label)
        for code in selectable_codes(version, kind)
    ]


def main_grounds(version: CodeListVersion) -> QuerySet[Code]:
    """The grounds a sub-ground can be put under (active or not)."""
    return Code.objects.filter(version=version, kind=CodeKind.GROUND, parent__isnull=True).order_by("position", "pk")


@dataclass(frozen=True)
class CodeList:
    kind: CodeKind
    nodes: list[CodeNode]

    @property
    def label(self) -> str:
        return str(self.kind.label)

    @property
    def size(self) -> int:
        return len(self.nodes) + sum(len(node.sub_codes) for node in self.nodes)


def lists_of(version: CodeListVersion, *, include_inactive: bool = True) -> list[CodeList]:
    """All four lists of a version in a fixed order (grounds, domains,
    natures, handlings), each as ``codes_for`` returns them."""
    return [CodeList(kind, codes_for(version, kind, include_inactive=include_inactive)) for kind in CodeKind]
