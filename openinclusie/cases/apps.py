from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "openinclusie.cases"
    label = "cases"
