"""URLs for `make bench` only: the project plus a bare view, the baseline
every page is measured against. Never mounted in production."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns
from openinclusie.accounts.access import public


@public
def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *project_urlpatterns]
