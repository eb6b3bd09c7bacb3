"""Re-encrypt every encrypted column under the current (first) key of
FIELD_ENCRYPTION_KEYS, in batches. Rotation: put the new key first, keep
the old one behind it, deploy, run this, then remove the old key."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from openinclusie.core.encryption import keyring
from openinclusie.core.fields import encrypted_fields
from openinclusie.core.rekey import DEFAULT_BATCH_SIZE, Mode, rewrite_column


class Command(BaseCommand):
    help = "Re-encrypt all encrypted fields with the first key in FIELD_ENCRYPTION_KEYS."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Count what would change; write nothing.")
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)

    def handle(self, *args: Any, dry_run: bool = False, batch_size: int = DEFAULT_BATCH_SIZE, **options: Any) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        self.stdout.write(f"Current key: {keyring().current_id}.")
        problems = []
        for field in encrypted_fields():
            meta = field.model._meta
            pk_column = meta.pk.column if meta.pk else None
            if pk_column is None or field.column is None:
                raise CommandError(f"{meta.label}.{field.name} has no column.")
            result = rewrite_column(
                connection,
                meta.db_table,
                field.column,
                mode=Mode.ROTATE,
                pk=pk_column,
                batch_size=batch_size,
                dry_run=dry_run,
            )
            verb = "would re-encrypt" if dry_run else "re-encrypted"
            self.stdout.write(f"{result.name}: {verb} {result.changed}, unreadable {result.unreadable}.")
            if result.unreadable:
                problems.append(result)
        if problems:
            names = ", ".join(f"{r.name} ({r.unreadable})" for r in problems)
            raise CommandError(
                f"Values that no configured key decrypts, or plaintext, were left as they are: {names}. "
                "Do not remove an old key before this is resolved."
            )
