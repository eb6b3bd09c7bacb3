from .activities import Activity, ActivityPhoto, ActivityStatus, ActivityStatusChange, ActivityUpdate, PhotoType
from .indicators import ActivityMeasure, FiguresMeasure, Indicator, IndicatorSource, Measurement
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
    "Vision",
    "describe_counts",
]
