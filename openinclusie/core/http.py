from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse


def no_store[**P](view: Callable[P, HttpResponse]) -> Callable[P, HttpResponse]:
    """Mark a view's responses as never cacheable (report data, receipt codes)."""

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        response = view(*args, **kwargs)
        response.no_store = True  # type: ignore[attr-defined]
        return response

    return wrapped


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def template_for(request: HttpRequest, template: str, partial: str) -> str:
    """Full page normally, one ``{% partialdef %}`` fragment for htmx."""
    return f"{template}#{partial}" if is_htmx(request) else template
