from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from openinclusie.figures import services


class Command(BaseCommand):
    help = "Rebuild the figures summary (for cron, or after loading data). --full rebuilds everything."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--full", action="store_true", help="Rebuild every municipality-year.")

    def handle(self, *args: Any, full: bool = False, **options: Any) -> None:
        rebuilt = services.refresh(now=timezone.now(), full=full)
        self.stdout.write(f"Rebuilt {rebuilt} municipality-years.")
