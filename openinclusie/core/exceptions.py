class DomainError(Exception):
    """Base class for rule violations raised by services; views turn these
    into form errors or messages rather than server errors."""
