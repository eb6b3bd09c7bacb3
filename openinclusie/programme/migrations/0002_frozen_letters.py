"""Published letters never change: triggers make the database refuse any
UPDATE or DELETE of a published letter, any change to the texts of one, and
any change to a generated document. The services refuse first; this is the
floor under them. SQLite and PostgreSQL are supported; other databases rely
on the services alone."""

from django.db import migrations

MESSAGE = "published progress letters are frozen"

SQLITE = [
    f"""CREATE TRIGGER programme_letter_frozen_update BEFORE UPDATE ON programme_progressletter
    WHEN OLD.status = 'published' BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER programme_letter_frozen_delete BEFORE DELETE ON programme_progressletter
    WHEN OLD.status = 'published' BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER programme_block_frozen_insert BEFORE INSERT ON programme_letterblock
    WHEN (SELECT status FROM programme_progressletter WHERE id = NEW.letter_id) = 'published'
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER programme_block_frozen_update BEFORE UPDATE ON programme_letterblock
    WHEN (SELECT status FROM programme_progressletter WHERE id = OLD.letter_id) = 'published'
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER programme_block_frozen_delete BEFORE DELETE ON programme_letterblock
    WHEN (SELECT status FROM programme_progressletter WHERE id = OLD.letter_id) = 'published'
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER programme_document_frozen_update BEFORE UPDATE ON programme_letterdocument
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER programme_document_frozen_delete BEFORE DELETE ON programme_letterdocument
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]

SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {name}"
    for name in (
        "programme_letter_frozen_update",
        "programme_letter_frozen_delete",
        "programme_block_frozen_insert",
        "programme_block_frozen_update",
        "programme_block_frozen_delete",
        "programme_document_frozen_update",
        "programme_document_frozen_delete",
    )
]

POSTGRESQL = [
    f"""CREATE FUNCTION programme_refuse_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; END $$""",
    """CREATE FUNCTION programme_letter_is_published(letter bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM programme_progressletter WHERE id = letter AND status = 'published') $$""",
    """CREATE TRIGGER programme_letter_frozen BEFORE UPDATE OR DELETE ON programme_progressletter
    FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION programme_refuse_frozen()""",
    """CREATE TRIGGER programme_block_frozen_new BEFORE INSERT ON programme_letterblock
    FOR EACH ROW WHEN (programme_letter_is_published(NEW.letter_id)) EXECUTE FUNCTION programme_refuse_frozen()""",
    """CREATE TRIGGER programme_block_frozen_old BEFORE UPDATE OR DELETE ON programme_letterblock
    FOR EACH ROW WHEN (programme_letter_is_published(OLD.letter_id)) EXECUTE FUNCTION programme_refuse_frozen()""",
    """CREATE TRIGGER programme_document_frozen BEFORE UPDATE OR DELETE ON programme_letterdocument
    FOR EACH ROW EXECUTE FUNCTION programme_refuse_frozen()""",
]

POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS programme_document_frozen ON programme_letterdocument",
    "DROP TRIGGER IF EXISTS programme_block_frozen_old ON programme_letterblock",
    "DROP TRIGGER IF EXISTS programme_block_frozen_new ON programme_letterblock",
    "DROP TRIGGER IF EXISTS programme_letter_frozen ON programme_progressletter",
    "DROP FUNCTION IF EXISTS programme_letter_is_published(bigint)",
    "DROP FUNCTION IF EXISTS programme_refuse_frozen()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
            elidable=False,
        )
    ]
