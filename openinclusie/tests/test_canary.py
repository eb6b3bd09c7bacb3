"""The canary test (security.md AC-04, test plan rows 6, 7 and 21).

A unique string is planted in every free-text field of a report of ADV A
(description, contact details, a message, an internal note, the incident).
The report falls in the year whose figures are counted and released for
town A, and a progress letter of town A reporting on that year is published
with its PDF and DOCX, so every export that summarises reports really
summarises this one. Then everyone who must never read it (a programme
officer, a partner member, platform admins without an ADV role, and the
consultant and coordinator of ADV B) requests every URL of the access
matrix, in every download format it offers (each ``fmt`` and ``source`` a
URL accepts, each renderer of the API), plus the letter documents. The
canary appears in no response, neither in its bytes nor in the text a
reader of the file sees (PDF through pdftotext, XLSX cell by cell, DOCX
paragraph and table cell by table cell, CSV, JSON and YAML decoded),
and in no e-mail; every URL that names ADV A's report or incident answers
403 or 404, also to a POST.

The test walks ``MATRIX``, so every view added later is covered without
touching this file; URL arguments come from the matrix's own builders,
which see the canary report, incident and letters through ``world``. A
response of a kind this file cannot read fails the test, so a new export
format cannot slip past unread."""

import io
import itertools
import json
import re
import secrets
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
import openpyxl
import pytest
from django.core import mail
from django.http import HttpResponseBase
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from openinclusie.accounts.models import Role
from openinclusie.accounts.services import grant_membership
from openinclusie.accounts.tests.factories import UserFactory, signed_in_client
from openinclusie.cases.constants import MessageDirection
from openinclusie.cases.models import CaseNote, Message, Report
from openinclusie.cases.tests.factories import IncidentFactory, ReportFactory
from openinclusie.figures import exports
from openinclusie.figures.tests.factories import PROBE_YEAR, local, probe_figures
from openinclusie.programme.models import LetterDocument
from openinclusie.programme.services import letters
from openinclusie.programme.tests.matrix import programme_of_town_a

from .access_matrix import ADV_A_OBJECTS, MATRIX, Row
from .pdf_support import pdf_text

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

# Every value a download URL accepts for these arguments: the matrix names
# one (``fmt="csv"``), the canary test asks for all of them.
URL_CHOICES: dict[str, tuple[str, ...]] = {"fmt": exports.FORMATS, "source": ("released", "live")}
# Every representation the API offers: each renderer and each kind of period.
QUERY_CHOICES: dict[str, tuple[str, ...]] = {
    "api:figures-municipalities": ("", "?format=json"),
    "api:figures-municipality": (
        "",
        "?format=json",
        f"?period={PROBE_YEAR}",
        f"?period={PROBE_YEAR}-Q1",
        f"?period={PROBE_YEAR}-03",
    ),
    "api:schema": ("", "?format=json", "?format=yaml"),
}

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Content types read as text after decoding.
TEXT_TYPES = frozenset(
    {
        "text/html",
        "text/plain",
        "text/css",
        "text/csv",
        "application/json",
        "application/vnd.oai.openapi",
        "application/vnd.oai.openapi+json",
        "application/yaml",
    }
)
# Pictures (activity photos): no text to read; their bytes are still searched.
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/webp"})
# What a download is called in the coverage check below.
KINDS = {
    "application/pdf": "pdf",
    XLSX: "xlsx",
    DOCX: "docx",
    "text/csv": "csv",
    "application/json": "json",
    "application/vnd.oai.openapi": "openapi",
    "application/vnd.oai.openapi+json": "openapi",
}
# Downloads about town A: their read text must name it, or the reading failed.
DOCUMENT_KINDS = frozenset({"pdf", "xlsx", "docx", "csv"})


# --- Reading what a reader of a response sees ------------------------------------------------------


