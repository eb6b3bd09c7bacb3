from django.core.management.base import BaseCommand

from openinclusie.demo import services
from openinclusie.demo.data import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Prints the demo logins with their current two-factor codes."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("email", nargs="?", help="Only this demo user, e.g. consulent@idb.example")

    def handle(self, *args: object, **options: object) -> None:
        email = options.get("email")
        rows = services.demo_logins()
        if email:
            rows = [row for row in rows if row.email == email]
            if not rows:
                self.stderr.write(f"No demo user {email}.")
                return
            self.stdout.write(rows[0].current_code)
            return
        self.stdout.write(f"Password for every demo user: {DEMO_PASSWORD}")
        self.stdout.write(
            "Second step: the six-digit code below (valid for 30 seconds), or add the key to an authenticator app."
        )
        width = max(len(row.email) for row in rows)
        for row in rows:
            self.stdout.write(f"  {row.email:<{width}}  code {row.current_code}  {row.role} — {row.organisation}")
        self.stdout.write("New codes: `make codes` (or `.venv/bin/python manage.py demo_logins`).")
