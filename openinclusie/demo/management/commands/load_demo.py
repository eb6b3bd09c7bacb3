from django.core.management.base import BaseCommand
from django.db import transaction

from openinclusie.demo import services


class Command(BaseCommand):
    help = "Loads (or refreshes) the demo municipalities, organisations and users. Safe to run twice."

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        logins = services.load_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {len(logins)} demo users."))
