"""DATA-03 (security.md, test plan row 22; ADR 0009): a canary typed into
the public form, a staff message, a note, an access reason, an incident and
the reporter's reply is in no raw value of any table, read with a plain SQL
cursor, while the case page shows it to the ADV. Runs on SQLite and, with
DATABASE_URL, on PostgreSQL (CI runs both)."""

import secrets
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.urls import reverse

from openinclusie.accounts.models import Role
from openinclusie.cases.models import CaseAccessLog, CaseNote, Incident, Message, Report, ReporterContact
from openinclusie.core.sessions import SessionStore
from openinclusie.reports.tests.flow import CONTACT_ANSWERS, fill_in, receipt_code_on, send, sent_url

pytestmark = pytest.mark.django_db

CANARY = f"kanarie-{secrets.token_hex(8)}"


def _raw_values() -> Iterator[tuple[str, str, Any]]:
    """(table, column, value) of every cell of every table, as the database
    driver returns it: what a pg_dump or a copy of the SQLite file holds."""
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                yield from ((table, column, value) for column, value in zip(columns, row, strict=True))


def _cells_with(needle: str) -> list[str]:
    found = []
    for table, column, value in _raw_values():
        if isinstance(value, memoryview | bytes):
            value = bytes(value).decode("utf-8", "replace")
        if isinstance(value, str) and needle.lower() in value.lower():
            found.append(f"{table}.{column}")
    return found


def test_the_canary_is_encrypted_everywhere_and_readable_by_the_adv(world, staff, django_capture_on_commit_callbacks):
    world["adv_a"].email = "meldpunt@adv-alfa.example"
    world["adv_a"].save()

    # The resident reports through the public form, with contact details.
    resident = Client()
    answers = {
        **CONTACT_ANSWERS,
        1: {**CONTACT_ANSWERS[1], "description": f"Bij de balie: {CANARY}"},
        3: {**CONTACT_ANSWERS[3], "residence_name": f"Dorp {CANARY}"},
        4: {
            **CONTACT_ANSWERS[4],
            "name": f"Samira {CANARY}",
            "email": f"{CANARY}@example.org",
            "safe_times": f"na 18 uur {CANARY}",
        },
    }
    with django_capture_on_commit_callbacks(execute=True):
        fill_in(resident, answers)
        assert send(resident)["Location"] == sent_url()
    code = receipt_code_on(resident.get(sent_url()).content.decode())
    report = Report.objects.get()

    # The ADV works on it: a note, a message, contact details with a reason, an incident.
    consultant = staff(Role.ADV_CONSULTANT)
    adv = consultant.client
    case = reverse("cases:case_detail", args=[report.pk])
    with django_capture_on_commit_callbacks(execute=True):
        for name, data in [
            ("case_note", {"note-text": f"Notitie {CANARY}"}),
            ("case_message", {"message-body": f"Bericht {CANARY}"}),
        ]:
            response = adv.post(reverse(f"cases:{name}", args=[report.pk]), data)
            assert response.status_code == 302, (name, response.content.decode()[:2000])
    reveal = adv.post(reverse("cases:case_reveal_contact", args=[report.pk]), {"reason": f"Terugbellen {CANARY}"})
    assert f"Samira {CANARY}" in reveal.content.decode()
    response = adv.post(
        reverse("cases:incident_create"), {"adv": world["adv_a"].pk, "title": f"Voorval {CANARY}", "municipality": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    # The resident replies on the follow-up page.
    resident.post(reverse("reports:follow_up_login", args=["alfastad"]), {"code": code})
    with django_capture_on_commit_callbacks(execute=True):
        response = resident.post(
            reverse("reports:follow_up", args=["alfastad"]), {"form": "reply", "reply-body": f"Antwoord {CANARY}"}
        )
    assert response.status_code == 302

    # Everything arrived ...
    assert CaseNote.objects.get().text == f"Notitie {CANARY}"
    assert {m.body for m in Message.objects.all()} == {f"Bericht {CANARY}", f"Antwoord {CANARY}"}
    assert ReporterContact.objects.get().email == f"{CANARY}@example.org"
    assert CaseAccessLog.objects.exclude(reason="").get().reason == f"Terugbellen {CANARY}"
    assert Incident.objects.get().title == f"Voorval {CANARY}"
    assert Report.objects.get().residence_elsewhere == f"Dorp {CANARY}"

    # ... but no raw cell of any table holds the canary (case-insensitive:
    # the e-mail address is in lower case). The scan does find plain values.
    assert _cells_with(report.reference) == ["cases_report.reference"]
    assert _cells_with(CANARY) == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT description FROM cases_report")
        assert cursor.fetchone()[0].startswith("enc1:")
    # The draft left the session when the report was sent.
    assert not any(CANARY in str(SessionStore().decode(s.session_data)) for s in Session.objects.all())

    # The ADV reads it in the case file.
    page = adv.get(case).content.decode()
    for text in (f"Bij de balie: {CANARY}", f"Notitie {CANARY}", f"Bericht {CANARY}", f"Antwoord {CANARY}"):
        assert text in page
