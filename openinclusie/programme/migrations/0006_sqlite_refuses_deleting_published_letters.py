"""SQLite refuses deleting a published letter again, as PostgreSQL does.
Migration 0003 dropped these triggers because ``flush`` empties tables with
DELETE on SQLite; the project's SQLite backend (core.sqlite_backend) now
lifts all triggers for the length of a flush, so they can come back."""

from django.db import migrations

MESSAGE = "published progress letters are frozen"

TRIGGERS = {
    "programme_letter_frozen_delete": f"""CREATE TRIGGER programme_letter_frozen_delete BEFORE DELETE
    ON programme_progressletter WHEN OLD.status = 'published' BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    "programme_block_frozen_delete": f"""CREATE TRIGGER programme_block_frozen_delete BEFORE DELETE
    ON programme_letterblock
    WHEN (SELECT status FROM programme_progressletter WHERE id = OLD.letter_id) = 'published'
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    "programme_document_frozen_delete": f"""CREATE TRIGGER programme_document_frozen_delete BEFORE DELETE
    ON programme_letterdocument BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in TRIGGERS.values():
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("programme", "0005_update_edited_at")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
