"""Background tasks of the case module. Thin: load, call a service, done.
Arguments are ids only, so the task queue never holds personal data."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from openinclusie.cases.models import Report, ReporterContact
from openinclusie.cases.services import retention

# The follow-up page belongs to the public meldpunt; these are the names it
# may be published under, tried in order.
FOLLOW_UP_URL_NAMES = ("reports:follow_up_login", "reports:follow_up")


def follow_up_url(report: Report) -> str:
    municipality = report.incident_municipality or report.residence_municipality
    if municipality is None:
        municipality = report.adv.served_municipalities.order_by("name").first()
    with translation.override(settings.LANGUAGE_CODE):
        for name in FOLLOW_UP_URL_NAMES:
            for args in ([municipality.slug] if municipality else [], []):
                try:
                    return settings.PUBLIC_BASE_URL + reverse(name, args=args)
                except NoReverseMatch:
                    continue
        if municipality is not None:
            return settings.PUBLIC_BASE_URL + reverse("public:municipality_home", args=[municipality.slug])
        return settings.PUBLIC_BASE_URL + reverse("public:index")


@task
def send_message_notice(report_id: int) -> bool:
    """Tell the reporter a message is waiting. The mail carries no case
    content: no text, no ground, not even the reference; only where to go
    and that they need their receipt code there."""
    contact = (
        ReporterContact.objects.select_related("report__adv", "report__incident_municipality")
        .filter(report_id=report_id, report__anonymised_at__isnull=True)
        .exclude(email="")
        .first()
    )
    if contact is None:
        return False
    context = {"follow_up_url": follow_up_url(contact.report)}
    parts = []
    for language in ("nl", "en"):
        with translation.override(language):
            parts.append(render_to_string("cases/email/message_notice.txt", context).strip())
    send_mail(
        subject="Nieuw bericht over uw melding / New message about your report",
        message="\n\n----\n\n".join(parts) + "\n",
        from_email=None,
        recipient_list=[contact.email],
    )
    return True


@task
def anonymise_expired_reports() -> int:
    """Run daily (see the ``anonymise_expired_reports`` command for cron)."""
    return retention.anonymise_expired(now=timezone.now())
