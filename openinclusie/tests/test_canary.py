"""The canary test (security.md AC-04, test plan rows 6, 7 and 21).

A unique string is planted in every free-text field of a report of ADV A
(description, contact details, a message, an internal note, the incident).
Then everyone who must never read it (a programme officer, a partner
member, platform admins without an ADV role, and the consultant and
coordinator of ADV B) requests every URL of the access matrix. The canary
appears in no response and no e-mail, and every URL that names ADV A's
report or incident answers 403 or 404, also to a POST.

The test walks ``MATRIX``, so every view added later is covered without
touching this file; URL arguments come from the matrix's own builders,
which see the canary report and incident through ``world``."""

import secrets

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from openinclusie.accounts.models import Role
from openinclusie.accounts.services import grant_membership
from openinclusie.accounts.tests.factories import UserFactory, signed_in_client
from openinclusie.cases.constants import MessageDirection
from openinclusie.cases.models import CaseNote, Message, Report
from openinclusie.cases.tests.factories import IncidentFactory, ReportFactory

from .access_matrix import ADV_A_OBJECTS, MATRIX

CANARY = f"KANARIE-{secrets.token_hex(8)}"

# (name, role, organisation in the test world)
OUTSIDERS = [
    ("programme officer of A's municipality", Role.PROGRAMME_OFFICER, "municipality_org_a"),
    ("partner member in A's municipality", Role.PARTNER_MEMBER, "partner_a"),
    ("platform admin", Role.PLATFORM_ADMIN, "platform"),
    ("platform admin inside ADV A", Role.PLATFORM_ADMIN, "adv_a"),
    ("consultant of ADV B", Role.ADV_CONSULTANT, "adv_b"),
    ("coordinator of ADV B", Role.ADV_COORDINATOR, "adv_b"),
]


@pytest.fixture
def canary(world, django_capture_on_commit_callbacks):
    """A report of ADV A full of the canary, put where the matrix's URL
    builders find it."""
    author = UserFactory()
    grant_membership(user=author, organisation=world["adv_a"], role=Role.ADV_CONSULTANT)
    incident = IncidentFactory(adv=world["adv_a"], municipality=world["town_a"], title=f"Voorval {CANARY}")
    report = ReportFactory(
        adv=world["adv_a"],
        incident=incident,
        incident_municipality=world["town_a"],
        residence_municipality=world["town_a"],
        description=f"Wat er gebeurde: {CANARY}",
        channel_location=f"Pop-up {CANARY}",
        contact={
            "name": f"Melder {CANARY}",
            "email": "kanarie@example.org",
            "phone": "0612345678",
            "safe_times": f"Na 18 uur {CANARY}",
        },
    )
    Message.objects.create(
        report=report,
        direction=MessageDirection.TO_REPORTER,
        body=f"Bericht {CANARY}",
        author=author,
        created_at=report.received_at,
    )
    Message.objects.create(
        report=report,
        direction=MessageDirection.FROM_REPORTER,
        body=f"Antwoord {CANARY}",
        created_at=report.received_at,
    )
    CaseNote.objects.create(report=report, author=author, text=f"Notitie {CANARY}")
    world["report_a"] = report
    world["incident_a"] = incident
    # A message through the product, so its e-mail notice is in the outbox.
    with django_capture_on_commit_callbacks(execute=True):
        from openinclusie.cases.services.messaging import send_message

        send_message(report=report, by=author, body=f"Nog een bericht {CANARY}", now=report.received_at)
    assert len(mail.outbox) == 1
    return report


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _still_signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_adv_a_itself_sees_the_canary(world, canary):
    """The control: the canary is really there for the ADV that handles it,
    so its absence below means something."""
    user = UserFactory()
    grant_membership(user=user, organisation=world["adv_a"], role=Role.ADV_CONSULTANT)
    page = signed_in_client(user).get(reverse("cases:case_detail", args=[canary.pk]))
    assert CANARY.encode() in page.content


@pytest.mark.parametrize(("who", "role", "organisation"), OUTSIDERS, ids=[o[0] for o in OUTSIDERS])
def test_no_outsider_reaches_the_canary_through_any_page(world, canary, who, role, organisation):
    user = UserFactory()
    grant_membership(user=user, organisation=world[organisation], role=role)
    client = signed_in_client(user)
    version_before = canary.version
    counts_before = (Message.objects.count(), CaseNote.objects.count())
    checked = 0
    for name, row in sorted(MATRIX.items()):
        if "logout" in name:
            continue
        url = reverse(name, kwargs=row.kwargs(world))
        response = client.get(url)
        assert CANARY.encode() not in _body(response), f"{who} read the canary on {name} ({url})"
        if row.kwargs in ADV_A_OBJECTS:
            assert response.status_code in (403, 404), f"{who} got {response.status_code} on {name}"
            posted = client.post(url, {"body": CANARY, "message-body": CANARY, "note-text": CANARY})
            assert posted.status_code in (403, 404), f"{who} could POST to {name}: {posted.status_code}"
            assert CANARY.encode() not in _body(posted)
        assert _still_signed_in(client), f"{name} signed {who} out; the rest would prove nothing"
        checked += 1
    assert checked > 10
    canary.refresh_from_db()
    assert canary.version == version_before
    assert (Message.objects.count(), CaseNote.objects.count()) == counts_before
    # The description is encrypted at rest (ADR 0009): compare in Python.
    assert sum(CANARY in report.description for report in Report.objects.all()) == 1
    for message in mail.outbox:
        assert CANARY not in message.subject
        assert CANARY not in message.body
        assert all(CANARY not in str(content) for content, *_ in getattr(message, "alternatives", []))
