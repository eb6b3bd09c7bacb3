"""Field encryption (DATA-03, ADR 0009): the cipher, the model field, key
rotation and the system checks."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.checks import Tags, run_checks
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from openinclusie.cases.models import CaseNote, Message, Report, ReporterContact
from openinclusie.cases.tests.factories import ReportFactory
from openinclusie.core import encryption
from openinclusie.core.encryption import (
    BENCH_KEY,
    DEVELOPMENT_KEY,
    EncryptionError,
    decrypt,
    encrypt,
    generate_key,
    keyring,
)
from openinclusie.core.fields import encrypted_fields

OLD_KEY = generate_key()
NEW_KEY = generate_key()


def _raw(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


# The cipher --------------------------------------------------------------


def test_round_trip_with_a_version_prefix_and_a_fresh_nonce():
    text = "Bij de balie werd ik uitgescholden. Ünïcode ✓"
    first, second = encrypt(text), encrypt(text)
    assert first.startswith(f"enc1:{keyring().current_id}:")
    assert first != second  # a fresh nonce each time
    assert text not in first
    assert decrypt(first) == decrypt(second) == text


def test_empty_stays_empty():
    assert encrypt("") == ""
    assert decrypt("") == ""


@pytest.mark.parametrize(
    "stored",
    [
        "plain text from before encryption",
        "enc1:",
        "enc1:nokeyid",
        "enc1:00000000:AAAA",  # unknown key
    ],
)
def test_garbage_fails_loudly(stored):
    with pytest.raises(EncryptionError):
        decrypt(stored)


def test_a_changed_ciphertext_fails_instead_of_returning_garbage():
    stored = encrypt("Wat er gebeurde")
    head, payload = stored.rsplit(":", 1)
    flipped = payload[:-3] + ("A" if payload[-3] != "A" else "B") + payload[-2:]
    with pytest.raises(EncryptionError, match="Damaged or tampered"):
        decrypt(f"{head}:{flipped}")
    with pytest.raises(EncryptionError, match="Damaged or tampered"):
        decrypt(f"{head}:{payload[:10]}")


def test_a_wrong_key_fails_loudly():
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        stored = encrypt("geheim")
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]), pytest.raises(EncryptionError, match="not in FIELD_"):
        decrypt(stored)


def test_every_configured_key_decrypts_and_the_first_encrypts():
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        old = encrypt("oud")
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        assert decrypt(old) == "oud"
        assert encryption.stored_key_id(encrypt("nieuw")) == keyring().current_id
        assert encryption.stored_key_id(old) != keyring().current_id


@pytest.mark.parametrize("keys", [[], ["not base64 at all!"], ["c2hvcnQ"], [OLD_KEY, OLD_KEY]])
def test_bad_key_settings_are_refused(keys):
    with override_settings(FIELD_ENCRYPTION_KEYS=keys), pytest.raises(ImproperlyConfigured):
        encrypt("x")


# The model field ---------------------------------------------------------


@pytest.mark.django_db
def test_the_database_holds_ciphertext_and_the_model_plaintext():
    report = ReportFactory(description="Beschrijving van het voorval", contact={"email": "melder@example.org"})
    raw = _raw("cases_report", "description", report.pk)
    assert raw.startswith("enc1:")
    assert "Beschrijving" not in raw
    assert Report.objects.get(pk=report.pk).description == "Beschrijving van het voorval"
    contact = ReporterContact.objects.get(report=report)
    assert contact.email == "melder@example.org"
    assert _raw("cases_reportercontact", "email", contact.pk).startswith("enc1:")
    assert _raw("cases_reportercontact", "safe_times", contact.pk) == ""  # blank stays blank
    assert list(Report.objects.filter(pk=report.pk).values_list("description", flat=True)) == [
        "Beschrijving van het voorval"
    ]


@pytest.mark.django_db
def test_only_comparison_with_empty_is_allowed_in_sql():
    report = ReportFactory(contact={"email": "melder@example.org", "phone": ""})
    assert ReporterContact.objects.filter(report=report).exclude(email="").count() == 1
    assert ReporterContact.objects.filter(report=report, phone="").count() == 1
    with pytest.raises(FieldError, match="encrypted"):
        ReporterContact.objects.filter(email="melder@example.org").count()
    lookup = "description__icontains"  # a variable: mypy's Django plugin trips over the refused lookup
    with pytest.raises(FieldError, match="encrypted"):
        Report.objects.filter(**{lookup: "voorval"}).count()


@pytest.mark.django_db
def test_a_plaintext_value_in_the_database_is_an_error_not_a_silent_read():
    report = ReportFactory()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE cases_report SET description = %s WHERE id = %s", ["leesbaar", report.pk])
    with pytest.raises(EncryptionError, match="no 'enc1:' prefix"):
        Report.objects.get(pk=report.pk)


@pytest.mark.django_db
def test_reading_with_a_wrong_key_fails_loudly():
    report = ReportFactory(description="Alleen met de goede sleutel")
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]), pytest.raises(EncryptionError):
        Report.objects.get(pk=report.pk)


def test_the_encrypted_fields_are_the_free_text_of_the_case_file():
    names = sorted(f"{field.model._meta.db_table}.{field.column}" for field in encrypted_fields())
    assert names == [
        "cases_caseaccesslog.reason",
        "cases_casenote.text",
        "cases_incident.title",
        "cases_message.body",
        "cases_report.channel_location",
        "cases_report.description",
        "cases_report.residence_elsewhere",
        "cases_reportercontact.email",
        "cases_reportercontact.name",
        "cases_reportercontact.phone",
        "cases_reportercontact.safe_times",
    ]


def test_the_data_migration_covers_every_encrypted_field():
    from importlib import import_module

    migration = import_module("openinclusie.cases.migrations.0002_encrypt_report_content")
    assert sorted(f"{t}.{c}" for t, c in migration.COLUMNS) == sorted(
        f"{field.model._meta.db_table}.{field.column}" for field in encrypted_fields()
    )


# Rotation ----------------------------------------------------------------


@pytest.mark.django_db
def test_rotation_re_encrypts_everything_so_the_old_key_can_go(capsys):
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        report = ReportFactory(description="Oude sleutel", contact={"name": "Melder", "phone": "06 1234 5678"})
        note = CaseNote.objects.create(report=report, author=report.registered_by or _user(), text="Notitie")
        old_description = _raw("cases_report", "description", report.pk)

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        new_id = keyring().current_id
        # The old key still decrypts before the rotation.
        assert Report.objects.get(pk=report.pk).description == "Oude sleutel"

        call_command("rotate_field_keys", "--dry-run", "--batch-size", "1")
        assert "cases_report.description: would re-encrypt 1" in capsys.readouterr().out
        assert _raw("cases_report", "description", report.pk) == old_description  # dry run wrote nothing

        call_command("rotate_field_keys", "--batch-size", "1")
        out = capsys.readouterr().out
        assert "cases_report.description: re-encrypted 1, unreadable 0." in out
        assert "cases_reportercontact.phone: re-encrypted 1" in out
        assert "cases_casenote.text: re-encrypted 1" in out
        assert _raw("cases_report", "description", report.pk).startswith(f"enc1:{new_id}:")

        call_command("rotate_field_keys")  # nothing left to do
        assert "cases_report.description: re-encrypted 0, unreadable 0." in capsys.readouterr().out

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]):  # the old key is gone
        assert Report.objects.get(pk=report.pk).description == "Oude sleutel"
        assert ReporterContact.objects.get(report=report).phone == "06 1234 5678"
        assert CaseNote.objects.get(pk=note.pk).text == "Notitie"


@pytest.mark.django_db
def test_rotation_refuses_to_call_unreadable_values_done():
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        report = ReportFactory(description="Met een sleutel die verdwijnt")
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]), pytest.raises(CommandError, match="description"):
        call_command("rotate_field_keys")
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD_KEY]):  # untouched, still readable
        assert Report.objects.get(pk=report.pk).description == "Met een sleutel die verdwijnt"


def _user():
    from openinclusie.accounts.tests.factories import UserFactory

    return UserFactory()


@pytest.mark.django_db
def test_messages_are_encrypted_too():
    report = ReportFactory()
    message = Message.objects.create(
        report=report, direction="from_reporter", body="Hallo", created_at=report.received_at
    )
    assert _raw("cases_message", "body", message.pk).startswith("enc1:")
    assert Message.objects.get(pk=message.pk).body == "Hallo"


# System checks -----------------------------------------------------------


def _deploy_errors(keys):
    with override_settings(FIELD_ENCRYPTION_KEYS=keys):
        return sorted(
            {
                m.id
                for m in run_checks(include_deployment_checks=True, tags=[Tags.security])
                if (m.id or "").startswith("core.")
            }
        )


def test_the_deploy_check_refuses_a_missing_or_public_key():
    assert _deploy_errors([]) == ["core.E002"]
    assert _deploy_errors([DEVELOPMENT_KEY]) == ["core.E003"]
    assert _deploy_errors([BENCH_KEY]) == ["core.E003"]
    assert _deploy_errors([generate_key(), DEVELOPMENT_KEY]) == ["core.E003"]  # also as an old key
    assert _deploy_errors(["too short"]) == ["core.E001"]
    assert _deploy_errors([generate_key()]) == []


def test_the_development_key_is_not_a_deploy_error_outside_deploy_checks():
    assert settings.FIELD_ENCRYPTION_KEYS == [DEVELOPMENT_KEY]
    assert not [m for m in run_checks(tags=[Tags.security]) if (m.id or "").startswith("core.")]


def _production(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "EMAIL_"))}
    env.pop("PYTEST_CURRENT_TEST", None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "openinclusie.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            **extra,
        }
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )


def test_production_refuses_to_start_without_keys(tmp_path):
    result = _production(tmp_path)
    assert result.returncode != 0
    assert "Set DJANGO_FIELD_ENCRYPTION_KEYS" in result.stderr


def test_production_check_refuses_the_development_key(tmp_path):
    result = _production(tmp_path, DJANGO_FIELD_ENCRYPTION_KEYS=DEVELOPMENT_KEY)
    assert result.returncode != 0
    assert "core.E003" in result.stderr


def test_production_accepts_its_own_keys(tmp_path):
    result = _production(tmp_path, DJANGO_FIELD_ENCRYPTION_KEYS=f"{generate_key()},{generate_key()}")
    assert result.returncode == 0, result.stderr
    assert "core." not in result.stdout + result.stderr
