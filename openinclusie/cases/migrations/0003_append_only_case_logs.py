"""The history of a report, the case access log and the anonymisation log
are append-only, and the database says so: triggers refuse UPDATE and
DELETE of their rows. The services never change them; this is the floor
under them (as for published progress letters, programme 0002).

One exception: the access log's reason is encrypted at rest, and key
rotation (``manage.py rotate_field_keys``) rewrites its ciphertext, so the
reason may be rewritten; who, which case, what and when may not.

A report with history can therefore not be deleted either; reports are
never deleted, retention anonymises them. ``flush`` still empties the
tables (TRUNCATE on PostgreSQL; on SQLite core.sqlite_backend lifts the
triggers inside the flush)."""

from django.db import migrations

MESSAGE = "case history and logs are append-only"
APPEND_ONLY = ("cases_statuschange", "cases_anonymisationlog")
ACCESS_LOG = "cases_caseaccesslog"
ACCESS_LOG_FIXED = ("id", "report_id", "user_id", "action", "at")

SQLITE = [
    statement
    for table in APPEND_ONLY
    for statement in (
        f"CREATE TRIGGER {table}_append_only_update BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        f"CREATE TRIGGER {table}_append_only_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    )
] + [
    f"CREATE TRIGGER {ACCESS_LOG}_append_only_update BEFORE UPDATE ON {ACCESS_LOG} WHEN "
    + " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in ACCESS_LOG_FIXED)
    + f" BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER {ACCESS_LOG}_append_only_delete BEFORE DELETE ON {ACCESS_LOG} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]

SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {table}_append_only_{action}"
    for table in (*APPEND_ONLY, ACCESS_LOG)
    for action in ("update", "delete")
]

POSTGRESQL = [
    f"""CREATE FUNCTION cases_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; END $$""",
    *(
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION cases_refuse_change()"
        for table in APPEND_ONLY
    ),
    f"CREATE TRIGGER {ACCESS_LOG}_append_only_update BEFORE UPDATE ON {ACCESS_LOG} FOR EACH ROW WHEN ("
    + " OR ".join(f"NEW.{column} IS DISTINCT FROM OLD.{column}" for column in ACCESS_LOG_FIXED)
    + ") EXECUTE FUNCTION cases_refuse_change()",
    f"CREATE TRIGGER {ACCESS_LOG}_append_only_delete BEFORE DELETE ON {ACCESS_LOG} "
    "FOR EACH ROW EXECUTE FUNCTION cases_refuse_change()",
]

POSTGRESQL_DROP = [
    *(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}" for table in APPEND_ONLY),
    f"DROP TRIGGER IF EXISTS {ACCESS_LOG}_append_only_update ON {ACCESS_LOG}",
    f"DROP TRIGGER IF EXISTS {ACCESS_LOG}_append_only_delete ON {ACCESS_LOG}",
    "DROP FUNCTION IF EXISTS cases_refuse_change()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_encrypt_report_content")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
            elidable=False,
        )
    ]
