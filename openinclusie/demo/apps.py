from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "openinclusie.demo"
    label = "demo"
