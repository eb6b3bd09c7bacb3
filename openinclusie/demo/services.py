"""Loads the demo world through the same services the product uses."""

from dataclasses import dataclass

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinclusie.accounts import services as account_services
from openinclusie.accounts.models import Membership, Role, User
from openinclusie.figures import queries as figures_queries
from openinclusie.figures import services as figures_services
from openinclusie.figures.models import Release
from openinclusie.organisations import services as organisation_services
from openinclusie.organisations.models import Municipality, Organisation

from .cases import demo_report_years, load_demo_cases
from .data import ADVS, DEMO_PASSWORD, MUNICIPALITIES, PARTNERS, PLATFORM, DemoOrganisation
from .programme_data import letter_years, load_demo_programmes


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str
    organisation: str
    current_code: str


DEMO_EMAIL_DOMAIN = "example"


def _organisation(spec: DemoOrganisation) -> Organisation:
    return organisation_services.save_organisation(
        slug=spec.slug,
        name=spec.name,
        kind=spec.kind,
        description=spec.description,
        website=spec.website,
        email=spec.email,
        phone=spec.phone,
        address=spec.address,
        opening_hours=spec.opening_hours,
        active_in_slugs=list(spec.active_in),
    )


def _demo_user(*, email: str, full_name: str, organisation: Organisation, role: Role) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, DEMO_PASSWORD, full_name=full_name)
    account_services.grant_membership(user=user, organisation=organisation, role=role)
    TOTPDevice.objects.update_or_create(
        user=user,
        name="demo",
        defaults={"key": account_services.demo_totp_key(email), "confirmed": True},
    )
    return user


ROLE_MAILBOX = {
    Role.ADV_CONSULTANT: "consulent",
    Role.ADV_COORDINATOR: "coordinator",
    Role.PROGRAMME_OFFICER: "beleid",
    Role.PARTNER_MEMBER: "partner",
    Role.PLATFORM_ADMIN: "beheer",
}

ROLE_PERSON = {
    Role.ADV_CONSULTANT: "Demo Consulent",
    Role.ADV_COORDINATOR: "Demo Coördinator",
    Role.PROGRAMME_OFFICER: "Demo Beleidsmedewerker",
    Role.PARTNER_MEMBER: "Demo Partnerlid",
    Role.PLATFORM_ADMIN: "Demo Beheerder",
}


def demo_email(role: Role, organisation_slug: str) -> str:
    return f"{ROLE_MAILBOX[role]}@{organisation_slug}.{DEMO_EMAIL_DOMAIN}"


def release_demo_figures() -> list[Release]:
    """What each ADV's coordinator does once a year is over: release the
    protected figures of the year to the municipality, for every past year
    with demo reports or a demo letter. A year released before is left as it
    is. Returns the new releases."""
    now = timezone.now()
    this_year = timezone.localtime(now).year
    released = []
    for spec in MUNICIPALITIES:
        municipality = Municipality.objects.get(slug=spec.slug)
        coordinator = User.objects.get(email=demo_email(Role.ADV_COORDINATOR, spec.adv_slug))
        for year in sorted(demo_report_years(municipality) | letter_years(spec.slug)):
            if year < this_year and figures_queries.latest_release(municipality, year) is None:
                released.append(figures_services.release(municipality=municipality, year=year, by=coordinator, now=now))
    return released


def load_demo() -> list[User]:
    advs = {spec.slug: _organisation(spec) for spec in ADVS}
    users: list[User] = []
    for spec in MUNICIPALITIES:
        municipality = organisation_services.save_municipality(
            slug=spec.slug,
            name=spec.name,
            cbs_code=spec.cbs_code,
            adv=advs[spec.adv_slug],
            primary_colour=spec.primary_colour,
            neighbourhood_names=list(spec.neighbourhoods),
        )
        organisation = municipality.organisation
        users.append(
            _demo_user(
                email=demo_email(Role.PROGRAMME_OFFICER, spec.slug),
                full_name=f"{ROLE_PERSON[Role.PROGRAMME_OFFICER]} ({spec.name})",
                organisation=organisation,
                role=Role.PROGRAMME_OFFICER,
            )
        )
    for adv in advs.values():
        for role in (Role.ADV_CONSULTANT, Role.ADV_COORDINATOR):
            users.append(
                _demo_user(
                    email=demo_email(role, adv.slug),
                    full_name=f"{ROLE_PERSON[role]} ({adv.name})",
                    organisation=adv,
                    role=role,
                )
            )
    for partner_spec in PARTNERS:
        partner = _organisation(partner_spec)
        users.append(
            _demo_user(
                email=demo_email(Role.PARTNER_MEMBER, partner_spec.slug),
                full_name=f"{ROLE_PERSON[Role.PARTNER_MEMBER]} ({partner_spec.name})",
                organisation=partner,
                role=Role.PARTNER_MEMBER,
            )
        )
    platform = _organisation(PLATFORM)
    users.append(
        _demo_user(
            email=demo_email(Role.PLATFORM_ADMIN, PLATFORM.slug),
            full_name=ROLE_PERSON[Role.PLATFORM_ADMIN],
            organisation=platform,
            role=Role.PLATFORM_ADMIN,
        )
    )
    load_demo_cases(consultant_email={slug: demo_email(Role.ADV_CONSULTANT, slug) for slug in advs})
    # Before the programmes: the published letters show the released figures.
    release_demo_figures()
    load_demo_programmes()
    return users


def demo_logins() -> list[DemoLogin]:
    rows = []
    memberships = (
        Membership.objects.filter(user__email__endswith=f".{DEMO_EMAIL_DOMAIN}")
        .select_related("user", "organisation")
        .order_by("organisation__kind", "organisation__name", "role")
    )
    for membership in memberships:
        device = account_services.confirmed_device(user=membership.user)
        code = account_services.current_totp_token(device) if device else "(no device)"
        rows.append(
            DemoLogin(
                email=membership.user.email,
                role=str(membership.get_role_display()),
                organisation=membership.organisation.name,
                current_code=code,
            )
        )
    return rows
