"""manage.py create_adv_coordinator: the first coordinator of an ADV."""

from argparse import ArgumentParser, RawDescriptionHelpFormatter
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse
from django.utils import timezone, translation

from openinclusie.accounts import services
from openinclusie.organisations.models import Organisation

HELP = """Makes the first coordinator of an ADV and prints a one-time link with
which that person chooses their own password. At their first login they set
up an authenticator app; from then on they invite their colleagues on the
Team page.

Platform management cannot give ADV roles: the Wga makes the ADV
independent, so only the ADV manages its own staff (docs/adr/0007). Run this
command on the server, as the ADV's own technical staff or its hosting,
never on behalf of the municipality or platform management. Every step is
recorded in the trail of management actions.

It is refused when the ADV already has another active coordinator. When an
ADV's only coordinator has lost their phone or left, the same command
renews that person's login (old password and second factor stop working)
or makes the new coordinator. An existing account with roles outside this
ADV is refused: use another e-mail address.

Give the printed link to the person in a safe way. It works once and
expires after PASSWORD_RESET_TIMEOUT.

Example:
  manage.py create_adv_coordinator --adv adv-alfa --email coordinator@adv.example --name "Sam de Vries"
"""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--adv", required=True, help="Short name (slug) of the ADV organisation.")
        parser.add_argument("--email", required=True, help="Work e-mail address of the coordinator.")
        parser.add_argument("--name", required=True, help="Full name of the coordinator (kept if the account exists).")
        parser.add_argument(
            "--base-url",
            default=getattr(settings, "PUBLIC_BASE_URL", ""),
            help="Address of the site the link starts with (default: the PUBLIC_BASE_URL setting).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        adv = Organisation.objects.filter(slug=options["adv"]).first()
        if adv is None:
            raise CommandError(f"There is no organisation with the short name {options['adv']!r}.")
        with translation.override(settings.LANGUAGE_CODE):
            try:
                invitation = services.create_adv_coordinator(
                    adv=adv, email=options["email"], full_name=options["name"], now=timezone.now()
                )
            except services.AccountError as error:
                raise CommandError(str(error)) from error
            link = invitation.password_link
            if link is None:  # the service always makes one; never print a half result
                raise CommandError("No set-password link was made.")
            path = reverse("accounts:set_password", kwargs={"uidb64": link.uidb64, "token": link.token})
        user = invitation.user
        verb = "renewed the login of" if invitation.account_existed else "made"
        self.stdout.write(f"{adv.name}: {verb} coordinator {user.full_name} <{user.email}>.")
        self.stdout.write("One-time link to choose a password (give it to this person only, in a safe way):")
        self.stdout.write(f"  {options['base_url'].rstrip('/')}{path}")
