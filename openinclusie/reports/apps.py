from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "openinclusie.reports"
    label = "reports"
