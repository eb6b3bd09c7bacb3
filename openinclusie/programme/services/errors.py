from openinclusie.core.exceptions import DomainError


class ProgrammeError(DomainError):
    """Base class of the programme module's rule violations."""


class DuplicateNumberError(ProgrammeError):
    pass


class OutsideProgrammeError(ProgrammeError):
    """An object from another programme or municipality was offered."""


class InvalidPhotoError(ProgrammeError):
    pass


class NotManualError(ProgrammeError):
    pass


class NotEmptyError(ProgrammeError):
    """A line or objective still holds what must be moved or removed first."""


class LetterFrozenError(ProgrammeError):
    pass


class LetterExistsError(ProgrammeError):
    pass
