from django.urls import path

from .views import case, coordinator, inbox, incidents, locations

app_name = "cases"

urlpatterns = [
    path("meldingen/", inbox.inbox, name="inbox"),
    path("meldingen/nieuw/", inbox.intake, name="intake"),
    path("meldingen/<int:pk>/", case.case_detail, name="case_detail"),
    path("meldingen/<int:pk>/classificatie/", case.case_classify, name="case_classify"),
    path("meldingen/<int:pk>/status/", case.case_status, name="case_status"),
    path("meldingen/<int:pk>/toewijzing/", case.case_assign, name="case_assign"),
    path("meldingen/<int:pk>/toestemming/", case.case_consent, name="case_consent"),
    path("meldingen/<int:pk>/voorval/", case.case_incident, name="case_incident"),
    path("meldingen/<int:pk>/locatie/", case.case_intake_location, name="case_intake_location"),
    path("meldingen/<int:pk>/notitie/", case.case_note, name="case_note"),
    path("meldingen/<int:pk>/bericht/", case.case_message, name="case_message"),
    path("meldingen/<int:pk>/contactgegevens/", case.case_reveal_contact, name="case_reveal_contact"),
    path("meldingen/<int:pk>/export/", coordinator.case_export, name="case_export"),
    path("voorvallen/", incidents.incident_list, name="incidents"),
    path("voorvallen/nieuw/", incidents.incident_create, name="incident_create"),
    path("voorvallen/<int:pk>/", incidents.incident_detail, name="incident_detail"),
    path("voorvallen/<int:pk>/meldingen/", incidents.incident_reports, name="incident_reports"),
    path("voorvallen/<int:pk>/bericht/", incidents.incident_message, name="incident_message"),
    path("toegangslog/", coordinator.access_log, name="access_log"),
    path("bewaartermijn/", coordinator.retention_settings, name="retention"),
    path("locaties/", locations.location_list, name="intake_locations"),
    path("locaties/<int:pk>/", locations.location_edit, name="intake_location_edit"),
]
