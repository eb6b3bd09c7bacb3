from typing import Any

from django.core.checks import Error, register

from .disclosure.policy import Policy


@register()
def thresholds_are_safe(app_configs: Any, **kwargs: Any) -> list[Error]:
    """The small-cell threshold may be configured, but never below 3."""
    try:
        Policy.from_settings()
    except ValueError as problem:
        return [Error(str(problem), id="figures.E001")]
    return []
