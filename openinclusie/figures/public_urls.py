"""Released figures on the municipality's public site."""

from django.urls import path

from . import public_views
from .api import docs

app_name = "public_figures"

urlpatterns = [
    path("api/v1/docs/", docs.documentation, name="api_docs"),
    path("<slug:municipality>/cijfers/", public_views.figures, name="figures"),
    path("<slug:municipality>/cijfers/<int:year>.csv", public_views.figures_csv, name="csv"),
]
