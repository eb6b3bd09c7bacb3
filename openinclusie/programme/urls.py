"""Staff screens of the programme, under /programma/."""

from django.urls import path

from .views import activities, indicators, letters, plan, removals

app_name = "programme"

urlpatterns = [
    path("", plan.home, name="home"),
    path("visie/nieuw/", plan.vision_create, name="vision_create"),
    path("visie/<int:vision_id>/", plan.vision_edit, name="vision_edit"),
    path("nieuw/", plan.programme_create, name="programme_create"),
    path("<int:programme_id>/", plan.programme_detail, name="programme_detail"),
    path("<int:programme_id>/bewerken/", plan.programme_edit, name="programme_edit"),
    path("<int:programme_id>/wijzigingen/", plan.changes, name="changes"),
    path("<int:programme_id>/lijnen/nieuw/", plan.line_create, name="line_create"),
    path("lijnen/<int:line_id>/", plan.line_edit, name="line_edit"),
    path("lijnen/<int:line_id>/verwijderen/", removals.line_remove, name="line_remove"),
    path("lijnen/<int:line_id>/doelen/nieuw/", plan.objective_create, name="objective_create"),
    path("doelen/<int:objective_id>/", plan.objective_edit, name="objective_edit"),
    path("doelen/<int:objective_id>/verwijderen/", removals.objective_remove, name="objective_remove"),
    path("doelen/<int:objective_id>/indicatoren/nieuw/", indicators.indicator_create, name="indicator_create"),
    path("indicatoren/<int:indicator_id>/", indicators.indicator_detail, name="indicator_detail"),
    path("indicatoren/<int:indicator_id>/bewerken/", indicators.indicator_edit, name="indicator_edit"),
    path("indicatoren/<int:indicator_id>/verwijderen/", removals.indicator_remove, name="indicator_remove"),
    path("indicatoren/<int:indicator_id>/metingen/nieuw/", indicators.measurement_create, name="measurement_create"),
    path("metingen/<int:measurement_id>/bewerken/", indicators.measurement_edit, name="measurement_edit"),
    path("metingen/<int:measurement_id>/verwijderen/", removals.measurement_remove, name="measurement_remove"),
    path("<int:programme_id>/activiteiten/nieuw/", activities.activity_create, name="activity_create"),
    path("activiteiten/<int:activity_id>/", activities.activity_detail, name="activity_detail"),
    path("activiteiten/<int:activity_id>/bewerken/", activities.activity_edit, name="activity_edit"),
    path("activiteiten/<int:activity_id>/verwijderen/", removals.activity_remove, name="activity_remove"),
    path("activiteiten/<int:activity_id>/voortgang/", activities.update_create, name="update_create"),
    path("voortgang/<int:update_id>/bewerken/", activities.update_edit, name="update_edit"),
    path("voortgang/<int:update_id>/verwijderen/", removals.update_remove, name="update_remove"),
    path("mijn-activiteiten/", activities.my_activities, name="my_activities"),
    path("fotos/<int:photo_id>/", activities.photo, name="photo"),
    path("<int:programme_id>/brieven/nieuw/", letters.letter_create, name="letter_create"),
    path("brieven/<int:letter_id>/", letters.letter_detail, name="letter_detail"),
    path("brieven/<int:letter_id>/teksten/", letters.letter_edit, name="letter_edit"),
    path("brieven/<int:letter_id>/publiceren/", letters.letter_publish, name="letter_publish"),
    path("brieven/<int:letter_id>/verwijderen/", removals.letter_remove, name="letter_remove"),
    path("brieven/<int:letter_id>/pdf/", letters.letter_pdf, name="letter_pdf"),
    path("brieven/<int:letter_id>/docx/", letters.letter_docx, name="letter_docx"),
]
