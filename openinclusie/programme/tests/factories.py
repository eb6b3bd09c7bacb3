import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from openinclusie.organisations.tests.factories import MunicipalityFactory
from openinclusie.programme.models import (
    Activity,
    ActivityUpdate,
    Indicator,
    IndicatorSource,
    Line,
    Measurement,
    Objective,
    Programme,
    ProgressLetter,
    Vision,
)


class VisionFactory(DjangoModelFactory[Vision]):
    class Meta:
        model = Vision

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Visie {n}")
    start_year = 2024
    end_year = 2040
    ambition = "Een stad met ruimte voor verschillen."


class ProgrammeFactory(DjangoModelFactory[Programme]):
    class Meta:
        model = Programme

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Uitvoeringsprogramma {n}")
    start_year = 2025
    end_year = 2026


class LineFactory(DjangoModelFactory[Line]):
    class Meta:
        model = Line

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Lijn {n}")


class ObjectiveFactory(DjangoModelFactory[Objective]):
    class Meta:
        model = Objective

    line = factory.SubFactory(LineFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Doelstelling {n}")


class ActivityFactory(DjangoModelFactory[Activity]):
    class Meta:
        model = Activity

    line = factory.SubFactory(LineFactory)
    objective = None
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Activiteit {n}")


class ActivityUpdateFactory(DjangoModelFactory[ActivityUpdate]):
    class Meta:
        model = ActivityUpdate

    activity = factory.SubFactory(ActivityFactory)
    happened_on = datetime.date(2025, 5, 1)
    text = "Het gesprek heeft plaatsgevonden."
    author_organisation = factory.LazyAttribute(lambda o: o.activity.owning_line.programme.municipality.organisation)
    created_at = factory.LazyFunction(timezone.now)


class IndicatorFactory(DjangoModelFactory[Indicator]):
    class Meta:
        model = Indicator

    objective = factory.SubFactory(ObjectiveFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    definition = "Percentage inwoners dat de ADV kent."
    unit = "%"
    source = IndicatorSource.MANUAL
    baseline_value = Decimal("18")
    baseline_date = datetime.date(2023, 6, 1)
    target_value = Decimal("30")
    target_date = datetime.date(2026, 12, 31)


class MeasurementFactory(DjangoModelFactory[Measurement]):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = datetime.date(2025, 6, 1)
    value = Decimal("22")
    recorded_at = factory.LazyFunction(timezone.now)


class ProgressLetterFactory(DjangoModelFactory[ProgressLetter]):
    class Meta:
        model = ProgressLetter

    programme = factory.SubFactory(ProgrammeFactory)
    year = 2025
    title = "Voortgang 2025"
    created_at = factory.LazyFunction(timezone.now)
    updated_at = factory.LazyFunction(timezone.now)
