"""Small helpers the programme services share."""

from django.db.models import Model, QuerySet


def excluding[M: Model](queryset: QuerySet[M], current: Model | None) -> QuerySet[M]:
    """The queryset without the object being edited (all of it for a new one)."""
    return queryset.exclude(pk=current.pk) if current is not None and current.pk is not None else queryset