def _body(response: HttpResponseBase) -> bytes:
    """The body; a streamed one (a FileResponse) can be read only once."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)  # type: ignore[attr-defined]
    return response.content  # type: ignore[attr-defined]


def _content_type(response: HttpResponseBase) -> str:
    return response.get("Content-Type", "").split(";")[0].strip().lower()


def _zip_parts(content: bytes) -> str:
    """Every part of an Office file (a zip), decompressed: what the library
    readers below skip (document properties, comments, chart data) too."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def xlsx_text(content: bytes) -> str:
    """Every cell of every sheet, and the sheet names."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    found = []
    for sheet in workbook.worksheets:
        found.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            found.extend(str(value) for value in row if value is not None)
    return "\n".join(found)


def _docx_table_text(table: Any) -> Iterator[str]:
    for row in table.rows:
        for cell in row.cells:
            yield from (paragraph.text for paragraph in cell.paragraphs)
            for inner in cell.tables:
                yield from _docx_table_text(inner)


def docx_text(content: bytes) -> str:
    """Every paragraph and every table cell (nested tables too), of the body
    and of each section's headers and footers."""
    document = docx.Document(io.BytesIO(content))
    found = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        found.extend(_docx_table_text(table))
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            found.extend(paragraph.text for paragraph in part.paragraphs)
            for table in part.tables:
                found.extend(_docx_table_text(table))
    return "\n".join(found)


def readable_text(content: bytes, content_type: str) -> str:
    """The text a reader of a response with this body and content type
    sees. Compressed formats are unpacked: a substring search in the bytes
    of a PDF or an Office file would prove nothing."""
    if not content:
        return ""
    if content_type == "application/pdf":
        return pdf_text(content)
    if content_type == XLSX:
        return xlsx_text(content) + "\n" + _zip_parts(content)
    if content_type == DOCX:
        return docx_text(content) + "\n" + _zip_parts(content)
    if content_type in TEXT_TYPES:
        text = content.decode("utf-8-sig")
        if content_type == "application/json":
            # Also as the values themselves, should an escape hide a character.
            text += "\n" + json.dumps(json.loads(text), ensure_ascii=False)
        return text
    if content_type in IMAGE_TYPES:
        return ""
    raise AssertionError(f"the canary test cannot read {content_type!r} yet: teach readable_text() this format")


def _urls(name: str, row: Row, world: dict[str, Any]) -> Iterator[str]:
    """The URL of a matrix row in each download format and variant it offers."""
    kwargs = row.kwargs(world)
    varied = [key for key in kwargs if key in URL_CHOICES]
    for values in itertools.product(*(URL_CHOICES[key] for key in varied)):
        url = reverse(name, kwargs={**kwargs, **dict(zip(varied, values, strict=True))})
        for query in QUERY_CHOICES.get(name, ("",)):
            yield url + query


def _letter_urls(world: dict[str, Any]) -> Iterator[str]:
    """The documents of the canary fixture's letters: the published letter's
    stored PDF and DOCX (staff and public site) and the draft's, rendered
    from the live data."""
    for letter in (world["published_letter_a"], world["draft_letter_a"]):
        for name in ("programme:letter_pdf", "programme:letter_docx"):
            yield reverse(name, args=[letter.pk])
    for name in ("progress:letter_pdf", "progress:letter_docx"):
        yield reverse(name, args=[world["town_a"].slug, world["published_letter_a"].pk])


# --- The canary --------------------------------------------------------------------------------------


