import factory
from factory.django import DjangoModelFactory

from openinclusie.organisations.models import Municipality, Neighbourhood, Organisation


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    kind = "partner"
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")


class MunicipalityFactory(DjangoModelFactory[Municipality]):
    class Meta:
        model = Municipality
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    # Modulo: the sequence runs on over a whole test session, the code has four digits.
    cbs_code = factory.Sequence(lambda n: f"GM{(9000 + n) % 10000:04d}")
    adv = factory.SubFactory(OrganisationFactory, kind="adv")

    @factory.post_generation
    def organisation(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            Organisation.objects.create(
                kind="municipality", name=f"Gemeente {self.name}", slug=f"org-{self.slug}", municipality=self
            )


class NeighbourhoodFactory(DjangoModelFactory[Neighbourhood]):
    class Meta:
        model = Neighbourhood

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Wijk {n}")
