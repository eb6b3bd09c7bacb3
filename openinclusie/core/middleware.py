from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class PrivacyHeadersMiddleware:
    """Pages that show personal or report data are marked by their views with
    ``response.no_store = True`` (see ``core.http.no_store``); those must never
    be kept by a browser or proxy cache. Staff pages are always personal."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        is_personal = getattr(response, "no_store", False) or request.user.is_authenticated
        if is_personal:
            response["Cache-Control"] = "no-store"
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
