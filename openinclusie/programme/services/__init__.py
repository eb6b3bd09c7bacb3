"""Writes of the programme module. Keyword-only, atomic; rule violations
raise ``ProgrammeError`` subclasses, which views turn into form errors."""
