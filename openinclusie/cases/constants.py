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
