from django.apps import AppConfig


class ClassificationConfig(AppConfig):
    name = "openinclusie.classification"
    label = "classification"
