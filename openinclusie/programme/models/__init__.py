from .activities import Activity, ActivityPhoto, ActivityStatus, ActivityStatusChange, ActivityUpdate, PhotoType
from .indicators import ActivityMeasure, FiguresMeasure, Indicator, IndicatorSource, Measurement
from .letters import BlockKind, DocumentFormat, LetterBlock, LetterDocument, LetterStatus, ProgressLetter
from .plan import Line, Objective, Programme, Vision

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
    "Vision",
]
