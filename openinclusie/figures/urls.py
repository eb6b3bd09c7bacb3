from django.urls import path, re_path

from . import views

app_name = "figures"

urlpatterns = [
    path("", views.index, name="index"),
    path("adv/", views.adv_dashboard, name="adv_dashboard"),
    path("<slug:municipality>/", views.dashboard, name="dashboard"),
    path("<slug:municipality>/<int:year>/overzicht/", views.overview, name="overview"),
    path("<slug:municipality>/<int:year>/overzicht.<slug:fmt>", views.overview_download, name="overview_download"),
    re_path(
        r"^(?P<municipality>[-\w]+)/(?P<year>[0-9]{4})/(?P<source>released|live)\.(?P<fmt>csv|xlsx|pdf)$",
        views.dashboard_download,
        name="download",
    ),
    path("<slug:municipality>/<int:year>/opnieuw-tellen/", views.recount, name="recount"),
    path("<slug:municipality>/<int:year>/vrijgeven/", views.release, name="release"),
]
