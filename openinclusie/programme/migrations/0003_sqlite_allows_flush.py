"""SQLite has no TRUNCATE: Django's ``flush`` (used between transactional
tests and by ``manage.py flush``) empties tables with DELETE, which the
delete triggers of 0002 refused. On SQLite, published letters are therefore
protected against UPDATE only (the services never delete them); PostgreSQL,
where ``flush`` uses TRUNCATE, keeps refusing DELETE too."""

from django.db import migrations

DELETE_TRIGGERS = (
    "programme_letter_frozen_delete",
    "programme_block_frozen_delete",
    "programme_document_frozen_delete",
)

MESSAGE = "published progress letters are frozen"

RECREATE = {
    "programme_letter_frozen_delete": f"""CREATE TRIGGER programme_letter_frozen_delete BEFORE DELETE
    ON programme_progressletter WHEN OLD.status = 'published' BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    "programme_block_frozen_delete": f"""CREATE TRIGGER programme_block_frozen_delete BEFORE DELETE
    ON programme_letterblock
    WHEN (SELECT status FROM programme_progressletter WHERE id = OLD.letter_id) = 'published'
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    "programme_document_frozen_delete": f"""CREATE TRIGGER programme_document_frozen_delete BEFORE DELETE
    ON programme_letterdocument BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
}


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in DELETE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


def recreate(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in RECREATE.values():
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("programme", "0002_frozen_letters")]

    operations = [migrations.RunPython(drop, recreate, elidable=False)]
