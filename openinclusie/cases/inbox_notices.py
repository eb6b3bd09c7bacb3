"""E-mail notices to an ADV's inbox that something arrived from a resident:
a new report through the online form, or a message on the follow-up page.

They carry no content of the report: no text, grounds, place or contact
details, and never the receipt code. Only the reference, so staff can find
it after logging in. The task gets ids only, so the task queue holds no
personal data either."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from openinclusie.cases.models import Report

KINDS = ("new_report", "reporter_message")


@task
def notify_adv_inbox(report_id: int, kind: str) -> bool:
    """Mail the ADV's general address. False when there is nobody to tell."""
    if kind not in KINDS:
        raise ValueError(f"Unknown notice kind {kind!r}.")
    report = Report.objects.select_related("adv").filter(pk=report_id).first()
    if report is None or not report.adv.email:
        return False
    # Staff read Dutch first; the platform's default language.
    with translation.override(settings.LANGUAGE_CODE):
        login_url = getattr(settings, "PUBLIC_BASE_URL", "") + reverse("accounts:login")
        if kind == "new_report":
            subject = _("New report %(reference)s") % {"reference": report.reference}
            lead = _("A new report has arrived through the online form: %(reference)s.")
        else:
            subject = _("New message from a reporter on %(reference)s") % {"reference": report.reference}
            lead = _("The reporter of %(reference)s sent a message through the follow-up page.")
        body = "\n\n".join(
            [
                lead % {"reference": report.reference},
                _("Log in to read it: %(url)s") % {"url": login_url},
                _("For the reporter's privacy this e-mail does not contain anything from the report."),
            ]
        )
    send_mail(subject=subject, message=body + "\n", from_email=None, recipient_list=[report.adv.email])
    return True
