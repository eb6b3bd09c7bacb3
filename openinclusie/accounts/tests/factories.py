import factory
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from factory.django import DjangoModelFactory

from openinclusie.accounts.models import User
from openinclusie.accounts.services import current_totp_token

PASSWORD = "een-lang-test-wachtwoord"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"medewerker{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Medewerker {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def with_totp(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted is not False:
            TOTPDevice.objects.create(user=self, name="test", confirmed=True)
            self.save()


def signed_in_client(user: User, client: Client | None = None) -> Client:
    """Logs in through the real two-step login, so tests exercise MFA."""
    client = client or Client()
    response = client.post("/inloggen/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    response = client.post("/inloggen/code/", {"token": current_totp_token(device)})
    assert response.status_code == 302, response.content[:500]
    return client
