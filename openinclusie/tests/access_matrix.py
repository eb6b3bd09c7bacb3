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

PUBLIC = "public"
LOGIN_STEP = "login_step"
ALL_STAFF = frozenset(Role)
ADV = frozenset({Role.ADV_CONSULTANT, Role.ADV_COORDINATOR})
ADV_COORDINATOR = frozenset({Role.ADV_COORDINATOR})
PLATFORM_ADMIN = frozenset({Role.PLATFORM_ADMIN})
PROGRAMME_OFFICER = frozenset({Role.PROGRAMME_OFFICER})
PARTNER = frozenset({Role.PARTNER_MEMBER})


def no_kwargs(world: dict[str, Any]) -> dict[str, Any]:
    return {}


def town_a(world: dict[str, Any]) -> dict[str, Any]:
    return {"municipality": world["town_a"].slug}


def code_list_version(world: dict[str, Any]) -> dict[str, Any]:
    from openinclusie.classification.tests.factories import probe_code

    return {"version_id": probe_code().version_id}


def code_list_code(world: dict[str, Any]) -> dict[str, Any]:
    from openinclusie.classification.tests.factories import probe_code

    code = probe_code()
    return {"version_id": code.version_id, "code_id": code.pk}


@dataclass(frozen=True)
class Row:
    # PUBLIC, LOGIN_STEP, or the staff roles allowed.
    access: str | frozenset[Role]
    kwargs: Callable[[dict[str, Any]], dict[str, Any]] = no_kwargs
    method: str = "get"
    # Extra POST data for a POST probe.
    data: dict[str, Any] = field(default_factory=dict)


MATRIX: dict[str, Row] = {
    # Machine endpoints and theme
    "health": Row(PUBLIC),
    "theme:municipality_css": Row(PUBLIC, town_a),
    # Public site
    "public:index": Row(PUBLIC),
    "public:municipality_home": Row(PUBLIC, town_a),
    "public:privacy_statement": Row(PUBLIC, town_a),
    "public:accessibility_statement": Row(PUBLIC, town_a),
    # Logging in
    "accounts:login": Row(LOGIN_STEP),
    "accounts:verify": Row(LOGIN_STEP),
    "accounts:logout": Row(LOGIN_STEP, method="post"),
    # Staff
    "accounts:start": Row(ALL_STAFF),
    # Code lists: platform admins maintain them, ADV coordinators read them.
    "classification:version_list": Row(PLATFORM_ADMIN | ADV_COORDINATOR),
    "classification:version_detail": Row(PLATFORM_ADMIN | ADV_COORDINATOR, code_list_version),
    "classification:version_copy": Row(PLATFORM_ADMIN, code_list_version),
    "classification:version_make_current": Row(PLATFORM_ADMIN, code_list_version),
    "classification:code_add": Row(PLATFORM_ADMIN, code_list_version),
    "classification:code_edit": Row(PLATFORM_ADMIN, code_list_code),
    "classification:code_remove": Row(PLATFORM_ADMIN, code_list_code, method="post"),
}
