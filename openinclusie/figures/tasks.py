"""Background tasks of the figures module. Thin: call a service."""

from django.tasks import task
from django.utils import timezone

from . import services


@task
def refresh_figures(full: bool = False) -> int:
    """Rebuild the summary of every municipality-year whose reports changed."""
    try:
        return services.refresh(now=timezone.now(), full=full)
    finally:
        from django.core.cache import cache

        cache.delete(services.REFRESH_LOCK)
