"""The role-by-view access matrix: the one place that says who may open
which page. ``test_access_matrix.py`` fails when a URL is missing here, when a
view's declared policy differs from this table, or when a request by any role
gets a different answer than this table promises.

To add a view: add a row. ``kwargs`` builds the URL arguments from the test
world (see conftest.py); ``method`` is the HTTP method used to probe it."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from openinclusie.accounts.models import Role
from openinclusie.programme.tests.matrix import (
    activity_of_partner_a,
    draft_letter_of_town_a,
    indicator_of_town_a,
    line_of_town_a,
    measurement_of_town_a,
    objective_of_town_a,
    photo_of_partner_a,
    programme_of_town_a,
    public_letter_of_town_a,
    published_letter_of_town_a,
    update_of_partner_a,
    vision_of_town_a,
)

PUBLIC = "public"
LOGIN_STEP = "login_step"
ALL_STAFF = frozenset(Role)
ADV = frozenset({Role.ADV_CONSULTANT, Role.ADV_COORDINATOR})
ADV_COORDINATOR = frozenset({Role.ADV_COORDINATOR})
PLATFORM_ADMIN = frozenset({Role.PLATFORM_ADMIN})
PROGRAMME_OFFICER = frozenset({Role.PROGRAMME_OFFICER})
PARTNER = frozenset({Role.PARTNER_MEMBER})
# Programme: officers edit their own municipality's programme, ADV staff read
# the programmes of the municipalities their ADV serves, partners see and
# update the activities they take part in (programme/scope.py).
PROGRAMME_EDITORS = PROGRAMME_OFFICER | PLATFORM_ADMIN
PROGRAMME_READERS = PROGRAMME_EDITORS | ADV


def no_kwargs(world: dict[str, Any]) -> dict[str, Any]:
    return {}


def town_a(world: dict[str, Any]) -> dict[str, Any]:
    return {"municipality": world["town_a"].slug}


def figures_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    """Town A with counted and released figures (see figures.tests.factories)."""
    from openinclusie.figures.tests.factories import probe_figures

    probe_figures(world)
    return {"municipality": world["town_a"].slug}


def figures_year_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    from openinclusie.figures.tests.factories import probe_figures

    return {"municipality": world["town_a"].slug, "year": probe_figures(world)}


def figures_download_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    return {**figures_year_of_town_a(world), "source": "released", "fmt": "csv"}


def overview_download_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    return {**figures_year_of_town_a(world), "fmt": "csv"}


def first_report_step_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    return {"municipality": world["town_a"].slug, "step": 1}


def code_list_version(world: dict[str, Any]) -> dict[str, Any]:
    from openinclusie.classification.tests.factories import probe_code

    return {"version_id": probe_code().version_id}


def code_list_code(world: dict[str, Any]) -> dict[str, Any]:
    from openinclusie.classification.tests.factories import probe_code

    code = probe_code()
    return {"version_id": code.version_id, "code_id": code.pk}


def organisation_of_partner_a(world: dict[str, Any]) -> dict[str, Any]:
    return {"pk": world["partner_a"].pk}


def municipality_a(world: dict[str, Any]) -> dict[str, Any]:
    return {"pk": world["town_a"].pk}


def neighbourhoods_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    return {"municipality": world["town_a"].pk}


def neighbourhood_of_town_a(world: dict[str, Any]) -> dict[str, Any]:
    from openinclusie.organisations.tests.factories import NeighbourhoodFactory

    neighbourhood = NeighbourhoodFactory(municipality=world["town_a"])
    return {"municipality": world["town_a"].pk, "pk": neighbourhood.pk}


def managed_user(world: dict[str, Any]) -> dict[str, Any]:
    from openinclusie.accounts.tests.factories import UserFactory

    return {"pk": UserFactory().pk}


def managed_membership(world: dict[str, Any]) -> dict[str, Any]:
    from openinclusie.accounts.services import grant_membership
    from openinclusie.accounts.tests.factories import UserFactory

    user = UserFactory()
    membership = grant_membership(user=user, organisation=world["partner_a"], role=Role.PARTNER_MEMBER)
    return {"pk": user.pk, "membership": membership.pk}


def set_password_link(world: dict[str, Any]) -> dict[str, Any]:
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from openinclusie.accounts.tests.factories import UserFactory

    user = UserFactory(password=None, with_totp=False)
    return {"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)}


def team_of_adv_a(world: dict[str, Any]) -> dict[str, Any]:
    return {"adv": world["adv_a"].slug}


def _consultant_of_adv_a(world: dict[str, Any]) -> tuple[Any, Any]:
    """A consultant of ADV A and their membership, made once per test: the
    colleague ADV A's coordinator manages on the Team pages."""
    if "consultant_a" not in world:
        from openinclusie.accounts.services import grant_membership
        from openinclusie.accounts.tests.factories import UserFactory

        user = UserFactory()
        world["consultant_a"] = (
            user,
            grant_membership(user=user, organisation=world["adv_a"], role=Role.ADV_CONSULTANT),
        )
    return world["consultant_a"]


