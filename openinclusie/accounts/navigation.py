"""The staff menu, built from the access policies of the views it links to."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import resolve, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .access import is_fully_authenticated, policy_of, roles_of


@dataclass(frozen=True)
class MenuItem:
    label: str | Promise
    url_name: str


# Modules add their entry points here as they arrive.
MENU: list[MenuItem] = [
    MenuItem(_("Start"), "accounts:start"),
    MenuItem(_("Reports"), "cases:inbox"),
    MenuItem(_("Register a report"), "cases:intake"),
    MenuItem(_("Access log"), "cases:access_log"),
    MenuItem(_("Retention"), "cases:retention"),
    MenuItem(_("Intake locations"), "cases:intake_locations"),
    MenuItem(_("Figures"), "figures:index"),
    MenuItem(_("Programme"), "programme:home"),
    MenuItem(_("My activities"), "programme:my_activities"),
    MenuItem(_("Team"), "accounts:team"),
    MenuItem(_("Organisations"), "organisations:organisation_list"),
    MenuItem(_("Municipalities"), "organisations:municipality_list"),
    MenuItem(_("Users"), "accounts:user_list"),
    MenuItem(_("Code lists"), "classification:version_list"),
]


def menu_for(request: HttpRequest) -> list[dict[str, object]]:
    if not is_fully_authenticated(request):
        return []
    roles = roles_of(request)
    items: list[dict[str, object]] = []
    for item in MENU:
        url = reverse(item.url_name)
        policy = policy_of(resolve(url).func)
        if policy is not None and policy.allows_roles(roles):
            items.append({"label": item.label, "url": url, "is_current": request.path == url})
    return items
