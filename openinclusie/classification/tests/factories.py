import datetime

import factory
from factory.django import DjangoModelFactory

from openinclusie.classification.models import Code, CodeKind, CodeListVersion


class CodeListVersionFactory(DjangoModelFactory[CodeListVersion]):
    class Meta:
        model = CodeListVersion

    name = factory.Sequence(lambda n: f"Testversie {n}")
    valid_from = datetime.date(2027, 1, 1)
    is_current = False


class CodeFactory(DjangoModelFactory[Code]):
    class Meta:
        model = Code

    version = factory.SubFactory(CodeListVersionFactory)
    kind = CodeKind.DOMAIN
    code = factory.Sequence(lambda n: f"code-{n}")
    label_nl = factory.Sequence(lambda n: f"Code {n}")
    label_en = factory.Sequence(lambda n: f"Code {n} (en)")
    position = factory.Sequence(lambda n: (n + 1) * 10)


PROBE_VERSION_NAME = "Toegangstest"


def probe_code() -> Code:
    """A draft version (not current, no reports) with one main ground, for
    probing the management URLs; the same one on every call in a test."""
    version, _created = CodeListVersion.objects.get_or_create(
        name=PROBE_VERSION_NAME, defaults={"valid_from": datetime.date(2027, 1, 1)}
    )
    code, _created = Code.objects.get_or_create(
        version=version,
        kind=CodeKind.GROUND,
        code="probe",
        defaults={"label_nl": "Proef", "label_en": "Probe", "position": 10},
    )
    return code
