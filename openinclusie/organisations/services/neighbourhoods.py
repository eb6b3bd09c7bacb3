"""Writes for the neighbourhoods of a municipality."""

from datetime import datetime

from django.db import models, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from openinclusie.accounts.models import AdminActionKind, User
from openinclusie.accounts.services import record_admin_action
from openinclusie.organisations.models import Municipality, Neighbourhood

from .common import NameInUse, OrganisationError, _changes, _others


class NeighbourhoodInUse(OrganisationError):
    pass


def _check_neighbourhood_name(*, municipality: Municipality, name: str, exclude_pk: int | None = None) -> None:
    if _others(municipality.neighbourhoods.filter(name=name), exclude_pk).exists():
        raise NameInUse(
            _("%(municipality)s already has a neighbourhood called %(name)s.")
            % {"municipality": municipality.name, "name": name}
        )


@transaction.atomic
def add_neighbourhood(
    *, actor: User, municipality: Municipality, name: str, now: datetime, cbs_code: str = ""
) -> Neighbourhood:
    _check_neighbourhood_name(municipality=municipality, name=name)
    neighbourhood = Neighbourhood.objects.create(municipality=municipality, name=name, cbs_code=cbs_code)
    record_admin_action(actor=actor, action=AdminActionKind.NEIGHBOURHOOD_ADDED, target=neighbourhood, now=now)
    return neighbourhood


@transaction.atomic
def update_neighbourhood(
    *, actor: User, neighbourhood: Neighbourhood, name: str, now: datetime, cbs_code: str = ""
) -> Neighbourhood:
    current = (
        Neighbourhood.objects.select_for_update(of=("self",)).select_related("municipality").get(pk=neighbourhood.pk)
    )
    _check_neighbourhood_name(municipality=current.municipality, name=name, exclude_pk=current.pk)
    values = {"name": name, "cbs_code": cbs_code}
    changed = _changes(current, values, ("name", "cbs_code"))
    current.name, current.cbs_code = name, cbs_code
    current.save(update_fields=["name", "cbs_code"])
    if changed:
        record_admin_action(
            actor=actor,
            action=AdminActionKind.NEIGHBOURHOOD_CHANGED,
            target=current,
            detail="; ".join(changed),
            now=now,
        )
    return current


def _references_to(instance: models.Model) -> list[str]:
    """What still points at this object, as "count name" phrases, whatever
    the delete rule of the pointing field. A neighbourhood that reports or
    signals refer to must stay, even where deleting would merely unlink."""
    found = []
    for relation in instance._meta.related_objects:
        if relation.many_to_many:
            accessor = relation.get_accessor_name()
            count = getattr(instance, accessor).count() if accessor else 0
        else:
            count = relation.related_model._default_manager.filter(**{relation.field.name: instance}).count()
        if count:
            found.append(f"{relation.related_model._meta.verbose_name_plural}: {count}")
    return found


@transaction.atomic
def remove_neighbourhood(*, actor: User, neighbourhood: Neighbourhood, now: datetime) -> None:
    """Removes a neighbourhood that nothing refers to; otherwise refuses, so
    no report, signal or directory entry silently loses its neighbourhood."""
    current = (
        Neighbourhood.objects.select_for_update(of=("self",)).select_related("municipality").get(pk=neighbourhood.pk)
    )
    references = _references_to(current)
    if references:
        raise NeighbourhoodInUse(
            _(
                "%(name)s cannot be removed, because other records still refer to it (%(references)s). "
                "You can rename it instead."
            )
            % {"name": current.name, "references": ", ".join(references)}
        )
    record_admin_action(actor=actor, action=AdminActionKind.NEIGHBOURHOOD_REMOVED, target=current, now=now)
    try:
        current.delete()
    except (ProtectedError, RestrictedError) as refused:
        raise NeighbourhoodInUse(
            _("%(name)s cannot be removed, because other records still refer to it.") % {"name": current.name}
        ) from refused
