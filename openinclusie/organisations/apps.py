from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "openinclusie.organisations"
    label = "organisations"
