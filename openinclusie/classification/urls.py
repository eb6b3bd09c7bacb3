from django.urls import path

from . import views

app_name = "classification"

urlpatterns = [
    path("", views.version_list, name="version_list"),
    path("<int:version_id>/", views.version_detail, name="version_detail"),
    path("<int:version_id>/kopie/", views.version_copy, name="version_copy"),
    path("<int:version_id>/actueel-maken/", views.version_make_current, name="version_make_current"),
    path("<int:version_id>/codes/nieuw/", views.code_add, name="code_add"),
    path("<int:version_id>/codes/<int:code_id>/", views.code_edit, name="code_edit"),
    path("<int:version_id>/codes/<int:code_id>/verwijderen/", views.code_remove, name="code_remove"),
]
