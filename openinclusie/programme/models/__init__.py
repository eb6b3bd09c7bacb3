from .activities import Activity, ActivityPhoto, ActivityStatus, ActivityStatusChange, ActivityUpdate, PhotoType
from .edits import Edit
from .indicators import ActivityMeasure, FiguresMeasure, Indicator, IndicatorSource, Measurement, ReportChannel
from .letters import BlockKind, DocumentFormat, LetterBlock, LetterDocument, LetterStatus, ProgressLetter
from .plan import Line, Objective, Programme, Vision
from .removals import Removal, RemovedKind, describe_counts

__all__ = [
    "Activity",
    "ActivityMeasure",
    "ActivityPhoto",
    "ActivityStatus",
    "ActivityStatusChange",
    "ActivityUpdate",
    "BlockKind",
    "DocumentFormat",
    "Edit",
    "FiguresMeasure",
    "Indicator",
    "IndicatorSource",
    "LetterBlock",
    "LetterDocument",
    "LetterStatus",
    "Line",
    "Measurement",
    "Objective",
    "PhotoType",
    "Programme",
    "ProgressLetter",
    "Removal",
    "RemovedKind",
    "ReportChannel",
    "Vision",
    "describe_counts",
]
