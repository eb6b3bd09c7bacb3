"""Which municipalities' figures a signed-in user may see (object scoping;
the views' access policies only say which roles may open a page).

- Protected (suppressed) figures: a programme officer their own
  municipality, a partner member the municipalities their organisation is
  active in, ADV staff the municipalities their ADV serves, platform
  management all.
- Unprotected figures: only staff of the ADV that serves the municipality.
- Releasing: only the coordinator of that ADV.
"""

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from openinclusie.accounts.access import ADV_ROLES, memberships_of
from openinclusie.accounts.models import Role
from openinclusie.organisations.models import Municipality


def protected_scope(request: HttpRequest) -> QuerySet[Municipality]:
    condition = Q(pk__in=[])
    for membership in memberships_of(request):
        organisation = membership.organisation
        if membership.role == Role.PLATFORM_ADMIN:
            return Municipality.objects.order_by("name")
        if membership.role in ADV_ROLES:
            condition |= Q(adv_id=organisation.pk)
        elif membership.role == Role.PROGRAMME_OFFICER and organisation.municipality_id:
            condition |= Q(pk=organisation.municipality_id)
        elif membership.role == Role.PARTNER_MEMBER:
            condition |= Q(pk__in=organisation.active_in.values("pk"))
    return Municipality.objects.filter(condition).order_by("name")


def unprotected_scope(request: HttpRequest) -> QuerySet[Municipality]:
    adv_ids = [m.organisation_id for m in memberships_of(request) if m.role in ADV_ROLES]
    return Municipality.objects.filter(adv_id__in=adv_ids).select_related("adv").order_by("name")


def release_scope(request: HttpRequest) -> QuerySet[Municipality]:
    adv_ids = [m.organisation_id for m in memberships_of(request) if m.role == Role.ADV_COORDINATOR]
    return Municipality.objects.filter(adv_id__in=adv_ids).order_by("name")


def _one(scope: QuerySet[Municipality], slug: str) -> Municipality:
    """404, not 403, for a municipality outside the scope: its existence
    is not a secret, but nothing about it should differ."""
    try:
        return scope.get(slug=slug)
    except Municipality.DoesNotExist as missing:
        raise Http404 from missing


def protected_municipality(request: HttpRequest, slug: str) -> Municipality:
    return _one(protected_scope(request), slug)


def unprotected_municipality(request: HttpRequest, slug: str) -> Municipality:
    return _one(unprotected_scope(request), slug)


def releasable_municipality(request: HttpRequest, slug: str) -> Municipality:
    return _one(release_scope(request), slug)


def can_release(request: HttpRequest, municipality: Municipality) -> bool:
    return any(
        m.role == Role.ADV_COORDINATOR and m.organisation_id == municipality.adv_id for m in memberships_of(request)
    )


def sees_unprotected(request: HttpRequest, municipality: Municipality) -> bool:
    return any(m.role in ADV_ROLES and m.organisation_id == municipality.adv_id for m in memberships_of(request))
