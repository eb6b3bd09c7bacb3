"""``manage.py export_rights > rechten.csv``: who holds which role where,
for the yearly (and, for ADV roles, quarterly) rights review (security
reference AC-07, BIO2 5.18). Reads only; prints CSV."""

import csv
from typing import Any

from django.core.management.base import BaseCommand

from openinclusie.accounts.queries import RIGHTS_REVIEW_COLUMNS, rights_review_rows


class Command(BaseCommand):
    help = "Print every user's roles per organisation as CSV, for the periodic rights review."

    def handle(self, *args: Any, **options: Any) -> None:
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(RIGHTS_REVIEW_COLUMNS)
        writer.writerows(rights_review_rows())
