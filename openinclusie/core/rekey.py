"""Batched rewrites of encrypted columns, in raw SQL so they work on any
table state: encrypt plaintext (the data migration), decrypt (its reverse)
and re-encrypt under the current key (``rotate_field_keys``).

Each batch is read and written by primary key in its own transaction (or
the caller's, inside a migration); values are never logged."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import transaction

from openinclusie.core.encryption import EncryptionError, current_prefix, decrypt, encrypt, is_encrypted

DEFAULT_BATCH_SIZE = 500


class Mode(StrEnum):
    ENCRYPT = "encrypt"  # plaintext -> current key; leaves encrypted values
    DECRYPT = "decrypt"  # encrypted -> plaintext; leaves plaintext values
    ROTATE = "rotate"  # other key -> current key; plaintext is a problem


@dataclass
class ColumnResult:
    table: str
    column: str
    changed: int = 0
    unreadable: int = 0  # damaged, unknown key, or plaintext when rotating

    @property
    def name(self) -> str:
        return f"{self.table}.{self.column}"


def _new_value(stored: str, mode: Mode) -> str | None:
    """The value to write, or None to leave the row. Raises EncryptionError."""
    if mode is Mode.ENCRYPT:
        return None if is_encrypted(stored) else encrypt(stored)
    if mode is Mode.DECRYPT:
        return decrypt(stored) if is_encrypted(stored) else None
    if not is_encrypted(stored):
        raise EncryptionError("plaintext")
    return encrypt(decrypt(stored))


def rewrite_column(
    connection: Any,
    table: str,
    column: str,
    *,
    mode: Mode,
    pk: str = "id",
    batch_size: int = DEFAULT_BATCH_SIZE,
    dry_run: bool = False,
) -> ColumnResult:
    result = ColumnResult(table, column)
    quote = connection.ops.quote_name
    where = f"{quote(column)} <> ''"
    params: list[Any] = []
    if mode is Mode.ROTATE:
        # Values already under the current key need no work. (The prefix is
        # "enc1:" plus hex digits: no LIKE wildcards.)
        where += f" AND {quote(column)} NOT LIKE %s"
        params.append(current_prefix() + "%")
    # Table and column names come from model metadata, quoted; values are parameters.
    select = (
        f"SELECT {quote(pk)}, {quote(column)} FROM {quote(table)} "  # noqa: S608
        f"WHERE {quote(pk)} > %s AND {where} ORDER BY {quote(pk)} LIMIT %s"
    )
    update = f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE {quote(pk)} = %s"  # noqa: S608
    last: Any = None
    while True:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(select, [last if last is not None else -1, *params, batch_size])
            rows = cursor.fetchall()
            if not rows:
                break
            changes = []
            for row_pk, stored in rows:
                try:
                    new = _new_value(stored, mode)
                except EncryptionError:
                    result.unreadable += 1
                    continue
                if new is not None:
                    changes.append((new, row_pk))
            result.changed += len(changes)
            if changes and not dry_run:
                cursor.executemany(update, changes)
            last = rows[-1][0]
        if len(rows) < batch_size:
            break
    return result
