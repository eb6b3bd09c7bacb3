"""Run retention, for cron: ``manage.py anonymise_expired_reports`` runs it
now; with ``--enqueue`` it is handed to the task worker instead."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from openinclusie.cases.services import retention
from openinclusie.cases.tasks import anonymise_expired_reports


class Command(BaseCommand):
    help = "Anonymise closed reports whose retention period has passed (per ADV)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="Queue the task for the worker instead.")

    def handle(self, *args: Any, enqueue: bool = False, **options: Any) -> None:
        if enqueue:
            result = anonymise_expired_reports.enqueue()
            self.stdout.write(f"Queued retention task {result.id}.")
            return
        count = retention.anonymise_expired(now=timezone.now())
        self.stdout.write(f"Anonymised {count} reports.")
