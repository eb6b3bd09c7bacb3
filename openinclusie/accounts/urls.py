from django.urls import path

from . import management_views, team_views, views

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
    # An ADV's own team, managed by its coordinators (docs/adr/0007).
    path("adv/team/", team_views.team, name="team"),
    path("adv/team/<slug:adv>/uitnodigen/", team_views.team_invite, name="team_invite"),
    path("adv/team/<slug:adv>/<int:pk>/", team_views.team_member, name="team_member"),
    path("adv/team/<slug:adv>/<int:pk>/rollen/nieuw/", team_views.team_role_add, name="team_role_add"),
    path(
        "adv/team/<slug:adv>/<int:pk>/rollen/<int:membership>/verwijderen/",
        team_views.team_role_remove,
        name="team_role_remove",
    ),
    path(
        "adv/team/<slug:adv>/<int:pk>/tweestaps/herstellen/",
        team_views.team_reset_second_factor,
        name="team_reset_second_factor",
    ),
    path("adv/team/<slug:adv>/<int:pk>/wachtwoordlink/", team_views.team_password_link, name="team_password_link"),
    path("adv/team/<slug:adv>/<int:pk>/uitschakelen/", team_views.team_switch_off, name="team_switch_off"),
    path("adv/team/<slug:adv>/<int:pk>/inschakelen/", team_views.team_switch_on, name="team_switch_on"),
]
