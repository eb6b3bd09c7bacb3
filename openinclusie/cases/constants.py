from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    WEB = "web", _("Online form")
    PHONE = "phone", _("Telephone")
    EMAIL = "email", _("E-mail")
    WALK_IN = "walk_in", _("Walk-in")
    POP_UP = "pop_up", _("Pop-up location")
    PARTNER_REFERRAL = "partner_referral", _("Referral by a partner organisation")
    OTHER = "other", _("Other")


class RequestType(models.TextChoices):
    # Registration only: counted, then closed.
    MELDING = "melding", _("Registration only (melding)")
    # The reporter asks the ADV for help: a case is handled.
    KLACHT = "klacht", _("Asks for help (klacht)")


class ReporterRole(models.TextChoices):
    VICTIM = "victim", _("Victim")
    WITNESS = "witness", _("Witness")
    UNKNOWN = "unknown", _("Unknown")


class ResidentGround(models.TextChoices):
    """What the resident thinks it was about, in plain words; the consultant
    classifies in the national code list beside it."""

    ORIGIN = "origin", _("Origin or skin colour")
    RELIGION = "religion", _("Religion or belief")
    SEXUAL_ORIENTATION = "sexual_orientation", _("Sexual orientation")
    GENDER = "gender", _("Gender or gender identity")
    DISABILITY = "disability", _("Disability or chronic illness")
    AGE = "age", _("Age")
    OTHER = "other", _("Something else")


class ResidentDomain(models.TextChoices):
    WORK = "work", _("At work")
    JOB_SEEKING = "job_seeking", _("Looking for work")
    SCHOOL = "school", _("School or education")
    HOUSING = "housing", _("Housing")
    NEIGHBOURHOOD = "neighbourhood", _("In the neighbourhood")
    SHOP_SERVICE = "shop_service", _("In a shop or at a service")
    GOING_OUT = "going_out", _("Going out")
    SPORTS = "sports", _("Sports")
    POLICE = "police", _("Police")
    GOVERNMENT = "government", _("Government or municipality")
    INTERNET = "internet", _("Internet or social media")
    OTHER = "other", _("Somewhere else")


class ContactPreference(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Telephone")
    NONE = "none", _("No preference")


class Status(models.TextChoices):
    NEW = "new", _("New")
    INTAKE = "intake", _("Intake")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING_FOR_REPORTER = "waiting_for_reporter", _("Waiting for the reporter")
    REGISTERED = "registered", _("Registered")
    CLOSED = "closed", _("Closed")


class MessageDirection(models.TextChoices):
    TO_REPORTER = "to_reporter", _("To the reporter")
    FROM_REPORTER = "from_reporter", _("From the reporter")


class AccessAction(models.TextChoices):
    VIEW = "view", _("Opened the case file")
    REVEAL_CONTACT = "reveal_contact", _("Revealed contact details")
    EXPORT = "export", _("Exported the case")


class HistoryEvent(models.TextChoices):
    """What a history entry records besides a plain status change. Stored as
    the code, optionally followed by ": " and a detail that holds no free
    text of the reporter (codes, dates, staff names, incident numbers)."""

    CREATED = "created", _("Report registered")
    STATUS = "status", _("Status changed")
    CLASSIFIED = "classified", _("Classification changed")
    REQUEST_TYPE = "request_type", _("Request changed")
    ASSIGNED = "assigned", _("Assigned")
    UNASSIGNED = "unassigned", _("Assignment removed")
    DEADLINE_SET = "deadline_set", _("Deadline set")
    DEADLINE_CLEARED = "deadline_cleared", _("Deadline removed")
    CONSENT_GIVEN = "consent_given", _("Consent for steps towards the other party recorded")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent for steps towards the other party withdrawn")
    INCIDENT_LINKED = "incident_linked", _("Linked to incident")
    INCIDENT_UNLINKED = "incident_unlinked", _("Unlinked from incident")
    INTAKE_LOCATION = "intake_location", _("Intake location changed")
    MESSAGE_SENT = "message_sent", _("Message sent to the reporter")
    # Written by the follow-up page (services/public_intake.py).
    REPORTER_MESSAGE = "reporter_message", _("Message from the reporter")
    REPORTER_ADDITION = "reporter_addition", _("Information added by the reporter")
    NOTE_ADDED = "note_added", _("Internal note added")
    ANONYMISED = "anonymised", _("Personal data and free text removed (retention)")


# Kept when no RetentionPolicy exists for an ADV.
DEFAULT_RETENTION_MONTHS = 24