@pytest.fixture
def canary(world, django_capture_on_commit_callbacks):
    """A report of ADV A full of the canary, put where the matrix's URL
    builders find it; counted in town A's released figures, and a letter of
    town A about that year published with its documents."""
    author = UserFactory()
    grant_membership(user=author, organisation=world["adv_a"], role=Role.ADV_CONSULTANT)
    incident = IncidentFactory(adv=world["adv_a"], municipality=world["town_a"], title=f"Voorval {CANARY}")
    report = ReportFactory(
        adv=world["adv_a"],
        incident=incident,
        incident_municipality=world["town_a"],
        residence_municipality=world["town_a"],
        received_at=local(PROBE_YEAR, 6, 12),
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
    # Town A's figures of the canary's year, counted and released with it.
    assert probe_figures(world) == PROBE_YEAR == report.received_at.year
    # The letter about that year, published through the product so its PDF
    # and DOCX are made; the next year's stays a draft.
    officer = UserFactory()
    grant_membership(user=officer, organisation=world["municipality_org_a"], role=Role.PROGRAMME_OFFICER)
    programme_of_town_a(world)
    programme = world["programme_a"]
    now = timezone.now()
    published = letters.create_draft(programme=programme, year=PROBE_YEAR, by=officer, now=now)
    with django_capture_on_commit_callbacks(execute=True):
        letters.publish(letter=published, by=officer, now=now)
    assert LetterDocument.objects.filter(letter=published).count() == 2
    world["published_letter_a"] = published
    world["draft_letter_a"] = letters.create_draft(programme=programme, year=PROBE_YEAR + 1, by=officer, now=now)
    return report


def _still_signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


# --- The extraction is proven to find the canary ------------------------------------------------------


def test_adv_a_itself_sees_the_canary(world, canary):
    """The control: the canary is really there for the ADV that handles it,
    so its absence below means something."""
    user = UserFactory()
    grant_membership(user=user, organisation=world["adv_a"], role=Role.ADV_CONSULTANT)
    page = signed_in_client(user).get(reverse("cases:case_detail", args=[canary.pk]))
    assert CANARY.encode() in page.content
    assert CANARY in readable_text(page.content, _content_type(page))


def test_the_case_export_pdf_of_adv_a_holds_the_canary_as_read_text(world, canary):
    """The control for PDFs, with the extraction the walk uses: the
    coordinator's export of the case is a real PDF whose text holds the
    canary (in its description, contact details, messages and note), so
    a PDF that leaked it would be caught."""
    coordinator = UserFactory()
    grant_membership(user=coordinator, organisation=world["adv_a"], role=Role.ADV_COORDINATOR)
    response = signed_in_client(coordinator).get(reverse("cases:case_export", args=[canary.pk]))
    assert response.status_code == 200
    assert _content_type(response) == "application/pdf"
    text = readable_text(response.content, _content_type(response))
    # pdftotext may break a long line; compare with the whitespace removed.
    assert "".join(text.split()).count(CANARY) >= 4, text


def _xlsx_with_canary() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["gemeente", "aantal"])
    hidden = workbook.create_sheet("Tweede blad")
    hidden["F40"] = f"Opmerking {CANARY}"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _docx_with_canary(where: str) -> bytes:
    document = docx.Document()
    document.add_paragraph("Voortgangsbrief")
    if where == "paragraph":
        document.add_paragraph(f"Een alinea met {CANARY}")
    elif where == "table":
        table = document.add_table(rows=2, cols=2)
        table.cell(1, 1).text = f"Cel {CANARY}"
    elif where == "nested table":
        outer = document.add_table(rows=1, cols=1)
        outer.cell(0, 0).add_table(rows=1, cols=1).cell(0, 0).text = f"Binnen {CANARY}"
    else:
        document.sections[0].footer.paragraphs[0].text = f"Voettekst {CANARY}"
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        pytest.param(_xlsx_with_canary, XLSX, id="xlsx, a cell of the second sheet"),
        *(
            pytest.param(lambda where=where: _docx_with_canary(where), DOCX, id=f"docx, {where}")
            for where in ("paragraph", "table", "nested table", "footer")
        ),
        pytest.param(lambda: f"\ufeffa,b\r\n1,{CANARY}\r\n".encode(), "text/csv", id="csv"),
        pytest.param(lambda: json.dumps({"x": [{"y": CANARY}]}).encode(), "application/json", id="json"),
    ],
)
def test_the_extraction_finds_the_canary_in_each_format(content, content_type):
    """The control for the formats no product view fills with a report's
    text: a file that holds the canary where it is hardest to see is read
    by the same ``readable_text`` the walk uses, and the canary is found.
    The compressed formats also show why the bytes alone prove nothing."""
    data = content()
    assert CANARY in readable_text(data, content_type)
    if content_type in (XLSX, DOCX):
        assert CANARY.encode() not in data


