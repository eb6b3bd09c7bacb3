"""The meldpunt under the municipality's public site. The words in the
addresses are neutral on purpose: no ground or topic ever appears in a URL
or in the browser history."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("<slug:municipality>/melden/", views.report_start, name="report_start"),
    path("<slug:municipality>/melden/stap/<int:step>/", views.report_step, name="report_step"),
    path("<slug:municipality>/melden/controleren/", views.report_check, name="report_check"),
    path("<slug:municipality>/melden/verzonden/", views.report_sent, name="report_sent"),
    path("<slug:municipality>/melden/volgen/", views.follow_up_login, name="follow_up_login"),
    path("<slug:municipality>/melden/volgen/uw-melding/", views.follow_up, name="follow_up"),
    path("<slug:municipality>/melden/volgen/sluiten/", views.follow_up_close, name="follow_up_close"),
]
