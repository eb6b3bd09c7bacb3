"""Factories for reports, incidents and the classification codes they use.

The seeded code list may or may not be in the test database (it arrives as
a data migration), so ``code_list()`` reuses the current version when there
is one and ``code()`` gets or creates a code in it."""

from datetime import timedelta
from typing import cast

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from openinclusie.cases.constants import Channel, ReporterRole, RequestType, Status
from openinclusie.cases.models import Incident, Report, ReporterContact
from openinclusie.classification.models import Code, CodeKind, CodeListVersion
from openinclusie.organisations.tests.factories import OrganisationFactory


class CodeListVersionFactory(DjangoModelFactory[CodeListVersion]):
    class Meta:
        model = CodeListVersion

    name = factory.Sequence(lambda n: f"Testversie {n}")
    valid_from = factory.LazyFunction(lambda: timezone.localdate().replace(month=1, day=1))
    is_current = False


def code_list() -> CodeListVersion:
    current = CodeListVersion.objects.filter(is_current=True).first()
    return current or cast(CodeListVersion, CodeListVersionFactory(is_current=True))


def code(kind: CodeKind, slug: str, *, parent: Code | None = None, version: CodeListVersion | None = None) -> Code:
    version = version or code_list()
    label = slug.replace("-", " ").capitalize()
    found, _created = Code.objects.get_or_create(
        version=version,
        kind=kind,
        code=slug,
        defaults={"label_nl": label, "label_en": label, "parent": parent, "position": 0},
    )
    return found


def classification_codes() -> dict[str, Code]:
    """A small code list: one ground with a sub-ground, a second ground, a
    domain, a nature, and two handlings of which one needs consent."""
    origin = code(CodeKind.GROUND, "herkomst")
    return {
        "origin": origin,
        "antisemitism": code(CodeKind.GROUND, "antisemitisme", parent=origin),
        "religion": code(CodeKind.GROUND, "godsdienst"),
        "domain": code(CodeKind.DOMAIN, "arbeidsmarkt"),
        "nature": code(CodeKind.NATURE, "vijandige-bejegening"),
        "advice": code(CodeKind.HANDLING, "advies-informatie"),
        "mediation": code(CodeKind.HANDLING, "bemiddeling"),
    }


class IncidentFactory(DjangoModelFactory[Incident]):
    class Meta:
        model = Incident

    adv = factory.SubFactory(OrganisationFactory, kind="adv")
    title = factory.Sequence(lambda n: f"Voorval {n}")
    is_mass_report = False

    class Params:
        mass = factory.Trait(is_mass_report=True)


class ReportFactory(DjangoModelFactory[Report]):
    class Meta:
        model = Report
        skip_postgeneration_save = True

    adv = factory.SubFactory(OrganisationFactory, kind="adv")
    reference = factory.Sequence(lambda n: f"TEST-2026-{n:05d}")
    channel = Channel.PHONE
    received_at = factory.LazyFunction(timezone.now)
    request_type = RequestType.KLACHT
    reporter_role = ReporterRole.VICTIM
    description = "Bij de bakker werd ik anders behandeld dan de klant voor mij."
    status = Status.NEW
    is_anonymous = True

    class Params:
        closed = factory.Trait(
            status=Status.CLOSED, closed_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
        )
        with_contact = factory.Trait(is_anonymous=False)

    @factory.post_generation
    def contact(self: Report, create: bool, extracted: object, **kwargs: object) -> None:  # type: ignore[misc]
        """``ReportFactory(with_contact=True)`` or ``contact={...}`` gives the
        report contact details."""
        if not create or (self.is_anonymous and not extracted):
            return
        values = {"name": "Sam Voorbeeld", "email": "sam@example.org", "phone": "0612345678"}
        if isinstance(extracted, dict):
            values.update(extracted)
        ReporterContact.objects.create(report=self, **values)
        if self.is_anonymous:
            Report.objects.filter(pk=self.pk).update(is_anonymous=False)
            self.is_anonymous = False
