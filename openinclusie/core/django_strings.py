"""Strings Django shows on our pages that its own Dutch catalogue does not
translate (yet). Marking them here puts them in our catalogue, which Django
consults before its own (LOCALE_PATHS comes first)."""

from django.utils.translation import gettext_noop

UNTRANSLATED_BY_DJANGO = (
    # The empty choice of a select for a model field with choices (Django 6.1).
    gettext_noop("- Select an option -"),
)
