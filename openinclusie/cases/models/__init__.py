"""Reports (meldingen), incidents (voorvallen) and their case files.

Everything here is visible only to staff of the ADV in ``Report.adv``.
Personal data sits in separate tables (``ReporterContact``, free text on
``Report``, ``Message``, ``CaseNote``) so retention can remove it and leave
the statistical record."""

from .case_file import AnonymisationLog, CaseAccessLog, CaseNote, Message, RetentionPolicy, StatusChange
from .locations import IntakeLocation
from .reports import Incident, ReferenceCounter, Report, ReportedGround, ReporterContact

__all__ = [
    "AnonymisationLog",
    "CaseAccessLog",
    "CaseNote",
    "Incident",
    "IntakeLocation",
    "Message",
    "ReferenceCounter",
    "Report",
    "ReportedGround",
    "ReporterContact",
    "RetentionPolicy",
    "StatusChange",
]
