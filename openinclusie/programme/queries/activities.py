"""Reads of activities, their updates and photos, scoped to what the user
may see: the municipality's programme, or for a partner only the activities
their organisation leads or takes part in."""

from collections.abc import Iterable

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from openinclusie.organisations.models import Municipality, Organisation, OrganisationKind
from openinclusie.programme.models import Activity, ActivityPhoto, ActivityUpdate, Line, Programme
from openinclusie.programme.scope import Scope


def in_municipalities(municipality_ids: Iterable[int], prefix: str = "") -> Q:
    """Activities (or, with ``prefix="activity__"``, their updates) in the
    programmes of these municipalities."""
    ids = list(municipality_ids)
    return Q(**{f"{prefix}line__programme__municipality_id__in": ids}) | Q(
        **{f"{prefix}objective__line__programme__municipality_id__in": ids}
    )


def involving(organisation_ids: Iterable[int]) -> Q:
    """Activities the organisations lead or take part in."""
    ids = list(organisation_ids)
    return Q(lead_organisation_id__in=ids) | Q(
        Exists(
            Activity.partner_organisations.through.objects.filter(activity_id=OuterRef("pk"), organisation_id__in=ids)
        )
    )


def _activities() -> QuerySet[Activity]:
    return (
        Activity.objects.select_related(
            "line__programme__municipality",
            "objective__line__programme__municipality",
            "lead_organisation",
        )
        .prefetch_related(Prefetch("partner_organisations", queryset=Organisation.objects.order_by("name")))
        .annotate(line_number=Coalesce("line__number", "objective__line__number"))
        .order_by("line_number", "number")
    )


def activities_filter(scope: Scope, *, for_update: bool = False) -> Q:
    """Which activities the scope may read (or post updates on)."""
    if scope.is_platform_admin:
        return Q()
    municipalities = scope.editable_municipality_ids if for_update else scope.readable_municipality_ids
    condition = in_municipalities(municipalities)
    if scope.partner_organisation_ids:
        condition |= involving(scope.partner_organisation_ids)
    return condition


def activities_of_programme(programme: Programme) -> QuerySet[Activity]:
    return _activities().filter(Q(line__programme=programme) | Q(objective__line__programme=programme))


def activities_of_line(line: Line) -> QuerySet[Activity]:
    return _activities().filter(Q(line=line) | Q(objective__line=line))


def activities_of_partner(scope: Scope) -> QuerySet[Activity]:
    if not scope.partner_organisation_ids:
        return Activity.objects.none()
    return _activities().filter(involving(scope.partner_organisation_ids))


def activity_for_read(scope: Scope, pk: int) -> Activity:
    return get_object_or_404(_activities().filter(activities_filter(scope)), pk=pk)


def activity_for_update(scope: Scope, pk: int) -> Activity:
    """An activity the user may post a progress update on."""
    return get_object_or_404(_activities().filter(activities_filter(scope, for_update=True)), pk=pk)


def activity_for_edit(scope: Scope, pk: int) -> Activity:
    if scope.is_platform_admin:
        return get_object_or_404(_activities(), pk=pk)
    return get_object_or_404(_activities().filter(in_municipalities(scope.editable_municipality_ids)), pk=pk)


def can_post_update(scope: Scope, activity: Activity) -> bool:
    return Activity.objects.filter(activities_filter(scope, for_update=True), pk=activity.pk).exists()


def updates_of(activity: Activity) -> QuerySet[ActivityUpdate]:
    return (
        activity.updates.select_related("author_organisation")
        .prefetch_related(Prefetch("photos", queryset=ActivityPhoto.objects.order_by("pk")))
        .order_by("-happened_on", "-pk")
    )


def _author_takes_part() -> Q:
    """The update's own organisation still leads or takes part in its activity."""
    return Q(activity__lead_organisation_id=F("author_organisation_id")) | Q(
        Exists(
            Activity.partner_organisations.through.objects.filter(
                activity_id=OuterRef("activity_id"), organisation_id=OuterRef("author_organisation_id")
            )
        )
    )


def updates_changeable(scope: Scope) -> QuerySet[ActivityUpdate]:
    """Updates the user may edit or remove: every update in a programme of
    their own municipality (officer); for a partner member, the updates of
    their own organisation, while it still takes part in the activity."""
    updates = ActivityUpdate.objects.select_related(
        "activity__line__programme__municipality",
        "activity__objective__line__programme__municipality",
        "author_organisation",
    )
    if scope.is_platform_admin:
        return updates
    condition = in_municipalities(scope.editable_municipality_ids, prefix="activity__")
    if scope.partner_organisation_ids:
        condition |= Q(author_organisation_id__in=scope.partner_organisation_ids) & _author_takes_part()
    return updates.filter(condition)


def update_for_change(scope: Scope, pk: int) -> ActivityUpdate:
    return get_object_or_404(updates_changeable(scope), pk=pk)


def changeable_update_ids(scope: Scope, activity: Activity) -> set[int]:
    """Which updates of this activity the user may edit or remove."""
    return set(updates_changeable(scope).filter(activity=activity).values_list("pk", flat=True))


def photo_for_read(scope: Scope, pk: int) -> ActivityPhoto:
    readable = Activity.objects.filter(activities_filter(scope))
    return get_object_or_404(ActivityPhoto.objects.filter(update__activity__in=readable), pk=pk)


def organisation_choices(municipality: Municipality) -> QuerySet[Organisation]:
    """Organisations that can lead or join an activity of the municipality:
    the municipality itself, its ADV and the partners active in it."""
    condition = Q(municipality=municipality) | Q(kind=OrganisationKind.PARTNER, active_in=municipality)
    if municipality.adv_id:
        condition |= Q(pk=municipality.adv_id)
    return Organisation.objects.filter(condition).distinct().order_by("name")
