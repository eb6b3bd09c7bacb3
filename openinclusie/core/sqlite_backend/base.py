"""SQLite, with database triggers that refuse DELETE (published progress
letters, programme migration 0004) and a ``flush`` that still works.

SQLite has no TRUNCATE, so Django's ``flush`` (between transactional tests,
and ``manage.py flush``) empties tables with DELETE, which those triggers
refuse. Flushing empties every row anyway, so here it lifts the triggers for
the length of its own transaction and puts the very same ones back; SQLite
rolls DDL back with everything else if any statement fails."""

from collections.abc import Iterable

from django.db import transaction
from django.db.backends.sqlite3 import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    def execute_sql_flush(self, sql_list: Iterable[str]) -> None:
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f"DROP TRIGGER {self.quote_name(name)}")
            for sql in sql_list:
                cursor.execute(sql)
            for _name, sql in triggers:
                cursor.execute(sql)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
