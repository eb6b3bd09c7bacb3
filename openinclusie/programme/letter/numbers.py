"""Numbers in the letter, written the way the letter's language writes them."""

from datetime import date
from decimal import Decimal

from django.utils import formats


def plain(value: Decimal) -> str:
    """A decimal without trailing zeros, as a JSON-safe string."""
    normalised = value.normalize()
    # normalize() writes 100 as 1E+2; quantize back to a whole number.
    if normalised == normalised.to_integral_value():
        normalised = normalised.quantize(Decimal(1))
    return format(normalised, "f")


def display(value: Decimal | None, unit: str = "") -> str:
    if value is None:
        return "\u2013"
    text = formats.number_format(Decimal(plain(value)), use_l10n=True, force_grouping=True)
    if not unit:
        return text
    return f"{text}%" if unit.strip() == "%" else f"{text} {unit}"


def display_date(value: date | None) -> str:
    if value is None:
        return ""
    return formats.date_format(value, "j F Y", use_l10n=True)
