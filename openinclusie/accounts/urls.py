from django.urls import path

from . import management_views, views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.login, name="login"),
    path("inloggen/code/", views.verify, name="verify"),
    path(
        "inloggen/wachtwoord/<str:uidb64>/<str:token>/",
        management_views.set_password,
        name="set_password",
    ),
    path("uitloggen/", views.logout, name="logout"),
    path("start/", views.start, name="start"),
    # Platform management of accounts (the rest of /beheer/ is in organisations).
    path("beheer/gebruikers/", management_views.user_list, name="user_list"),
    path("beheer/gebruikers/nieuw/", management_views.user_create, name="user_create"),
    path("beheer/gebruikers/<int:pk>/", management_views.user_detail, name="user_detail"),
    path("beheer/gebruikers/<int:pk>/naam/", management_views.user_edit, name="user_edit"),
    path("beheer/gebruikers/<int:pk>/uitschakelen/", management_views.user_deactivate, name="user_deactivate"),
    path("beheer/gebruikers/<int:pk>/inschakelen/", management_views.user_reactivate, name="user_reactivate"),
    path(
        "beheer/gebruikers/<int:pk>/tweestaps/herstellen/",
        management_views.user_reset_second_factor,
        name="user_reset_second_factor",
    ),
    path("beheer/gebruikers/<int:pk>/wachtwoordlink/", management_views.user_password_link, name="user_password_link"),
    path("beheer/gebruikers/<int:pk>/rollen/nieuw/", management_views.membership_add, name="membership_add"),
    path(
        "beheer/gebruikers/<int:pk>/rollen/<int:membership>/verwijderen/",
        management_views.membership_remove,
        name="membership_remove",
    ),
]