def team_member_of_adv_a(world: dict[str, Any]) -> dict[str, Any]:
    user, _membership = _consultant_of_adv_a(world)
    return {"adv": world["adv_a"].slug, "pk": user.pk}


def team_role_of_adv_a(world: dict[str, Any]) -> dict[str, Any]:
    user, membership = _consultant_of_adv_a(world)
    return {"adv": world["adv_a"].slug, "pk": user.pk, "membership": membership.pk}


def _report_of_adv_a(world: dict[str, Any]) -> Any:
    """One report of ADV A, with contact details, made once per test. The
    canary test puts its own report in ``world["report_a"]`` first."""
    if "report_a" not in world:
        from openinclusie.cases.tests.factories import ReportFactory

        world["report_a"] = ReportFactory(adv=world["adv_a"], incident_municipality=world["town_a"], with_contact=True)
    return world["report_a"]


def report_of_adv_a(world: dict[str, Any]) -> dict[str, Any]:
    return {"pk": _report_of_adv_a(world).pk}


def incident_of_adv_a(world: dict[str, Any]) -> dict[str, Any]:
    if "incident_a" not in world:
        from openinclusie.cases.tests.factories import IncidentFactory

        world["incident_a"] = IncidentFactory(adv=world["adv_a"], municipality=world["town_a"])
        report = _report_of_adv_a(world)
        report.incident = world["incident_a"]
        report.save(update_fields=["incident"])
    return {"pk": world["incident_a"].pk}


def intake_location_of_adv_a(world: dict[str, Any]) -> dict[str, Any]:
    if "intake_location_a" not in world:
        from openinclusie.cases.models import IntakeLocation

        world["intake_location_a"] = IntakeLocation.objects.create(adv=world["adv_a"], name="Pop-up Alfa")
    return {"pk": world["intake_location_a"].pk}


# Builders that name one object of ADV A. For these URLs every user outside
# ADV A, including staff of ADV B, must get 403 or 404 (test_canary.py).
ADV_A_OBJECTS = frozenset({report_of_adv_a, incident_of_adv_a, intake_location_of_adv_a})


@dataclass(frozen=True)
class Row:
    # PUBLIC, LOGIN_STEP, or the staff roles allowed.
    access: str | frozenset[Role]
    kwargs: Callable[[dict[str, Any]], dict[str, Any]] = no_kwargs
    # Roles the view lets in that have no right to this probe's object: like
    # any object outside their scope, it must answer them 404.
    scoped_out: frozenset[Role] = frozenset()

    def opens_for(self, role: Role) -> bool:
        """Whether this probe answers ``role`` with the page itself."""
        return self.access in (PUBLIC, LOGIN_STEP) or (role in self.access and role not in self.scoped_out)

    def first_role(self) -> Role:
        """The first staff role, in the order of ``Role``, that gets the page."""
        assert isinstance(self.access, frozenset)
        return next(role for role in Role if self.opens_for(role))

    method: str = "get"
    # Extra POST data for a POST probe.
    data: dict[str, Any] = field(default_factory=dict)


