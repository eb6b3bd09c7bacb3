from django.urls import path

from . import views

app_name = "organisations"

# Mounted at /beheer/ (platform management).
urlpatterns = [
    path("", views.management_home, name="management_home"),
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path("organisaties/nieuw/", views.organisation_create, name="organisation_create"),
    path("organisaties/<int:pk>/bewerken/", views.organisation_edit, name="organisation_edit"),
    path("gemeenten/", views.municipality_list, name="municipality_list"),
    path("gemeenten/nieuw/", views.municipality_create, name="municipality_create"),
    path("gemeenten/<int:pk>/bewerken/", views.municipality_edit, name="municipality_edit"),
    path("gemeenten/<int:municipality>/wijken/", views.neighbourhood_list, name="neighbourhood_list"),
    path(
        "gemeenten/<int:municipality>/wijken/<int:pk>/bewerken/",
        views.neighbourhood_edit,
        name="neighbourhood_edit",
    ),
    path(
        "gemeenten/<int:municipality>/wijken/<int:pk>/verwijderen/",
        views.neighbourhood_remove,
        name="neighbourhood_remove",
    ),
]
