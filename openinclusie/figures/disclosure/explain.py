"""Plain-language titles and explanations: what was hidden and why."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .tables import Note

TITLES: dict[str, Promise] = {
    "headline": _("Reports and incidents by where the reporter lives and where it happened"),
    "ground": _("Reports by discrimination ground"),
    "subground": _("Reports by sub-ground"),
    "domain": _("Reports by societal domain"),
    "nature": _("Reports by nature of the incident"),
    "handling": _("Reports by handling"),
    "channel": _("Reports by way of reporting"),
    "quarters": _("Reports per quarter"),
    "months": _("Reports per month"),
    "neighbourhoods": _("Reports about incidents in the municipality, by neighbourhood and ground"),
    "incidents_ground": _("Incidents by discrimination ground"),
    "incidents_domain": _("Incidents by societal domain"),
    "incidents_nature": _("Incidents by nature of the incident"),
    "incidents_handling": _("Incidents by handling"),
    "incidents_channel": _("Incidents by way of reporting"),
    "mass_ground": _("Mass reports by discrimination ground"),
    "mass_domain": _("Mass reports by societal domain"),
    "mass_nature": _("Mass reports by nature of the incident"),
    "mass_handling": _("Mass reports by handling"),
    "mass_channel": _("Mass reports by way of reporting"),
    "municipalities": _("Reports per municipality"),
    "years": _("Reports per year"),
    "intake_locations": _("Reports per intake location"),
}

DESCRIPTIONS: dict[str, Promise] = {
    "headline": _(
        "The three columns of the national registration form: residents about an incident in their own "
        "municipality, residents about an incident elsewhere (including online), and people who live elsewhere "
        "or did not say where they live, about an incident in the municipality. Mass reports are counted apart."
    ),
    "neighbourhoods": _(
        "Only reports about incidents inside the municipality. Neighbourhoods are small, so a higher limit applies."
    ),
    "intake_locations": _(
        "Reports your ADV took in person at one of its intake locations, such as a pop-up location, by the date "
        "they were received. Counted now; reports without a location are not in this table."
    ),
}


def table_title(key: str) -> str:
    return str(TITLES.get(key, key))


def table_description(key: str) -> str:
    return str(DESCRIPTIONS.get(key, ""))


def note_text(note: Note) -> str:
    params = note.params
    code = note.code
    if code == "small":
        return (
            ngettext(
                "%(count)s figure is shown as “< %(k)s”: fewer than %(k)s reports. The exact number could help "
                "someone find out who reported.",
                "%(count)s figures are shown as “< %(k)s”: fewer than %(k)s reports. The exact number could help "
                "someone find out who reported.",
                params["count"],
            )
            % params
        )
    if code == "complement":
        return (
            ngettext(
                "%(count)s other figure is hidden (x), so that the small numbers cannot be worked out by "
                "subtracting from the totals.",
                "%(count)s other figures are hidden (x), so that the small numbers cannot be worked out by "
                "subtracting from the totals.",
                params["count"],
            )
            % params
        )
    if code == "group":
        return str(
            _(
                "In some neighbourhoods all reports are about the same ground. There only the neighbourhood total "
                "is shown, so that nothing can be read about one group of people."
            )
        )
    if code == "merged_columns":
        return str(
            _(
                "Some columns are shown together, because the numbers in them are too small to show apart. "
                "Together they add up to the total, so nothing hidden can be worked out."
            )
        )
    if code == "multi_valued":
        return str(_("One report can be about more than one category, so the rows can add up to more than the total."))
    if code == "no_shares":
        return str(_("Percentages are only given when there are at least %(base)s reports.") % params)
    if code == "withheld_total_small":
        return str(
            _("This table is not shown: there were fewer than %(k)s reports, so any breakdown could identify people.")
            % params
        )
    if code == "withheld_unsafe":
        return str(_("This table is not shown, because the small numbers in it could not be hidden safely enough."))
    if code == "withheld_area_split":
        return str(
            _(
                "Figures per neighbourhood are not shown for this year: together with the other tables they would "
                "reveal how many reports came from people living elsewhere, and that number is too small to show."
            )
        )
    if code == "area_threshold":
        return str(_("Neighbourhood figures below %(k)s are hidden, because neighbourhoods are small.") % params)
    if code == "months_of_hidden_quarter":
        return str(_("Months are hidden (x) in a quarter whose total is hidden."))
    if code == "mass_excluded":
        return str(
            _(
                "Mass reports (many reports about one public statement or post) are not in the main figures; "
                "they are counted apart."
            )
        )
    if code == "until":
        from django.utils.dateformat import format as date_format
        from django.utils.dateparse import parse_date

        day = parse_date(params["date"])
        return str(
            _(
                "This year is not over. Only reports received before %(date)s (the last completed quarter) are "
                "counted here, so that the figures do not change with every new report."
            )
            % {"date": date_format(day, "j F Y") if day else params["date"]}
        )
    if code == "unassigned":
        return (
            ngettext(
                "%(count)s report counts for no municipality: neither the place of the incident nor the "
                "reporter's residence is known.",
                "%(count)s reports count for no municipality: neither the place of the incident nor the "
                "reporter's residence is known.",
                params["count"],
            )
            % params
        )
    return code