MATRIX: dict[str, Row] = {
    # Machine endpoints and theme
    "health": Row(PUBLIC),
    "security_txt": Row(PUBLIC),
    "theme:municipality_css": Row(PUBLIC, town_a),
    # Public site
    "public:index": Row(PUBLIC),
    "public:municipality_home": Row(PUBLIC, town_a),
    "public:privacy_statement": Row(PUBLIC, town_a),
    "public:accessibility_statement": Row(PUBLIC, town_a),
    # Meldpunt: the resident's form and the receipt-code follow-up page
    "reports:report_start": Row(PUBLIC, town_a),
    "reports:report_step": Row(PUBLIC, first_report_step_of_town_a),
    "reports:report_check": Row(PUBLIC, town_a),
    "reports:report_sent": Row(PUBLIC, town_a),
    "reports:follow_up_login": Row(PUBLIC, town_a),
    "reports:follow_up": Row(PUBLIC, town_a),
    "reports:follow_up_close": Row(PUBLIC, town_a, method="post"),
    # Logging in
    "accounts:login": Row(LOGIN_STEP),
    "accounts:verify": Row(LOGIN_STEP),
    "accounts:logout": Row(LOGIN_STEP, method="post"),
    "accounts:set_password": Row(LOGIN_STEP, set_password_link),
    # Staff
    "accounts:start": Row(ALL_STAFF),
    # Figures: protected for every staff role (scoped per municipality in
    # figures.queries.scope), exact only for the ADV, releasing for its coordinator
    "figures:index": Row(ALL_STAFF),
    "figures:dashboard": Row(ALL_STAFF, figures_of_town_a),
    "figures:download": Row(ALL_STAFF, figures_download_of_town_a),
    "figures:adv_dashboard": Row(ADV),
    "figures:overview": Row(ADV, figures_year_of_town_a),
    "figures:overview_download": Row(ADV, overview_download_of_town_a),
    "figures:recount": Row(ADV, figures_year_of_town_a, method="post"),
    "figures:release": Row(ADV_COORDINATOR, figures_year_of_town_a, method="post"),
    # Released figures in public, and the open-data API
    "public_figures:figures": Row(PUBLIC, figures_of_town_a),
    "public_figures:csv": Row(PUBLIC, figures_year_of_town_a),
    "api:figures-municipalities": Row(PUBLIC),
    "api:figures-municipality": Row(PUBLIC, figures_of_town_a),
    "api:schema": Row(PUBLIC),
    "public_figures:api_docs": Row(PUBLIC),
    # ADV back office: only cases of the user's own ADV (cases/queries.py).
    "cases:inbox": Row(ADV),
    "cases:intake": Row(ADV),
    "cases:case_detail": Row(ADV, report_of_adv_a),
    "cases:case_classify": Row(ADV, report_of_adv_a),
    "cases:case_status": Row(ADV, report_of_adv_a),
    "cases:case_assign": Row(ADV, report_of_adv_a),
    "cases:case_consent": Row(ADV, report_of_adv_a),
    "cases:case_incident": Row(ADV, report_of_adv_a),
    "cases:case_intake_location": Row(ADV, report_of_adv_a),
    "cases:case_note": Row(ADV, report_of_adv_a),
    "cases:case_message": Row(ADV, report_of_adv_a),
    "cases:case_reveal_contact": Row(ADV, report_of_adv_a),
    "cases:case_export": Row(ADV_COORDINATOR, report_of_adv_a),
    "cases:incidents": Row(ADV),
    "cases:incident_create": Row(ADV),
    "cases:incident_detail": Row(ADV, incident_of_adv_a),
    "cases:incident_reports": Row(ADV, incident_of_adv_a),
    "cases:incident_message": Row(ADV, incident_of_adv_a),
    "cases:access_log": Row(ADV_COORDINATOR),
    "cases:retention": Row(ADV_COORDINATOR),
    "cases:intake_locations": Row(ADV_COORDINATOR),
    "cases:intake_location_edit": Row(ADV_COORDINATOR, intake_location_of_adv_a),
    # Code lists: platform admins maintain them, ADV coordinators read them.
    "classification:version_list": Row(PLATFORM_ADMIN | ADV_COORDINATOR),
    "classification:version_detail": Row(PLATFORM_ADMIN | ADV_COORDINATOR, code_list_version),
    "classification:version_copy": Row(PLATFORM_ADMIN, code_list_version),
    "classification:version_make_current": Row(PLATFORM_ADMIN, code_list_version),
    "classification:code_add": Row(PLATFORM_ADMIN, code_list_version),
    "classification:code_edit": Row(PLATFORM_ADMIN, code_list_code),
    "classification:code_remove": Row(PLATFORM_ADMIN, code_list_code, method="post"),
    # Platform management: organisations, municipalities, neighbourhoods, users
    "organisations:management_home": Row(PLATFORM_ADMIN),
    "organisations:organisation_list": Row(PLATFORM_ADMIN),
    "organisations:organisation_create": Row(PLATFORM_ADMIN),
    "organisations:organisation_edit": Row(PLATFORM_ADMIN, organisation_of_partner_a),
    "organisations:municipality_list": Row(PLATFORM_ADMIN),
    "organisations:municipality_create": Row(PLATFORM_ADMIN),
    "organisations:municipality_edit": Row(PLATFORM_ADMIN, municipality_a),
    "organisations:neighbourhood_list": Row(PLATFORM_ADMIN, neighbourhoods_of_town_a),
    "organisations:neighbourhood_edit": Row(PLATFORM_ADMIN, neighbourhood_of_town_a),
    "organisations:neighbourhood_remove": Row(PLATFORM_ADMIN, neighbourhood_of_town_a),
    "accounts:user_list": Row(PLATFORM_ADMIN),
    "accounts:user_create": Row(PLATFORM_ADMIN),
    "accounts:user_detail": Row(PLATFORM_ADMIN, managed_user),
    "accounts:user_edit": Row(PLATFORM_ADMIN, managed_user),
    "accounts:user_deactivate": Row(PLATFORM_ADMIN, managed_user),
    "accounts:user_reactivate": Row(PLATFORM_ADMIN, managed_user, method="post"),
    "accounts:user_reset_second_factor": Row(PLATFORM_ADMIN, managed_user),
    "accounts:user_password_link": Row(PLATFORM_ADMIN, managed_user, method="post"),
    "accounts:membership_add": Row(PLATFORM_ADMIN, managed_user),
    "accounts:membership_remove": Row(PLATFORM_ADMIN, managed_membership),
    # An ADV's own team: only its coordinators (docs/adr/0007); another ADV's
    # staff answer 404 (accounts/queries.py).
    "accounts:team": Row(ADV_COORDINATOR),
    "accounts:team_invite": Row(ADV_COORDINATOR, team_of_adv_a),
    "accounts:team_member": Row(ADV_COORDINATOR, team_member_of_adv_a),
    "accounts:team_role_add": Row(ADV_COORDINATOR, team_member_of_adv_a),
    "accounts:team_role_remove": Row(ADV_COORDINATOR, team_role_of_adv_a),
    "accounts:team_reset_second_factor": Row(ADV_COORDINATOR, team_member_of_adv_a),
    "accounts:team_password_link": Row(ADV_COORDINATOR, team_member_of_adv_a, method="post"),
    "accounts:team_switch_off": Row(ADV_COORDINATOR, team_member_of_adv_a),
    "accounts:team_switch_on": Row(ADV_COORDINATOR, team_member_of_adv_a, method="post"),
    # Programme: vision, programmes, lines, objectives, activities, indicators, letters
    "programme:home": Row(PROGRAMME_READERS),
    "programme:vision_create": Row(PROGRAMME_EDITORS),
    "programme:vision_edit": Row(PROGRAMME_EDITORS, vision_of_town_a),
    "programme:programme_create": Row(PROGRAMME_EDITORS),
    "programme:programme_detail": Row(PROGRAMME_READERS, programme_of_town_a),
    "programme:programme_edit": Row(PROGRAMME_EDITORS, programme_of_town_a),
    "programme:changes": Row(PROGRAMME_EDITORS, programme_of_town_a),
    "programme:line_create": Row(PROGRAMME_EDITORS, programme_of_town_a),
    "programme:line_edit": Row(PROGRAMME_EDITORS, line_of_town_a),
    "programme:line_remove": Row(PROGRAMME_EDITORS, line_of_town_a),
    "programme:objective_create": Row(PROGRAMME_EDITORS, line_of_town_a),
    "programme:objective_edit": Row(PROGRAMME_EDITORS, objective_of_town_a),
    "programme:objective_remove": Row(PROGRAMME_EDITORS, objective_of_town_a),
    "programme:indicator_create": Row(PROGRAMME_EDITORS, objective_of_town_a),
    "programme:indicator_detail": Row(PROGRAMME_READERS, indicator_of_town_a),
    "programme:indicator_edit": Row(PROGRAMME_EDITORS, indicator_of_town_a),
    "programme:indicator_remove": Row(PROGRAMME_EDITORS, indicator_of_town_a),
    "programme:measurement_create": Row(PROGRAMME_EDITORS, indicator_of_town_a),
    "programme:measurement_edit": Row(PROGRAMME_EDITORS, measurement_of_town_a),
    "programme:measurement_remove": Row(PROGRAMME_EDITORS, measurement_of_town_a),
    "programme:activity_create": Row(PROGRAMME_EDITORS, programme_of_town_a),
    "programme:activity_detail": Row(PROGRAMME_READERS | PARTNER, activity_of_partner_a),
    "programme:activity_edit": Row(PROGRAMME_EDITORS, activity_of_partner_a),
    "programme:activity_remove": Row(PROGRAMME_EDITORS, activity_of_partner_a),
    # ADV staff post like a partner, on their own ADV's activities only
    # (programme/scope.py); partner A's activity is not one of them.
    "programme:update_create": Row(PROGRAMME_EDITORS | PARTNER | ADV, activity_of_partner_a, scoped_out=ADV),
    # Partners and ADV staff: only updates posted for their own organisation,
    # while it takes part in the activity (programme.queries.updates_changeable).
    "programme:update_edit": Row(PROGRAMME_EDITORS | PARTNER | ADV, update_of_partner_a, scoped_out=ADV),
    "programme:update_remove": Row(PROGRAMME_EDITORS | PARTNER | ADV, update_of_partner_a, scoped_out=ADV),
    "programme:my_activities": Row(PARTNER),
    "programme:photo": Row(PROGRAMME_READERS | PARTNER, photo_of_partner_a),
    "programme:letter_create": Row(PROGRAMME_EDITORS, programme_of_town_a),
    "programme:letter_detail": Row(PROGRAMME_READERS, draft_letter_of_town_a),
    "programme:letter_edit": Row(PROGRAMME_EDITORS, draft_letter_of_town_a),
    "programme:letter_publish": Row(PROGRAMME_EDITORS, draft_letter_of_town_a),
    "programme:letter_remove": Row(PROGRAMME_EDITORS, draft_letter_of_town_a),
    "programme:letter_pdf": Row(PROGRAMME_READERS, published_letter_of_town_a),
    "programme:letter_docx": Row(PROGRAMME_READERS, published_letter_of_town_a),
    # Published progress letters on the municipality's public site
    "progress:letter_list": Row(PUBLIC, town_a),
    "progress:letter_detail": Row(PUBLIC, public_letter_of_town_a),
    "progress:letter_pdf": Row(PUBLIC, public_letter_of_town_a),
    "progress:letter_docx": Row(PUBLIC, public_letter_of_town_a),
}
