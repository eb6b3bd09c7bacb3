from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "openinclusie.public"
    label = "public"
