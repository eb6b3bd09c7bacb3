"""The "check and send" overview: every answer in plain words, grouped by
step, each group with a link to change it."""

from dataclasses import dataclass, field
from typing import Any, cast

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from openinclusie.cases.constants import ContactPreference
from openinclusie.organisations.models import Municipality

from .forms import AboutForm, ContactForm, StepForm, WhatHappenedForm, WhereForm


@dataclass
class Section:
    step: int
    title: str
    change_url: str
    rows: list[tuple[str, str]] = field(default_factory=list)


def _label(form: StepForm, name: str, value: Any) -> str:
    choices = dict(form.fields[name].choices)  # type: ignore[attr-defined]
    return str(choices.get(value, ""))


def _when(form: WhatHappenedForm) -> str:
    data = form.cleaned_data
    if data["occurred_on"] is None:
        return _("You do not know any more")
    if data["occurred_on_is_approximate"]:
        return _("Around %(month)s") % {"month": date_format(data["occurred_on"], "F Y")}
    return date_format(data["occurred_on"], "j F Y")


def _where(form: WhereForm) -> str:
    data = form.cleaned_data
    if data["incident_is_online"]:
        return _("Online, or not tied to one place")
    parts = [data["incident_municipality"].name if data["incident_municipality"] else _("Another municipality")]
    if data["incident_neighbourhood"] is not None:
        parts.append(_("neighbourhood %(name)s") % {"name": data["incident_neighbourhood"].name})
    if data["postcode"]:
        parts.append(_("postcode %(pc4)s") % {"pc4": data["postcode"]})
    return ", ".join(parts)


def _residence(form: AboutForm) -> str:
    data = form.cleaned_data
    if data["residence_declined"]:
        return _("You would rather not say")
    parts = []
    if data["residence_municipality"] is not None:
        parts.append(data["residence_municipality"].name)
    elif data["residence_elsewhere"]:
        parts.append(data["residence_elsewhere"])
    if data["residence_postcode"]:
        parts.append(_("postcode %(pc4)s") % {"pc4": data["residence_postcode"]})
    return ", ".join(parts) or _("In another municipality")


def _contact_rows(form: ContactForm) -> list[tuple[str, str]]:
    contact = form.cleaned_data["public_contact"]
    if contact is None:
        return [(_("Contact details"), _("None: you report anonymously"))]
    rows = [(_("Contact details"), _("Yes, you may be contacted"))]
    if contact.name:
        rows.append((_("Name"), contact.name))
    if contact.email:
        rows.append((_("E-mail address"), contact.email))
    if contact.phone:
        rows.append((_("Telephone number"), contact.phone))
    if contact.preference != ContactPreference.NONE:
        rows.append((_("Preferred way"), _label(form, "preference", contact.preference)))
    if contact.safe_times:
        rows.append((_("Safe times"), contact.safe_times))
    return rows


def summary_sections(forms: list[StepForm], municipality: Municipality) -> list[Section]:
    what = cast(WhatHappenedForm, forms[0])
    where = cast(WhereForm, forms[1])
    about = cast(AboutForm, forms[2])
    contact = cast(ContactForm, forms[3])

    def url(step: int) -> str:
        return reverse("reports:report_step", args=[municipality.slug, step])

    grounds = [_label(about, "grounds", g) for g in about.cleaned_data["grounds"]]
    domain = where.cleaned_data.get("domain")
    return [
        Section(
            1,
            _("What happened"),
            url(1),
            [(_("Your story"), what.cleaned_data["description"]), (_("When"), _when(what))],
        ),
        Section(
            2,
            _("Where it happened"),
            url(2),
            [
                (_("Place"), _where(where)),
                (_("Kind of place"), _label(where, "domain", domain) if domain else _("Not given")),
            ],
        ),
        Section(
            3,
            _("About the discrimination and about you"),
            url(3),
            [
                (_("What it was about"), ", ".join(grounds) if grounds else _("Not given")),
                (_("Who it happened to"), _label(about, "role", about.cleaned_data["role"])),
                (_("Where you live"), _residence(about)),
            ],
        ),
        Section(
            4,
            _("What you would like"),
            url(4),
            [
                (_("Your choice"), _label(contact, "request_type", contact.cleaned_data["request_type"])),
                *_contact_rows(contact),
            ],
        ),
    ]
