from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "openinclusie.figures"
    label = "figures"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