def _routes(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    """(name, pattern) of every URL of the project, namespaces and prefixes included."""
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _routes(entry, prefix + str(entry.pattern), inner)
        else:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern)


def test_every_format_a_url_accepts_is_asked_for():
    """The matrix names one format per download URL; the walk asks for all.
    A URL argument that picks among fixed choices (``(?P<fmt>csv|xlsx|pdf)``)
    or names a format (``<slug:fmt>``) must be in ``URL_CHOICES`` with all
    its choices, so a new format or a new download URL cannot go unasked."""
    routes = dict(_routes(get_resolver()))
    assert {"figures:download", "figures:overview_download"} <= set(routes)
    for name, pattern in routes.items():
        for argument, choices in re.findall(r"\(\?P<(\w+)>([\w-]+(?:\|[\w-]+)+)\)", pattern):
            assert argument in URL_CHOICES, f"{name} ({pattern}): the walk does not vary {argument}"
            assert set(choices.split("|")) <= set(URL_CHOICES[argument]), f"{name} offers {choices}"
        for argument in re.findall(r"<(?:\w+:)?(fmt|format|extension)>", pattern):
            assert argument in URL_CHOICES, f"{name} ({pattern}): the walk does not vary {argument}"
    for name in QUERY_CHOICES:
        assert name in MATRIX


# --- No outsider reaches it ---------------------------------------------------------------------------


@pytest.mark.parametrize(("who", "role", "organisation"), OUTSIDERS, ids=[o[0] for o in OUTSIDERS])
def test_no_outsider_reaches_the_canary_through_any_page(world, canary, who, role, organisation):
    user = UserFactory()
    grant_membership(user=user, organisation=world[organisation], role=role)
    client = signed_in_client(user)
    version_before = canary.version
    counts_before = (Message.objects.count(), CaseNote.objects.count())
    checked = 0
    read: dict[str, list[str]] = {}
    urls = [
        (name, url) for name, row in sorted(MATRIX.items()) if "logout" not in name for url in _urls(name, row, world)
    ]
    urls += [("letter document", url) for url in _letter_urls(world)]
    for name, url in urls:
        response = client.get(url)
        body = _body(response)
        assert CANARY.encode() not in body, f"{who} read the canary on {name} ({url})"
        text = readable_text(body, _content_type(response))
        assert CANARY not in "".join(text.split()), f"{who} read the canary in the text of {name} ({url})"
        kind = KINDS.get(_content_type(response))
        if response.status_code == 200 and kind:
            # A real file, really read: a document or table names town A.
            if kind in DOCUMENT_KINDS:
                assert "alfastad" in text.lower(), f"{name} ({url}) read as {text[:300]!r}"
            read.setdefault(kind, []).append(url)
        row = MATRIX.get(name)
        if row is not None and row.kwargs in ADV_A_OBJECTS:
            assert response.status_code in (403, 404), f"{who} got {response.status_code} on {name}"
            posted = client.post(url, {"body": CANARY, "message-body": CANARY, "note-text": CANARY})
            assert posted.status_code in (403, 404), f"{who} could POST to {name}: {posted.status_code}"
            assert CANARY.encode() not in _body(posted)
        assert _still_signed_in(client), f"{name} signed {who} out; the rest would prove nothing"
        checked += 1
    assert checked > 10
    # Each outsider really received and read each kind of file open to them:
    # the public letter documents, the public CSV and the API to everyone,
    # town A's figures downloads to the staff who may see them.
    expected = {"pdf", "docx", "csv", "json", "openapi"}
    if organisation != "adv_b":
        expected.add("xlsx")
    assert expected <= set(read), f"{who} read only {sorted(read)}"
    canary.refresh_from_db()
    assert canary.version == version_before
    assert (Message.objects.count(), CaseNote.objects.count()) == counts_before
    # The description is encrypted at rest (ADR 0009): compare in Python.
    assert sum(CANARY in report.description for report in Report.objects.all()) == 1
    for message in mail.outbox:
        assert CANARY not in message.subject
        assert CANARY not in message.body
        assert all(CANARY not in str(content) for content, *_ in getattr(message, "alternatives", []))
