from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_CSS_ESCAPES = {"\\": "\\5c ", '"': "\\22 ", "'": "\\27 ", "<": "\\3c ", ">": "\\3e ", "\n": "\\a ", "\r": ""}


@register.filter
def css_string(value: object) -> SafeString:
    """Text made safe inside a double-quoted CSS string (print styles)."""
    return mark_safe("".join(_CSS_ESCAPES.get(char, char) for char in str(value)))
