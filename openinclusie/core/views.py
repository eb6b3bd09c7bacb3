"""Error pages. They are handlers, not URL patterns, so they carry no access
policy: they show nothing but a message."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: the request may be half-processed.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)
