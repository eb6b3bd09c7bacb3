"""Writes for reports and case files. Split by who writes:
``records`` (shared building blocks), ``public_intake`` (the resident's
form and follow-up page), ``staff_intake`` and ``handling`` (the ADV)."""
