from collections.abc import Iterable
from typing import Any

from django.db import DatabaseError
from django.db.backends.postgresql import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    _truncate_instead: list[str] | None = None

    def sql_flush(
        self, style: Any, tables: Any, *, reset_sequences: bool = False, allow_cascade: bool = False
    ) -> list[str]:
        truncate = super().sql_flush(style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        if not tables or reset_sequences or allow_cascade:
            return truncate
        self._truncate_instead = truncate
        return [
            "SET CONSTRAINTS ALL DEFERRED;",
            *(f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables),
        ]

    def execute_sql_flush(self, sql_list: Iterable[str]) -> None:
        sql_list = list(sql_list)
        fallback, self._truncate_instead = self._truncate_instead, None
        try:
            super().execute_sql_flush(sql_list)
        except DatabaseError:
            # A trigger that refuses DELETE (e.g. on published progress
            # letters) does not fire on TRUNCATE: empty the tables Django's way.
            if not fallback or fallback == sql_list:
                raise
            super().execute_sql_flush(fallback)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
