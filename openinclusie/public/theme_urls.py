from django.urls import path

from . import views

# Outside the language prefix: the stylesheet is the same in every language.
urlpatterns = [
    path("<slug:municipality>.css", views.theme_css, name="municipality_css"),
]
