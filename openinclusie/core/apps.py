from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "openinclusie.core"
    label = "core"

    def ready(self) -> None:
        from openinclusie.core import checks  # noqa: F401  (registers the system checks)
