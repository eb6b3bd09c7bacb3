from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:municipality>/", views.municipality_home, name="municipality_home"),
    path("<slug:municipality>/privacy/", views.privacy_statement, name="privacy_statement"),
    path(
        "<slug:municipality>/toegankelijkheid/",
        views.accessibility_statement,
        name="accessibility_statement",
    ),
]
