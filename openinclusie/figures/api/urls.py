"""The versioned API root (/api/v1/). Figures' open data lives here, with
the project's OpenAPI schema. The documentation page is a normal page in
both languages (``public_figures:api_docs``, /api/v1/docs/)."""

from django.urls import path

from . import docs, views

app_name = "api"

urlpatterns = [
    path("figures/municipalities/", views.municipality_list, name="figures-municipalities"),
    path("figures/municipalities/<slug:municipality>/", views.municipality_figures, name="figures-municipality"),
    path("schema/", docs.schema, name="schema"),
]
