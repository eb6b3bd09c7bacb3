from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.login, name="login"),
    path("inloggen/code/", views.verify, name="verify"),
    path("uitloggen/", views.logout, name="logout"),
    path("start/", views.start, name="start"),
]
