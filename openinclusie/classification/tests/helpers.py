from django.utils import timezone

from openinclusie.cases.models import Report
from openinclusie.classification.models import CodeListVersion
from openinclusie.organisations.models import Organisation


def register_report(adv: Organisation, version: CodeListVersion) -> Report:
    """The least report that puts ``version`` in use. The case back office
    has its own services; this only sets the classification version."""
    count = Report.objects.count()
    return Report.objects.create(
        adv=adv,
        reference=f"TEST-{count + 1}",
        channel="web",
        received_at=timezone.now(),
        request_type="melding",
        reporter_role="victim",
        description="Testmelding",
        classification_version=version,
    )
