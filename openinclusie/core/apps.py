from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "openinclusie.core"
    label = "core"
